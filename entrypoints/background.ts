/**
 * The background owns the database and is its only writer. It answers the
 * typed messages of utils/protocol/messages.ts: content scripts report edits,
 * heartbeats and answers (validated here, since host pages are not ours);
 * extension pages list, end, extend, export and import. After every change
 * and on every alarm it refreshes the badge, reminders and lapses.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openedOnDemand, openPullbackDb } from '@/utils/background/db';
import {
  ClaimInputSchema,
  ClosingSchema,
  DeleteBeforeSchema,
  DeleteRecordSchema,
  DiagnosticSchema,
  ForgetScopeSchema,
  ReportIdSchema,
  EditSignalSchema,
  EndSchema,
  ExtendSchema,
  HeartbeatSchema,
  parseOrThrow,
  PromptAnswerSchema,
  RatingInputSchema,
  SummaryRangeSchema,
  ExportChunkSchema,
  SyncKeySchema,
  PageReadingSchema,
  StagePromptSchema,
} from '@/utils/protocol/schemas';
import {
  onMessage,
  sendMessage,
  type EditDecision,
  type ProtocolMap,
} from '@/utils/protocol/messages';
import { SettingsSchema, type Settings, type ToolId } from '@/utils/model/records';
import { assertSenderServes, senderPage } from '@/utils/protocol/sender-trust';
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { EXTEND_MINUTES } from '@/utils/model/durations';
import {
  armWeeklyAlarm,
  ensureTickAlarm,
  NOTIFICATION_PREFIX,
  refresh,
  showWeeklyNotification,
  WEEKLY_ALARM,
  WEEKLY_NOTIFICATION,
} from '@/utils/background/reminders';
import { weekIdOf } from '@/utils/model/week';
import { createService, type PullbackService } from '@/utils/background/service';
import { syncCustomSites } from '@/utils/background/custom-sites';
import { contentScriptNames } from '@/utils/model/tools';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { recordDiagnostic } from '@/utils/background/diagnostics';
import {
  createSettingsStore,
  settingsItem,
  syncReportItem,
  watchSyncArea,
} from '@/utils/settings/store';
import type { PullbackDatabase } from '@/utils/background/db';
import { verdictFor } from '@/utils/background/page-verdict';
import {
  activePause,
  checkPauseUntil,
  expirePause,
  PAUSE_ALARM,
  pauseEnd,
  pauseItem,
  resumePause,
  startPause,
} from '@/utils/background/pause';
import { clearTabMark, markTab, showPause } from '@/utils/background/toolbar';
import { releaseHeldWeekly, weeklyDue } from '@/utils/background/weekly-hold';
import {
  claimPrompt,
  dropWaiting,
  frameEventTarget,
  promptToToolbar,
  stagePrompt,
  unstagePrompt,
  waitingPrompt,
} from '@/utils/background/prompt-relay';

export default defineBackground({
  type: 'module',
  main() {
    // Settings name people: close extension storage to content scripts (they live inside host pages) and
    // answer what they need by message. Chromium only; elsewhere the call is missing or refused, and harmless.
    void Promise.resolve()
      .then(() => chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }))
      .catch(() => undefined);
    void Promise.resolve()
      .then(() => chrome.storage.sync.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }))
      .catch(() => undefined);

    // Settings follow the lead to their other browsers through storage.sync (utils/settings/store.ts says how):
    // merged now, on every change there, and retried on the minute tick after a failure.
    const settingsStore = createSettingsStore({ sync: browser.storage?.sync });
    const pullSettings = () =>
      void settingsStore.pull().catch((e) => console.warn('Pullback: settings sync', e));
    pullSettings();
    watchSyncArea(pullSettings);

    // Opened once per worker life; a stopped worker reopens it on the next event.
    // A failed open is not kept: the next message tries again.
    let database: PullbackDatabase | undefined;
    const getService = openedOnDemand<PullbackService>((onGone) =>
      openPullbackDb(undefined, undefined, onGone).then((db) =>
        createService({
          db: (database = db),
          getSettings: settingsStore.get,
          setSettings: async (s) => void (await settingsStore.save(s)),
        }),
      ),
    );
    /** The pause in force now (one that ran out is ended and logged here); the icon follows. */
    const currentPause = async () => {
      const pause = await expirePause(new Date());
      if (pause?.until)
        await browser.alarms.create(PAUSE_ALARM, { when: Date.parse(pause.until) + 250 });
      return pause;
    };
    const showWeekly = () =>
      showWeeklyNotification().catch((e) =>
        console.warn('Pullback: weekly notification not shown', e),
      );
    const refreshNow = async () => {
      await refresh(await getService());
      const pause = await currentPause();
      await showPause(pause);
      // A weekly notification held during a pause shows once it is over (utils/background/weekly-hold.ts).
      if (!pause)
        await releaseHeldWeekly(
          showWeekly,
          async () => (await settingsItem.getValue()).weeklyDigest.enabled,
        );
    };
    /** Runs a change, then brings badge, alarms and reminders up to date. */
    const changing = async <T>(change: (s: PullbackService) => Promise<T>): Promise<T> => {
      const result = await change(await getService());
      await refreshNow();
      return result;
    };

    /** Page-only messages: refuse them from content scripts (and so from host pages). */
    const fromExtensionPage = (sender: chrome.runtime.MessageSender) => {
      if (
        sender.id !== browser.runtime.id ||
        sender.tab?.url?.startsWith('http') ||
        !sender.url?.startsWith(browser.runtime.getURL('/'))
      ) {
        throw new Error('This request is only accepted from Pullback’s own pages.');
      }
    };

    // From content scripts: validated, and believed only as far as the sender's page agrees (utils/protocol/sender-trust.ts).
    const fromServedPage = async (
      sender: chrome.runtime.MessageSender,
      claim: { tool: ToolId; artifactUrl?: string },
    ) => assertSenderServes(sender, claim, (await settingsItem.getValue()).customSites);
    // While prompts are paused an edit only feeds an active intervention (hands-on time counts) and nothing asks.
    const quietWhilePaused = (decision: EditDecision): EditDecision =>
      decision.action === 'overdue'
        ? { action: 'feeding', interventionId: decision.intervention.id, report: decision.report }
        : decision.action === 'none'
          ? { action: 'none', reason: 'paused' }
          : decision;
    onMessage('edit', async ({ data, sender }) => {
      const signal = parseOrThrow(EditSignalSchema, data, 'edit signal');
      await fromServedPage(sender, { tool: signal.tool, artifactUrl: signal.artifact.url });
      const s = await getService();
      if (await currentPause())
        return quietWhilePaused(await s.heartbeat({ tool: signal.tool, key: signal.artifact.key }));
      return s.edit(signal);
    });
    onMessage('heartbeat', async ({ data, sender }) => {
      const beat = parseOrThrow(HeartbeatSchema, data, 'heartbeat');
      await fromServedPage(sender, { tool: beat.tool });
      const decision = await (await getService()).heartbeat(beat);
      return (await currentPause()) && decision.action === 'overdue'
        ? quietWhilePaused(decision)
        : decision;
    });
    // A content script on a site the lead added asks for that site's definition (storage is closed to it).
    onMessage('customSiteHere', async ({ sender }) => {
      const page = senderPage(sender);
      return (
        (page &&
          (await settingsItem.getValue()).customSites.find((s) => s.origin === page.origin)) ||
        null
      );
    });
    onMessage('answerPrompt', async ({ data }) => {
      const answer = parseOrThrow(PromptAnswerSchema, data, 'answer');
      const result = await changing((s) => s.answerPrompt(answer));
      // Answered in the popup (or anywhere): no longer waiting. The answer is saved whatever the icon does.
      await dropWaiting({ promptId: answer.promptId }).catch(() => {});
      return result;
    });
    // The prompt's frame (components/prompt/PromptHost.ts): staged by the tab's content script, claimed by
    // Pullback's own page in that tab's frame; where the page blocks the frame, the toolbar asks.
    onMessage('stagePrompt', ({ data, sender }) =>
      stagePrompt(parseOrThrow(StagePromptSchema, data, 'prompt').request, sender),
    );
    onMessage('unstagePrompt', ({ sender }) => unstagePrompt(sender));
    onMessage('claimPrompt', ({ sender }) => claimPrompt(sender, browser.runtime.id));
    onMessage('relayPromptFrameEvent', async ({ data, sender }) => {
      const target = frameEventTarget(sender, browser.runtime.id, data?.frameId);
      await sendMessage('promptFrameEvent', data.event, target).catch(() => {}); // Navigated away: nobody to tell.
    });
    onMessage('promptToToolbar', ({ data, sender }) =>
      promptToToolbar(parseOrThrow(StagePromptSchema, data, 'prompt').request, sender),
    );
    // From the in-page prompt and the popup alike.
    onMessage('endIntervention', ({ data }) =>
      changing((s) => s.endIntervention(parseOrThrow(EndSchema, data, 'intervention').id)),
    );
    onMessage('extendIntervention', ({ data }) => {
      const { id, minutes } = parseOrThrow(ExtendSchema, data, 'extension');
      return changing((s) => s.extendIntervention(id, minutes));
    });
    onMessage('recordClosing', ({ data }) => {
      const { id, ...answers } = parseOrThrow(ClosingSchema, data, 'closing answers');
      return changing((s) => s.recordClosing(id, answers));
    });

    // From extension pages only: refused from content scripts (and so from host pages).
    const fromPage = <T extends keyof ProtocolMap>(
      type: T,
      handle: (data: GetDataType<ProtocolMap[T]>) => Promise<GetReturnType<ProtocolMap[T]>>,
    ) =>
      onMessage(type, ({ data, sender }) => {
        fromExtensionPage(sender);
        return handle(data);
      });
    fromPage('listActive', async () => (await getService()).listActive());
    fromPage('listAwaitingClosing', async () => (await getService()).listAwaitingClosing());
    fromPage('listLog', async (data) =>
      (await getService()).listLog(Math.min(Math.max(Number(data?.limit) || 50, 1), 500)),
    );
    fromPage('exportBackup', async () => (await getService()).exportBackup());
    fromPage('exportOpening', async () => (await getService()).exportOpening());
    fromPage('exportChunk', async (data) => {
      const { store, after } = parseOrThrow(ExportChunkSchema, data, 'backup part');
      return (await getService()).exportChunk(store, after);
    });
    fromPage('importBackup', (data) => changing((s) => s.importBackup(String(data?.text ?? ''))));
    fromPage('summaryData', async (data) =>
      (await getService()).summaryData(parseOrThrow(SummaryRangeSchema, data, 'summary range')),
    );
    fromPage('saveRating', async (data) =>
      (await getService()).saveRating(parseOrThrow(RatingInputSchema, data, 'rating')),
    );
    fromPage('addClaim', async (data) =>
      (await getService()).addClaim(parseOrThrow(ClaimInputSchema, data, 'claim')),
    );
    fromPage('removeClaim', async (data) =>
      (await getService()).removeClaim(parseOrThrow(EndSchema, data, 'claim').id),
    );
    fromPage('saveSettings', (data) =>
      changing((s) => s.saveSettings(parseOrThrow(SettingsSchema, data, 'settings'))),
    );
    // The in-page prompt is injected into the asking content script's frame only when a prompt may
    // show: the always-loaded script stays small, and no extension file is exposed to web pages.
    onMessage('loadPrompt', async ({ sender }) => {
      if (sender.tab?.id === undefined)
        throw new Error('Only a tab’s content script loads the prompt.');
      await browser.scripting.executeScript({
        target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
        files: ['/prompt.js'],
      });
    });
    // Likewise the owner lookups and the popup's page reader, when the lead first focuses an editor.
    onMessage('loadLookup', async ({ data, sender }) => {
      if (sender.tab?.id === undefined)
        throw new Error('Only a tab’s content script loads its lookups.');
      const script = String(data?.contentScript);
      if (!contentScriptNames().has(script))
        throw new Error(`No lookups for “${script.slice(0, 40)}”.`);
      await browser.scripting.executeScript({
        target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
        files: [`/${script}-lookup.js` as ScriptPublicPath],
      });
    });
    // Forgetting (utils/background/forget.ts): page-only, and the badge and reminders follow at once.
    fromPage('forgetPreview', async (data) =>
      (await getService()).forgetPreview(parseOrThrow(ForgetScopeSchema, data, 'what to forget')),
    );
    fromPage('deleteRecord', (data) => {
      const { store, id } = parseOrThrow(DeleteRecordSchema, data, 'record');
      return changing((s) => s.deleteRecord(store, id));
    });
    fromPage('forgetReport', (data) =>
      changing((s) => s.forgetReport(parseOrThrow(ReportIdSchema, data, 'report').reportId)),
    );
    fromPage('retireReport', (data) =>
      changing((s) => s.retireReport(parseOrThrow(ReportIdSchema, data, 'report').reportId)),
    );
    fromPage('deleteBefore', (data) =>
      changing((s) => s.deleteBefore(parseOrThrow(DeleteBeforeSchema, data, 'date').beforeIso)),
    );
    fromPage('deleteEverything', () => changing((s) => s.deleteEverything()));
    onMessage('reportDiagnostic', async ({ data, sender }) => {
      const diagnostic = parseOrThrow(DiagnosticSchema, data, 'diagnostic');
      // The lead was editing here and the adapter could not read the page: that tab's icon says so.
      if (sender.tab?.id !== undefined)
        await markTab(sender.tab.id, diagnostic.problem).catch(() => {});
      return recordDiagnostic(diagnostic);
    });
    fromPage('waitingPrompt', async (data) => waitingPrompt(Number(data?.tabId)));
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.url) void clearTabMark(tabId).then(() => dropWaiting({ tabId }));
    });
    browser.tabs.onRemoved.addListener((tabId) => void dropWaiting({ tabId }));

    // The popup's "On this page": the tab's content script reads, the background judges, nothing is written.
    fromPage('describeTab', async (data) => {
      const tabId = Number(data?.tabId);
      if (!Number.isInteger(tabId) || tabId < 0)
        throw new Error('Which tab? A tab id is a whole number.');
      const raw = await sendMessage('describePage', undefined, tabId).catch(() => null);
      if (!raw) return null;
      const reading = parseOrThrow(PageReadingSchema, raw, 'page reading');
      await getService();
      const verdict = await verdictFor(reading, {
        db: database!,
        settings: await settingsItem.getValue(),
        pause: await currentPause(),
        now: new Date(),
      });
      return { reading, verdict };
    });

    // Pause: from the popup and the keyboard command; it ends by itself at its end (alarm, and every check).
    fromPage('pausePrompts', async (data) => {
      const until = checkPauseUntil(data?.until, new Date());
      await startPause(until, new Date());
      await refreshNow();
    });
    fromPage('resumePrompts', async () => {
      await resumePause(new Date());
      await browser.alarms.clear(PAUSE_ALARM);
      await refreshNow();
    });

    fromPage('syncPutBack', (data) =>
      changing(() => settingsStore.putBack(parseOrThrow(SyncKeySchema, data, 'sync entry').key)),
    );
    fromPage('syncDismiss', async (data) =>
      settingsStore.dismiss(parseOrThrow(SyncKeySchema, data, 'sync entry').key),
    );

    // Clockwork: the minute tick, the next planned end, the weekly summary.
    void ensureTickAlarm();
    browser.alarms.onAlarm.addListener(async (alarm) => {
      if (alarm.name === WEEKLY_ALARM) {
        await weeklyDue(Boolean(await currentPause()), showWeekly).catch((e) =>
          console.warn('Pullback: weekly notification not held', e),
        );
        await armWeeklyAlarm((await settingsItem.getValue()).weeklyDigest);
        return;
      }
      if ((await syncReportItem.getValue()).status.kind === 'failed') pullSettings();
      await refreshNow();
    });
    browser.runtime.onStartup.addListener(() => void refreshNow());
    browser.runtime.onInstalled.addListener(({ reason }) => {
      void refreshNow();
      // A first run: who you are, your reports, your tools (entrypoints/welcome).
      if (reason === 'install')
        void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    });

    // Sites the lead added: the run-time content script follows settings and granted permissions.
    const syncSites = async () =>
      syncCustomSites((await settingsItem.getValue()).customSites).catch((e) =>
        console.warn('Pullback: custom sites', e),
      );
    browser.permissions.onRemoved.addListener(() => void syncSites());
    browser.permissions.onAdded.addListener(() => void syncSites());

    // Idle or locked time is never hands-on time.
    const applyIdleThreshold = (minutes: number) =>
      browser.idle.setDetectionInterval(Math.max(15, Math.round(minutes * 60)));
    browser.idle.onStateChanged.addListener((state) => {
      if (state !== 'active') void getService().then((s) => s.markIdle());
    });

    // What follows settings, now and on every change: the weekly alarm, added sites, the idle threshold.
    const applySettings = (settings: Settings) => {
      void armWeeklyAlarm(settings.weeklyDigest);
      void syncSites();
      void applyIdleThreshold(settings.idleMinutes);
    };
    void settingsItem.getValue().then(applySettings);
    settingsItem.watch((settings) => settings && applySettings(settings));

    // The pull-back reminder's answers.
    browser.notifications.onButtonClicked.addListener((notificationId, button) => {
      if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
      const id = notificationId.slice(NOTIFICATION_PREFIX.length);
      void browser.notifications.clear(notificationId);
      void changing((s) =>
        button === 0 ? s.endIntervention(id) : s.extendIntervention(id, EXTEND_MINUTES),
      );
    });
    browser.notifications.onClicked.addListener((notificationId) => {
      if (notificationId === WEEKLY_NOTIFICATION) {
        void browser.notifications.clear(notificationId);
        void browser.tabs.create({
          url: browser.runtime.getURL(`/summary.html#${weekIdOf(new Date())}`),
        });
        return;
      }
      if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
      void browser.notifications.clear(notificationId);
      void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    });

    // The keyboard route into the prompt: the page keeps focus until the lead asks.
    browser.commands?.onCommand.addListener(async (command) => {
      if (command === 'pause-prompts') {
        // One key: pause prompts for an hour, or resume when paused.
        const now = new Date();
        if (activePause(await pauseItem.getValue(), now)) await resumePause(now);
        else await startPause(pauseEnd('hour', now), now);
        await refreshNow();
        return;
      }
      if (command !== 'focus-prompt') return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined)
        await sendMessage('focusPrompt', undefined, tab.id).catch(() => false);
    });
  },
});

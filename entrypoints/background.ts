/**
 * The background owns the database and is its only writer. It answers the
 * typed messages of utils/messages.ts: content scripts report edits,
 * heartbeats and answers (validated here, since host pages are not ours);
 * extension pages list, end, extend, export and import. After every change
 * and on every alarm it refreshes the badge, reminders and lapses.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SettingsSchema } from '@/utils/backup';
import { openPullbackDb } from '@/utils/db';
import {
  ClaimInputSchema,
  ClosingSchema,
  DiagnosticSchema,
  EditSignalSchema,
  EndSchema,
  ExtendSchema,
  HeartbeatSchema,
  parseOrThrow,
  PromptAnswerSchema,
  RatingInputSchema,
  SummaryRangeSchema,
} from '@/utils/message-schemas';
import { onMessage, sendMessage } from '@/utils/messages';
import { EXTEND_MINUTES } from '@/utils/durations';
import {
  armWeeklyAlarm,
  ensureTickAlarm,
  NOTIFICATION_PREFIX,
  refresh,
  showWeeklyNotification,
  WEEKLY_ALARM,
  WEEKLY_NOTIFICATION,
} from '@/utils/reminders';
import { weekIdOf } from '@/utils/week';
import { createService, type PullbackService } from '@/utils/service';
import { syncCustomSites } from '@/utils/custom-sites';
import { recordDiagnostic } from '@/utils/diagnostics';
import { settingsItem } from '@/utils/settings';

export default defineBackground({
  type: 'module',
  main() {
    // Opened once per worker life; a stopped worker reopens it on the next event.
    let service: Promise<PullbackService> | undefined;
    const getService = () =>
      (service ??= openPullbackDb(undefined, undefined, () => (service = undefined)).then((db) =>
        createService({ db, getSettings: () => settingsItem.getValue(), setSettings: (s) => settingsItem.setValue(s) }),
      ));
    const refreshNow = async () => refresh(await getService());
    /** Runs a change, then brings badge, alarms and reminders up to date. */
    const changing = async <T>(change: (s: PullbackService) => Promise<T>): Promise<T> => {
      const result = await change(await getService());
      await refreshNow();
      return result;
    };

    /** Page-only messages: refuse them from content scripts (and so from host pages). */
    const fromExtensionPage = (sender: chrome.runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || sender.tab?.url?.startsWith('http') || !sender.url?.startsWith(browser.runtime.getURL('/'))) {
        throw new Error('This request is only accepted from Pullback’s own pages.');
      }
    };

    // From content scripts: validated before anything is written.
    onMessage('edit', async ({ data }) => (await getService()).edit(parseOrThrow(EditSignalSchema, data, 'edit signal')));
    onMessage('heartbeat', async ({ data }) => (await getService()).heartbeat(parseOrThrow(HeartbeatSchema, data, 'heartbeat')));
    onMessage('answerPrompt', ({ data }) => changing((s) => s.answerPrompt(parseOrThrow(PromptAnswerSchema, data, 'answer'))));
    // From the in-page prompt and the popup alike.
    onMessage('endIntervention', ({ data }) => changing((s) => s.endIntervention(parseOrThrow(EndSchema, data, 'intervention').id)));
    onMessage('extendIntervention', ({ data }) => {
      const { id, minutes } = parseOrThrow(ExtendSchema, data, 'extension');
      return changing((s) => s.extendIntervention(id, minutes));
    });
    onMessage('recordClosing', ({ data }) => {
      const { id, ...answers } = parseOrThrow(ClosingSchema, data, 'closing answers');
      return changing((s) => s.recordClosing(id, answers));
    });

    // From extension pages only.
    onMessage('listActive', async ({ sender }) => {
      fromExtensionPage(sender);
      return (await getService()).listActive();
    });
    onMessage('listAwaitingClosing', async ({ sender }) => {
      fromExtensionPage(sender);
      return (await getService()).listAwaitingClosing();
    });
    onMessage('listLog', async ({ data, sender }) => {
      fromExtensionPage(sender);
      const limit = Math.min(Math.max(Number(data?.limit) || 50, 1), 500);
      return (await getService()).listLog(limit);
    });
    onMessage('exportBackup', async ({ sender }) => {
      fromExtensionPage(sender);
      return (await getService()).exportBackup();
    });
    onMessage('importBackup', ({ data, sender }) => {
      fromExtensionPage(sender);
      return changing((s) => s.importBackup(String(data?.text ?? '')));
    });
    onMessage('summaryData', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return (await getService()).summaryData(parseOrThrow(SummaryRangeSchema, data, 'summary range'));
    });
    onMessage('saveRating', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return (await getService()).saveRating(parseOrThrow(RatingInputSchema, data, 'rating'));
    });
    onMessage('addClaim', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return (await getService()).addClaim(parseOrThrow(ClaimInputSchema, data, 'claim'));
    });
    onMessage('removeClaim', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return (await getService()).removeClaim(parseOrThrow(EndSchema, data, 'claim').id);
    });
    onMessage('reportDiagnostic', async ({ data }) => recordDiagnostic(parseOrThrow(DiagnosticSchema, data, 'diagnostic')));
    onMessage('saveSettings', ({ data, sender }) => {
      fromExtensionPage(sender);
      return changing((s) => s.saveSettings(parseOrThrow(SettingsSchema, data, 'settings')));
    });

    // Clockwork: the minute tick, the next planned end, the weekly summary.
    void ensureTickAlarm();
    void settingsItem.getValue().then((s) => armWeeklyAlarm(s.weeklyDigest));
    settingsItem.watch((s) => s && void armWeeklyAlarm(s.weeklyDigest));
    browser.alarms.onAlarm.addListener(async (alarm) => {
      if (alarm.name === WEEKLY_ALARM) {
        await showWeeklyNotification().catch((e) => console.warn('Pullback: weekly notification not shown', e));
        await armWeeklyAlarm((await settingsItem.getValue()).weeklyDigest);
        return;
      }
      await refreshNow();
    });
    browser.runtime.onStartup.addListener(() => void refreshNow());
    browser.runtime.onInstalled.addListener(() => void refreshNow());

    // Sites the lead added: the run-time content script follows settings and granted permissions.
    const syncSites = async () => syncCustomSites((await settingsItem.getValue()).customSites).catch((e) => console.warn('Pullback: custom sites', e));
    void syncSites();
    settingsItem.watch(() => void syncSites());
    browser.permissions.onRemoved.addListener(() => void syncSites());
    browser.permissions.onAdded.addListener(() => void syncSites());

    // Idle or locked time is never hands-on time.
    const applyIdleThreshold = (minutes: number) => browser.idle.setDetectionInterval(Math.max(15, Math.round(minutes * 60)));
    void settingsItem.getValue().then((s) => applyIdleThreshold(s.idleMinutes));
    settingsItem.watch((s) => s && applyIdleThreshold(s.idleMinutes));
    browser.idle.onStateChanged.addListener((state) => {
      if (state !== 'active') void getService().then((s) => s.markIdle());
    });

    // The pull-back reminder's answers.
    browser.notifications.onButtonClicked.addListener((notificationId, button) => {
      if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
      const id = notificationId.slice(NOTIFICATION_PREFIX.length);
      void browser.notifications.clear(notificationId);
      void changing((s) => (button === 0 ? s.endIntervention(id) : s.extendIntervention(id, EXTEND_MINUTES)));
    });
    browser.notifications.onClicked.addListener((notificationId) => {
      if (notificationId === WEEKLY_NOTIFICATION) {
        void browser.notifications.clear(notificationId);
        void browser.tabs.create({ url: browser.runtime.getURL(`/summary.html#${weekIdOf(new Date())}`) });
        return;
      }
      if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
      void browser.notifications.clear(notificationId);
      void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    });

    // The keyboard route into the prompt: the page keeps focus until the lead asks.
    browser.commands?.onCommand.addListener(async (command) => {
      if (command !== 'focus-prompt') return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) await sendMessage('focusPrompt', undefined, tab.id).catch(() => false);
    });
  },
});

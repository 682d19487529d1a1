/**
 * The background owns the database and is its only writer. The messages it answers are one table,
 * utils/background/routes.ts (who may send each, its schema, its handler); here are the rest of its
 * duties: settings sync, alarms, notifications, idle, keyboard commands and the first-run page.
 * After every change and on every alarm it refreshes the badge, reminders and lapses.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openedOnDemand, openPullbackDb, type PullbackDatabase } from '@/utils/background/db';
import { syncCustomSites } from '@/utils/background/custom-sites';
import {
  activePause,
  expirePause,
  PAUSE_ALARM,
  pauseEnd,
  pauseItem,
  resumePause,
  startPause,
} from '@/utils/background/pause';
import {
  armWeeklyAlarm,
  ensureTickAlarm,
  HELD_NOTIFICATION,
  NOTIFICATION_PREFIX,
  refresh,
  showWeeklyNotification,
  WEEKLY_ALARM,
  WEEKLY_NOTIFICATION,
} from '@/utils/background/reminders';
import { backgroundRoutes, registerRoutes } from '@/utils/background/routes';
import { createService, type PullbackService } from '@/utils/background/service';
import { clearTabMark, showPause } from '@/utils/background/toolbar';
import { dropWaiting } from '@/utils/background/prompt-relay';
import { releaseHeldWeekly, weeklyDue } from '@/utils/background/weekly-hold';
import type { Settings } from '@/utils/model/records';
import { weekIdOf } from '@/utils/model/week';
import { sendMessage } from '@/utils/protocol/messages';
import {
  createSettingsStore,
  settingsItem,
  syncReportItem,
  watchSyncArea,
} from '@/utils/settings/store';

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
          getPause: () => currentPause(),
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
      const pause = await currentPause();
      // Quiet means quiet: no reminder while paused; what came due shows once it ends.
      await refresh(await getService(), new Date(), { paused: Boolean(pause) });
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

    registerRoutes(
      backgroundRoutes({
        service: getService,
        database: () => database!,
        settings: () => settingsItem.getValue(),
        settingsStore,
        currentPause,
        refreshNow,
      }),
      { settings: () => settingsItem.getValue(), refreshNow },
    );
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.url) void clearTabMark(tabId).then(() => dropWaiting({ tabId }));
    });
    // A question waiting in the toolbar for a tab that is gone waits no more.
    browser.tabs.onRemoved.addListener((tabId) => void dropWaiting({ tabId }));

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
      void changing((s) => (button === 0 ? s.endIntervention(id) : s.keepFromReminder(id)));
    });
    browser.notifications.onClicked.addListener((notificationId) => {
      if (notificationId === HELD_NOTIFICATION) {
        void browser.notifications.clear(notificationId);
        void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
        return;
      }
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

/**
 * The background owns the database and is its only writer. It answers the
 * typed messages of utils/messages.ts: content scripts report edits and
 * answers (validated here, since host pages are not ours); extension pages
 * list, end, export and import.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SettingsSchema } from '@/utils/backup';
import { openPullbackDb } from '@/utils/db';
import { EditSignalSchema, IdSchema, parseOrThrow, PromptAnswerSchema } from '@/utils/message-schemas';
import { onMessage, sendMessage } from '@/utils/messages';
import { createService, type PullbackService } from '@/utils/service';
import { settingsItem } from '@/utils/settings';

export default defineBackground({
  type: 'module',
  main() {
    // Opened once per worker life; a stopped worker reopens it on the next message.
    let service: Promise<PullbackService> | undefined;
    const getService = () =>
      (service ??= openPullbackDb().then((db) =>
        createService({ db, getSettings: () => settingsItem.getValue(), setSettings: (s) => settingsItem.setValue(s) }),
      ));

    /** Page-only messages: refuse them from content scripts (and so from host pages). */
    const fromExtensionPage = (sender: chrome.runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || sender.tab?.url?.startsWith('http') || !sender.url?.startsWith(browser.runtime.getURL('/'))) {
        throw new Error('This request is only accepted from Pullback’s own pages.');
      }
    };

    onMessage('edit', async ({ data }) => (await getService()).edit(parseOrThrow(EditSignalSchema, data, 'edit signal')));
    onMessage('answerPrompt', async ({ data }) => (await getService()).answerPrompt(parseOrThrow(PromptAnswerSchema, data, 'answer')));

    onMessage('listActive', async ({ sender }) => {
      fromExtensionPage(sender);
      return (await getService()).listActive();
    });
    onMessage('listLog', async ({ data, sender }) => {
      fromExtensionPage(sender);
      const limit = Math.min(Math.max(Number(data?.limit) || 50, 1), 500);
      return (await getService()).listLog(limit);
    });
    onMessage('endIntervention', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return (await getService()).endIntervention(parseOrThrow(IdSchema, data?.id, 'intervention id'));
    });
    onMessage('exportBackup', async ({ sender }) => {
      fromExtensionPage(sender);
      return (await getService()).exportBackup();
    });
    onMessage('importBackup', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return (await getService()).importBackup(String(data?.text ?? ''));
    });
    onMessage('saveSettings', async ({ data, sender }) => {
      fromExtensionPage(sender);
      const settings = parseOrThrow(SettingsSchema, data, 'settings');
      return (await getService()).saveSettings(settings);
    });

    // The keyboard route into the prompt: the page keeps focus until the lead asks.
    browser.commands?.onCommand.addListener(async (command) => {
      if (command !== 'focus-prompt') return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) await sendMessage('focusPrompt', undefined, tab.id).catch(() => false);
    });
  },
});

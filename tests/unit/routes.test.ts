/**
 * The background's messages are one table (utils/background/routes.ts): every message it answers
 * has one route naming its sender kind; Pullback's own pages' requests are refused from a host
 * page's content script; a served page's claim must match the sender's page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundRoutes, checkSender, NOT_FROM_PAGES } from '@/utils/background/routes';
import { DEFAULT_SETTINGS } from '@/utils/model/records';

/** The messages the protocol says the background answers, read from its source. */
function backgroundMessages(): string[] {
  const source = readFileSync(
    join(import.meta.dirname, '../../utils/protocol/messages.ts'),
    'utf8',
  );
  const body = source.slice(source.indexOf('export interface BackgroundMessages {'));
  const block = body.slice(0, body.indexOf('\n}'));
  return [...block.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]!);
}

const routes = backgroundRoutes({
  service: () => Promise.reject(new Error('no service in this test')),
  database: () => {
    throw new Error('no database in this test');
  },
  settings: async () => DEFAULT_SETTINGS,
  settingsStore: {} as never,
  currentPause: async () => null,
  refreshNow: async () => {},
});
const settings = async () => DEFAULT_SETTINGS;
const extensionPage = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
});
const hostPage = {
  id: fakeBrowser.runtime.id,
  url: 'https://acme.atlassian.net/browse/PAY-1',
  tab: { id: 3, url: 'https://acme.atlassian.net/browse/PAY-1' },
} as chrome.runtime.MessageSender;

describe('the route table', () => {
  it('answers every message the protocol declares for the background, each once', () => {
    const answered = routes.map((r) => r.type).sort();
    expect(new Set(answered).size).toBe(answered.length);
    const declared = backgroundMessages();
    expect(declared.length).toBeGreaterThan(30);
    expect(answered).toEqual(declared.sort());
  });

  it('refuses a host page’s content script for every request of Pullback’s own pages', async () => {
    const pageOnly = routes.filter((r) => r.from === 'extension-page');
    expect(pageOnly.map((r) => r.type)).toEqual(
      expect.arrayContaining(['deleteEverything', 'importBackup', 'saveSettings', 'listLog']),
    );
    for (const r of pageOnly) {
      await expect(checkSender(r.from, hostPage, undefined, settings), r.type).rejects.toThrow(
        NOT_FROM_PAGES,
      );
      await expect(
        checkSender(r.from, extensionPage(), undefined, settings),
      ).resolves.toBeUndefined();
    }
  });

  it('tells the lead’s closing line to Pullback’s pages and its prompt frame, never to a content script', async () => {
    const route = routes.find((r) => r.type === 'noteClosingLine')!;
    const frame = {
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/prompt-frame.html'),
      tab: { id: 3, url: 'https://acme.atlassian.net/browse/PAY-1' },
    } as chrome.runtime.MessageSender;
    await expect(checkSender(route.from, hostPage, undefined, settings)).rejects.toThrow(
      NOT_FROM_PAGES,
    );
    await expect(checkSender(route.from, frame, undefined, settings)).resolves.toBeUndefined();
    await expect(
      checkSender(route.from, extensionPage(), undefined, settings),
    ).resolves.toBeUndefined();
  });

  it('believes a content script’s edit only for the page it is on', async () => {
    const edit = routes.find((r) => r.type === 'edit')!;
    expect(edit.from).toBe('served-page');
    const claim = { tool: 'github' as const, artifactUrl: 'https://github.com/acme/api/issues/1' };
    await expect(checkSender('served-page', hostPage, () => claim, settings)).rejects.toThrow();
    const jira = { tool: 'jira' as const, artifactUrl: 'https://acme.atlassian.net/browse/PAY-1' };
    await expect(
      checkSender('served-page', hostPage, () => jira, settings),
    ).resolves.toBeUndefined();
  });

  it('says which changes bring the badge and reminders up to date', () => {
    const refreshing = routes.filter((r) => r.refreshes).map((r) => r.type);
    expect(refreshing).toEqual(
      expect.arrayContaining([
        'answerPrompt',
        'endIntervention',
        'deleteEverything',
        'pausePrompts',
      ]),
    );
    expect(refreshing).not.toContain('listActive');
  });
});

/**
 * Firefox's MV3 background is an event page that the browser may unload, and
 * a restart ends everything in memory: an intervention started before a
 * restart is still active after it (from IndexedDB), counted on the badge,
 * and can be pulled back. The add-on is installed as an .xpi in the profile,
 * as a user has it (a temporary add-on would be gone after the restart).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { serveFakeJira } from '../support/fake-jira';
import { launchFirefox, removeProfile, type FirefoxExtension } from '../support/firefox';
import {
  byText,
  clickButton,
  editSummary,
  exportBackup,
  importBackupFile,
  inExtension,
  textOf,
  waitForPrompt,
} from '../support/firefox-steps';
import { bob, dana, rosterBackup } from '../support/roster';

describe('Firefox: a browser restart', () => {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'pullback-firefox-restart-'));
  let ff: FirefoxExtension | undefined;
  afterAll(async () => {
    await ff?.close();
    removeProfile(profileDir);
  });

  const launch = async () => {
    ff = await launchFirefox({ profileDir });
    const jira = await serveFakeJira(ff.routes, {
      myself: dana,
      issues: { 'RST-1': { summary: 'Survives a restart', assignee: bob } },
    });
    return { ff, jira };
  };
  const badgeText = (ext: FirefoxExtension) =>
    inExtension(ext, () => (globalThis as any).browser.action.getBadgeText({}), '');

  test('an intervention started before the restart is active after it, on the badge and in the popup, and can be pulled back', async () => {
    const first = await launch();
    const { page: options } = await importBackupFile(first.ff, rosterBackup);
    await options.close();
    const page = await first.ff.newPage(first.jira.url('RST-1'));
    await editSummary(page, ' again');
    const prompt = await waitForPrompt(page);
    await clickButton(prompt, /^Yes/);
    await byText(prompt, '*', /intervention started/i);
    await vi.waitFor(async () => expect(await badgeText(first.ff)).toBe('1'), {
      timeout: 30_000,
      interval: 200,
    });
    await first.ff.close({ keepProfile: true });

    const second = await launch();
    await vi.waitFor(async () => expect(await badgeText(second.ff)).toBe('1'), {
      timeout: 30_000,
      interval: 200,
    });
    const popup = await second.ff.openPage('popup.html');
    const item = await byText(popup, 'li', /RST-1/);
    await expect(textOf(item)).resolves.toContain('Bob Okafor');
    await clickButton(item, /^Pull back$/);
    await byText(popup, 'tr', /Pulled back from RST-1 \(Bob Okafor\)/);
    const backup = await exportBackup(second.ff);
    expect(backup.interventions).toEqual([
      expect.objectContaining({
        reportId: 'bob',
        status: 'ended',
        artifact: expect.objectContaining({ key: 'RST-1' }),
      }),
    ]);
  }, 300_000); // two Firefox launches
});

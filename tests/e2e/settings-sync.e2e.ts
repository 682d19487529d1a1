/**
 * The roster on every browser the lead uses, in Chromium with
 * the built extension: a change made on the options page lands in
 * chrome.storage.sync (read through the service worker, as another browser's
 * sync would carry it), and a change another browser wrote into the sync area
 * shows on the options page that is already open, with the state in words.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { rosterBackup } from '../support/roster';
import { importBackupFile } from '../support/steps';

describe('settings through the browser’s sync', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  /** One item of Pullback's in chrome.storage.sync, read in the service worker. */
  const syncItem = async (key: string) =>
    (await ext.worker()).evaluate(async (k) => (await chrome.storage.sync.get(k))[k] as any, key);

  test('a roster change on the options page lands in storage.sync; one from another browser shows on the open page', async () => {
    const { page } = await importBackupFile(ext, rosterBackup, 'team.json');
    const section = page.getByRole('region', { name: 'On your other browsers' });
    await expect
      .poll(() => section.textContent())
      .toMatch(
        /follow you to other browsers where you are signed in with sync on \(\d+ KB of 100 KB\)/,
      );

    // Here: Bob gets another alias on the options page.
    const bobAliases = page.getByRole('group', { name: 'Report 2' }).getByLabel(/aliases/i);
    await bobAliases.fill('bob@acme.test\nbokafor');
    await expect
      .poll(async () => (await syncItem('pb1.r.bob'))?.v?.aliases)
      .toEqual(['bob@acme.test', 'bokafor']);
    expect((await syncItem('pb1.r.alice')).v.name).toBe('Alice Chen'); // one item per report

    // There: another browser renames Alice, after having seen this browser's version, and its change arrives through sync.
    const alice = await syncItem('pb1.r.alice');
    await (
      await ext.worker()
    ).evaluate((item) => chrome.storage.sync.set({ 'pb1.r.alice': item }), {
      v: { name: 'Alice Chen-Ito', aliases: ['alice@acme.test'] },
      at: Date.now() + 1000,
      by: 'another-browser',
      base: alice.at,
    });
    const aliceName = page.getByRole('group', { name: 'Report 1' }).getByLabel('Name');
    await expect.poll(() => aliceName.inputValue()).toBe('Alice Chen-Ito');
    await expect
      .poll(() =>
        page
          .getByRole('group', { name: 'Report 2' })
          .getByLabel(/aliases/i)
          .inputValue(),
      )
      .toBe('bob@acme.test\nbokafor');
    await expect(section.getByRole('button', { name: /put mine back/i }).count()).resolves.toBe(0); // an ordinary later change

    // An entry another browser wrote that this version cannot read: named on the page, nothing here changes.
    await (
      await ext.worker()
    ).evaluate(() =>
      chrome.storage.sync.set({
        'pb1.r.bob': { v: { name: '' }, at: Date.now() + 2000, by: 'another-browser', base: 0 },
      }),
    );
    await expect
      .poll(() => section.textContent())
      .toMatch(/Bob Okafor: name must not be empty\. Nothing on this browser was changed/);
    expect(
      await page.getByRole('group', { name: 'Report 2' }).getByLabel('Name').inputValue(),
    ).toBe('Bob Okafor');
    await page.close();
  });
});

/**
 * A claim made on a whole workspace of Notion's old host (www.notion.so/<workspace>/) matches no
 * page since Notion moved to app.notion.com (docs/evidence/notion.md): the options page names it
 * and offers to point it at every Notion page; it is never dropped on its own.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { rosterWith } from '../support/roster';
import { exportBackup, importBackupFile } from '../support/steps';

describe('Old Notion workspace claims', () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchExtension();
    const claims = [
      {
        id: 'claim-acme',
        reportId: 'alice',
        urlPrefix: 'https://www.notion.so/acme/',
        label: 'acme (Notion)',
        createdAt: '2026-05-02T10:00:00.000Z',
      },
    ];
    const { page } = await importBackupFile(ext, rosterWith({}, { claims }));
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('the options page names the old workspace claim and re-points it to every Notion page when asked', async () => {
    const options = await ext.openPage('options.html');
    const claims = options.locator('section[aria-labelledby="claims-heading"]');
    const note = claims.getByRole('note');
    await expect(note.textContent()).resolves.toMatch(/“acme” workspace.*matches no page now/);
    await note.getByRole('button', { name: 'Point at every Notion page' }).click();
    await expect
      .poll(async () => (await exportBackup(ext)).settings.claims)
      .toEqual([
        expect.objectContaining({ reportId: 'alice', urlPrefix: 'https://app.notion.com/p/' }),
      ]);
    await expect(claims.getByRole('note').count()).resolves.toBe(0);
    await options.close();
  });
});

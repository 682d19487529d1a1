/**
 * Forgetting from the weekly summary: one intervention in
 * "The week’s interventions" can be deleted, after a confirmation that says
 * what goes; Cancel keeps it; afterwards the page and the export no longer
 * hold it, and the other records stay.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { eightWeeksBackup } from '../support/eight-weeks';
import { exportBackup, importBackupFile } from '../support/steps';

describe('deleting a record from the weekly summary', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
    const { status } = await importBackupFile(ext, eightWeeksBackup, 'eight-weeks.json');
    expect(status).toMatch(/imported/i);
  });
  afterAll(async () => ext?.close());

  test('asks first, Cancel keeps the record, confirming removes it from the page and the export', async () => {
    const before = await exportBackup(ext);
    const page = await ext.openPage('summary.html#2026-W48');
    const rows = page.locator('table.records tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    const id = (await rows.first().getAttribute('id'))!.replace(/^rec-/, '');
    const key = (await rows.first().locator('.key').textContent())!;

    await rows
      .first()
      .getByRole('button', { name: `Delete ${key} from the log` })
      .click();
    const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'));
    await expect(dialog.textContent()).resolves.toContain(key);
    await expect.poll(() => dialog.textContent()).toMatch(/This deletes 1 intervention\b/);
    await dialog.getByRole('button', { name: /cancel/i }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect(rows.count()).resolves.toBe(count);

    await rows
      .first()
      .getByRole('button', { name: `Delete ${key} from the log` })
      .click();
    await dialog.getByRole('button', { name: /delete it/i }).click();
    await expect.poll(() => page.locator(`#rec-${id}`).count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(count - 1);
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: `Deleted ${key}` })
        .count(),
    ).resolves.toBe(1);

    const after = await exportBackup(ext);
    expect(before.interventions.some((r: { id: string }) => r.id === id)).toBe(true);
    expect(after.interventions.some((r: { id: string }) => r.id === id)).toBe(false);
    expect(after.interventions).toHaveLength(before.interventions.length - 1);
    await page.close();
  });
});

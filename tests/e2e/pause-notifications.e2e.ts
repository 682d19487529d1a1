/**
 * Notifications while prompts are paused (docs/decisions.md, Pause): quiet
 * means quiet. Neither the "Time to pull back?" reminder nor the weekly
 * summary notification shows during the pause (a demo on a shared screen);
 * what came due shows once when it ends. The pause log
 * travels in the backup. The weekly alarm is made to ring now from the
 * extension's own worker, as Chrome would ring it on Friday at 16:00.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { overdueRecord, rosterBackup } from '../support/roster';
import { exportBackup, importBackupFile } from '../support/steps';

const overdue = overdueRecord('overdue-1', 'PAU-9', 'Refund copy');

describe('notifications while paused', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension();
    const { page, status } = await importBackupFile(ext, rosterBackup, 'roster.json');
    expect(status).toMatch(/imported/i);
    await page.close();
  });
  afterAll(async () => ext?.close());

  const notifications = async () =>
    Object.keys(await (await ext.worker()).evaluate(() => chrome.notifications.getAll()));
  const heldSince = async () =>
    (await (await ext.worker()).evaluate(() => chrome.storage.local.get('weeklyHeldSince')))
      .weeklyHeldSince ?? null;

  test('paused: no notification at all; the pull-back reminder and the weekly summary show once after resuming; the pause log is in the backup', async () => {
    const popup = await ext.openPage('popup.html');
    await popup.getByRole('button', { name: /pause/i }).click();
    await popup.getByRole('button', { name: '1 hour' }).click();
    await popup.getByRole('button', { name: /resume/i }).waitFor();

    // An intervention past its planned end arrives (a backup from the lead's other browser): not reminded while paused.
    // Made now: a backup cannot hold records started a day after it was made.
    const { page: options, status } = await importBackupFile(
      ext,
      { ...rosterBackup, exportedAt: new Date().toISOString(), interventions: [overdue] },
      'overdue.json',
    );
    expect(status).toMatch(/1 intervention/);
    await options.close();

    // Friday 16:00 during the pause: the weekly notification is held, not shown.
    const worker = await ext.worker();
    await worker.evaluate(() => chrome.alarms.create('pullback-weekly', { when: Date.now() }));
    await expect.poll(heldSince).not.toBeNull();
    // The import's refresh and the alarm's have both run: neither showed anything.
    expect(await notifications()).toEqual([]);
    // It comes back armed for next week.
    await expect
      .poll(() =>
        worker.evaluate(
          async () =>
            ((await chrome.alarms.get('pullback-weekly'))?.scheduledTime ?? 0) >
            Date.now() + 60_000,
        ),
      )
      .toBe(true);

    // Resumed: what came due shows, once, and nothing is left waiting.
    await popup.getByRole('button', { name: /resume/i }).click();
    await popup.getByRole('button', { name: /pause/i }).waitFor();
    await expect.poll(notifications).toContain('pullback-weekly');
    await expect.poll(notifications).toContain('pullback-due:overdue-1');
    await expect.poll(heldSince).toBeNull();

    const backup = await exportBackup(ext);
    expect(backup.pauseLog.map((e: { kind: string }) => e.kind)).toEqual(['resumed', 'paused']);
    expect(backup.pauseLog[1].until).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await popup.close();
  });
});

/**
 * The popup with a real week in it, at the toolbar popup's width (380 px):
 * five active interventions with long titles (one with no break points), the
 * overdue one first whatever its start, nothing scrolling sideways, each full
 * title available; one Recent row per event ("Yes" and the start it made are
 * one); dark-mode contrast at least 4.5:1; and deleting one record from the
 * log asks first, says what goes, and the export no longer has it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { notNowPrompt, rosterBackup } from '../support/roster';
import { exportBackup, importBackupFile } from '../support/steps';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const UNBROKEN = `Rework-the-checkout-${'x'.repeat(240)}`;
const LONG =
  'Make the payment retry schedule configurable per merchant, with a sensible default, an audit trail and copy the support team can send';

function active(id: string, key: string, title: string, startedMinAgo: number, plannedMin: number) {
  return {
    id,
    tool: 'jira',
    artifact: { key, title, url: `https://acme.atlassian.net/browse/${key}` },
    reportId: id.endsWith('b') ? 'bob' : 'alice',
    purpose: 'back-on-track',
    startedAt: minutesAgo(startedMinAgo),
    plannedEndAt: minutesAgo(startedMinAgo - plannedMin),
    endedAt: null,
    status: 'active',
    activeMs: 30_000,
    lastActivityAt: minutesAgo(1),
  };
}

const interventions = [
  active('i1a', 'SCALE-1', LONG, 5, 60),
  active('i2b', 'SCALE-2', UNBROKEN, 10, 60),
  // Third by start, and the only one past its planned end.
  active('i3a', 'SCALE-3', `${LONG} (overdue)`, 40, 20),
  active('i4b', 'SCALE-4', LONG, 50, 120),
  active('i5a', 'SCALE-5', UNBROKEN, 55, 120),
];
const prompts = [
  // The "Yes" that started SCALE-1: the start's row says it.
  {
    id: 'p1',
    at: minutesAgo(5),
    tool: 'jira',
    artifact: interventions[0]!.artifact,
    reportId: 'alice',
    answer: 'deliberate',
    answeredAt: minutesAgo(5),
    interventionId: 'i1a',
  },
  notNowPrompt('p2', 'SCALE-9', 'bob', 3),
];

describe('the popup at scale', () => {
  let ext: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    const { page, status } = await importBackupFile(
      ext,
      // Made now: a backup cannot hold records started a day after it was made.
      { ...rosterBackup, exportedAt: new Date().toISOString(), interventions, prompts },
      'week.json',
    );
    expect(status).toMatch(/5 interventions/);
    await page.close();
    popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.getByRole('listitem').nth(4).waitFor();
  });
  afterAll(async () => ext?.close());

  test('overdue first, no sideways scroll at 380 px, every full title available', async () => {
    const items = popup.getByRole('listitem');
    await expect(items.count()).resolves.toBe(5);
    await expect(items.first().textContent()).resolves.toMatch(/Overdue/);
    await expect(items.first().textContent()).resolves.toContain('SCALE-3');
    const widths = await popup.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    for (const title of [LONG, UNBROKEN]) {
      await expect(
        popup.getByRole('listitem').locator(`[title="${title}"]`).count(),
      ).resolves.toBeGreaterThan(0);
    }
  });

  test('one Recent row per event: a "Yes" and the start it made are one row', async () => {
    await expect(popup.getByRole('row').filter({ hasText: 'SCALE-1 ' }).count()).resolves.toBe(1);
    await popup.getByRole('row').filter({ hasText: 'Started on SCALE-1 (Alice Chen)' }).waitFor();
    await popup
      .getByRole('row')
      .filter({ hasText: 'Asked on SCALE-9 (Bob Okafor): not now' })
      .waitFor();
  });

  test('dark mode: text and controls at least 4.5:1 (axe color-contrast)', async () => {
    await popup.emulateMedia({ colorScheme: 'dark' });
    await expect(axeViolations(popup, { rules: ['color-contrast'] })).resolves.toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  test('deleting one record asks first, says what goes, and the export no longer has it', async () => {
    const row = popup.getByRole('row').filter({ hasText: 'Asked on SCALE-9' });
    await row.getByRole('button', { name: /delete/i }).click();
    const dialog = popup.getByRole('alertdialog', { name: /delete this record/i });
    await expect(dialog.textContent()).resolves.toMatch(
      /deletes the prompt on SCALE-9 \(Bob Okafor\) from .*answered “not now”.*cannot be undone/,
    );
    // Keep it: nothing goes.
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor();

    await row.getByRole('button', { name: /delete/i }).click();
    await dialog.getByRole('button', { name: /^delete$/i }).click();
    await popup.getByRole('status').filter({ hasText: 'Deleted the prompt on SCALE-9' }).waitFor();
    await row.waitFor({ state: 'detached' });
    const backup = await exportBackup(ext);
    expect(backup.prompts.map((p: any) => p.id)).toEqual(['p1']);
    expect(backup.interventions).toHaveLength(5);
  });
});

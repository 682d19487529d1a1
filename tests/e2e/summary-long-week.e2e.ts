/**
 * A week with more interventions than a lead reads at once (a year of data imported puts hundreds
 * in one week): "The week’s interventions" draws its first 50 rows and says how many more there
 * are; "Show all" draws them; a reflection's link to a folded row unfolds the table and brings the
 * row into view; printing prints the whole week. A reflection links its first 12 records and
 * counts the rest.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { rosterBackup } from '../support/roster';
import { importBackupFile } from '../support/steps';

const MIN = 60_000;
const WEEK_START = Date.parse('2026-11-16T08:00:00.000Z'); // Monday of 2026-W47 (UTC)

function record(n: number, startedAt: number, fields: Record<string, unknown> = {}) {
  const key = `LW-${n}`;
  return {
    id: `lw-${String(n).padStart(3, '0')}`,
    tool: 'jira',
    artifact: { key, title: `Ticket ${key}`, url: `https://acme.atlassian.net/browse/${key}` },
    reportId: n % 2 ? 'alice' : 'bob',
    purpose: 'back-on-track',
    startedAt: new Date(startedAt).toISOString(),
    plannedEndAt: new Date(startedAt + 15 * MIN).toISOString(),
    endedAt: new Date(startedAt + 10 * MIN).toISOString(),
    status: 'ended',
    activeMs: 10 * MIN,
    ...fields,
  };
}

// 48 ended on time, then 14 that ended 15 minutes late (past the 5-minute grace margin): the
// "went past the planned end" reflection names those 14, most of them in rows the folded table
// does not draw (rows 49 to 62).
const WEEK = Array.from({ length: 62 }, (_, i) =>
  record(
    i + 1,
    WEEK_START + i * 60 * MIN,
    i < 48 ? {} : { endedAt: new Date(WEEK_START + i * 60 * MIN + 30 * MIN).toISOString() },
  ),
);

const rows = (page: Page) => page.locator('table.records tbody tr');

describe('a long week in the weekly summary', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
    const { page, status } = await importBackupFile(
      ext,
      { ...rosterBackup, interventions: WEEK },
      'long-week.json',
    );
    expect(status).toMatch(/62 interventions/);
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('the first 50 rows, then "Show all 62 interventions (12 more)" draws the rest', async () => {
    const page = await ext.openPage('summary.html#2026-W47');
    await rows(page).first().waitFor();
    await expect(rows(page).count()).resolves.toBe(50);
    const showAll = page.getByRole('button', { name: 'Show all 62 interventions (12 more)' });
    await showAll.click();
    await expect.poll(() => rows(page).count()).toBe(62);
    await expect(showAll.count()).resolves.toBe(0);
    await page.close();
  });

  test('a reflection links 12 records and counts the rest; its link to a folded row unfolds the table and shows that row', async () => {
    const page = await ext.openPage('summary.html#2026-W47');
    await rows(page).first().waitFor();
    const overran = page.locator('li[data-rule="overran"]');
    await expect(overran.getByRole('link').count()).resolves.toBe(12);
    await expect(overran.textContent()).resolves.toMatch(
      /^14 interventions went past.*\(LW-49, LW-50, .*LW-60 and 2 more in the table below\)/,
    );

    // LW-60 is row 60, folded away.
    const row = page.locator('#rec-lw-060');
    await expect(row.count()).resolves.toBe(0);
    await overran.getByRole('link', { name: 'LW-60' }).click();
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.locator('.key').textContent()).resolves.toBe('LW-60');
    await expect(rows(page).count()).resolves.toBe(62);
    // In view: the page scrolled to it.
    await expect
      .poll(() =>
        row.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    await page.close();
  });

  test('printing unfolds the table: the printed week has every row', async () => {
    const page = await ext.openPage('summary.html#2026-W47');
    await rows(page).first().waitFor();
    await expect(rows(page).count()).resolves.toBe(50);
    // What the browser fires before it lays out a print (the print dialog itself is not scriptable here).
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => rows(page).count()).toBe(62);
    await page.close();
  });
});

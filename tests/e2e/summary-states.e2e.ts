/**
 * The summary says only what the records support: no praise on day one, "just started" rather than
 * "0 s", "past the planned end" only past it, no slogans, take-overs counted apart and asked about,
 * and words a lead uses.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { rosterBackup } from '../support/roster';
import { importBackupFile } from '../support/steps';
import { weekIdOf } from '../../utils/model/week';

const MIN = 60_000;
const jira = (key: string) => ({
  key,
  title: `Ticket ${key}`,
  url: `https://acme.atlassian.net/browse/${key}`,
});

function active(
  id: string,
  reportId: string,
  key: string,
  startedAt: number,
  plannedMin: number,
  kind?: 'takeover',
) {
  return {
    id,
    ...(kind ? { kind } : {}),
    tool: 'jira',
    artifact: jira(key),
    reportId,
    purpose: 'back-on-track',
    startedAt: new Date(startedAt).toISOString(),
    plannedEndAt: new Date(startedAt + plannedMin * MIN).toISOString(),
    endedAt: null,
    status: 'active',
    activeMs: 0,
  };
}

describe('summary states', () => {
  // One browser, in UTC, for both (a start costs seconds of CPU here): day one first, then the
  // interventions the second test imports.
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
  });
  afterAll(async () => ext?.close());

  test('day one with a roster and nothing recorded: no praise, it says what will appear', async () => {
    await (await importBackupFile(ext, rosterBackup)).page.close();
    const page = await ext.openPage('summary.html');
    await page.getByRole('heading', { name: /nothing recorded/i }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/scalable leadership/i);
    expect(text).not.toMatch(/temporary should not become permanent/i);
    expect(await page.locator('[data-figure="prompts"]').textContent()).toBe('none');
  });

  test('a just-started intervention reads "just started"; only a take-over past its planned end is asked about', async () => {
    const now = Date.now();
    const backup = {
      ...rosterBackup,
      interventions: [
        active('fresh', 'alice', 'PAY-142', now - 2_000, 15),
        // Started at the top of this week (or an hour ago, early on a Monday), planned for 15 minutes: long past it.
        active(
          'kept',
          'bob',
          'WEB-7',
          Math.max(now - 60 * MIN, Date.parse(new Date(now).toISOString().slice(0, 10))),
          15,
          'takeover',
        ),
      ],
    };
    const { page: options, status } = await importBackupFile(ext, backup);
    expect(status).toMatch(/imported/i);
    await options.close();
    // The page's clock stands 5 s after the fresh start, however long the machine took to get here.
    await ext.context.clock.setFixedTime(new Date(now + 5_000));
    const page = await ext.openPage(`summary.html#${weekIdOf(new Date(now))}`);
    expect(await page.evaluate(() => Date.now())).toBe(now + 5_000);
    const fresh = page.locator('tr#rec-fresh');
    await fresh.waitFor();
    expect(await fresh.innerText()).toMatch(/just started/);
    expect(await fresh.innerText()).not.toMatch(/\b0 s\b/);

    const figures = await page.locator('.figures').innerText();
    expect(figures).toMatch(/Past the planned end: WEB-7 \(take-over\)/);
    expect(figures).toMatch(/Within the plan: PAY-142 \(just started\)/);
    expect(figures).not.toMatch(/PAY-142[^\n]*past|permanent/i);
    expect(await page.locator('[data-figure="takeovers"]').textContent()).toBe('1');
    expect(figures).toMatch(/including 1 take-over/);
    await expect(page.locator('table.reports tr[data-report="bob"]').innerText()).resolves.toMatch(
      /1 \(1 take-over\)/,
    );
    await expect(page.locator('[data-rule="takeover-open"]').innerText()).resolves.toMatch(
      /took WEB-7 over from Bob Okafor on .*; it is still with you.* Does WEB-7 go back to Bob, or is it agreed that it is yours now\?/,
    );

    // Words for leads, not for engineers.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/median span|lapsed/i);
    expect(text).not.toMatch(/\b0 caught myself/);
  });
});

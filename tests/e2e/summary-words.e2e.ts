/**
 * The pages say where you are and state facts: a lead with 15 reports whose names run to 40
 * characters (Arabic, Hebrew, Chinese and Japanese among them), one intervention each in
 * 2026-W48, and in 2026-W47 one pulled back 30 seconds after its planned end.
 *
 * - A past week's heading names its dates, and nothing on it says "This week" or a week code;
 *   the current week's heading says "This week".
 * - The summary opens with a digest of at most three lines, then the check-in and the per-report
 *   view, before the notes and the week's log; each chart has its scale or legend.
 * - A 30-second overrun is "on time" in the figures, the log and the 1:1 page, and raises no
 *   reflection.
 * - At 800 px nothing scrolls sideways, on the summary (a note open) or the 1:1 page; axe finds
 *   nothing there in light or dark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { importBackupFile } from '../support/steps';

const NAMES = [
  'Alexandra Konstantinopoulou-Vanderbilt Jr',
  'Maximilian Ramaswamy-Venkataraman Oduya',
  'عبد الرحمن بن محمد الهاشمي القحطاني العتيبي',
  'אברהם יהושע בן דוד רוזנבלום-שטיינברג כהן',
  '欧阳明日香・山田花子・佐藤美咲・高橋由美子・田中真由美・鈴木',
  '司马相如欧阳修诸葛亮上官婉儿东方朔慕容复令狐冲独孤求败西门吹雪',
  'Theodora Papadopoulou-Hargreaves Smythe',
  'Bartholomew Fitzwilliam-Montgomery Ashby',
  'Guinevere Oyelaran-Castellanos de la Cruz',
  'Nguyễn Thị Phương Thảo Trần-Lê Hoàng Anh',
  'Siobhán Ní Mhaoldomhnaigh-O’Callaghan Rua',
  'Krzysztof Brzęczyszczykiewicz-Wójtowicz',
  'Oluwaseun Adebayo-Okonkwo Chukwuemeka II',
  'Anastasia Vasilyevna Rozhdestvenskaya-Lee',
  'Jean-Baptiste Delacroix-Beauregard Moreau',
];
const reports = NAMES.map((name, i) => ({ id: `r${i + 1}`, name }));
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

function record(id: string, reportId: string, startMs: number, planMin: number, endMs: number) {
  const key = `PAY-${id}`;
  return {
    id,
    tool: 'jira',
    artifact: { key, title: `Ticket ${key}`, url: `https://acme.atlassian.net/browse/${key}` },
    reportId,
    purpose: 'back-on-track',
    startedAt: iso(startMs),
    plannedEndAt: iso(startMs + planMin * MIN),
    endedAt: iso(endMs),
    status: 'ended',
    activeMs: 8 * MIN,
    lastActivityAt: iso(endMs),
  };
}

const W48 = Date.parse('2026-11-24T09:00:00Z');
const W47 = Date.parse('2026-11-17T09:00:00Z');
const backup = {
  format: 'pullback-backup',
  version: 1,
  exportedAt: '2026-11-28T12:00:00.000Z',
  settings: {
    me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
    reports: reports.map((r) => ({ ...r, aliases: [`${r.id}@acme.test`] })),
  },
  interventions: [
    ...reports.map((r, i) =>
      record(`${100 + i}`, r.id, W48 + i * 3_600_000, 15, W48 + i * 3_600_000 + 12 * MIN),
    ),
    // Planned for 15 minutes, pulled back after 15 minutes 30 seconds.
    record('late30', 'r1', W47, 15, W47 + 15 * MIN + 30_000),
  ],
  prompts: [],
  ratings: reports.slice(0, 12).map((r, i) => ({
    week: '2026-W48',
    reportId: r.id,
    alignment: (i % 4) + 1,
    confidence: ((i + 1) % 4) + 1,
    at: '2026-11-27T08:00:00.000Z',
  })),
};

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const WEEK_CODE = /\b\d{4}-W\d\d\b|\bW\d\d\b|week \d+\b/i;

describe('words and layout of the summary and the 1:1 page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
    const { page, status } = await importBackupFile(ext, backup, 'fifteen-long.json');
    expect(status).toMatch(/imported/i);
    await page.close();
  });
  afterAll(async () => ext?.close());

  async function openWeek(week: string): Promise<Page> {
    const page = await ext.openPage(`summary.html#${week}`);
    await page.setViewportSize({ width: 800, height: 900 });
    await page.locator('[data-figure="started"]').waitFor();
    return page;
  }

  test('a past week names its dates and never says "This week" or a week code; the current week says "This week"', async () => {
    const page = await openWeek('2026-W48');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(
      /^(23.+29 Nov|Nov 23.+29),? 2026$/,
    );
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/this week/i);
    expect(text).not.toMatch(WEEK_CODE);
    expect(await page.title()).not.toMatch(WEEK_CODE);
    // Nor in a note to a report, nor in the check-in's words.
    await page.getByRole('button', { name: `Note to ${NAMES[0]}` }).click();
    const note = await page
      .getByRole('textbox', { name: `Weekly note to ${NAMES[0]}` })
      .inputValue();
    expect(note).not.toMatch(/this week/i);
    await page.close();

    const current = await ext.openPage('summary.html');
    await current.locator('[data-figure="started"]').waitFor();
    await expect(current.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(
      /^This week · /,
    );
    await current.close();
  });

  test('a digest of three lines at most opens the page; the check-in and per-report view come before the notes and the log; each chart says its scale', async () => {
    const page = await openWeek('2026-W48');
    const digest = page.getByRole('region', { name: 'The week in short' });
    const lines = await digest.locator('p').allInnerTexts();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[0]).toBe('15 interventions, 2 h 00 min hands-on; 15 of 15 pulled back on time.');
    const top = (name: string) =>
      page
        .getByRole('heading', { level: 2, name })
        .evaluate((el) => el.getBoundingClientRect().top + scrollY);
    const digestTop = await digest.evaluate((el) => el.getBoundingClientRect().top + scrollY);
    const checkIn = await top('Alignment × confidence check-in');
    const perReport = await top('Per report');
    const notes = await top('Notes to your reports');
    const log = await top('The week’s interventions');
    expect(digestTop).toBeLessThan(checkIn);
    expect(checkIn).toBeLessThan(perReport);
    expect(perReport).toBeLessThan(notes);
    expect(perReport).toBeLessThan(log);
    // Scales: the bars' and lines' legend, each line's top figure, the 2×2's ends.
    await expect(page.locator('#reports-legend').innerText()).resolves.toMatch(
      /Bars: hands-on time against the report with the most .*Lines: hands-on time per week/,
    );
    await expect(page.locator('.spark-scale').allInnerTexts()).resolves.toEqual(
      Array(15).fill('top 8 min'),
    );
    await expect(page.locator('svg.grid2x2').textContent()).resolves.toMatch(/1 low.*4 high/);
    await page.close();
  });

  test('a 30-second overrun is "on time" in the figures, the log and the 1:1 page, and raises no reflection', async () => {
    const page = await openWeek('2026-W47');
    await expect(page.locator('[data-figure="pull-back"]').innerText()).resolves.toBe(
      '100% (1 of 1)',
    );
    await expect(page.locator('tr#rec-late30').innerText()).resolves.toMatch(/ended on time/);
    await expect(page.locator('[data-rule="overran"]').count()).resolves.toBe(0);
    await expect(
      page.getByRole('region', { name: 'The week in short' }).innerText(),
    ).resolves.toMatch(/1 of 1 pulled back on time/);
    await page.close();

    const oneOnOne = await ext.openPage('summary.html#2026-W47/r1');
    const mine = oneOnOne.getByRole('region', { name: 'Only for you' });
    await mine.waitFor();
    await expect(mine.locator('[data-figure="pull-back"]').innerText()).resolves.toBe('1 of 1');
    await expect(mine.locator('li[data-record="late30"]').innerText()).resolves.toMatch(
      /ended on time/,
    );
    await expect(mine.locator('[data-rule="overran"]').count()).resolves.toBe(0);
    await oneOnOne.close();
  });

  test('at 800 px nothing scrolls sideways, and axe finds nothing, in light and dark', async () => {
    const page = await openWeek('2026-W48');
    await page.getByRole('button', { name: `Note to ${NAMES[2]}` }).click();
    await page.getByRole('textbox', { name: `Weekly note to ${NAMES[2]}` }).waitFor();
    expect(await sideways(page)).toBe(0);

    const oneOnOne = await ext.openPage('summary.html#2026-W48/r6');
    await oneOnOne.setViewportSize({ width: 800, height: 900 });
    await oneOnOne.getByRole('heading', { level: 1, name: new RegExp(NAMES[5]!) }).waitFor();
    expect(await sideways(oneOnOne)).toBe(0);

    const found: string[] = [];
    for (const [name, p] of [
      ['summary', page],
      ['1:1 page', oneOnOne],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme });
        for (const line of await axeViolations(p)) found.push(`${name}, ${colorScheme}: ${line}`);
      }
    }
    expect(found).toEqual([]);
    await page.close();
    await oneOnOne.close();
  });
});

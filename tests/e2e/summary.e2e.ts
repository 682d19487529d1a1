/**
 * The weekly summary on eight weeks of imported data: the headline figures
 * worked out by hand in tests/support/eight-weeks.ts, the per-report rows,
 * the alignment x confidence check-in, the CSV export, and the first-run state.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { eightWeeksBackup } from '../support/eight-weeks';
import { importBackupFile } from '../support/steps';

describe('weekly summary', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
    const { status } = await importBackupFile(ext, eightWeeksBackup, 'eight-weeks.json');
    expect(status).toMatch(/imported/i);
  });
  afterAll(async () => ext?.close());

  test('headline figures, changes against the 4 weeks before, and the per-report rows', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    const figure = (name: string) => page.locator(`[data-figure="${name}"]`).textContent();
    await page.locator('[data-figure="started"]').waitFor();
    await expect(figure('started')).resolves.toBe('4');
    await expect(figure('hands-on')).resolves.toBe('1 h 05 min');
    await expect(figure('median-span')).resolves.toBe('28 min');
    await expect(figure('pull-back')).resolves.toBe('50% (2 of 4)');
    await expect(figure('prompts')).resolves.toBe('6: 4 deliberate, 1 caught myself, 1 not now');
    await expect(figure('open')).resolves.toBe('1');
    const figures = await page.locator('.figures').textContent();
    expect(figures).toContain('3 more than the 4-week average (1)');
    expect(figures).toContain('55 min more than the 4-week average (10 min)');
    expect(figures).not.toMatch(/habit working|should not become permanent/i); // facts, no slogans
    expect(figures).toContain('WEB-1'); // open at the week's end

    const row = (id: string) => page.locator(`table.reports tr[data-report="${id}"]`);
    await expect(row('alice').textContent()).resolves.toMatch(/Alice Chen3.*35 min/);
    await expect(row('bob').textContent()).resolves.toMatch(/Bob Okafor1.*30 min/);
    await expect(row('erin').textContent()).resolves.toContain('no touchpoints');
    // The sparkline's text alternative holds the 8 weeks, oldest first.
    await expect(
      row('bob')
        .getByRole('img', { name: /per week/ })
        .getAttribute('aria-label'),
    ).resolves.toMatch(/20 min, 20 min, 20 min, 0 s, 0 s, 0 s, 0 s, 30 min$/);

    const reflections = page.locator('.reflections');
    await expect(
      reflections.locator('[data-rule="repeat-purpose"]').textContent(),
    ).resolves.toContain('Alice Chen');
    await expect(reflections.locator('[data-rule="overran"]').textContent()).resolves.toMatch(
      /PAY-2/,
    );
    await expect(reflections.locator('[data-rule="hands-off"]').count()).resolves.toBe(0);

    // Week navigation follows the hash.
    await page.getByRole('button', { name: /previous week/i }).click();
    await page.waitForURL(/#2026-W47$/);
    await expect.poll(() => figure('started')).toBe('1');
    await page.close();
  });

  test('rating a report places it on the 2x2 with guidance, and a low-confidence report without touchpoints is flagged', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    await page
      .getByRole('radiogroup', { name: 'Alignment for Erin Diaz' })
      .getByRole('radio', { name: '3' })
      .check();
    await page
      .getByRole('radiogroup', { name: 'Confidence for Erin Diaz' })
      .getByRole('radio', { name: '1' })
      .check();
    const dot = page.locator('svg.grid2x2 g[data-report="erin"] circle');
    await expect
      .poll(async () => (await dot.count()) === 1 && Number(await dot.getAttribute('cy')) > 160)
      .toBe(true);
    expect(Number(await dot.getAttribute('cx'))).toBeGreaterThan(180); // high alignment, low confidence: build confidence
    await expect(
      page.locator('fieldset[data-report="erin"] .guidance').textContent(),
    ).resolves.toMatch(/build confidence/i);
    await expect(
      page.getByRole('img', { name: /alignment and confidence/i }).textContent(),
    ).resolves.toContain('Erin Diaz: alignment 3 of 4, confidence 1 of 4');
    await expect
      .poll(() => page.locator('[data-rule="hands-off"]').textContent())
      .toContain('Erin Diaz');

    // Ratings are kept per week: a reload shows the same placement.
    await page.reload();
    await expect.poll(() => page.locator('svg.grid2x2 g[data-report="erin"]').count()).toBe(1);
    await page.screenshot({ path: 'docs/summary.png', fullPage: true });
    await page.close();
  });

  test('the week downloads as CSV with one row per intervention', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    await page.locator('[data-figure="started"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /csv/i }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pullback-2026-W48.csv');
    const file = await readFile((await download.path())!, 'utf8');
    expect(file.startsWith('\uFEFF')).toBe(true); // So spreadsheet apps read names with accents as UTF-8.
    const lines = file.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,report,tool,key,title,url,purpose,status,started_at/);
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith('a2,'))).toMatch(
      /^a2,Alice Chen,jira,PAY-2,Ticket PAY-2,/,
    );
    await page.close();
  });

  test('a fresh profile explains what will appear and how to set up the roster', async () => {
    const fresh = await launchExtension({ timezoneId: 'UTC' });
    try {
      const page = await fresh.openPage('summary.html');
      await page.getByRole('heading', { name: /nothing to show yet/i }).waitFor();
      await expect(page.getByRole('link', { name: /roster/i }).getAttribute('href')).resolves.toBe(
        '/options.html',
      );
    } finally {
      await fresh.close();
    }
  });
});

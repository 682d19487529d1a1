/**
 * The alignment x confidence check-in at 15 reports: the
 * 2x2 readable (every label inside the grid, none overlapping another or the
 * axis words), the scale's ends in visible words, the grid in view beside the
 * last rows, no sideways scroll at 800 px, and a half-answered rating kept
 * off the record until both scales are answered.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { FIFTEEN_WEEK, fifteenReports, fifteenReportsBackup } from '../support/fifteen-reports';
import { importBackupFile } from '../support/steps';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: Box) =>
  a.x >= outer.x &&
  a.y >= outer.y &&
  a.x + a.width <= outer.x + outer.width &&
  a.y + a.height <= outer.y + outer.height;

/** The stored rating of a report this week, read from the extension's database as the page's origin can. */
function storedRating(page: Page, reportId: string) {
  return page.evaluate(
    (id) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('pullback');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('ratings').objectStore('ratings').get(id);
          get.onsuccess = () => (resolve(get.result ?? null), open.result.close());
          get.onerror = () => reject(get.error);
        };
      }),
    `${FIFTEEN_WEEK}:${reportId}`,
  );
}

describe('check-in with 15 reports', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
    const { page, status } = await importBackupFile(ext, fifteenReportsBackup, 'fifteen.json');
    expect(status).toMatch(/imported/i);
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('every label sits inside the 2x2, none overlaps another or the axis words, and each initial is explained', async () => {
    const page = await ext.openPage(`summary.html#${FIFTEEN_WEEK}`);
    const grid = page.getByRole('img', { name: /alignment/i });
    await expect.poll(() => grid.locator('.grid-point').count()).toBe(13);
    const frame = (await grid.locator('.grid-frame').boundingBox())!;
    const labels = await grid
      .locator('.grid-label')
      .evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent ?? '', ...el.getBoundingClientRect().toJSON() })),
      );
    const words = await grid
      .locator('.grid-q, .grid-axis, .grid-tick')
      .evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent ?? '', ...el.getBoundingClientRect().toJSON() })),
      );
    const points = await grid
      .locator('.grid-point circle')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
    expect(labels).toHaveLength(13);
    for (const label of labels) {
      expect(inside(label, frame), `${label.text} inside the grid`).toBe(true);
      for (const word of words)
        expect(overlaps(label, word), `${label.text} over "${word.text}"`).toBe(false);
    }
    for (const [i, a] of points.entries())
      for (const b of points.slice(i + 1)) expect(overlaps(a, b), 'two points overlap').toBe(false);
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1))
        expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
    // Shared initials are told apart, and the legend names everyone on the grid.
    const texts = labels.map((l) => l.text);
    expect(new Set(texts).size).toBe(13);
    const legend = await page.getByRole('list', { name: /initials/i }).textContent();
    for (const { id, name } of fifteenReports)
      if (!['quinn', 'ravi'].includes(id)) expect(legend).toContain(name);

    // Each point in its quadrant: the six rated 4/4 in the top-right quarter.
    const topRight = {
      x: frame.x + frame.width / 2,
      y: frame.y,
      width: frame.width / 2,
      height: frame.height / 2,
    };
    for (const id of ['alice', 'aaron', 'bob', 'maria', 'marco', 'sunita']) {
      const dot = (await grid.locator(`g[data-report="${id}"] circle`).boundingBox())!;
      expect(inside(dot, topRight), `${id} in Full support`).toBe(true);
    }
    await page.close();
  });

  test('the check-in fits 800 px without sideways scroll, names the scale ends, and keeps the 2x2 in view by the last report', async () => {
    const page = await ext.openPage(`summary.html#${FIFTEEN_WEEK}`);
    await page.setViewportSize({ width: 800, height: 800 });
    const ravi = page.getByRole('group', { name: 'Ravi Subramanian' });
    await ravi.waitFor();
    await page.locator('table.records').waitFor();
    const scroll = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll.scroll).toBeLessThanOrEqual(scroll.client);

    const alignment = ravi.getByRole('radiogroup', { name: /alignment/i });
    await expect(alignment.getByRole('radio').count()).resolves.toBe(4);
    await expect(
      ravi
        .getByRole('radiogroup', { name: /confidence/i })
        .getByRole('radio')
        .count(),
    ).resolves.toBe(4);
    expect(await alignment.innerText()).toMatch(/low[\s\S]*1[\s\S]*4[\s\S]*high/);

    // Rating the last report: its row at the bottom of the window, the 2x2 still fully in view.
    await ravi.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const grid = (await page.getByRole('img', { name: /alignment/i }).boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(grid.y).toBeGreaterThanOrEqual(0);
    expect(grid.y + grid.height).toBeLessThanOrEqual(viewport.height);
    await page.close();
  });

  test('a half-answered rating says what is missing and is not saved; answering both saves it', async () => {
    const page = await ext.openPage(`summary.html#${FIFTEEN_WEEK}`);
    const quinn = page.getByRole('group', { name: 'Quinn Baptiste-Hargreaves' });
    await quinn
      .getByRole('radiogroup', { name: /alignment/i })
      .getByRole('radio', { name: '4' })
      .check();
    await expect
      .poll(() => quinn.getByRole('status').textContent())
      .toMatch(/not saved.*confidence/i);
    expect(await storedRating(page, 'quinn')).toBeNull();
    await expect(page.locator('svg.grid2x2 g[data-report="quinn"]').count()).resolves.toBe(0);

    await quinn
      .getByRole('radiogroup', { name: /confidence/i })
      .getByRole('radio', { name: '2' })
      .check();
    await expect
      .poll(() => storedRating(page, 'quinn'))
      .toMatchObject({ alignment: 4, confidence: 2 });
    await expect.poll(() => page.locator('svg.grid2x2 g[data-report="quinn"]').count()).toBe(1);
    await expect(quinn.locator('.guidance').textContent()).resolves.toMatch(/build confidence/i);
    await page.close();
  });
});

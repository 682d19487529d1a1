/**
 * A long import says how far it has got: records read of the total, while the background checks
 * the file a step at a time, then records saved while it writes them, then the outcome naming the
 * file. The page stays usable meanwhile
 * (another section opens), and no second import starts until this one ends.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { rosterBackup } from '../support/roster';
import { exportBackup } from '../support/steps';

const PROMPTS = 30_000;
const prompts = Array.from({ length: PROMPTS }, (_, i) => ({
  id: `long-${i}`,
  at: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
  tool: 'jira',
  artifact: {
    key: `LONG-${i % 500}`,
    title: 'Refund copy',
    url: `https://acme.atlassian.net/browse/LONG-${i % 500}`,
  },
  reportId: i % 2 ? 'alice' : 'bob',
  answer: 'dismissed',
  answeredAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000 + 5_000).toISOString(),
  interventionId: null,
}));

describe('a long import', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  test('shows records read of the total, then records saved, then the outcome; the rest of the page stays usable', async () => {
    const page = await ext.openPage('options.html');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as any).__statuses = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[role="status"], [role="alert"]'))
          if (!seen.includes(el.textContent ?? '')) seen.push(el.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel(/import backup/i).setInputFiles({
      name: 'long.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...rosterBackup, prompts })),
    });
    // While it runs: the progress bar, and a setting changed on the same page.
    await page.getByRole('progressbar', { name: /import progress/i }).waitFor();
    await expect(page.getByLabel(/import backup/i).isDisabled()).resolves.toBe(true);
    await page.getByText(/^Advanced/).click();
    await page.getByLabel(/where on its pages typing counts/i).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported long\.json/ })
      .waitFor({ timeout: 60_000 });

    const statuses = (await page.evaluate(() => (window as any).__statuses)) as string[];
    const progress = statuses
      .map((s) => /^Importing: ([\d,]+) of ([\d,]+) records read/.exec(s))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m): [number, number] => [
        Number(m[1]!.replace(/,/g, '')),
        Number(m[2]!.replace(/,/g, '')),
      ]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every(([, total]) => total === PROMPTS)).toBe(true);
    expect(progress.some(([read]) => read > 0 && read < PROMPTS)).toBe(true);
    // Then the writing, which is most of a long import's time: records saved, on the way.
    const saved = statuses
      .map((s) => /records read, ([\d,]+) saved/.exec(s))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(saved.some((n) => n > 0 && n < PROMPTS)).toBe(true);
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0);

    const backup = await exportBackup(ext, page);
    expect(backup.prompts).toHaveLength(PROMPTS);
    await page.close();
  });
});

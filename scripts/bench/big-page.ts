/** The keystroke handler's cost on a 5,000-block page, and the main thread while typing there. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, launchExtension } from '@/tests/support/extension';
import { serveFakeSites } from '@/tests/support/fake-sites';
import { rosterBackup } from '@/tests/support/roster';
import { importBackupFile, promptOn } from '@/tests/support/steps';
import { ms, rows } from '@/scripts/bench/table';

/**
 * A Notion-like page with 5,000 editable blocks, claimed for a report with an
 * active intervention (the busiest path: every keystroke is looked at). The
 * keystroke handler's cost is the time `dispatchEvent` takes for one input
 * event with the extension minus without it (listeners run synchronously,
 * the content script's included); main-thread time is the page's TaskDuration
 * over typing, with the extension and without.
 */
export async function bigPage() {
  const pageId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const run = async (withExtension: boolean) => {
    const ext = withExtension ? await launchExtension() : null;
    const context =
      ext?.context ??
      (await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'pullback-plain-')), {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox'],
      }));
    try {
      const sites = await serveFakeSites(context, {
        notion: {
          workspace: 'acme',
          pages: { [pageId]: { title: 'Big page', createdBy: 'Alice Chen' } },
        },
      });
      if (ext) await importBackupFile(ext, rosterBackup).then(({ page }) => page.close());
      const page = await context.newPage();
      await page.goto(sites.notionUrl(pageId));
      // 5,000 blocks, each a contenteditable leaf, as Notion renders them.
      await page.evaluate(`(() => {
        const content = document.querySelector('.notion-page-content');
        const block = content.querySelector('.notion-text-block');
        const frag = document.createDocumentFragment();
        for (let i = 0; i < 5000; i++) { const b = block.cloneNode(true); b.dataset.blockId = 'bench-' + i; frag.append(b); }
        content.append(frag);
      })()`);
      const editor = page.locator('.notion-page-content [contenteditable="true"]').nth(2500);
      await editor.click();
      await page.keyboard.type('abcd'); // Four keys: the default threshold.
      if (ext) {
        const prompt = promptOn(page);
        await prompt.waitFor();
        await prompt.getByRole('button', { name: /^Yes/ }).click();
      }
      const samples = (await page.evaluate(`(() => {
        const el = document.querySelectorAll('.notion-page-content [contenteditable="true"]')[2500];
        const out = [];
        for (let s = 0; s < 200; s++) {
          const t0 = performance.now();
          for (let i = 0; i < 50; i++) el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'x' }));
          out.push((performance.now() - t0) / 50);
        }
        return out;
      })()`)) as number[];
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const task = async () =>
        ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
          ?.value ?? 0) * 1000;
      const before = await task();
      await page.keyboard.type(
        'The details matter here, so this sentence is typed in full. '.repeat(3),
        { delay: 10 },
      );
      const mainThread = (await task()) - before;
      return { samples, mainThread };
    } finally {
      await (ext ? ext.close() : context.close());
    }
  };
  const plain = await run(false);
  const withExt = await run(true);
  const cost = withExt.samples.map((x, i) => Math.max(0, x - (plain.samples[i] ?? 0)));
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  rows.push([
    'keystroke handler, 5,000-block page, p50 / p99',
    `${(pct(cost, 0.5) * 1000).toFixed(0)} µs / ${(pct(cost, 0.99) * 1000).toFixed(0)} µs`,
    '',
  ]);
  rows.push([
    'main thread while typing 180 chars, with / without',
    `${ms(withExt.mainThread)} / ${ms(plain.mainThread)} (×${(withExt.mainThread / plain.mainThread).toFixed(2)})`,
    '',
  ]);
}

/** Keystroke -> prompt visible, measured inside the page (goal: 50 ms median). */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '@/tests/support/extension';
import type { FakeJira } from '@/tests/support/fake-jira';
import { SUMMARY_EDITOR, SUMMARY_HEADING } from '@/scripts/bench/jira';
import { median, ms, progress, rows } from '@/scripts/bench/table';

const LATENCY_BUDGET_MS = 50;
const LATENCY_WORST_MS = 80;

/**
 * One run: a ticket not seen before, its summary editor focused (the owner is
 * resolved on focus, as when a lead clicks in), then one keystroke. Timed in
 * the page from the keydown (capturing, on window: ahead of every listener on
 * the path) to the first frame where the prompt's frame is shown with the
 * dialog drawn in it (the content script shows it once the frame says so).
 */
async function keystrokeToPrompt(
  ext: ExtensionBrowser,
  jira: FakeJira,
  key: string,
): Promise<number> {
  const page: Page = await ext.context.newPage();
  try {
    await page.goto(jira.url(key));
    await page.locator(SUMMARY_HEADING).click();
    const editor = page.locator(SUMMARY_EDITOR);
    await editor.waitFor();
    await editor.focus();
    await page.waitForLoadState('networkidle'); // The owner lookup the focus started has answered.
    // A prompt comes once the lead is clearly changing the work (the 4th key of a stretch, by
    // default): three keys first, then the timed one that crosses the threshold.
    await page.keyboard.type('abc');
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.evaluate(`
      window.__pullbackBench = new Promise((resolve, reject) => {
        let t0;
        window.addEventListener('keydown', () => { t0 ??= performance.now(); }, { capture: true });
        const started = performance.now();
        const check = () => {
          // The prompt's frame (the page cannot look inside it), once shown with the prompt drawn in it.
          const frame = document.querySelector('pullback-prompt')?.shadowRoot?.querySelector('iframe');
          const box = frame && getComputedStyle(frame).visibility === 'visible' ? frame.getBoundingClientRect() : undefined;
          if (t0 !== undefined && box && box.width > 0 && box.height > 0) return resolve(performance.now() - t0);
          if (performance.now() - started > 15000) return reject(new Error('no prompt within 15 s of the keystroke'));
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      undefined; // Not the promise: page.evaluate would wait for it, and the keystroke would never come.
    `);
    await page.keyboard.type('x');
    return (await page.evaluate('window.__pullbackBench')) as number;
  } finally {
    await page.close();
  }
}

export async function keystrokeFigures(
  ext: ExtensionBrowser,
  jira: FakeJira,
  keys: string[],
  warmKey: string,
) {
  // A first run, reported apart: it pays for the worker's and the database's start.
  const cold = await keystrokeToPrompt(ext, jira, warmKey);
  progress(`first (cold) run: ${ms(cold)}`);
  const latencies: number[] = [];
  for (const key of keys) {
    latencies.push(await keystrokeToPrompt(ext, jira, key));
    progress(`run ${latencies.length}/${keys.length}: ${ms(latencies.at(-1)!)}`);
  }
  rows.push([
    `keystroke -> prompt visible, median of ${keys.length}`,
    ms(median(latencies)),
    `≤ ${LATENCY_BUDGET_MS} ms`,
  ]);
  rows.push(['keystroke -> prompt visible, min', ms(Math.min(...latencies)), '']);
  rows.push([
    'keystroke -> prompt visible, max',
    ms(Math.max(...latencies)),
    `≤ ${LATENCY_WORST_MS} ms`,
  ]);
  rows.push(['keystroke -> prompt visible, first run (cold)', ms(cold), '']);
}

/**
 * A year of data (scripts/year-of-data.ts: 100,000 records for 15 reports), each figure timed in
 * the browser: the import through the options page's file input (and the progress it shows), the
 * popup's opening, the summary's first screen beside an empty extension page opened the same way
 * in the same browser, and the export. `npm run bench -- --only=year` runs this part alone.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, type ExtensionBrowser } from '@/tests/support/extension';
import { YEAR_INTERVENTIONS, YEAR_PROMPTS, yearBackup } from '@/scripts/year-of-data';
import { breakdown, until } from '@/scripts/bench/profile';
import { median, ms, progress, rows } from '@/scripts/bench/table';

const FIRST_SCREEN_GOAL_MS = 250;
const POPUP_GOAL_MS = 50;
const IMPORT_GOAL_S = 10;
const EXPORT_GOAL_S = 3;
/** The mark a page sets once its first screen is painted (the summary's own, and the empty page's). */
const FIRST_SCREEN = 'pullback:first-screen';
/** The summary's mark once the weeks before the viewed one are read and drawn too. */
const WINDOW_FILLED = 'pullback:window-filled';
const RECORDS = YEAR_INTERVENTIONS + YEAR_PROMPTS;
const recordsText = `${RECORDS.toLocaleString('en')} records`;

/**
 * The build, copied, with one more page that only marks its first frame: the cost of opening any
 * extension page on this machine at this moment, which the summary's figure sits beside.
 */
function buildWithEmptyPage(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pullback-year-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'bench-empty.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Empty</title><script type="module" src="/bench-empty.js"></script></head><body><main><h1>Empty</h1></main></body></html>\n',
  );
  writeFileSync(
    path.join(dir, 'bench-empty.js'),
    `requestAnimationFrame(() => performance.mark(${JSON.stringify(FIRST_SCREEN)}));\n`,
  );
  return dir;
}

/** Navigation start -> each of the page's marks (the first screen first), in a fresh tab. */
async function marksAfterNavigation(
  ext: ExtensionBrowser,
  page: string,
  marks = [FIRST_SCREEN],
): Promise<number[]> {
  const tab = await ext.context.newPage();
  try {
    await tab.goto(`chrome-extension://${ext.extensionId}/${page}`);
    const times: number[] = [];
    for (const mark of marks) {
      await until(tab, `performance.getEntriesByName(${JSON.stringify(mark)}).length > 0`);
      times.push(
        (await tab.evaluate(
          `performance.getEntriesByName(${JSON.stringify(mark)})[0].startTime`,
        )) as number,
      );
    }
    return times;
  } finally {
    await tab.close();
  }
}

/** From the file input's change to the status naming the file; every progress text seen on the way. */
async function importYear(options: Page, text: string) {
  await options.evaluate(`
    window.__pullbackImport = new Promise((resolve) => {
      let t0, firstProgress;
      const seen = new Set();
      document.addEventListener('change', () => { t0 ??= performance.now(); }, { capture: true });
      const statuses = () => [...document.querySelectorAll('[role="status"], [role="alert"]')];
      new MutationObserver(() => {
        if (t0 === undefined) return;
        for (const el of statuses()) {
          if (/ of [0-9,]+ records/.test(el.textContent)) { seen.add(el.textContent); firstProgress ??= performance.now() - t0; }
          if (el.textContent.startsWith('Imported year.json') || (el.getAttribute('role') === 'alert' && el.textContent.includes('year.json')))
            resolve({ ms: performance.now() - t0, status: el.textContent, updates: seen.size, firstProgress });
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    undefined;
  `);
  await options.getByLabel(/import/i).setInputFiles({
    name: 'year.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  return (await options.evaluate('window.__pullbackImport')) as {
    ms: number;
    status: string;
    updates: number;
    firstProgress?: number;
  };
}

export async function yearOfData(repeats: number) {
  const dir = buildWithEmptyPage();
  const ext = await launchExtension({ timezoneId: 'UTC', extensionDir: dir });
  try {
    ext.context.setDefaultTimeout(300_000);
    const text = JSON.stringify(yearBackup(new Date()));
    const mb = text.length / 1024 / 1024;
    progress(`importing a year of data (${recordsText}, ${mb.toFixed(1)} MB)…`);

    const options = await ext.openPage('options.html');
    const imported = await importYear(options, text);
    if (!/^Imported/.test(imported.status))
      throw new Error(`importing a year failed: ${imported.status}`);
    rows.push([
      `import a year (${recordsText}, ${mb.toFixed(0)} MB), file chosen -> status`,
      `${(imported.ms / 1000).toFixed(2)} s`,
      `≤ ${IMPORT_GOAL_S} s`,
    ]);
    rows.push([
      '  progress while importing: first shown after / updates',
      imported.firstProgress === undefined
        ? 'none shown'
        : `${ms(imported.firstProgress)} / ${imported.updates}`,
      'shown',
    ]);
    progress(`import: ${(imported.ms / 1000).toFixed(2)} s`);

    await popupOpens(ext, repeats);
    await summaryFirstScreen(ext, repeats);
    await exportYear(options, Math.max(1, Math.ceil(repeats / 2)));
    await options.close();
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Navigation start to the popup's first render with the lists in it (the popup's own mark). */
async function popupOpens(ext: ExtensionBrowser, repeats: number) {
  const opens: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await until(popup, `performance.getEntriesByName('pullback:popup-rendered').length > 0`);
    opens.push(
      (await popup.evaluate(
        `performance.getEntriesByName('pullback:popup-rendered')[0].startTime`,
      )) as number,
    );
    await popup.close();
  }
  progress(`popup opens: ${opens.map(ms).join(', ')}`);
  rows.push([
    `popup open with ${recordsText}, navigation -> lists rendered, median of ${repeats}`,
    ms(median(opens)),
    `≤ ${POPUP_GOAL_MS} ms`,
  ]);
  rows.push([
    '  where a popup open goes (one more open)',
    await breakdown(
      ext,
      'popup',
      `chrome-extension://${ext.extensionId}/popup.html`,
      'pullback:popup-rendered',
    ),
    '',
  ]);
}

/** This week's summary, navigation -> first screen painted, each open beside an empty page's. */
async function summaryFirstScreen(ext: ExtensionBrowser, repeats: number) {
  const summary: number[] = [];
  const filled: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < repeats; i++) {
    empty.push(...(await marksAfterNavigation(ext, 'bench-empty.html')));
    const [first, window] = await marksAfterNavigation(ext, 'summary.html', [
      FIRST_SCREEN,
      WINDOW_FILLED,
    ]);
    summary.push(first!);
    filled.push(window!);
  }
  progress(`summary first screens: ${summary.map(ms).join(', ')}`);
  progress(`summary eight weeks filled in: ${filled.map(ms).join(', ')}`);
  progress(`empty page first screens: ${empty.map(ms).join(', ')}`);
  rows.push([
    `summary's first screen with ${recordsText}, navigation -> painted, median of ${repeats}`,
    ms(median(summary)),
    `≤ ${FIRST_SCREEN_GOAL_MS} ms`,
  ]);
  rows.push([
    `  an empty extension page, the same way, same run, median of ${repeats}`,
    ms(median(empty)),
    '',
  ]);
  rows.push([
    `  the eight weeks filled in (sparklines, 4-week averages), navigation -> painted, median of ${repeats}`,
    ms(median(filled)),
    '',
  ]);
  rows.push([
    '  where a summary open goes (one more open)',
    await breakdown(
      ext,
      'summary',
      `chrome-extension://${ext.extensionId}/summary.html`,
      FIRST_SCREEN,
    ),
    '',
  ]);
}

/** The options page's button to the file written (the download finished). */
async function exportYear(options: Page, repeats: number) {
  const exports: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: /export/i }).click(),
    ]);
    await download.path();
    exports.push(performance.now() - t0);
    await download.delete();
  }
  progress(`exports: ${exports.map((x) => `${(x / 1000).toFixed(2)} s`).join(', ')}`);
  rows.push([
    `export ${recordsText} to a file, button -> file written, median of ${repeats}`,
    `${(median(exports) / 1000).toFixed(2)} s`,
    `≤ ${EXPORT_GOAL_S} s`,
  ]);
}

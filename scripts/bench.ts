/**
 * npm run bench: figures, not pass/fail.
 *
 *   - each tool's always-loaded content script, as built (minified) and gzip -9 (goal: 12 KB as
 *     built), and what loads on demand beside it (`<tool>-lookup.js`, prompt.js);
 *   - keystroke -> prompt visible, measured inside the page (goal: 50 ms median).
 *
 * Also (left out with npm run bench -- --quick): messages per minute of
 * continuous typing on a ticket with an active intervention, the heartbeat
 * round trip, and a year of data: 100,000 records imported, the popup
 * opened, the weekly summary rendered, everything exported (a few minutes).
 * `--only=year` runs the year of data alone (a shared machine: one part at a time);
 * `--only=size` prints the sizes alone (no browser: a second).
 *
 * Builds the extension first if .output/chrome-mv3 is missing. Environment:
 * BENCH_RUNS (keystroke runs, default 9; each on a ticket not seen before, so
 * each is a first prompt), BENCH_TYPING_SECONDS (extended typing, default 30),
 * BENCH_YEAR_REPEATS (popup opens and summary renders, default 5; exports half).
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import {
  CHROMIUM,
  EXTENSION_DIR,
  launchExtension,
  type ExtensionBrowser,
} from '../tests/support/extension';
import { serveFakeJira, type FakeJira, type FakeJiraIssue } from '../tests/support/fake-jira';
import { serveFakeSites } from '../tests/support/fake-sites';
import { alice, dana, rosterBackup } from '../tests/support/roster';
import { importBackupFile, promptOn, typeInDescription } from '../tests/support/steps';
import { YEAR_INTERVENTIONS, YEAR_PROMPTS, yearBackup } from './year-of-data';

const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '9', 10) || 9);
const TYPING_SECONDS = Math.max(
  5,
  Number.parseInt(process.env.BENCH_TYPING_SECONDS ?? '30', 10) || 30,
);
/** Everything by default; --quick leaves out typing traffic, heartbeats and the year of data. */
const EXTENDED = !process.argv.includes('--quick');
/** --only=year: just the year of data (import, popup, summary, export), alone on a shared machine; --only=size: the sizes. */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (ONLY !== undefined && ONLY !== 'year' && ONLY !== 'size')
  throw new Error(`--only=${ONLY}: the parts that run alone are "year" and "size"`);
/** What loads with every page of a tool (the prompt loads on demand: prompt.js). */
const CONTENT_BUDGET_BYTES = 12 * 1024;
const LATENCY_BUDGET_MS = 50;
const LATENCY_WORST_MS = 80;
/** Heavy-page pairs (page loaded without, with the floor and with Pullback), BENCH_PAIRS. */
const PAIRS = Math.max(1, Number.parseInt(process.env.BENCH_PAIRS ?? '5', 10) || 5);
/** Goals for a year of data: the popup, the summary, the import and the export. */
const SUMMARY_GOAL_MS = 100;
const POPUP_GOAL_MS = 50;
const YEAR_IMPORT_GOAL_S = 3;
const EXPORT_GOAL_S = 3;
const YEAR_REPEATS = Math.max(1, Number.parseInt(process.env.BENCH_YEAR_REPEATS ?? '5', 10) || 5);
const EXPORT_REPEATS = Math.max(1, Math.ceil(YEAR_REPEATS / 2));
const SUMMARY_HEADING = 'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]';
const SUMMARY_EDITOR = 'textarea[data-testid$="summary.heading.writeable.field"]';

type Row = [figure: string, value: string, budget: string];
const rows: Row[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
/** Progress goes to stderr; the table is the output. */
const progress = (text: string) => process.stderr.write(`  ${text}\n`);

function chromiumVersion(): string {
  try {
    // Debian's wrapper script may print shell noise on stderr: keep only stdout.
    return execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return `${CHROMIUM} (version unknown)`;
  }
}

function ensureBuilt() {
  if (existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) return;
  console.log(`No build at ${EXTENSION_DIR}: building (npx wxt build)…`);
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`still no build at ${EXTENSION_DIR} after "npx wxt build"`);
}

/** One content script per tool; a page loads only its own. */
function contentScriptSize() {
  const dir = path.join(EXTENSION_DIR, 'content-scripts');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const bytes = readFileSync(path.join(dir, file));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const verdict = bytes.length <= CONTENT_BUDGET_BYTES ? 'met' : 'over';
    rows.push([
      `content script ${file}, minified / gzip -9`,
      `${kb(bytes.length)} / ${kb(gzip)} (${bytes.length} B)`,
      `≤ ${CONTENT_BUDGET_BYTES / 1024} KB (${verdict})`,
    ]);
  }
  // Injected by the background on first need: the lookups and judging at the first focus of an editor, the prompt when one may show.
  for (const file of readdirSync(EXTENSION_DIR)
    .filter((f) => f.endsWith('-lookup.js'))
    .sort()) {
    rows.push([
      `${file} (injected on first need)`,
      kb(readFileSync(path.join(EXTENSION_DIR, file)).length),
      '',
    ]);
  }
  const prompt = path.join(EXTENSION_DIR, 'prompt.js');
  if (existsSync(prompt))
    rows.push([
      'prompt.js (injected only when a prompt may show)',
      kb(readFileSync(prompt).length),
      '',
    ]);
}

/**
 * One run: a ticket not seen before, its summary editor focused (the owner is
 * resolved on focus, as when a lead clicks in), then one keystroke. Timed in
 * the page from the keydown (capturing, on window: ahead of every listener on
 * the path) to the first frame where the prompt's frame is shown with the
 * dialog drawn in it (its content script shows it once the frame says so).
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

async function keystrokeFigures(
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

/** Extended: messages the worker hears per minute of continuous typing on a ticket with an active intervention. */
async function messagesPerMinute(ext: ExtensionBrowser, jira: FakeJira, key: string) {
  const page = await ext.context.newPage();
  await page.goto(jira.url(key));
  await page.locator(SUMMARY_HEADING).click();
  await page.keyboard.type('a');
  await promptOn(page).getByRole('button', { name: /^Yes/ }).click();
  await promptOn(page)
    .getByText(/intervention started/i)
    .waitFor();
  const worker = await ext.worker();
  await worker.evaluate(`
    globalThis.__benchMessages = 0;
    chrome.runtime.onMessage.addListener(() => { globalThis.__benchMessages++; });
  `);
  progress(`typing for ${TYPING_SECONDS} s…`);
  await typeInDescription(page, ' ');
  const end = Date.now() + TYPING_SECONDS * 1000;
  while (Date.now() < end) await page.keyboard.type('typing ', { delay: 40 }); // about 25 keys a second
  const count = (await (await ext.worker()).evaluate('globalThis.__benchMessages')) as number;
  rows.push([
    'messages per minute of continuous typing',
    `${((count * 60) / TYPING_SECONDS).toFixed(1)} (${count} in ${TYPING_SECONDS} s)`,
    '',
  ]);
  await page.close();
}

/** Extended: one heartbeat (message, IndexedDB read-write, answer), from an extension page. */
async function heartbeatRoundTrip(ext: ExtensionBrowser, key: string) {
  const page = await ext.openPage('popup.html');
  const times = (await page.evaluate(`(async () => {
    const out = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ id: i, type: 'heartbeat', data: { tool: 'jira', key: ${JSON.stringify(key)} }, timestamp: Date.now() });
      out.push(performance.now() - t0);
    }
    return out;
  })()`)) as number[];
  rows.push(['heartbeat round trip, median of 50', ms(median(times)), '']);
  await page.close();
}

/** Polls an expression in the page (extension pages' CSP refuses waitForFunction's eval). */
async function until(
  page: import('playwright-core').Page,
  expression: string,
  timeoutMs = 300_000,
) {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end)
      throw new Error(`still not true after ${timeoutMs / 1000} s: ${expression}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A year of data: 100,000 records for 15 reports
 * (scripts/year-of-data.ts), imported through the options page's file input,
 * then the popup's opening, the weekly summary's render and the export, each
 * timed in the browser. `npm run bench -- --only=year` runs this part alone.
 */
async function yearOfData() {
  const ext = await launchExtension({ timezoneId: 'UTC' });
  try {
    ext.context.setDefaultTimeout(300_000);
    const text = JSON.stringify(yearBackup(new Date()));
    const records = `${(YEAR_INTERVENTIONS + YEAR_PROMPTS).toLocaleString('en')} records`;
    progress(
      `importing a year of data (${records}, ${(text.length / 1024 / 1024).toFixed(1)} MB)…`,
    );

    // Import: from the file input's change to the status naming the file, timed in the page.
    const options = await ext.openPage('options.html');
    await options.evaluate(`
      window.__pullbackImport = new Promise((resolve) => {
        let t0;
        document.addEventListener('change', () => { t0 ??= performance.now(); }, { capture: true });
        const done = () => [...document.querySelectorAll('[role="status"], [role="alert"]')].find((e) => e.textContent.includes('year.json'));
        new MutationObserver(() => { const el = done(); if (t0 !== undefined && el) resolve({ ms: performance.now() - t0, status: el.textContent }); })
          .observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      undefined;
    `);
    await options.getByLabel(/import/i).setInputFiles({
      name: 'year.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const imported = (await options.evaluate('window.__pullbackImport')) as {
      ms: number;
      status: string;
    };
    if (!/^Imported/.test(imported.status))
      throw new Error(`importing a year failed: ${imported.status}`);
    rows.push([
      `import a year (${records}, ${(text.length / 1024 / 1024).toFixed(0)} MB), file chosen -> status`,
      `${(imported.ms / 1000).toFixed(2)} s`,
      `≤ ${YEAR_IMPORT_GOAL_S} s`,
    ]);
    progress(`import: ${(imported.ms / 1000).toFixed(2)} s`);

    // Popup: navigation start to its first render with the lists in it (the popup's own mark).
    const opens: number[] = [];
    for (let i = 0; i < YEAR_REPEATS; i++) {
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
      `popup open with ${records}, navigation -> lists rendered, median of ${YEAR_REPEATS}`,
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

    // Summary: this week, from its data arriving to the summary drawn (the page's own measure).
    const renders: number[] = [];
    let read = 0;
    for (let i = 0; i < YEAR_REPEATS; i++) {
      const page = await ext.openPage('summary.html');
      await page.locator('[data-figure="started"]').waitFor();
      await until(page, `performance.getEntriesByName('pullback:render').length > 0`);
      const m = (await page.evaluate(
        `(() => { const [m] = performance.getEntriesByName('pullback:render'); return { ms: m.duration, records: m.detail?.records ?? 0 }; })()`,
      )) as { ms: number; records: number };
      renders.push(m.ms);
      read = m.records;
      await page.close();
    }
    progress(`summary renders: ${renders.map(ms).join(', ')}`);
    rows.push([
      `summary render after data load, this week, median of ${YEAR_REPEATS}`,
      ms(median(renders)),
      `≤ ${SUMMARY_GOAL_MS} ms`,
    ]);
    rows.push([
      '  where a summary open goes (one more open)',
      await breakdown(
        ext,
        'summary',
        `chrome-extension://${ext.extensionId}/summary.html`,
        'pullback:render',
      ),
      '',
    ]);
    rows.push([
      'records the summary read for it',
      `${read.toLocaleString('en')} of ${(YEAR_INTERVENTIONS + YEAR_PROMPTS).toLocaleString('en')}`,
      '',
    ]);

    // Export: the options page's button to the file written (the download finished).
    const exports: number[] = [];
    for (let i = 0; i < EXPORT_REPEATS; i++) {
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
      `export ${records} to a file, button -> file written, median of ${EXPORT_REPEATS}`,
      `${(median(exports) / 1000).toFixed(2)} s`,
      `≤ ${EXPORT_GOAL_S} s`,
    ]);
    await options.close();
  } finally {
    await ext.close();
  }
}

/**
 * Where one page open's time goes, measured, not guessed, to say what stands in the way of
 * a goal: the page's own CDP metrics at the moment it says it is done (script,
 * layout, style recalculation, all tasks), and the functions with the most self time in a CPU
 * profile of the same open. Printed beside the figure; the profile is in .bench/<name>.cpuprofile.
 */
async function breakdown(
  ext: ExtensionBrowser,
  name: string,
  url: string,
  doneMark: string,
): Promise<string> {
  const page = await ext.context.newPage();
  if (name === 'popup') await page.setViewportSize({ width: 380, height: 700 });
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await until(page, `performance.getEntriesByName(${JSON.stringify(doneMark)}).length > 0`);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  await page.close();
  const metric = (m: string) => (metrics.find((x) => x.name === m)?.value ?? 0) * 1000;
  mkdirSync('.bench', { recursive: true });
  writeFileSync(path.join('.bench', `${name}.cpuprofile`), JSON.stringify(profile));
  const top = topSelfTime(profile, 4)
    .map(([fn, t]) => `${fn} ${t.toFixed(0)}`)
    .join(', ');
  return `script ${metric('ScriptDuration').toFixed(0)} ms, layout ${metric('LayoutDuration').toFixed(0)} ms, style ${metric('RecalcStyleDuration').toFixed(0)} ms of ${metric('TaskDuration').toFixed(0)} ms of tasks; most self time (ms): ${top}`;
}

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name and file) in a CPU profile, largest first; idle left out. */
function topSelfTime(profile: CpuProfile, count: number): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const where = frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
}

async function startProfile(cdp: import('playwright-core').CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

/** Self time in the extension's own scripts (chrome-extension:// URLs), per file and its top functions. */
function extensionSelfTime(profile: CpuProfile, name: string): string {
  mkdirSync('.bench', { recursive: true });
  writeFileSync(path.join('.bench', `${name}.cpuprofile`), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const files = new Map<string, number>();
  const functions = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame?.url.startsWith('chrome-extension://')) return;
    const file = frame.url.split('/').pop()!;
    const t = (profile.timeDeltas[i] ?? 0) / 1000;
    files.set(file, (files.get(file) ?? 0) + t);
    const fn = `${frame.functionName || '(top level)'} ${file}`;
    functions.set(fn, (functions.get(fn) ?? 0) + t);
  });
  const list = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `${k} ${t.toFixed(1)}`)
      .join(', ');
  return files.size
    ? `self time (ms) by file: ${list(files, 4)}; top functions: ${list(functions, 4)}`
    : 'no sample in an extension script';
}

/**
 * A Notion-like page with 5,000 editable blocks, claimed for a report with an
 * active intervention (the busiest path: every keystroke is looked at). The
 * keystroke handler's cost is the time `dispatchEvent` takes for one input
 * event with the extension minus without it (listeners run synchronously,
 * the content script's included); main-thread time is the page's TaskDuration
 * over typing, with the extension and without.
 */
async function bigPage() {
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
      await page.keyboard.type('a');
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

/**
 * The floor: an extension whose content script is one passive listener, on
 * the same tools' pages. Built here, into a temporary folder.
 */
function buildFloorExtension(withContentScript = true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pullback-floor-'));
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const matches = [
    ...new Set((manifest.content_scripts ?? []).flatMap((c: { matches: string[] }) => c.matches)),
  ];
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Floor',
      version: '1.0.0',
      background: { service_worker: 'background.js' },
      content_scripts: withContentScript
        ? [{ matches, js: ['content.js'], run_at: 'document_idle' }]
        : [],
    }),
  );
  writeFileSync(
    path.join(dir, 'background.js'),
    '// A worker, so the harness finds the extension.\n',
  );
  writeFileSync(
    path.join(dir, 'content.js'),
    "document.addEventListener('input', () => {}, { capture: true, passive: true });\n",
  );
  return dir;
}

type Metrics = { script: number; task: number };
const HEAVY_KEY = 'HEAVY-1';
const COOLDOWN_KEY = 'COOL-1';

/**
 * One load of a Jira-like page that works hard: 10,000 DOM mutations in 2 s
 * and 200 keystrokes into the search box (not a report's field). Returns the
 * page's ScriptDuration and TaskDuration over its life (CDP Performance).
 */
async function heavyPageRun(
  context: import('playwright-core').BrowserContext,
  url: string,
  profiled?: (profile: CpuProfile) => void,
): Promise<Metrics> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profiled) await startProfile(cdp);
    await page.goto(url);
    await page.locator('#global-search, input[type="search"]').first().waitFor();
    await page.evaluate(`new Promise((resolve) => {
      const box = document.createElement('div'); document.body.append(box);
      let n = 0;
      const tick = () => { for (let i = 0; i < 100; i++) { const d = document.createElement('span'); d.textContent = 'x' + n++; box.append(d); if (box.childElementCount > 200) box.firstChild.remove(); }
        if (n < 10000) setTimeout(tick, 20); else resolve(); };
      tick();
    })`);
    await page.locator('#global-search, input[type="search"]').first().click();
    await page.keyboard.type('a'.repeat(200));
    if (profiled)
      profiled(((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile);
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  } finally {
    await page.close();
  }
}

/** Script time while typing 300 characters into a report's summary after "Not now" (the cooldown). */
async function typingAfterNotNow(
  context: import('playwright-core').BrowserContext,
  url: string,
  withPrompt: boolean,
  profiled?: (profile: CpuProfile) => void,
): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator(SUMMARY_HEADING).click();
    await page.locator(SUMMARY_EDITOR).focus();
    if (withPrompt) {
      await page.keyboard.type('a');
      await promptOn(page)
        .getByRole('button', { name: /^Not now/ })
        .click();
      await promptOn(page).waitFor({ state: 'detached' });
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const script = async () =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')
        ?.value ?? 0) * 1000;
    const before = await script();
    if (profiled) await startProfile(cdp);
    await page.keyboard.type('b'.repeat(300));
    if (profiled)
      profiled(((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile);
    return (await script()) - before;
  } finally {
    await page.close();
  }
}

/** Page cost against the floor, all three measured in this run, loads alternating. */
async function pageCost() {
  const floorDir = buildFloorExtension();
  const issues: Record<string, FakeJiraIssue> = {
    [HEAVY_KEY]: { summary: 'A heavy board page', assignee: alice },
  };
  // One ticket per pair, and one more for the profiled run (a ticket's first prompt is what Not now answers).
  for (let i = 0; i <= PAIRS; i++)
    issues[`${COOLDOWN_KEY.slice(0, 4)}-${i + 1}`] = {
      summary: `Cooldown ticket ${i + 1}`,
      assignee: alice,
    };
  // "Without": the same browser flags, an extension with no content script at all.
  const noneDir = buildFloorExtension(false);
  const plainExt = await launchExtension({ extensionDir: noneDir });
  const plain = plainExt.context;
  const floor = await launchExtension({ extensionDir: floorDir });
  const ours = await launchExtension();
  try {
    const jiras = await Promise.all(
      [plain, floor.context, ours.context].map((c) => serveFakeJira(c, { myself: dana, issues })),
    );
    const { page: options } = await importBackupFile(ours, rosterBackup);
    await options.close();
    const runs: Record<'plain' | 'floor' | 'ours', Metrics[]> = { plain: [], floor: [], ours: [] };
    const typing: Record<'plain' | 'ours', number[]> = { plain: [], ours: [] };
    for (let i = 0; i < PAIRS; i++) {
      runs.plain.push(await heavyPageRun(plain, jiras[0]!.url(HEAVY_KEY)));
      runs.floor.push(await heavyPageRun(floor.context, jiras[1]!.url(HEAVY_KEY)));
      runs.ours.push(await heavyPageRun(ours.context, jiras[2]!.url(HEAVY_KEY)));
      const key = `${COOLDOWN_KEY.slice(0, 4)}-${i + 1}`;
      typing.plain.push(await typingAfterNotNow(plain, jiras[0]!.url(key), false));
      typing.ours.push(await typingAfterNotNow(ours.context, jiras[2]!.url(key), true));
      progress(`page cost pair ${i + 1}/${PAIRS}`);
    }
    const med = (xs: Metrics[], k: keyof Metrics) => median(xs.map((x) => x[k]));
    const addedFloor = med(runs.floor, 'script') - med(runs.plain, 'script');
    const addedOurs = med(runs.ours, 'script') - med(runs.plain, 'script');
    const ratio = (xs: Metrics[]) => med(xs, 'task') / med(runs.plain, 'task');
    rows.push([
      `heavy page: ScriptDuration added, Pullback (floor), median of ${PAIRS}`,
      `${ms(addedOurs)} (${ms(addedFloor)})`,
      `≤ floor + 10 ms`,
    ]);
    rows.push([
      `heavy page: TaskDuration with / without, Pullback (floor)`,
      `×${ratio(runs.ours).toFixed(3)} (×${ratio(runs.floor).toFixed(3)})`,
      `≤ floor + 0.02`,
    ]);
    const perKey = (median(typing.ours) - median(typing.plain)) / 300;
    rows.push([
      `typing 300 keys after Not now: extension script a key, median of ${PAIRS}`,
      `${perKey.toFixed(3)} ms`,
      '≤ 0.02 ms',
    ]);
    // One more of each, profiled: which of Pullback's scripts and functions the added time is in.
    let heavy: CpuProfile | null = null;
    let typed: CpuProfile | null = null;
    await heavyPageRun(ours.context, jiras[2]!.url(HEAVY_KEY), (p) => (heavy = p));
    await typingAfterNotNow(
      ours.context,
      jiras[2]!.url(`${COOLDOWN_KEY.slice(0, 4)}-${PAIRS + 1}`),
      true,
      (p) => (typed = p),
    );
    if (heavy)
      rows.push([
        "  where the heavy page's extension script goes (one profiled load)",
        extensionSelfTime(heavy, 'heavy-page'),
        '',
      ]);
    if (typed)
      rows.push([
        '  where typing after Not now goes (one profiled run, 300 keys)',
        extensionSelfTime(typed, 'typing'),
        '',
      ]);
  } finally {
    await Promise.all([plainExt.close(), floor.close(), ours.close()]);
    for (const dir of [floorDir, noneDir]) rmSync(dir, { recursive: true, force: true });
  }
}

function printTable() {
  const header: Row = ['figure', 'value', 'budget'];
  const widths = [0, 1, 2].map((c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  const line = (r: Row) =>
    `${r[0].padEnd(widths[0]!)}  ${r[1].padStart(widths[1]!)}  ${r[2]}`.trimEnd();
  console.log(
    `\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`,
  );
}

async function main() {
  ensureBuilt();
  const now = new Date();
  console.log(`Pullback bench, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  console.log(
    `${chromiumVersion()}, headless; ${RUNS} keystroke runs (BENCH_RUNS)${EXTENDED ? '; extended' : ''}`,
  );
  console.log(
    `load average at the start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (${cpus().length} cores)\n`,
  );
  if (ONLY === 'year') {
    await yearOfData();
    console.log(
      `load average at the end: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    printTable();
    return;
  }
  contentScriptSize();
  if (ONLY === 'size') {
    printTable();
    return;
  }

  const keys = Array.from({ length: RUNS }, (_, i) => `PAY-${1001 + i}`);
  const warmKey = 'PAY-1000';
  const typingKey = 'PAY-2000';
  const issues: Record<string, FakeJiraIssue> = {
    [warmKey]: { summary: 'Checkout: warm-up ticket', assignee: alice },
  };
  keys.forEach(
    (key, i) => (issues[key] = { summary: `Checkout: bench ticket ${i + 1}`, assignee: alice }),
  );
  issues[typingKey] = { summary: 'Checkout: typing ticket', assignee: alice };

  const ext = await launchExtension();
  try {
    const jira = await serveFakeJira(ext.context, { myself: dana, issues });
    const { page: options, status } = await importBackupFile(ext, rosterBackup);
    if (!/imported/i.test(status)) throw new Error(`importing the roster failed: ${status}`);
    await options.close();
    await keystrokeFigures(ext, jira, keys, warmKey);
    if (EXTENDED) {
      await messagesPerMinute(ext, jira, typingKey);
      await heartbeatRoundTrip(ext, typingKey);
    }
  } finally {
    await ext.close();
  }
  await pageCost();
  if (EXTENDED) await yearOfData();
  if (EXTENDED) await bigPage();
  printTable();
  if (!EXTENDED)
    console.log(
      '\n(without --quick the bench adds typing traffic, heartbeats and the summary on a year of data.)',
    );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(
      `\nThe bench failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    process.exit(1);
  },
);

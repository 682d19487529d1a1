/**
 * npm run bench: figures, not pass/fail. Each benchmark is its own file in scripts/bench/; this one
 * reads the arguments, runs them in order and prints one table.
 *
 *   - size.ts: each tool's always-loaded content script, as built (minified) and gzip -9 (goal:
 *     12 KB as built), and what loads on demand beside it (`<tool>-lookup.js`, prompt.js);
 *   - keystroke.ts: the keystroke that crosses the threshold (the 4th) -> prompt visible, measured
 *     inside the page (goal: 50 ms median);
 *   - page-cost.ts: a heavy page's script and task time, and typing after Not now, against the floor.
 *
 * Also (left out with npm run bench -- --quick): traffic.ts (messages per minute of continuous
 * typing on a ticket with an active intervention, the heartbeat round trip), year.ts (a year of
 * data: 100,000 records imported with its progress, the popup opened, the summary's first screen
 * beside an empty extension page, everything exported; a few minutes) and big-page.ts (the
 * keystroke handler on a 5,000-block page).
 * `--only=year` runs the year of data alone (a shared machine: one part at a time);
 * `--only=size` prints the sizes alone (no browser: a second).
 *
 * Builds the extension first if .output/chrome-mv3 is missing. Environment:
 * BENCH_RUNS (keystroke runs, default 9; each on a ticket not seen before, so
 * each is a first prompt), BENCH_TYPING_SECONDS (extended typing, default 30),
 * BENCH_PAIRS (heavy-page pairs, default 5), BENCH_YEAR_REPEATS (popup opens and summary
 * first screens, default 5; exports half).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { CHROMIUM, EXTENSION_DIR, launchExtension } from '@/tests/support/extension';
import { serveFakeJira, type FakeJiraIssue } from '@/tests/support/fake-jira';
import { alice, dana, rosterBackup } from '@/tests/support/roster';
import { importBackupFile } from '@/tests/support/steps';
import { bigPage } from '@/scripts/bench/big-page';
import { keystrokeFigures } from '@/scripts/bench/keystroke';
import { pageCost } from '@/scripts/bench/page-cost';
import { contentScriptSize } from '@/scripts/bench/size';
import { envCount, printTable } from '@/scripts/bench/table';
import { heartbeatRoundTrip, messagesPerMinute } from '@/scripts/bench/traffic';
import { yearOfData } from '@/scripts/bench/year';

const RUNS = envCount('BENCH_RUNS', 9);
const TYPING_SECONDS = envCount('BENCH_TYPING_SECONDS', 30, 5);
const PAIRS = envCount('BENCH_PAIRS', 5);
const YEAR_REPEATS = envCount('BENCH_YEAR_REPEATS', 5);
/** Everything by default; --quick leaves out typing traffic, heartbeats, the year of data and the big page. */
const EXTENDED = !process.argv.includes('--quick');
/** --only=year: just the year of data, alone on a shared machine; --only=size: the sizes. */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (ONLY !== undefined && ONLY !== 'year' && ONLY !== 'size')
  throw new Error(`--only=${ONLY}: the parts that run alone are "year" and "size"`);

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
    await yearOfData(YEAR_REPEATS);
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
      await messagesPerMinute(ext, jira, typingKey, TYPING_SECONDS);
      await heartbeatRoundTrip(ext, typingKey);
    }
  } finally {
    await ext.close();
  }
  await pageCost(PAIRS);
  if (EXTENDED) await yearOfData(YEAR_REPEATS);
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

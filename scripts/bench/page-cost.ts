/** Page cost against the floor: a heavy page's script and task time, and typing after Not now. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, launchExtension } from '@/tests/support/extension';
import { serveFakeJira, type FakeJiraIssue } from '@/tests/support/fake-jira';
import { alice, dana, rosterBackup } from '@/tests/support/roster';
import { importBackupFile, promptOn } from '@/tests/support/steps';
import { SUMMARY_EDITOR, SUMMARY_HEADING } from '@/scripts/bench/jira';
import { extensionSelfTime, startProfile, type CpuProfile } from '@/scripts/bench/profile';
import { median, ms, progress, rows } from '@/scripts/bench/table';

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
  context: BrowserContext,
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
  context: BrowserContext,
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
      await page.keyboard.type('abcd'); // Four keys: the default threshold.
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
export async function pageCost(pairs: number) {
  const floorDir = buildFloorExtension();
  const issues: Record<string, FakeJiraIssue> = {
    [HEAVY_KEY]: { summary: 'A heavy board page', assignee: alice },
  };
  // One ticket per pair, and one more for the profiled run (a ticket's first prompt is what Not now answers).
  for (let i = 0; i <= pairs; i++)
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
    for (let i = 0; i < pairs; i++) {
      runs.plain.push(await heavyPageRun(plain, jiras[0]!.url(HEAVY_KEY)));
      runs.floor.push(await heavyPageRun(floor.context, jiras[1]!.url(HEAVY_KEY)));
      runs.ours.push(await heavyPageRun(ours.context, jiras[2]!.url(HEAVY_KEY)));
      const key = `${COOLDOWN_KEY.slice(0, 4)}-${i + 1}`;
      typing.plain.push(await typingAfterNotNow(plain, jiras[0]!.url(key), false));
      typing.ours.push(await typingAfterNotNow(ours.context, jiras[2]!.url(key), true));
      progress(`page cost pair ${i + 1}/${pairs}`);
    }
    const med = (xs: Metrics[], k: keyof Metrics) => median(xs.map((x) => x[k]));
    const addedFloor = med(runs.floor, 'script') - med(runs.plain, 'script');
    const addedOurs = med(runs.ours, 'script') - med(runs.plain, 'script');
    const ratio = (xs: Metrics[]) => med(xs, 'task') / med(runs.plain, 'task');
    rows.push([
      `heavy page: ScriptDuration added, Pullback (floor), median of ${pairs}`,
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
      `typing 300 keys after Not now: extension script a key, median of ${pairs}`,
      `${perKey.toFixed(3)} ms`,
      '≤ 0.02 ms',
    ]);
    // One more of each, profiled: which of Pullback's scripts and functions the added time is in.
    let heavy: CpuProfile | null = null;
    let typed: CpuProfile | null = null;
    await heavyPageRun(ours.context, jiras[2]!.url(HEAVY_KEY), (p) => (heavy = p));
    await typingAfterNotNow(
      ours.context,
      jiras[2]!.url(`${COOLDOWN_KEY.slice(0, 4)}-${pairs + 1}`),
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

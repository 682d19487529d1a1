/** Where a page's time goes: CDP metrics and CPU profiles (saved in .bench/), measured, not guessed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '@/tests/support/extension';

/** Polls an expression in the page (extension pages' CSP refuses waitForFunction's eval). */
export async function until(page: Page, expression: string, timeoutMs = 300_000) {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end)
      throw new Error(`still not true after ${timeoutMs / 1000} s: ${expression}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Where one page open's time goes, measured, not guessed, to say what stands in the way of a goal:
 * the page's own CDP metrics at the moment it says it is done (script,
 * layout, style recalculation, all tasks), and the functions with the most self time in a CPU
 * profile of the same open. Printed beside the figure; the profile is in .bench/<name>.cpuprofile.
 */
export async function breakdown(
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

export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name and file) in a CPU profile, largest first; idle left out. */
export function topSelfTime(profile: CpuProfile, count: number): Array<[string, number]> {
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

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

/** Self time in the extension's own scripts (chrome-extension:// URLs), per file and its top functions. */
export function extensionSelfTime(profile: CpuProfile, name: string): string {
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

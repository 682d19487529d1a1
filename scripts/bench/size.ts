/** Each tool's always-loaded content script, as built and gzip -9, and what loads on demand beside it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '@/tests/support/extension';
import { kb, rows } from '@/scripts/bench/table';

/** What loads with every page of a tool (the prompt loads on demand: prompt.js). */
const CONTENT_BUDGET_BYTES = 12 * 1024;

/** One content script per tool; a page loads only its own. */
export function contentScriptSize() {
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

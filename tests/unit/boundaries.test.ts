/**
 * The rooms' rules hold: ESLint (eslint.config.mjs) refuses each breach below, named by the file
 * it would sit in, and accepts the imports each room is meant to make. Every extension page folder
 * (entrypoints/<name>/index.html) is covered, including ones added later. ESLint's cycle rule skips
 * type-only imports, so the cycle check here reads every import with TypeScript's own parser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids ESLint reports for `code` placed at `file` (the file need not exist). */
async function breaches(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const pageFolders = readdirSync(join(root, 'entrypoints'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'entrypoints', d.name, 'index.html')))
  .map((d) => d.name);

// ESLint loads its plugins and the TypeScript resolver on the first lint: seconds on a busy machine.
describe('the rooms', { timeout: 60_000 }, () => {
  it('finds the extension pages it must cover', () => {
    expect(pageFolders).toEqual(expect.arrayContaining(['popup', 'options', 'summary', 'welcome']));
  });

  it.each([
    [
      'utils/page/breach.ts',
      "import { openDatabase } from '@/utils/background/db';\nvoid openDatabase;",
    ],
    [
      'utils/sites/breach.ts',
      "import { settingsItem } from '@/utils/settings/store';\nvoid settingsItem;",
    ],
    ['entrypoints/page/breach.ts', "import '@/utils/background/service';"],
    ['components/prompt/breach.ts', "import '@/utils/settings/sync';"],
    ['entrypoints/jira.content.ts', "import '@/utils/background/reminders';"],
    ['utils/protocol/breach.ts', "import '@/utils/people/roster';"],
    ['utils/model/breach.ts', "import '@/utils/protocol/messages';"],
    ['utils/reports/breach.ts', "import '@/utils/background/db';"],
    ['utils/background/breach.ts', "import '@/utils/page/detector';"],
    ['utils/settings/breach.ts', "import '@/utils/background/pause';"],
    ...pageFolders.map((page) => [`entrypoints/${page}/breach.ts`, "import '@/utils/sites/jira';"]),
    ['components/ui/breach.tsx', "import '@/utils/sites/registry';"],
    ['utils/page/breach.ts', "import { x } from '../model/records';\nvoid x;"],
  ])('refuses %s: %s', async (file, code) => {
    expect(await breaches(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['utils/page/fine.ts', "import { LIMITS } from '@/utils/model/constants';\nvoid LIMITS;"],
    ['utils/protocol/fine.ts', "import { LIMITS } from '@/utils/model/constants';\nvoid LIMITS;"],
    [
      'entrypoints/popup/fine.ts',
      "import type { PageReading } from '@/utils/sites/types';\nexport type R = PageReading;",
    ],
    [
      'utils/background/fine.ts',
      "import { matchOwner } from '@/utils/people/roster';\nvoid matchOwner;",
    ],
  ])('accepts %s: %s', async (file, code) => {
    expect(await breaches(file, code)).toEqual([]);
  });

  it('finds no import cycle in the product, type-only imports included', () => {
    expect(importCycles(productGraph())).toEqual([]);
  });

  it('would name a cycle, type-only imports included', () => {
    const graph = productGraph();
    // As the tree once was: the detector and its judging importing each other's types.
    graph.get('utils/page/detection.ts')!.add('utils/page/edit-judge.ts');
    expect(importCycles(graph)).toContainEqual(
      expect.arrayContaining(['utils/page/detection.ts', 'utils/page/edit-judge.ts']),
    );
  });
});

/** Every product file (entrypoints, components, utils) and the product files it imports, types included. */
function productGraph(): Map<string, Set<string>> {
  const files = ['entrypoints', 'components', 'utils'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => `${dir}/${f}`),
  );
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('@/')) continue;
      const base = fileName.slice(2).split('?')[0]!;
      const hit = [base, `${base}.ts`, `${base}.tsx`].find((f) => known.has(f));
      if (hit) targets.add(hit);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected groups of more than one file (or a file importing itself), sorted. */
function importCycles(graph: Map<string, Set<string>>): string[][] {
  // Tarjan's algorithm: one pass, each group once.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.has(v)) groups.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}

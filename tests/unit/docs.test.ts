/**
 * The documents stay true to the tree: docs/layout.md names every folder and no other, and each
 * folder's files import only the folders its row lists; every repository path a document cites
 * exists. A move that leaves a document behind fails here, naming the line to change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoFiles, repoFolders, repoRoot } from '../support/repo-files';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const files = repoFiles();
const folders = repoFolders(files);

interface LayoutRow {
  folder: string;
  /** Our folders its files may import; `true`: anything. */
  mayImport: Set<string> | true;
}

/** The table's rows: `| \`folder/\` | runs in | holds | may import |`. */
export function layoutRows(markdown: string): LayoutRow[] {
  return markdown.split('\n').flatMap((line) => {
    const cells = line.split('|').map((c) => c.trim());
    const folder = /^`([^`]+\/)`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) return [];
    const last = cells.at(-2) ?? '';
    const mayImport =
      last === 'anything' ? true : new Set([...last.matchAll(/`([^`]+\/)`/g)].map((m) => m[1]!));
    return [{ folder, mayImport }];
  });
}

const CODE = /\.(?:ts|tsx|js|mjs|cjs)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** Our folders a file imports (as `a/b/`), from `@/...` and relative specifiers, type imports too. */
export function importedFolders(path: string, text: string): string[] {
  const out = new Set<string>();
  for (const [, spec] of text.matchAll(SPECIFIER)) {
    const bare = spec!.split('?')[0]!;
    let target: string;
    if (bare.startsWith('@/')) target = bare.slice(2);
    else if (bare.startsWith('.')) target = normalize(join(dirname(path), bare));
    else continue; // a library
    const folder = folders.includes(`${target}/`) ? target : dirname(target);
    if (folder !== '.') out.add(`${folder}/`);
  }
  return [...out];
}

/** Repository paths cited in a document (`utils/model/records.ts`, `docs/`), and relative links. */
export function citedPaths(docPath: string, markdown: string): string[] {
  const tops = [...new Set(folders.map((f) => f.split('/')[0]!))].map((t) =>
    t.replace(/\./g, '\\.'),
  );
  // A path followed by `<` is a pattern (`entrypoints/<tool>.content.ts`), not a path.
  const cited = new RegExp(
    String.raw`(?<![\w./@-])((?:${tops.join('|')})/[\w./-]*)(?![\w./<-])`,
    'g',
  );
  const paths = [...markdown.matchAll(cited)].map((m) => m[1]!.replace(/[.,:]+$/, ''));
  const links = [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/i.test(href))
    .map((href) => normalize(join(dirname(docPath), href)));
  return [...new Set([...paths, ...links])];
}

describe('docs/layout.md', () => {
  const rows = layoutRows(read('docs/layout.md'));
  const named = rows.map((r) => r.folder);

  it('names every folder of the repository', () => {
    expect(folders.filter((f) => !named.includes(f))).toEqual([]);
  });

  it('names no folder that does not exist', () => {
    expect(named.filter((f) => !folders.includes(f))).toEqual([]);
  });

  it('says which folders each folder may import, and the code keeps to it', () => {
    const breaches = files
      .filter((f) => CODE.test(f))
      .flatMap((file) => {
        const own = `${dirname(file)}/`;
        const row = rows.find((r) => r.folder === own);
        if (!row || row.mayImport === true) return [];
        const allowed = row.mayImport;
        return importedFolders(file, read(file))
          .filter((f) => f !== own && !allowed.has(f))
          .map((f) => `${file} imports ${f}, which the row of ${own} does not list`);
      });
    expect(breaches).toEqual([]);
  });

  it('reads rows and imports as meant', () => {
    const table = [
      '| `utils/page/` | page | the detector | `utils/model/`, `utils/sites/` |',
      '| `tests/unit/` | Node | unit tests | anything |',
      '| folder | runs in | holds | may import |',
    ].join('\n');
    expect(layoutRows(table)).toEqual([
      { folder: 'utils/page/', mayImport: new Set(['utils/model/', 'utils/sites/']) },
      { folder: 'tests/unit/', mayImport: true },
    ]);
    const code = [
      "import type { EditSignal } from '@/utils/protocol/messages';",
      "import { foo } from './detection';",
      "export { bar } from '../sites/registry';",
      "const later = () => import('@/utils/background/db');",
      "import 'fake-indexeddb/auto';",
      "import css from '@/components/prompt/prompt.css?inline';",
    ].join('\n');
    expect(importedFolders('utils/page/detector.ts', code).sort()).toEqual([
      'components/prompt/',
      'utils/background/',
      'utils/page/',
      'utils/protocol/',
      'utils/sites/',
    ]);
  });
});

describe('documents cite what exists', () => {
  const docs = files.filter((f) => /^(?:README|CONTRIBUTING)\.md$|^docs\/.*\.md$/.test(f));

  it('reads the README, CONTRIBUTING and docs/', () => {
    expect(docs).toEqual(
      expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/layout.md']),
    );
  });

  it('reads paths and links as meant, and leaves patterns alone', () => {
    const doc = [
      'The records are in `utils/model/records.ts`.',
      'See [the layout](layout.md#where-code-runs) and https://example.com/utils/x.',
      'One `entrypoints/<tool>.content.ts` per tool; evidence in `docs/evidence/<tool>.md`.',
    ].join('\n');
    expect(citedPaths('docs/testing.md', doc)).toEqual([
      'utils/model/records.ts',
      'docs/layout.md',
    ]);
  });

  it('every repository path and relative link in them exists', () => {
    const missing = docs.flatMap((doc) =>
      citedPaths(doc, read(doc))
        .filter((p) => !existsSync(join(repoRoot, p)))
        .map((p) => `${doc} cites ${p}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the README is for people who use Pullback', () => {
  const lines = read('README.md').split('\n');

  it('opens with the two commands', () => {
    const opening = lines.slice(0, 40).join('\n');
    expect(opening).toMatch(/^npm start\b/m);
    expect(opening).toMatch(/^npm test\b/m);
  });

  it('stays short: what an engineer needs is in docs/', () => {
    expect(lines.length).toBeLessThanOrEqual(250);
  });

  // A word the pages stopped using (or renamed) leaves its definition behind: it fails here.
  it('defines under "Words the pages use" only words the pages show', () => {
    const words = wordsDefined(read('README.md'));
    expect(words.length).toBeGreaterThan(10);
    const shown = files
      .filter((f) => /^(components|entrypoints|utils\/reports)\/.*\.(ts|tsx)$/.test(f))
      .map((f) => read(f).toLowerCase())
      .join('\n');
    expect(words.filter((w) => !shown.includes(w.toLowerCase()))).toEqual([]);
  });
});

/** The first column of the table under "Words the pages use": each word, `<name>` and asides left out. */
export function wordsDefined(markdown: string): string[] {
  const section = markdown.split(/^#+ Words the pages use$/m)[1]?.split(/^#/m)[0] ?? '';
  return section.split('\n').flatMap((line) => {
    const cell = /^\|\s*([^|]+?)\s*\|/.exec(line)?.[1];
    if (!cell || cell === 'word' || /^-+$/.test(cell)) return [];
    return cell
      .replace(/\([^)]*\)/g, '')
      .split(',')
      .map((w) => w.replace(/<[^>]+>/g, '').trim())
      .filter(Boolean);
  });
}

describe('docs/performance.md', () => {
  const text = read('docs/performance.md');

  /** `| date | machine | command | figure | value | goal |` rows under a table's header. */
  const figures = text
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*(?:date|-+)\s*\|/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()));

  it('has figures', () => {
    expect(figures.length).toBeGreaterThan(10);
  });

  it('gives every figure its date, machine and command', () => {
    const incomplete = figures
      .filter(
        ([, date, machine, command, figure, value]) =>
          !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ||
          !machine ||
          !/^`[^`]+`/.test(command ?? '') ||
          !figure ||
          !value,
      )
      .map((cells) => cells.join(' | '));
    expect(incomplete).toEqual([]);
  });

  it('says when by the date, never by the clock', () => {
    expect(text.match(/\b\d{1,2}:\d{2}\b/g) ?? []).toEqual([]);
  });
});

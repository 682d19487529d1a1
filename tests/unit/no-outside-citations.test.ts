/**
 * Nothing in the repository points where its readers cannot follow: a file on the machine it was
 * written on (the shared reference folder, a work or home folder) or a number in an issue tracker
 * the repository does not contain. Every file git tracks, and every new one it would, is read.
 * The patterns are assembled from parts so that this file does not match itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoFiles, repoRoot } from '../support/repo-files';

const SHARED_REFERENCE = ['shared', 'reference'].join('/');
/** The shared reference folder's notes, by their folder's name. */
const OUTSIDE_NOTES = ['real', 'markup/'].join('-');
/**
 * An absolute path into a machine's working or home folders. System paths a script runs
 * (`/usr/bin/chromium`, `/dev/null`, `/proc/stat`) are the same on every machine and allowed;
 * a URL's path (`https://host/home/x`) is not a file path.
 */
const MACHINE_PATH = new RegExp(
  String.raw`(?<![\w.~@-])(?:/(?:work|home|root|Users|tmp|mnt|srv|opt|workspace|shared)/|[A-Z]:\\Users\\)`,
);
/** A tracker's issue by its number, in any case and plural; a page's own "Issue #12" is not one. */
const ISSUE_NUMBER = new RegExp(String.raw`\b${'issue'}s?\s+\d+`, 'i');

/** `path:line: text` for every line of `text` that cites outside the repository. */
export function outsidePaths(path: string, text: string): string[] {
  return hits(
    path,
    text,
    (line) =>
      line.includes(SHARED_REFERENCE) || line.includes(OUTSIDE_NOTES) || MACHINE_PATH.test(line),
  );
}

export function issueNumbers(path: string, text: string): string[] {
  return hits(path, text, (line) => ISSUE_NUMBER.test(line));
}

function hits(path: string, text: string, cites: (line: string) => boolean): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (cites(line) ? [`${path}:${i + 1}: ${line.trim().slice(0, 160)}`] : []));
}

function textFiles(): { path: string; text: string }[] {
  return repoFiles().flatMap((path) => {
    const bytes = readFileSync(join(repoRoot, path));
    return bytes.subarray(0, 8000).includes(0) ? [] : [{ path, text: bytes.toString('utf8') }];
  });
}

describe('no citation outside the repository', () => {
  const files = textFiles();

  it('reads the whole tree', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('README.md');
    expect(paths).toContain('utils/sites/registry.ts');
    expect(paths.some((p) => p.startsWith('node_modules/'))).toBe(false);
  });

  it('no file cites a path outside the repository', () => {
    expect(files.flatMap((f) => outsidePaths(f.path, f.text))).toEqual([]);
  });

  it('no file cites a tracker issue number', () => {
    expect(files.flatMap((f) => issueNumbers(f.path, f.text))).toEqual([]);
  });

  it('finds each kind of outside citation, and leaves system paths and URLs alone', () => {
    const work = ['', 'work', ''].join('/');
    const sample = [
      `// evidence: ${work}${SHARED_REFERENCE}/jira.md`,
      `evidence: '${OUTSIDE_NOTES}asana.md'`,
      `see ${['', 'home', 'lee', 'notes.md'].join('/')}`,
      'CHROMIUM = "/usr/bin/chromium"; cat /proc/stat > /dev/null',
      'https://app.example.com/home/settings and tests/fixtures/shared/site.js',
    ].join('\n');
    expect(outsidePaths('x.ts', sample).map((h) => h.split(':')[1])).toEqual(['1', '2', '3']);
  });

  it('finds issue numbers in any case, and leaves a page title\'s "Issue #12" alone', () => {
    const sample = [
      `/** Take-overs (${'issue'} 11): ... */`,
      `README: as ${'Issues'} 8 and 9 ask`,
      '<title>Checkout button copy · Issue #12 · Acme/Shop</title>',
      'an issue with 3 assignees',
    ].join('\n');
    expect(issueNumbers('x.ts', sample).map((h) => h.split(':')[1])).toEqual(['1', '2']);
  });
});

/**
 * The repository's own files, as git sees them: tracked ones and new ones not ignored, so a file
 * is checked before it is committed and nothing under node_modules, .output or .wxt ever is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');

/** Paths relative to the repository's root, with `/` separators. */
export function repoFiles(): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  // A file deleted but not yet committed is still listed as cached.
  return [...new Set(out.split('\0'))].filter((f) => f && existsSync(join(repoRoot, f)));
}

/** Every folder that holds one of those files (directly or below), as `a/b/`. */
export function repoFolders(files = repoFiles()): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) folders.add(`${dir}/`);
  }
  return [...folders].sort();
}

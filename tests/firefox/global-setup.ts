/**
 * Packs the Firefox build (.output/firefox-mv3, from `npm run build:firefox`)
 * once per run into the .xpi every test profile installs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FIREFOX_BUILD_DIR, FIREFOX_XPI } from '../support/firefox';

export default function packFirefoxBuild(): void {
  if (!existsSync(path.join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD_DIR}: run "npm run build:firefox" first.`);
  }
  execFileSync(
    path.resolve('node_modules/.bin/web-ext'),
    [
      'build',
      '--source-dir',
      FIREFOX_BUILD_DIR,
      '--artifacts-dir',
      path.dirname(FIREFOX_XPI),
      '--filename',
      path.basename(FIREFOX_XPI),
      '--overwrite-dest',
    ],
    { stdio: 'ignore' },
  );
}

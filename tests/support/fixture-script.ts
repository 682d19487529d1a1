/** A stand-in app's script as served: the shared element builder, then the app (tests/fixtures/<tool>/site.js). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const shared = readFileSync(
  fileURLToPath(new URL('../fixtures/shared/el.js', import.meta.url)),
  'utf8',
);

export function fixtureScript(fixtureDir: string): string {
  return `${shared}\n${readFileSync(`${fixtureDir}site.js`, 'utf8')}`;
}

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: WXT's fake browser and fake-indexeddb in plain Node; the files that build pages
// (adapter fixtures, the prompt, the detector) say `// @vitest-environment happy-dom` on their
// first line. A DOM for every file was a third of the unit suite's CPU.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup-trusted-events.ts'],
    restoreMocks: true,
    // Files in a worker share one module graph instead of importing it again per file (unit CPU
    // 60 -> 15 s). So no file may lean on another's leftovers: five runs in shuffled file order,
    // with one worker and with two, all passed.
    isolate: false,
  },
});

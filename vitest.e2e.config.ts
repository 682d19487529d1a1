import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium. Each file launches its own browser on its
// own profile, so two files run side by side (PULLBACK_E2E_WORKERS=1 runs one at a time): most of
// a test is waiting on the browser, not computing.
const workers = Math.max(1, Number(process.env.PULLBACK_E2E_WORKERS) || 2);
export default defineConfig({
  // The product's own import style (@/utils/...), for tests that load a product module.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: workers > 1,
    maxWorkers: workers,
    // Files in one worker share their imports (playwright-core, the support files: nothing in them
    // holds state); each file still launches its own browser on its own profile.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a state (a saved status, a badge, a record); vitest's default gives up
    // after 1 s, which a loaded CI machine can miss (stop 17 failed on one such test). A poll still
    // returns as soon as the state is there; only a real failure waits the full 15 s.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});

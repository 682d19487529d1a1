import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium. Each file launches its own browser on its
// own profile, so two files run side by side (PULLBACK_E2E_WORKERS=1 runs one at a time): most of
// a test is waiting on the browser, not computing.
const workers = Math.max(1, Number(process.env.PULLBACK_E2E_WORKERS) || 2);
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: workers > 1,
    maxWorkers: workers,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a state the browser reaches in its own time: vitest's default of 1 s
    // (two tries when each try is an export) fails under load on a shared 2-core machine or CI.
    // A poll still ends at the first try that passes.
    expect: { poll: { timeout: 15_000 } },
  },
});

import { defineConfig } from 'vitest/config';

// End-to-end in Firefox: the Firefox build in Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi (tests/support/firefox.ts), one browser at a time.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    globalSetup: ['tests/firefox/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end in Firefox: the Firefox build in Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi (tests/support/firefox.ts), one browser at a time.
export default defineConfig({
  // The product's own import style (@/utils/...), for tests that load a product module.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    globalSetup: ['tests/firefox/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

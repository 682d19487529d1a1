/**
 * Launches Debian's Chromium with the built extension loaded, the way the
 * e2e tests, the demo and the bench all need it.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve(process.env.PULLBACK_EXTENSION_DIR ?? '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker (found again if Chromium restarted it). */
  worker(): Promise<Worker>;
  /** Opens one of the extension's pages (popup.html, options.html, summary.html) in a tab. */
  openPage(file: string): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Reuse a profile (to test a browser restart). */
  userDataDir?: string;
  slowMo?: number;
  /** The browser's time zone (the summary's weeks are local weeks). */
  timezoneId?: string;
  /** Another build of the extension (a test's patched copy). */
  extensionDir?: string;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'pullback-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    slowMo: options.slowMo,
    acceptDownloads: true,
    timezoneId: options.timezoneId,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = async () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? context.waitForEvent('serviceworker');
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    worker,
    async openPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Debian's Chromium with the built extension loaded, the way the
 * e2e tests, the demo and the bench all need it.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve(
  process.env.PULLBACK_EXTENSION_DIR ?? '.output/chrome-mv3',
);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Starts CHROMIUM with Playwright's and our --disable-features lists merged (Chromium reads only the last). */
const LAUNCHER = fileURLToPath(new URL('./chromium.sh', import.meta.url));

/**
 * Work Chromium does at every start that no test looks at, on a 2-core machine where CPU is the
 * limit (each measured with /proc per launch): the address bar's WebUI drop-down, preloaded into
 * its own renderer (~2.5 s of CPU a launch; headless has no address bar to open it), and a GPU
 * process of its own for software drawing (~0.5 s; --in-process-gpu draws the same in the browser
 * process). Pages, extension and screenshots are the same.
 */
const QUIET_START = [
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
  '--in-process-gpu',
];

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
    executablePath: LAUNCHER,
    env: { ...process.env, PULLBACK_CHROMIUM: CHROMIUM },
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
      ...QUIET_START,
    ],
  });
  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    context.waitForEvent('serviceworker');
  const extensionId = new URL((await worker()).url()).host;
  // A fresh profile: Pullback opens its welcome tab on install. Pages are opened after it: a page
  // opened just before becomes a background tab when it arrives, which Chromium then draws about
  // once a second, and each click's stability check on that page waited 1-2 s for frames.
  // (Not there within 10 s: go on; welcome.e2e.ts is the test that it opens.)
  if (!options.userDataDir) await welcomeTab(context, extensionId, 10_000).catch(() => {});
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
      if (!keepProfile && !options.userDataDir)
        rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The welcome tab Pullback opens on install, once it is open. */
async function welcomeTab(
  context: BrowserContext,
  extensionId: string,
  timeout: number,
): Promise<Page> {
  const isWelcome = (p: Page) => p.url() === `chrome-extension://${extensionId}/welcome.html`;
  const opening = context.waitForEvent('page', { predicate: isWelcome, timeout });
  const open = context.pages().find(isWelcome);
  if (open) {
    opening.catch(() => {});
    return open;
  }
  return opening;
}

/**
 * Launches Debian's Firefox ESR with the Firefox build installed, driven by
 * puppeteer-core over WebDriver BiDi. Every quirk of driving Firefox lives
 * here, each with what it works around:
 *
 * - The build is installed the way a user has it, as an .xpi in the profile
 *   (`<profile>/extensions/<gecko id>.xpi`), so it survives a browser
 *   restart (a temporary add-on does not). tests/firefox/global-setup.ts packs
 *   it once per run from .output/firefox-mv3.
 * - A fixed internal UUID (pref `extensions.webextensions.uuids`) gives the
 *   extension's pages known addresses: moz-extension://<uuid>/options.html.
 * - Firefox sends no load events for moz-extension pages: they are opened
 *   with BiDi's navigate(url, 'none') and then waited for by their content.
 *   Their CSP blocks puppeteer's in-page waitForFunction (it compiles code
 *   with Function()): waits poll page.evaluate from here instead.
 *   `--remote-allow-system-access` lets the driver reach into them.
 * - Request interception is per page, not per context: `routes` collects
 *   Playwright-style globs (the fake tool servers call `routes.route(...)`),
 *   and every page from `newPage()` answers its requests from them.
 * - `permissions.request` still needs a real click, but with
 *   `extensions.webextOptionalPermissionPrompts` off the click grants without
 *   a dialog the driver could not reach. Manifest host permissions are
 *   granted at install (`extensions.originControls.grantByDefault`, default).
 * - Downloads go to `<profile>/downloads` without asking.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { vi } from 'vitest';
import type { FulfilledRoute, RouteHost } from './route-host';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD_DIR = path.resolve(
  process.env.PULLBACK_FIREFOX_DIR ?? '.output/firefox-mv3',
);
/** The Firefox build packed as an add-on file (tests/firefox/global-setup.ts makes it). */
export const FIREFOX_XPI = path.resolve(
  process.env.PULLBACK_FIREFOX_XPI ?? '.output/firefox-mv3-e2e.xpi',
);
export const GECKO_ID = 'pullback@pullback.invalid';
/** The extension's internal UUID in the test profiles (any fixed UUID would do). */
export const EXTENSION_UUID = '6f3b6f2a-7c1e-4d1a-9b7e-0d6c1f7a5b10';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxExtension {
  browser: Browser;
  /** Where the fake tool servers register their answers (see route-host.ts). */
  routes: RouteHost;
  profileDir: string;
  downloadsDir: string;
  /** A tab for a tool's page; its requests are answered from `routes`. */
  newPage(url?: string): Promise<Page>;
  /** Opens one of the extension's pages (popup.html, options.html, summary.html…) in a tab. */
  openPage(file: string): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Reuse a profile (to test a browser restart). */
  profileDir?: string;
  /** The browser's time zone (the summary's weeks are local weeks). */
  timezoneId?: string;
  /** The scheme pages are drawn in (BiDi has no media emulation: Firefox's own preference says it). */
  colorScheme?: 'light' | 'dark';
}

/** Playwright's URL glob: `**` any characters, `*` any but `/`. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\?]/g, '\\$&')
    .replace(/\*\*|\*/g, (star) => (star === '**' ? '.*' : '[^/]*'));
  return new RegExp(`^${source}$`);
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
  if (!existsSync(FIREFOX_XPI)) {
    throw new Error(
      `No packed Firefox build at ${FIREFOX_XPI}: run "npm run test:firefox" (it builds and packs) or the Firefox suite's global setup.`,
    );
  }
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'pullback-firefox-'));
  const downloadsDir = path.join(profileDir, 'downloads');
  mkdirSync(path.join(profileDir, 'extensions'), { recursive: true });
  mkdirSync(downloadsDir, { recursive: true });
  // Installed once per profile: a restart must find the same add-on, not an update of it.
  const installed = path.join(profileDir, 'extensions', `${GECKO_ID}.xpi`);
  if (!existsSync(installed)) copyFileSync(FIREFOX_XPI, installed);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...(options.timezoneId ? { TZ: options.timezoneId } : {}) },
    protocolTimeout: 120_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      // One web content process, none started ahead, no per-site processes: the suite's CPU went
      // from 127 to 74 s (a launch 10.5 -> 7.6 s) on this 2-core machine, where npm test's time is
      // its CPU. What the suite checks (the add-on's background, its pages and content scripts)
      // does not depend on how Firefox splits pages into processes.
      'fission.autostart': false,
      'dom.ipc.processCount': 1,
      'dom.ipc.processPrelaunch.enabled': false,
      ...(options.colorScheme
        ? {
            'layout.css.prefers-color-scheme.content-override':
              options.colorScheme === 'dark' ? 0 : 1,
            'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
          }
        : {}),
    },
  });

  const routes: Array<{ pattern: RegExp; handler: (route: FulfilledRoute) => unknown }> = [];
  const routeHost: RouteHost = {
    async route(glob, handler) {
      routes.unshift({ pattern: globToRegExp(glob), handler }); // the latest route wins, as in Playwright
    },
  };
  const answer = async (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const route = routes.find((r) => r.pattern.test(request.url()));
    if (!route) return request.continue();
    await route.handler({
      request: () => ({
        url: () => request.url(),
        method: () => request.method(),
        postDataJSON: () => JSON.parse(request.postData() ?? 'null'),
      }),
      fulfill: ({ status = 200, contentType, headers, body = '' }) =>
        request.respond({ status, contentType, headers, body }),
    });
  };

  return {
    browser,
    routes: routeHost,
    profileDir,
    downloadsDir,
    async newPage(url) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        answer(request).catch((error) =>
          console.error(`Could not answer ${request.url()}:`, error),
        );
      });
      if (url) await page.goto(url);
      return page;
    },
    async openPage(file) {
      const page = await browser.newPage();
      await navigateToExtensionPage(page, file);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await browser.close();
      if (!keepProfile && !options.profileDir) removeProfile(profileDir);
    },
  };
}

/**
 * Firefox's helper processes may still write to a profile for a moment after
 * the browser closes: retry, and leave a temporary folder behind rather than
 * fail a test that passed.
 */
export function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  } catch (error) {
    console.warn(
      `Left the Firefox profile ${dir} behind: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The BiDi browsing context puppeteer keeps behind a page's main frame (not in its public types). */
interface BidiNavigable {
  browsingContext: {
    navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown>;
  };
}

/**
 * Goes to an extension page and waits until it has rendered something.
 * (`page.goto` would wait for a load event Firefox never sends there.)
 */
export async function navigateToExtensionPage(page: Page, file: string): Promise<void> {
  const url = `${EXTENSION_ORIGIN}/${file}`;
  await (page.mainFrame() as unknown as BidiNavigable).browsingContext.navigate(url, 'none');
  // Polled from here: the extension pages' CSP blocks puppeteer's in-page waitForFunction.
  await vi.waitFor(
    async () => {
      const ready = await page.evaluate(
        (expected) =>
          location.href === expected &&
          document.readyState === 'complete' &&
          ((document.getElementById('app') ?? document.body)?.childElementCount ?? 0) > 0,
        url,
      );
      if (!ready) throw new Error(`${url} has not rendered yet`);
    },
    { timeout: 60_000, interval: 100 },
  );
}

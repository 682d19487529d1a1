/**
 * The lead's steps in Firefox: the same steps as tests/support/steps.ts
 * (import, export, the prompt, the popup's claim), written for puppeteer.
 * Puppeteer's ARIA selectors find nothing on Firefox's extension pages, so
 * elements are found by their label or text, as a sighted user would.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { vi } from 'vitest';
import type { FirefoxExtension } from './firefox';
import { axeViolations } from './axe';

type Scope = Page | ElementHandle<Element>;

const WAIT = { timeout: 60_000, interval: 100 } as const;
const SELECTOR_WAIT = { timeout: 60_000 } as const;

/**
 * Polls `find` in the page until it returns an element (never with
 * waitForFunction: the extension pages' CSP blocks it, see firefox.ts).
 */
async function waitForElement<A extends unknown[]>(
  scope: Scope,
  what: string,
  find: (root: ParentNode, ...args: A) => Element | null | undefined,
  ...args: A
): Promise<ElementHandle<Element>> {
  // An element's own frame evaluates (the prompt's frame is a document of its own).
  const frame = 'frame' in scope ? scope.frame : scope.mainFrame();
  return vi.waitFor(async () => {
    const root = 'frame' in scope ? scope : await frame.evaluateHandle(() => document);
    const handle = await frame.evaluateHandle(
      find as (root: unknown, ...args: unknown[]) => Element | null | undefined,
      root,
      ...args,
    );
    const element = handle.asElement();
    if (!element) throw new Error(`${what} is not on ${frame.url()}`);
    return element as ElementHandle<Element>;
  }, WAIT);
}

const asPattern = (text: string | RegExp, prefix = '') =>
  typeof text === 'string'
    ? { source: `${prefix}${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, flags: '' }
    : { source: text.source, flags: text.flags };

/** The first element matching `selector` whose text matches `text` (waits for it). */
export async function byText(
  scope: Scope,
  selector: string,
  text: string | RegExp,
): Promise<ElementHandle<Element>> {
  const { source, flags } = asPattern(text);
  return waitForElement(
    scope,
    `${selector} with text ${text}`,
    (root, selector, source, flags) =>
      [...root.querySelectorAll(selector)].find((el) =>
        new RegExp(source, flags).test(el.textContent?.trim() ?? ''),
      ),
    selector,
    source,
    flags,
  );
}

/** The control a label names (a wrapping <label> or aria-label), as getByLabel finds it. */
export async function field(
  scope: Scope,
  label: string | RegExp,
): Promise<ElementHandle<HTMLInputElement>> {
  const { source, flags } = asPattern(label, '^');
  const control = await waitForElement(
    scope,
    `the field labelled ${label}`,
    (root, source, flags) => {
      const re = new RegExp(source, flags);
      return (
        [...root.querySelectorAll('input, textarea, select')].find((c) =>
          re.test(c.getAttribute('aria-label') ?? ''),
        ) ??
        [...root.querySelectorAll('label')]
          .find((l) => re.test(l.textContent?.trim() ?? ''))
          ?.querySelector('input, textarea, select')
      );
    },
    source,
    flags,
  );
  return control as ElementHandle<HTMLInputElement>;
}

export async function clickButton(scope: Scope, name: string | RegExp): Promise<void> {
  await (await byText(scope, 'button', name)).click();
}

/** Replaces a field's value by typing, as a user would (real key events). */
export async function fill(control: ElementHandle<HTMLInputElement>, text: string): Promise<void> {
  await control.click({ count: 3 });
  await control.evaluate((el) => el.select?.());
  await control.press('Backspace');
  await control.type(text);
}

/** Status or alert text on a page that mentions `text`, once shown. */
export async function statusText(page: Page, text: string | RegExp): Promise<string> {
  const el = await byText(page, '[role="status"], [role="alert"]', text);
  return el.evaluate((e) => e.textContent ?? '');
}

/** Imports a backup through the options page's file input; returns the status text shown. */
export async function importBackupFile(
  ff: FirefoxExtension,
  backup: unknown,
  name = 'pullback-backup.json',
): Promise<{ page: Page; status: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pullback-import-'));
  const file = path.join(dir, name);
  writeFileSync(file, typeof backup === 'string' ? backup : JSON.stringify(backup));
  const page = await ff.openPage('options.html');
  const input = (await page.waitForSelector(
    'input[type="file"]',
    SELECTOR_WAIT,
  )) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  const status = await statusText(page, name);
  rmSync(dir, { recursive: true, force: true });
  return { page, status };
}

/** Reads the exported backup through the options page's Export button (a real download to the profile's folder). */
export async function exportBackup(ff: FirefoxExtension): Promise<any> {
  const page = await ff.openPage('options.html');
  const before = new Set(readdirSync(ff.downloadsDir));
  await clickButton(page, /^Export backup$/);
  // Firefox names the file early and fills it from a .part file: wait until it reads whole.
  const backup = await vi.waitFor(
    () => {
      const name = readdirSync(ff.downloadsDir).find((f) => !before.has(f) && f.endsWith('.json'));
      if (!name) throw new Error('no backup downloaded yet');
      const file = path.join(ff.downloadsDir, name);
      const parsed = JSON.parse(readFileSync(file, 'utf8'));
      rmSync(file);
      return parsed;
    },
    { timeout: 30_000, interval: 100 },
  );
  await page.close();
  return backup;
}

/** Pullback's prompt frame on a tool's page (its address is the extension's own), once there. */
export async function promptFrame(page: Page): Promise<Frame> {
  return vi.waitFor(async () => {
    // Asked of each frame's document: over WebDriver BiDi, Firefox may list it as about:blank.
    for (const frame of page.frames().filter((f) => f.parentFrame() === page.mainFrame())) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://')) return frame;
    }
    throw new Error(`No Pullback frame on ${page.url()}`);
  }, WAIT);
}

/**
 * The prompt, found in its frame once shown; fails if its accessible name (aria-labelledby) does
 * not match `name` (/intervention/i, the edit prompt's).
 */
export async function waitForPrompt(
  page: Page,
  name: RegExp = /intervention/i,
): Promise<ElementHandle<Element>> {
  const frame = await promptFrame(page);
  const prompt = (await frame.waitForSelector('[role="dialog"]', SELECTOR_WAIT))!;
  const named = await prompt.evaluate((el) => {
    const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
    return (
      ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ') ||
      (el.getAttribute('aria-label') ?? '')
    );
  });
  if (!name.test(named))
    throw new Error(`The dialog on ${page.url()} is named "${named}", not ${name}`);
  return prompt;
}

export const textOf = (el: ElementHandle<Element>) => el.evaluate((e) => e.textContent ?? '');

/** Clicks the summary heading (the inline editor takes its place) and types at its end. */
export async function editSummary(page: Page, text: string): Promise<void> {
  await page.click('h1[data-testid="issue.views.issue-base.foundation.summary.heading"]');
  const editor = (await page.waitForSelector(
    'textarea[data-testid$="summary.heading.writeable.field"]',
    SELECTOR_WAIT,
  ))!;
  await editor.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Clicks into an editor, goes to its end, and types. */
export async function typeAtEnd(page: Page, selector: string, text: string): Promise<void> {
  await (await page.waitForSelector(selector, SELECTOR_WAIT))!.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Runs `fn` in an extension page (it has the `browser` namespace), e.g. to read the badge or the granted origins. */
export async function inExtension<T>(
  ff: FirefoxExtension,
  fn: (arg: string) => Promise<T>,
  arg: string,
): Promise<T> {
  const page = await ff.openPage('popup.html');
  try {
    return (await page.evaluate(fn, arg)) as T;
  } finally {
    await page.close();
  }
}

/** The browser's tab id of a tool page (the popup, opened as a tab, is told which tab it is about). */
export async function tabIdOf(ff: FirefoxExtension, page: Page): Promise<number> {
  const url = page.url();
  const tabs: number[] = await inExtension(
    ff,
    (u) =>
      (globalThis as any).browser.tabs
        .query({})
        .then((all: Array<{ id: number; url: string }>) =>
          all.filter((t) => t.url === u).map((t) => t.id),
        ),
    url,
  );
  if (tabs.length !== 1) throw new Error(`Expected one tab showing ${url}, found ${tabs.length}`);
  return tabs[0]!;
}

/** "This belongs to…" from the popup (opened for the tab showing `page`), for one item or everything under a prefix. */
export async function claimFromPopup(
  ff: FirefoxExtension,
  page: Page,
  reportName: string,
  prefix?: string,
): Promise<string> {
  const popup = await ff.openPage(`popup.html?tab=${await tabIdOf(ff, page)}`);
  // The popup's "On this page" section (its first paragraph names the tool and the item).
  const section = (await popup.waitForSelector(
    'section[aria-labelledby="page-heading"] p',
    SELECTOR_WAIT,
  ))!;
  const shown = await textOf(section);
  const select = await field(popup, 'This belongs to');
  const value = await select.evaluate(
    (s, name) =>
      [...(s as unknown as HTMLSelectElement).options].find((o) => o.text === name)?.value ?? '',
    reportName,
  );
  await select.select(value);
  if (prefix !== undefined) {
    await (await field(popup, /everything under/)).click();
    await fill(await field(popup, 'Address prefix'), prefix);
  }
  await clickButton(popup, /^Assign$/);
  await statusText(popup, `Assigned to ${reportName}`);
  await popup.close();
  return shown;
}

/** The extension's pages (the eight weeks loaded), each with what shows once it has drawn. */
const LOADED_PAGES = [
  ['popup.html', '[role="main"], main'],
  ['options.html', 'h1'],
  ['welcome.html', 'h1'],
  ['summary.html#2026-W47', '[data-figure="started"]'],
  ['summary.html#2026-W47/alice', 'h1'],
] as const;

/** axe on every extension page, plus what `also` finds there: one line per finding, named by page. */
export async function axeOnPages(
  ff: FirefoxExtension,
  also: (page: Page) => Promise<string[]> = async () => [],
): Promise<string[]> {
  const found: string[] = [];
  for (const [file, shows] of LOADED_PAGES) {
    const page = await ff.openPage(file);
    await page.waitForSelector(shows);
    for (const line of [...(await also(page)), ...(await axeViolations(page))])
      found.push(`${file}: ${line}`);
    await page.close();
  }
  return found;
}

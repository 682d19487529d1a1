/** Steps a lead takes, shared by the e2e tests, the demo and the bench. */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension';
import { nothingInHand } from './in-hand';

/**
 * Imports a backup through the options page's file input; returns the status text shown.
 * `on`: an options page already open, to use again (opening a tab costs a second or more here).
 */
export async function importBackupFile(
  ext: ExtensionBrowser,
  backup: unknown,
  name = 'pullback-backup.json',
  on?: Page,
): Promise<{ page: Page; status: string }> {
  const page = on ?? (await ext.openPage('options.html'));
  const text = typeof backup === 'string' ? backup : JSON.stringify(backup);
  await page
    .getByLabel(/import/i)
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const status = page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: name });
  await status.first().waitFor();
  return { page, status: (await status.first().textContent()) ?? '' };
}

/** Pullback's prompt frame on a tool's page: a frame whose address is the extension's own. */
export const PROMPT_FRAME = 'iframe[src^="chrome-extension://"]';

/** The page the prompt's frame shows (an extension page), once the frame is there. */
export function promptFrame(page: Page): Frame | undefined {
  return page
    .frames()
    .find((f) => f.parentFrame() === page.mainFrame() && f.url().startsWith('chrome-extension://'));
}

/** Inside the prompt's frame (its dialog, its live announcement). */
export function inPromptFrame(page: Page): FrameLocator {
  return page.locator(PROMPT_FRAME).contentFrame();
}

/** The prompt, found in its frame as assistive technology would. */
export function promptOn(page: Page): Locator {
  return inPromptFrame(page).getByRole('dialog', { name: /intervention/i });
}

/**
 * The text of the prompt's control that has the keyboard ('' for none in particular), or null
 * when the keyboard is in the page, not in the prompt's frame.
 */
export async function activeInPrompt(page: Page): Promise<string | null> {
  const inFrame = await page.evaluate(() => document.activeElement?.tagName === 'PULLBACK-PROMPT');
  const frame = inFrame ? promptFrame(page) : undefined;
  if (!frame) return null;
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el && el !== document.body
      ? el.textContent || el.getAttribute('placeholder') || el.tagName
      : '';
  });
}

/** The take-over card, found in its frame by its own name ("Are you taking this over from …?"). */
export function takeoverPromptOn(page: Page): Locator {
  return inPromptFrame(page).getByRole('dialog', { name: /taking (this|it) over/i });
}

/** Clicks the summary heading (the inline editor takes its place) and types. */
export async function editSummary(page: Page, text: string): Promise<Locator> {
  await page.locator('h1[data-testid="issue.views.issue-base.foundation.summary.heading"]').click();
  const editor = page.locator('textarea[data-testid$="summary.heading.writeable.field"]');
  await editor.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  return editor;
}

/** Clicks into a field or editor, goes to its end, and types. */
export async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Jira's description: the read view is clicked into edit mode, where the editor sits in its own container. */
export async function openDescriptionEditor(page: Page): Promise<Locator> {
  const editor = page.locator(
    '[data-testid="issue.views.field.rich-text.editor-container"] .ProseMirror',
  );
  if ((await editor.count()) === 0)
    await page.locator('[data-testid="issue.views.field.rich-text.description"]').click();
  await editor.waitFor();
  return editor;
}

export async function typeInDescription(page: Page, text: string): Promise<Locator> {
  const editor = await openDescriptionEditor(page);
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  return editor;
}

/** Jira's comment composer: its placeholder opens the same Atlaskit editor, under issue.activity.comment. */
export async function typeComment(page: Page, text: string): Promise<Locator> {
  const editor = page.locator('[data-testid="issue.activity.comment"] .ProseMirror');
  if ((await editor.count()) === 0)
    await page
      .locator('[data-testid="canned-comments.common.ui.comment-text-area-placeholder.textarea"]')
      .click();
  await editor.click();
  await page.keyboard.type(text);
  return editor;
}

/**
 * Reads the exported backup through the options page's Export button (a real download).
 * `on`: an options page already open, used and left open; else one is opened for it and closed.
 */
export async function exportBackup(ext: ExtensionBrowser, on?: Page): Promise<any> {
  const page = on ?? (await ext.openPage('options.html'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /export/i }).click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (!on) await page.close();
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Waits until Pullback has judged everything the lead just did on the page (see in-hand.ts):
 * the state "no prompt appeared" is about, with no fixed sleep.
 */
export async function settle(page: Page): Promise<void> {
  await nothingInHand(page);
}

/**
 * The popup, opened as a page for the tab showing `page` (found through the service worker), with its
 * "On this page" region once that region has read the page.
 */
export async function popupFor(
  ext: ExtensionBrowser,
  page: Page,
): Promise<{ popup: Page; region: Locator }> {
  const worker = await ext.worker();
  const tabs = await worker.evaluate(
    (pattern) => chrome.tabs.query({ url: pattern }),
    `${new URL(page.url()).origin}/*`,
  );
  const tab = tabs.find((t) => t.url === page.url());
  if (tab?.id === undefined) throw new Error(`No tab shows ${page.url()}`);
  const popup = await ext.openPage(`popup.html?tab=${tab.id}`);
  const region = popup.getByRole('region', { name: /on this page/i });
  await region.waitFor();
  return { popup, region };
}

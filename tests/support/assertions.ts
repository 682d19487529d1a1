/** Assertions the e2e suites share (kept out of steps.ts, which the demo and bench also import). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { promptOn, settle } from './steps';

/** After the page and the background have had time to answer, no prompt is on the page. */
export async function expectNoPrompt(page: Page, label?: string): Promise<void> {
  await settle(page);
  await expect(promptOn(page).count(), label).resolves.toBe(0);
}

/**
 * What the clipboard holds, read the way a lead would: pasted (Ctrl+V) into a
 * text box. (Chromium grants no clipboard-read to an extension page's origin,
 * so the page's own readText is not an option.)
 */
export async function pasted(from: Page): Promise<string> {
  const doc = await from.context().newPage();
  try {
    await doc.setContent('<label>Pasted <textarea></textarea></label>');
    const box = doc.getByRole('textbox', { name: 'Pasted' });
    await box.focus();
    await doc.keyboard.press('Control+V');
    await expect.poll(() => box.inputValue()).not.toBe('');
    return await box.inputValue();
  } finally {
    await doc.close();
  }
}

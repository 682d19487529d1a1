/** Assertions the e2e suites share (kept out of steps.ts, which the demo and bench also import). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { promptOn, settle } from './steps';

/** After the page and the background have had time to answer, no prompt is on the page. */
export async function expectNoPrompt(page: Page, label?: string): Promise<void> {
  await settle(page);
  await expect(promptOn(page).count(), label).resolves.toBe(0);
}

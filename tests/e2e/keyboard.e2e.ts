/**
 * Keyboard answers keep your place: the lead reaches the prompt with
 * Alt+Shift+P, Tabs to an answer and presses Enter; the keyboard goes back to
 * the editor they came from, caret where it was, so the next keys land in it.
 * Jira's inline summary editor closes when it loses focus (the fixture does
 * the same): reaching the prompt must not close it.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { startLeadOnJira } from '../support/lead';
import type { FakeJira } from '../support/fake-jira';
import { alice, bob, rosterBackup, overdueRecord } from '../support/roster';
import {
  activeInPrompt,
  editSummary,
  exportBackup,
  importBackupFile,
  inPromptFrame,
  promptOn,
  typeInDescription,
} from '../support/steps';

/** Alt+Shift+P, then Tab until the control named `name` has the keyboard. */
async function reachByKeyboard(page: Page, name: RegExp) {
  await page.keyboard.press('Alt+Shift+P');
  await expect.poll(() => activeInPrompt(page)).not.toBeNull();
  for (let i = 0; i < 30 && !name.test((await activeInPrompt(page)) ?? ''); i++)
    await page.keyboard.press('Tab');
  await expect(activeInPrompt(page)).resolves.toMatch(name);
}

async function answerByKeyboard(page: Page, name: RegExp) {
  await reachByKeyboard(page, name);
  await page.keyboard.press('Enter');
}

/** The keyboard is back in `editor`, and what the lead types next lands there. */
async function typingLandsIn(
  page: Page,
  editor: Locator,
  read: (e: Locator) => Promise<string>,
  before: string,
) {
  await expect.poll(() => editor.evaluate((e) => e === document.activeElement)).toBe(true);
  await page.keyboard.type('ZZZ');
  await expect(read(editor)).resolves.toContain(`${before}ZZZ`);
}
const summaryValue = (e: Locator) => e.inputValue();
const editorText = async (e: Locator) => (await e.textContent()) ?? '';

describe('keyboard answers keep your place', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;

  beforeAll(async () => {
    ({ ext, jira } = await startLeadOnJira({
      'KB-1': { summary: 'Onboarding copy', assignee: alice },
      'KB-2': { summary: 'Empty state', assignee: bob },
      'KB-3': { summary: 'Pricing table', assignee: alice },
      'KB-4': { summary: 'Error message', assignee: alice },
      'KB-5': { summary: 'Retry copy', assignee: alice },
    }));
  });
  afterAll(async () => ext?.close());

  test('Yes in Jira’s summary editor: the editor stays open, the lead’s words are kept, the next keys land in the summary', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KB-1'));
    const summary = await editSummary(page, ' (draft)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    // Announced politely, with the way to reach it (the live region gets its words 100 ms after the prompt, so screen readers hear a change).
    await expect
      .poll(() =>
        inPromptFrame(page)
          .getByRole('status')
          .filter({ hasText: /Pullback question is waiting.*Alt\+Shift\+P/ })
          .count(),
      )
      .toBe(1);
    await expect(prompt.textContent()).resolves.toMatch(/Esc for “Not now”/);

    await answerByKeyboard(page, /^Yes/);
    await expect(summary.count()).resolves.toBe(1); // Reaching the prompt did not close the inline editor.
    await prompt.getByText(/intervention started/i).waitFor();
    await expect(prompt.textContent()).resolves.not.toMatch(/Esc/); // No “Not now” here: no Esc hint.
    await typingLandsIn(page, summary, summaryValue, 'Onboarding copy (draft)');

    // The few words come after Yes, reached the same way; Done gives the keys back again.
    await reachByKeyboard(page, /check the edge cases/);
    await page.keyboard.type('RACI for the launch');
    for (let i = 0; i < 5 && (await activeInPrompt(page)) !== 'Done'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    await typingLandsIn(page, summary, summaryValue, 'Onboarding copy (draft)ZZZ');

    const { interventions } = await exportBackup(ext);
    expect(interventions.find((r: any) => r.artifact.key === 'KB-1')).toMatchObject({
      status: 'active',
      intent: 'RACI for the launch',
    });
    await page.close();
  });

  test('No in the description editor: the next keys land where the caret was', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KB-2'));
    const description = await typeInDescription(page, ' (v2)');
    await promptOn(page).waitFor();
    await answerByKeyboard(page, /^No/);
    await promptOn(page)
      .getByText(/good catch/i)
      .waitFor();
    await typingLandsIn(page, description, editorText, ' (v2)');
    await page.close();
  });

  test('Not now (Enter on it) in the summary editor gives the keyboard back', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KB-3'));
    const summary = await editSummary(page, ' later');
    await promptOn(page).waitFor();
    await answerByKeyboard(page, /^Not now/);
    await promptOn(page).waitFor({ state: 'detached' });
    await typingLandsIn(page, summary, summaryValue, 'Pricing table later');
    await page.close();
  });

  test('End it, each closing answer and Done: after each, the next keys land in the description', async () => {
    await importBackupFile(
      ext,
      { ...rosterBackup, interventions: [overdueRecord('kb-over-4', 'KB-4', 'Error message')] },
      'kb-overdue-4.json',
    ).then(({ page }) => page.close());
    const page = await ext.context.newPage();
    await page.goto(jira.url('KB-4'));
    const description = await typeInDescription(page, ' a');
    const prompt = promptOn(page);
    await prompt.getByText(/time to pull back/i).waitFor();

    await answerByKeyboard(page, /^End it$/);
    await prompt.getByRole('group', { name: /closing questions/i }).waitFor();
    await typingLandsIn(page, description, editorText, ' a');
    await answerByKeyboard(page, /^Yes$/); // Did you say the framework out loud?
    await typingLandsIn(page, description, editorText, ' aZZZ');
    await answerByKeyboard(page, /^Alice Chen$/); // Who owns it now?
    await typingLandsIn(page, description, editorText, ' aZZZZZZ');
    await answerByKeyboard(page, /^Done$/);
    await prompt.waitFor({ state: 'detached' });
    await typingLandsIn(page, description, editorText, ' aZZZZZZZZZ');

    const { interventions } = await exportBackup(ext);
    expect(interventions.find((r: any) => r.id === 'kb-over-4')).toMatchObject({
      status: 'ended',
      closing: { saidFramework: true, ownerNow: 'report' },
    });
    await page.close();
  });

  test('15 more minutes gives the keyboard back to the summary editor', async () => {
    await importBackupFile(
      ext,
      { ...rosterBackup, interventions: [overdueRecord('kb-over-5', 'KB-5', 'Retry copy')] },
      'kb-overdue-5.json',
    ).then(({ page }) => page.close());
    const page = await ext.context.newPage();
    await page.goto(jira.url('KB-5'));
    const summary = await editSummary(page, ' b');
    await promptOn(page)
      .getByText(/time to pull back/i)
      .waitFor();
    await answerByKeyboard(page, /more minutes$/);
    await promptOn(page).waitFor({ state: 'detached' });
    await typingLandsIn(page, summary, summaryValue, 'Retry copy b');
    await page.close();
  });
});

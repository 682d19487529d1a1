/**
 * The prompt as a lead meets it: reachable and answerable by keyboard, never
 * holding the page's keys, every answer logged, the cooldown respected, and
 * an active intervention fed by edits instead of asking again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { startLeadOnJira } from '../support/lead';
import type { FakeJira } from '../support/fake-jira';
import { alice, bob } from '../support/roster';
import {
  activeInPrompt,
  editSummary,
  exportBackup,
  promptOn,
  typeInDescription,
} from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

describe('the prompt', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;

  beforeAll(async () => {
    ({ ext, jira } = await startLeadOnJira({
      'KEY-1': { summary: 'Onboarding copy', assignee: alice },
      'KEY-2': { summary: 'Empty state', assignee: bob },
      'KEY-3': { summary: 'Pricing table', assignee: alice },
      'KEY-4': { summary: 'Error message', assignee: bob },
    }));
  });
  afterAll(async () => ext?.close());

  test('keyboard: Alt+Shift+P reaches it, keys inside stay inside, Esc is “Not now” and gives focus back', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-1'));
    await page.evaluate(() => {
      (window as any).hostKeys = [];
      document.addEventListener('keydown', (e) => (window as any).hostKeys.push(e.key));
    });
    // The description editor stays in place when it loses focus (the summary's inline editor closes).
    const editor = await typeInDescription(page, ' (v2)');
    await promptOn(page).waitFor();
    await expect(activeInPrompt(page)).resolves.toBeNull(); // The editor still has the keyboard.

    await page.keyboard.press('Alt+Shift+P');
    await expect.poll(() => activeInPrompt(page)).toMatch(/^Yes, start the intervention/);
    await page.evaluate(() => ((window as any).hostKeys = []));
    await page.keyboard.press('Tab'); // The plan beside Yes,
    await page.keyboard.press('Tab'); // then No.
    await expect(activeInPrompt(page)).resolves.toBe('No, I’ll hand it back');
    await expect(page.evaluate(() => (window as any).hostKeys)).resolves.toEqual([]); // Jira's shortcuts never saw them.

    await page.keyboard.press('Escape');
    await promptOn(page).waitFor({ state: 'detached' });
    await expect(editor.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    const backup = await exportBackup(ext);
    expect(backup.prompts).toEqual([
      expect.objectContaining({
        answer: 'dismissed',
        artifact: expect.objectContaining({ key: 'KEY-1' }),
      }),
    ]);

    // "Not now" starts the cooldown: the same ticket, even after a reload, does not ask again.
    await page.reload();
    await typeInDescription(page, ' (v3)');
    await expectNoPrompt(page);
    await page.close();
  });

  test('Yes with the plan chosen beside it starts that intervention; the purpose after Yes annotates it; further edits feed it without asking', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-2'));
    await editSummary(page, ' (draft)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await prompt.getByRole('combobox', { name: 'Pull back after' }).selectOption({ label: '1 h' });
    await prompt.getByRole('button', { name: /^Yes/ }).click();
    await prompt.getByText(/intervention started/i).waitFor();
    await prompt.getByRole('button', { name: 'The details matter here' }).click();
    await prompt.getByRole('button', { name: 'Done' }).click();
    await promptOn(page).waitFor({ state: 'detached' });

    await page.reload();
    await editSummary(page, ' more');
    await expectNoPrompt(page);

    const { interventions } = await exportBackup(ext);
    const started = interventions.find((r: any) => r.artifact.key === 'KEY-2');
    expect(started).toMatchObject({ purpose: 'details-matter', status: 'active', reportId: 'bob' });
    expect(Date.parse(started.plannedEndAt) - Date.parse(started.startedAt)).toBe(60 * 60_000);
    await page.close();
  });

  test('a custom duration takes minutes; a bad one is explained and starts nothing', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-3'));
    await editSummary(page, ' (!)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await prompt
      .getByRole('combobox', { name: 'Pull back after' })
      .selectOption({ label: 'Custom…' });
    const minutes = prompt.getByRole('spinbutton', { name: 'Minutes' });
    await minutes.fill('0');
    await expect(prompt.textContent()).resolves.toMatch(/whole number of minutes from 1/);
    await expect(prompt.getByRole('button', { name: /^Yes/ }).isDisabled()).resolves.toBe(true);
    await minutes.fill('45');
    await prompt.getByRole('button', { name: /^Yes/ }).click();
    await prompt.getByText(/intervention started/i).waitFor();
    const { interventions } = await exportBackup(ext);
    const started = interventions.find((r: any) => r.artifact.key === 'KEY-3');
    expect(Date.parse(started.plannedEndAt) - Date.parse(started.startedAt)).toBe(45 * 60_000);
    await page.close();
  });

  test('the cooldown is configurable: at 0 minutes, “Not now” asks again on the next edit', async () => {
    const options = await ext.openPage('options.html');
    await options.getByLabel(/do not ask again/i).fill('0');
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-4'));
    await editSummary(page, ' (a)');
    await promptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();
    await promptOn(page).waitFor({ state: 'detached' });
    await page.reload();
    await editSummary(page, ' (b)');
    await promptOn(page).waitFor();
    const { prompts } = await exportBackup(ext);
    expect(
      prompts
        .filter((p: any) => p.artifact.key === 'KEY-4')
        .map((p: any) => p.answer)
        .sort(),
    ).toEqual(['dismissed', 'unanswered']);
    await page.close();
  });
});

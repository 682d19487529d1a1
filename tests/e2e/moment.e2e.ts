/**
 * The moment of asking, as a lead meets it on a report's Jira ticket: a typo fix is a touch
 * (never asked, counted for the week), a sentence is asked about from its 4th key, a paste at
 * once; the threshold is the lead's setting; a second item of the report joins the open
 * intervention in one click; "End of day" is the working day's end the lead set.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { weekIdOf } from '@/utils/model/week';
import { expectNoPrompt } from '../support/assertions';
import type { ExtensionBrowser } from '../support/extension';
import type { FakeJira } from '../support/fake-jira';
import { startLeadOnJira } from '../support/lead';
import { alice } from '../support/roster';
import { editSummary, exportBackup, promptOn } from '../support/steps';

const SUMMARY_HEADING = 'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]';
const SUMMARY_EDITOR = 'textarea[data-testid$="summary.heading.writeable.field"]';

describe('the moment of asking', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;
  const keys = ['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4', 'PAY-5', 'PAY-6', 'PAY-7', 'PAY-8', 'PAY-9'];

  beforeAll(async () => {
    ({ ext, jira } = await startLeadOnJira(
      Object.fromEntries(keys.map((k) => [k, { summary: `Checkout copy ${k}`, assignee: alice }])),
    ));
  });
  afterAll(async () => ext?.close());

  /** Opens the ticket's summary editor, caret at the end. */
  async function openSummary(page: Page, key: string) {
    await page.goto(jira.url(key));
    await page.locator(SUMMARY_HEADING).click();
    await page.locator(SUMMARY_EDITOR).focus();
    await page.keyboard.press('End');
  }
  /** The lead leaves the field (clicks elsewhere on the page). */
  const leave = (page: Page) => page.locator('body').click({ position: { x: 5, y: 5 } });
  /** What a lead can press, pick or type in the prompt as shown now: each control's name. */
  /** The controls the card shows, once it shows (it is drawn whole, with its controls). */
  const controlsShown = async (prompt: Locator) => {
    await prompt.waitFor();
    return prompt
      .locator('button:visible, select:visible, input:visible, textarea:visible')
      .evaluateAll((els) =>
        els.map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName),
      );
  };
  const setAskAfter = async (label: RegExp) => {
    const options = await ext.openPage('options.html');
    await options.getByRole('radio', { name: label }).check();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();
  };

  test('one Backspace and a 3-character fix never ask, and count as touches on the summary, the 1:1 page and in the backup', async () => {
    const page = await ext.context.newPage();
    await openSummary(page, 'PAY-1');
    await page.keyboard.press('Backspace');
    await leave(page);
    await expectNoPrompt(page, 'one Backspace');

    await openSummary(page, 'PAY-2');
    await page.keyboard.type('abc');
    await leave(page);
    await expectNoPrompt(page, 'a 3-character fix');

    await expect
      .poll(async () => (await exportBackup(ext)).touches)
      .toEqual([expect.objectContaining({ reportId: 'alice', count: 2 })]);
    const { prompts } = await exportBackup(ext);
    expect(prompts).toEqual([]);

    const week = weekIdOf(new Date());
    const summary = await ext.openPage(`summary.html#${week}`);
    await expect(
      summary.locator('tr[data-report="alice"] [data-figure="touches"]').textContent(),
    ).resolves.toMatch(/2 touches/);
    const oneOnOne = await ext.openPage(`summary.html#${week}/alice`);
    await expect(oneOnOne.locator('[data-figure="touches"]').textContent()).resolves.toBe('2');
    await summary.close();
    await oneOnOne.close();
    await page.close();
  });

  test('typing a sentence asks from its 4th key; a paste asks at once', async () => {
    const page = await ext.context.newPage();
    await openSummary(page, 'PAY-3');
    await page.keyboard.type('Pay');
    await expectNoPrompt(page, 'three keys');
    await page.keyboard.type(' now');
    await promptOn(page).waitFor();
    // A light card: Yes with its plan beside it, No, Not now; nothing more to read before answering.
    await expect(controlsShown(promptOn(page))).resolves.toEqual([
      'Yes, start the intervention',
      'Pull back after',
      'No, I’ll hand it back',
      'Not now',
    ]);
    await promptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();

    // A single character, pasted: the lead is clearly changing the work.
    await page.evaluate(() => {
      const box = document.createElement('textarea');
      box.id = 'scratch-copy';
      box.value = '!';
      document.body.append(box);
    });
    await page.locator('#scratch-copy').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await openSummary(page, 'PAY-4');
    await page.keyboard.press('Control+V');
    await promptOn(page).waitFor();
    await expect(page.locator(SUMMARY_EDITOR).inputValue()).resolves.toBe('Checkout copy PAY-4!');
    await page.close();
  });

  test('the threshold is the lead’s setting: “On my first keystroke” asks on one key', async () => {
    await setAskAfter(/first keystroke/i);
    const page = await ext.context.newPage();
    try {
      await openSummary(page, 'PAY-5');
      await page.keyboard.press('Backspace');
      await promptOn(page).waitFor();
    } finally {
      await setAskAfter(/a few characters/i);
      await page.close();
    }
  });

  test('a second item of a report with an open intervention joins it in one click; the popup lists both under one intervention', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-6'));
    await editSummary(page, ' (v2)');
    await promptOn(page).getByRole('button', { name: /^Yes/ }).click();
    await promptOn(page)
      .getByText(/intervention started/i)
      .waitFor();

    await page.goto(jira.url('PAY-7'));
    await editSummary(page, ' (v2)');
    // With open work to join, "Add to PAY-6" is the fifth control, and the last.
    await expect(controlsShown(promptOn(page))).resolves.toHaveLength(5);
    await promptOn(page).getByRole('button', { name: 'Add to PAY-6' }).click();
    await promptOn(page)
      .getByText(/added to your open intervention/i)
      .waitFor();

    const popup = await ext.openPage('popup.html');
    const active = popup.getByRole('list', { name: 'Active interventions' });
    const rows = active.locator(':scope > li');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('PAY-6');
    await expect(
      rows
        .first()
        .getByRole('list', { name: /also in this intervention/i })
        .textContent(),
    ).resolves.toContain('PAY-7');

    const { interventions, prompts } = await exportBackup(ext);
    const open = interventions.filter((r: { status: string }) => r.status === 'active');
    expect(open).toEqual([
      expect.objectContaining({
        artifact: expect.objectContaining({ key: 'PAY-6' }),
        joined: [expect.objectContaining({ artifact: expect.objectContaining({ key: 'PAY-7' }) })],
      }),
    ]);
    expect(
      prompts.find((p: { artifact: { key: string } }) => p.artifact.key === 'PAY-7'),
    ).toMatchObject({ answer: 'deliberate', interventionId: open[0].id });
    await popup.getByRole('button', { name: /pull back from PAY-6/i }).click();
    await popup.close();
    await page.close();
  });

  test('“End of day” is the working day’s end the lead set, shown as that clock time in the prompt and the popup', async () => {
    const options = await ext.openPage('options.html');
    await options.getByLabel(/working day ends/i).fill('17:45');
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();

    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-8'));
    const clock = await page.evaluate(() =>
      new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' }).format(
        new Date(2026, 0, 1, 17, 45),
      ),
    );
    await editSummary(page, ' (v2)');
    const plan = promptOn(page).getByRole('combobox', { name: 'Pull back after' });
    const endOfDay = plan.getByRole('option', { name: /^End of day/ });
    await expect(endOfDay.textContent()).resolves.toMatch(
      new RegExp(`^End of day \\((tomorrow )?${clock}\\)$`),
    );
    await plan.selectOption({ label: (await endOfDay.textContent())! });
    await promptOn(page).getByRole('button', { name: /^Yes/ }).click();
    await promptOn(page)
      .getByText(/intervention started/i)
      .waitFor();

    const popup = await ext.openPage('popup.html');
    const row = popup
      .getByRole('list', { name: 'Active interventions' })
      .locator(':scope > li')
      .filter({ hasText: 'PAY-8' });
    await expect(row.textContent()).resolves.toContain(`until ${clock}`);
    await expect(row.textContent()).resolves.not.toMatch(/12:00 AM|\d+ h \d+/);
    const { interventions } = await exportBackup(ext);
    const started = interventions.find(
      (r: { artifact: { key: string } }) => r.artifact.key === 'PAY-8',
    );
    expect(started.plannedUntil).toBe('end-of-day');
    expect(new Date(started.plannedEndAt).getHours()).toBe(17);
    expect(new Date(started.plannedEndAt).getMinutes()).toBe(45);
    await popup.close();
    await page.close();
  });

  // Last: Alice's check-in stays for the rest of the file.
  test('the check-in’s quadrant is said in the prompt and pre-selects the purpose after Yes; purpose and words annotate the record', async () => {
    const summary = await ext.openPage('summary.html');
    const aliceRow = summary.getByRole('group', { name: 'Alice Chen' });
    for (const scale of [/alignment/i, /confidence/i])
      await aliceRow
        .getByRole('radiogroup', { name: scale })
        .getByRole('radio', { name: '4' })
        .check();
    await expect.poll(() => aliceRow.locator('.guidance').textContent()).toMatch(/full support/i);
    await summary.close();

    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-9'));
    await editSummary(page, ' (v2)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const said = await prompt.textContent();
    expect(said).toMatch(
      /You last rated Alice Chen Full support \((\w{3} \d{1,2}|\d{1,2} \w{3})\): details are theirs\./,
    );
    expect(said!.split('details are theirs').length).toBe(2); // Said once.
    await prompt.getByRole('button', { name: /^Yes/ }).click();
    await prompt.getByText(/intervention started/i).waitFor();
    await expect(
      prompt.getByRole('button', { name: 'The details matter here' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await prompt.getByRole('button', { name: 'Teach a framework' }).click();
    await prompt.getByRole('textbox', { name: /in a few words/i }).fill('RACI: Alice decides');
    await prompt.getByRole('button', { name: 'Done' }).click();
    await prompt.waitFor({ state: 'detached' });

    const popup = await ext.openPage('popup.html');
    await expect
      .poll(() => popup.getByText(/Started on PAY-9 \(Alice Chen\): Teach a framework/).count())
      .toBe(1);
    const { interventions } = await exportBackup(ext);
    expect(
      interventions.find((r: { artifact: { key: string } }) => r.artifact.key === 'PAY-9'),
    ).toMatchObject({
      purpose: 'teach-framework',
      intent: 'RACI: Alice decides',
      status: 'active',
    });
    await popup.close();
    await page.close();
  });
});

/**
 * Jira as it is in 2026 (docs/evidence/jira.md): what an edit means depends on
 * where it happens. The report's words (summary, description in
 * edit mode) prompt; the lead's planning (priority, sprint, labels, status,
 * reassigning to another report) never does; assigning a report's work item
 * to myself asks the take-over question, and Yes records a take-over. Also:
 * the compact layout, and the REST API answering 200 with an HTML login page
 * (logged out), where the owner comes from the page.
 *
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeJira, type FakeJira } from '../support/fake-jira';
import { alice, bob, carol, dana, rosterBackup } from '../support/roster';
import {
  editSummary,
  exportBackup,
  importBackupFile,
  promptOn,
  takeoverPromptOn,
  typeComment,
  typeInDescription,
} from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

/** Picks in a field's select, and waits until the page shows the pick: the page redraws the work item once it is saved, and a field opened before that redraw would be swept away with it. */
async function pick(page: Page, field: string, typed: string, option: string) {
  await page.getByRole('button', { name: new RegExp(`^${field}: .* - edit$`) }).click();
  await page.getByRole('combobox', { name: field }).pressSequentially(typed);
  await page.getByRole('option', { name: option }).click();
  await page
    .getByRole('button', { name: new RegExp(`^${field}: (.*, )?${option}(, .*)? - edit$`) })
    .waitFor();
}

async function openAssigneePicker(page: Page) {
  await page
    .locator(
      '[data-testid="issue.views.field.user.assignee"] [data-testid="profilecard-next.ui.profilecard.profilecard-trigger"]',
    )
    .click();
  await page.getByRole('combobox', { name: 'Assignee' }).waitFor();
}

// One browser for the file (a start costs seconds of CPU here), Dana's team imported once; each
// group serves its own Jira on the real origin (the latest served answers).
let ext: ExtensionBrowser;
beforeAll(async () => {
  ext = await launchExtension();
  const { page } = await importBackupFile(ext, rosterBackup);
  await page.close();
});
afterAll(async () => ext?.close());

describe('Jira: content, planning and taking over', () => {
  let jira: FakeJira;

  beforeAll(async () => {
    jira = await serveFakeJira(ext.context, {
      myself: dana,
      people: [carol],
      issues: {
        'PAY-201': {
          summary: 'Checkout button copy',
          assignee: alice,
          status: 'To Do',
          priority: { name: 'Medium' },
        },
        'PAY-202': {
          summary: 'Refund flow',
          assignee: bob,
          status: 'To Do',
          priority: { name: 'Medium' },
        },
        'PAY-203': {
          summary: 'Receipt email',
          assignee: alice,
          status: 'In Progress',
          comments: [{ author: 'Bob Okafor', body: 'Looks good.' }],
        },
        'PAY-204': { summary: 'Invoice totals', assignee: bob },
        'PAY-205': { summary: 'Currency rounding', assignee: alice },
        'PAY-206': { summary: 'Tax lines', assignee: alice },
        'PAY-207': { summary: 'Payout schedule', assignee: bob },
        'PAY-208': { summary: 'Chargeback notes', assignee: bob },
        'PAY-209': { summary: 'Dispute form', assignee: bob },
        'OPS-21': { summary: 'Dana’s own work item', assignee: dana },
        'WEB-21': { summary: 'Carol’s work item', assignee: carol },
      },
    });
  });

  test('changing priority, sprint, labels and status on a report’s work item never prompts, and logs nothing [jira quiet]', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-201'));
    await pick(page, 'Priority', 'Hi', 'Highest');
    await expect.poll(() => jira.issues['PAY-201']!.priority?.name).toBe('Highest');
    await pick(page, 'Sprint', '42', 'PAY Sprint 42');
    await pick(page, 'Labels', 'copy', 'copy');
    await page.getByRole('button', { name: 'To Do - Change status' }).click();
    await page.getByRole('menuitem', { name: 'In Progress' }).click();
    await expect.poll(() => jira.issues['PAY-201']!.status).toBe('In Progress');
    await page.getByRole('button', { name: 'In Progress - Change status' }).waitFor(); // redrawn: the estimate typed next stays on the page
    await page.getByRole('textbox', { name: 'Story point estimate' }).pressSequentially('5');
    await expectNoPrompt(page);
    expect((await exportBackup(ext)).prompts).toEqual([]);
    await page.close();
  });

  test('editing the summary of a report’s work item prompts [jira prompts]', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-201'));
    await editSummary(page, ' (clearer)');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toMatch(/Alice Chen.*PAY-201/);
    await expect(promptOn(page).textContent()).resolves.not.toMatch(/taking (this|it) over/i);
    await promptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();
    await page.close();
  });

  test('the description in edit mode (read test id gone, comment composer open too) prompts; the comment does not', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-203'));
    await typeComment(page, 'Shall we say "Pay now"?');
    await expectNoPrompt(page);
    await typeInDescription(page, ' Say "Pay now".');
    await expect(page.locator('#ak-editor-textarea').count()).resolves.toBe(2);
    await expect(
      page.locator('[data-testid="issue.views.field.rich-text.description"]').count(),
    ).resolves.toBe(0);
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain('PAY-203');
    await page.close();
  });

  test('reassigning a report’s work item to another report is planning: no prompt', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-204'));
    await openAssigneePicker(page);
    await page.getByRole('combobox', { name: 'Assignee' }).pressSequentially('Ali');
    await page.getByRole('option', { name: 'Alice Chen' }).click();
    await expect.poll(() => jira.issues['PAY-204']!.assignee?.accountId).toBe(alice.accountId);
    await expectNoPrompt(page);
    expect(
      (await exportBackup(ext)).prompts.filter((p: any) => p.artifact.key === 'PAY-204'),
    ).toEqual([]);
    await page.close();
  });

  test('"Assign to me" on a report’s work item shows the take-over card with its own choices; End of day shows the set clock time; every list marks the take-over', async () => {
    const options = await ext.openPage('options.html');
    await options.getByLabel(/working day ends/i).fill('17:45');
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();

    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-202'));
    const clock = await page.evaluate(() =>
      new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' }).format(
        new Date(2026, 0, 1, 17, 45),
      ),
    );
    await page.getByRole('button', { name: 'Assign to me' }).click();
    const card = takeoverPromptOn(page);
    await card.waitFor();
    await expect(promptOn(page).count()).resolves.toBe(0); // Not the edit question.
    await expect(card.textContent()).resolves.toMatch(/Bob Okafor[\s\S]*PAY-202/);
    await expect(
      card.locator('button:visible, select:visible, input:visible').allTextContents(),
    ).resolves.toEqual([
      expect.stringMatching(new RegExp(`^End of day \\((tomorrow )?${clock}\\)$`)),
      'Until a day…',
      'Until it is done',
      'Not a take-over',
      'Not now',
    ]);
    await expect(card.textContent()).resolves.not.toMatch(/15 min|hand it back|Teach a framework/);
    await card.getByRole('button', { name: /^End of day/ }).click();
    await card.getByText(new RegExp(`is yours until ${clock}`)).waitFor();

    const popup = await ext.openPage('popup.html');
    const row = popup
      .getByRole('list', { name: 'Active interventions' })
      .locator(':scope > li')
      .filter({ hasText: 'PAY-202' });
    await expect(row.textContent()).resolves.toMatch(
      new RegExp(`Take-over[\\s\\S]*until ${clock}`),
    );
    await popup.close();
    const summary = await ext.openPage('summary.html');
    await expect(
      summary.locator('table.records tr', { hasText: 'PAY-202' }).textContent(),
    ).resolves.toMatch(/Take-over/);
    await summary.close();

    const backup = await exportBackup(ext);
    expect(backup.interventions.find((i: any) => i.artifact.key === 'PAY-202')).toMatchObject({
      kind: 'takeover',
      plannedUntil: 'end-of-day',
    });
    expect(backup.prompts.filter((p: any) => p.artifact.key === 'PAY-202')).toEqual([
      expect.objectContaining({ kind: 'takeover', reportId: 'bob', answer: 'deliberate' }),
    ]);
    expect(jira.issues['PAY-202']!.assignee?.accountId).toBe(dana.accountId);
    await page.close();
  });

  test('a take-over until it is done is listed “until done”, never as a duration; until a day ends at that day’s working-day end; “Not a take-over” starts nothing', async () => {
    const take = async (key: string, choose: (card: Locator) => Promise<void>) => {
      const page = await ext.context.newPage();
      await page.goto(jira.url(key));
      await page.getByRole('button', { name: 'Assign to me' }).click();
      const card = takeoverPromptOn(page);
      await card.waitFor();
      await choose(card);
      await page.close();
    };
    await take('PAY-207', async (card) => {
      await card.getByRole('button', { name: 'Until it is done' }).click();
      await card.getByText(/is yours until it is done/).waitFor();
    });
    // Three days on, as the lead's calendar has it.
    const ahead = new Date(Date.now() + 3 * 86_400_000);
    const aheadDay = `${ahead.getFullYear()}-${String(ahead.getMonth() + 1).padStart(2, '0')}-${String(ahead.getDate()).padStart(2, '0')}`;
    const aheadWords = new Intl.DateTimeFormat([], {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
    }).format(ahead);
    await take('PAY-209', async (card) => {
      await card.getByRole('button', { name: 'Until a day…' }).click();
      await card.getByLabel('Until').fill(aheadDay);
      await card.getByRole('button', { name: 'Keep it until then' }).click();
      await card.getByText(/is yours until/).waitFor();
    });
    await take('PAY-208', async (card) => {
      await card.getByRole('button', { name: 'Not a take-over' }).click();
      await card.waitFor({ state: 'detached' });
    });

    const popup = await ext.openPage('popup.html');
    const rows = popup.getByRole('list', { name: 'Active interventions' }).locator(':scope > li');
    const done = rows.filter({ hasText: 'PAY-207' });
    await expect(done.textContent()).resolves.toMatch(/Take-over[\s\S]*until done/);
    await expect(done.textContent()).resolves.not.toMatch(/\d+ days?|\d+ h \d+|of \d/);
    await expect(rows.filter({ hasText: 'PAY-209' }).textContent()).resolves.toContain(
      `until ${aheadWords}`,
    );
    await expect(rows.filter({ hasText: 'PAY-208' }).count()).resolves.toBe(0);
    await popup.close();

    const backup = await exportBackup(ext);
    const byKey = (key: string) => backup.interventions.find((i: any) => i.artifact.key === key);
    expect(byKey('PAY-207')).toMatchObject({ kind: 'takeover', plannedUntil: 'done' });
    expect(byKey('PAY-209')).toMatchObject({ kind: 'takeover', plannedUntil: 'day' });
    const dayEnd = new Date(byKey('PAY-209').plannedEndAt);
    expect([dayEnd.getDate(), dayEnd.getHours(), dayEnd.getMinutes()]).toEqual([
      ahead.getDate(),
      17,
      45, // The working day’s end set above.
    ]);
    expect(byKey('PAY-208')).toBeUndefined();
    expect(backup.prompts.filter((p: any) => p.artifact.key === 'PAY-208')).toEqual([
      expect.objectContaining({ kind: 'takeover', answer: 'not-takeover' }),
    ]);
  });

  test('picking myself in the assignee field of a report’s work item is a take-over too', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-205'));
    await openAssigneePicker(page);
    await page.getByRole('option', { name: 'Dana Lead' }).click();
    await takeoverPromptOn(page).waitFor();
    await expect(takeoverPromptOn(page).textContent()).resolves.toMatch(
      /taking (this|it) over from Alice Chen/i,
    );
    await takeoverPromptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();
    const backup = await exportBackup(ext);
    expect(backup.prompts.filter((p: any) => p.artifact.key === 'PAY-205')).toEqual([
      expect.objectContaining({ kind: 'takeover', answer: 'dismissed' }),
    ]);
    await page.close();
  });

  test('my own and a peer’s work items stay quiet, edited or taken', async () => {
    for (const key of ['OPS-21', 'WEB-21']) {
      const page = await ext.context.newPage();
      await page.goto(jira.url(key));
      await editSummary(page, ' tweak');
      if (key === 'WEB-21') await page.getByRole('button', { name: 'Assign to me' }).click();
      await expectNoPrompt(page, key);
      await page.close();
    }
    const keys = (await exportBackup(ext)).prompts.map((p: any) => p.artifact.key);
    expect(keys).not.toContain('OPS-21');
    expect(keys).not.toContain('WEB-21');
  });

  test('logged out, the REST API answers 200 with an HTML login page: the owner is read from the page and the edit prompts', async () => {
    jira.setApiAnswer('login-page');
    try {
      const page = await ext.context.newPage();
      await page.goto(jira.url('PAY-206'));
      await editSummary(page, ' (logged out)');
      await promptOn(page).waitFor();
      // The field holds the name twice, "Assign to me" and "More information about …": the prompt names Alice once.
      await expect(promptOn(page).textContent()).resolves.toMatch(/Alice Chen’s Jira PAY-206/);
      expect(jira.restCalls).toContain(
        '/rest/api/3/issue/PAY-206?fields=assignee,reporter,summary',
      );
      await page.close();
    } finally {
      jira.setApiAnswer('ok');
    }
  });
});

describe('Jira compact layout (Feb 2026)', () => {
  let jira: FakeJira;

  beforeAll(async () => {
    jira = await serveFakeJira(ext.context, {
      myself: dana,
      layout: 'compact',
      issues: { 'PAY-301': { summary: 'Compact checkout', assignee: alice } },
    });
  });

  test('a report’s work item in the compact layout prompts on its description', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-301'));
    await page
      .locator('[data-testid="issue.views.issue-details.issue-layout.compact-layout"]')
      .waitFor();
    await typeInDescription(page, ' compact');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain('PAY-301');
    await page.close();
  });
});

/**
 * What counts as an intervention on Linear, on pages following docs/evidence/linear.md (2026-08:
 * the owner in the property rail's unlabelled detail buttons, outside the issue view): a report's
 * issue (assigned to them) edited in its title or description prompts, naming the report as the
 * roster names them; my own issue, a peer's, an unassigned one and comments never do. `I` (assign
 * to yourself) on a report's issue asks the take-over question. Single-page navigation judges the
 * next issue on its own.
 *
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeLinear, type FakeLinear } from '../support/fake-linear';
import {
  exportBackup,
  importBackupFile,
  promptOn,
  settle,
  takeoverPromptOn,
  typeAtEnd,
} from '../support/steps';
import { rosterWith } from '../support/roster';
import { expectNoPrompt } from '../support/assertions';

/** Dana leads Alice and Bob. Linear shows Bob by his username, which the roster knows as an alias. Carol is a peer. */
const linearRoster = rosterWith({ bob: ['bokafor'] });

const alice = { name: 'Alice Chen' };
const bob = { name: 'Bob Okafor', shown: 'bokafor' };

const titleEditor = (page: Page) => page.getByRole('textbox', { name: 'Issue title', exact: true });
const descriptionEditor = (page: Page) =>
  page.getByRole('textbox', { name: 'Issue description', exact: true });
// The composer's editor has no label; its container names it (docs/evidence/linear.md).
const commentComposer = (page: Page) =>
  page.locator('[data-comment-input-editor-container]').getByRole('textbox');

describe('Linear detection', () => {
  let ext: ExtensionBrowser;
  let linear: FakeLinear;

  beforeAll(async () => {
    ext = await launchExtension();
    linear = await serveFakeLinear(ext.context, {
      issues: {
        'ENG-142': {
          title: 'Checkout button copy',
          assignee: alice,
          description: 'The button says "Submit".',
        },
        'ENG-143': { title: 'Refund flow', assignee: bob, description: 'Refunds take a week.' },
        'ENG-144': {
          title: 'Receipt email',
          assignee: alice,
          description: 'Receipts go out late.',
          comments: [{ author: 'Carol Peer', body: 'Is this the SES queue?' }],
        },
        'ENG-145': {
          title: 'Invoice totals',
          assignee: bob,
          description: 'Totals are off by a cent.',
        },
        'ENG-146': { title: 'Tax rounding', assignee: alice, description: 'Round half to even.' },
        'ENG-9': {
          title: 'Dana’s own issue',
          assignee: { name: 'Dana Lead' },
          description: 'Mine.',
        },
        'ENG-10': {
          title: 'Carol’s issue',
          assignee: { name: 'Carol Peer' },
          description: 'Hers.',
        },
        'ENG-11': { title: 'Nobody’s issue', assignee: null, description: 'Triage me.' },
        'ENG-12': { title: 'Card vault', assignee: alice, description: 'Tokenise cards.' },
        'ENG-13': {
          title: 'Rail without avatars',
          assignee: { name: 'Alice Chen', avatar: false },
          description: 'Unreadable owner.',
        },
      },
    });
    await importBackupFile(ext, linearRoster);
  });
  afterAll(async () => ext?.close());

  test('my own issue, a peer’s issue and an unassigned one never prompt [linear quiet]', async () => {
    for (const key of ['ENG-9', 'ENG-10', 'ENG-11']) {
      const page = await ext.context.newPage();
      await page.goto(linear.url(key));
      await typeAtEnd(page, titleEditor(page), ' tweak');
      await typeAtEnd(page, descriptionEditor(page), ' More detail.');
      await expectNoPrompt(page, key);
      await page.close();
    }
    const backup = await exportBackup(ext);
    expect(
      backup.prompts.filter((p: any) => ['ENG-9', 'ENG-10', 'ENG-11'].includes(p.artifact.key)),
    ).toEqual([]);
  });

  test('editing the title of a report’s issue prompts, naming the report and the issue [linear prompts]', async () => {
    const page = await ext.context.newPage();
    await page.goto(linear.url('ENG-142'));
    await typeAtEnd(page, titleEditor(page), ' (v2)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('Alice Chen');
    expect(text).toContain('Linear');
    expect(text).toContain('ENG-142');
    expect(text).toContain('Checkout button copy');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.close();
  });

  test('editing the description prompts; the report is named as the roster names them, not as Linear shows them', async () => {
    const page = await ext.context.newPage();
    await page.goto(linear.url('ENG-143'));
    await typeAtEnd(page, descriptionEditor(page), ' Use the ledger.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('Bob Okafor');
    expect(text).not.toContain('bokafor');
    expect(text).toContain('ENG-143');
    await prompt.getByRole('button', { name: /^No\b/ }).click();
    await prompt.getByText(/hand this detail back to Bob Okafor/i).waitFor();
    await page.close();

    const backup = await exportBackup(ext);
    const answers = backup.prompts.filter((p: any) => p.artifact.key === 'ENG-143');
    expect(answers).toEqual([
      expect.objectContaining({
        tool: 'linear',
        answer: 'stepped-back',
        reportId: 'bob',
        artifact: expect.objectContaining({
          url: linear.canonicalUrl('ENG-143'),
          title: 'Refund flow',
        }),
      }),
    ]);
  });

  test('comments on a report’s issue are conversation: no prompt; its description is content: prompt', async () => {
    const page = await ext.context.newPage();
    await page.goto(linear.url('ENG-144'));
    // A new comment, and an edit of an existing one.
    await typeAtEnd(page, commentComposer(page), 'Could we batch them?');
    await page.getByRole('button', { name: 'Edit comment' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Probably.');
    await expectNoPrompt(page);

    await typeAtEnd(page, descriptionEditor(page), ' Batch hourly.');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain('ENG-144');
    await page.close();
  });

  test('re-planning a report’s issue (status, priority, assignee, labels, cycle, estimate, due date) never prompts; its title then does', async () => {
    const page = await ext.context.newPage();
    await page.goto(linear.url('ENG-146'));
    // The rail's rows are unlabelled: each is named by what it shows.
    for (const shown of [
      'In Progress',
      'High',
      'Alice Chen',
      'Bug',
      'Cycle 42',
      '3 points',
      'No due date',
    ]) {
      await page.locator('[data-detail-button="true"]', { hasText: shown }).click();
      const filter = page.locator('#portalLayoutRoot').getByRole('menu').getByRole('textbox');
      await filter.waitFor();
      await page.keyboard.type('Urgent');
      await page.keyboard.press('Escape');
      await filter.waitFor({ state: 'detached' });
    }
    // Each property was typed into: the page had every chance to ask.
    await expectNoPrompt(page, 'properties');
    const backup = await exportBackup(ext);
    expect(backup.prompts.filter((p: any) => p.artifact.key === 'ENG-146')).toEqual([]);

    await typeAtEnd(page, titleEditor(page), ' (v2)');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain('ENG-146');
    await promptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();
    await page.close();
  });

  test('single-page navigation: the next issue is judged on its own, with its own key and report', async () => {
    const page = await ext.context.newPage();
    await page.goto(linear.url('ENG-9'));
    await typeAtEnd(page, titleEditor(page), ' mine');
    await settle(page);
    await expect(promptOn(page).count()).resolves.toBe(0);
    // Follow an in-app link: the URL changes without a page load.
    await page.getByRole('link', { name: 'ENG-145' }).click();
    await page.waitForURL('**/acme/issue/ENG-145/**');
    await titleEditor(page).filter({ hasText: 'Invoice totals' }).waitFor();
    await typeAtEnd(page, titleEditor(page), ' (rounded)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('Bob Okafor');
    expect(text).toContain('ENG-145');
    expect(text).not.toContain('ENG-9');
    // And away again: the prompt for ENG-145 does not follow the lead to another issue.
    await page.getByRole('link', { name: 'ENG-9' }).click();
    await page.waitForURL('**/acme/issue/ENG-9/**');
    await prompt.waitFor({ state: 'detached' });
    await page.close();
  });

  test('I (assign to yourself) on a report’s issue asks the take-over question; on my own issue it does not', async () => {
    const page = await ext.context.newPage();
    await page.goto(linear.url('ENG-9'));
    await titleEditor(page).waitFor();
    await page.keyboard.press('i');
    await expectNoPrompt(page, 'my own issue');

    await page.goto(linear.url('ENG-12'));
    await titleEditor(page).waitFor();
    await page.keyboard.press('i');
    // Linear shows the lead in the rail at once; the question still names the report it was taken from.
    await page.locator('[data-detail-button="true"]', { hasText: 'Dana Lead' }).waitFor();
    const takeover = takeoverPromptOn(page);
    await takeover.waitFor();
    await expect(takeover.textContent()).resolves.toMatch(/taking (this|it) over from Alice Chen/i);
    await expect(takeover.textContent()).resolves.toContain('ENG-12');
    await takeover.getByRole('button', { name: /^End of day/ }).click();
    await expect
      .poll(
        async () =>
          (await exportBackup(ext)).interventions.find((i: any) => i.artifact.key === 'ENG-12')
            ?.kind,
      )
      .toBe('takeover');
    await page.close();
  });

  test('a rail whose assignee cannot be told apart: quiet, and adapter health says what it could not read', async () => {
    const page = await ext.context.newPage();
    await page.goto(linear.url('ENG-13'));
    await typeAtEnd(page, titleEditor(page), ' (v2)');
    await expectNoPrompt(page);
    await page.close();
    const options = await ext.openPage('options.html');
    const health = options.locator('section[aria-labelledby="health-heading"]');
    await expect
      .poll(() => health.textContent())
      .toMatch(/Linear: the assignee was not found among the issue’s property buttons/);
    await options.close();
  });
});

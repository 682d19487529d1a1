/**
 * What counts as an intervention on Jira: a report's ticket edited in its
 * summary, description or fields prompts; my own ticket, a peer's ticket and
 * comments never do. Single-page navigation never carries one ticket's
 * state to the next.
 *
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { startLeadOnJira } from '../support/lead';
import type { FakeJira } from '../support/fake-jira';
import { alice, bob, carol, dana } from '../support/roster';
import {
  editSummary,
  exportBackup,
  promptOn,
  settle,
  typeComment,
  typeInDescription,
} from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

const XSS_TITLE =
  '<img src=x onerror="window.__pwned=1">Fix <b>copy</b> & <script>window.__pwned=2</script>';

describe('Jira detection', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;

  beforeAll(async () => {
    ({ ext, jira } = await startLeadOnJira({
      'PAY-142': { summary: 'Checkout button copy', assignee: alice },
      'PAY-143': { summary: 'Refund flow', assignee: bob },
      'PAY-144': { summary: 'Receipt email', assignee: alice },
      'PAY-145': { summary: 'Invoice totals', assignee: bob },
      'OPS-9': { summary: 'Dana’s own ticket', assignee: dana },
      'WEB-3': { summary: 'Carol’s ticket', assignee: carol },
      'WEB-4': { summary: 'Nobody’s ticket', assignee: null },
      'SEC-1': { summary: XSS_TITLE, assignee: alice },
    }));
  });
  afterAll(async () => ext?.close());

  test('my own ticket, a peer’s ticket and an unassigned one never prompt [jira quiet]', async () => {
    for (const key of ['OPS-9', 'WEB-3', 'WEB-4']) {
      const page = await ext.context.newPage();
      await page.goto(jira.url(key));
      await editSummary(page, ' tweak');
      await typeInDescription(page, 'More detail.');
      await expectNoPrompt(page, key);
      await page.close();
    }
    const backup = await exportBackup(ext);
    expect(backup.prompts).toEqual([]);
  });

  test('a comment on a report’s ticket is conversation: no prompt; the description is content: prompt [jira prompts]', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-144'));
    await typeComment(page, 'Could we call it "Pay now"?');
    await expectNoPrompt(page);

    await typeInDescription(page, ' Use "Pay now".');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain('PAY-144');
    await promptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();
    await promptOn(page).waitFor({ state: 'detached' });
    await page.close();
  });

  test('a title holding markup is shown as text in the prompt and the popup, and never runs', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('SEC-1'));
    await typeInDescription(page, 'Note');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain(
      '<img src=x onerror="window.__pwned=1">Fix <b>copy</b>',
    );
    await expect(prompt.locator('img, b, script').count()).resolves.toBe(0);
    await prompt.getByRole('button', { name: /^Yes/ }).click();

    const popup = await ext.openPage('popup.html');
    const item = popup.getByRole('listitem').filter({ hasText: 'SEC-1' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('<b>copy</b>');
    await expect(item.locator('img, b, script').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as any).__pwned)).resolves.toBeUndefined();
    await expect(popup.evaluate(() => (window as any).__pwned)).resolves.toBeUndefined();
    await item.getByRole('button', { name: /pull back/i }).click();
    await popup.close();
    await page.close();
  });

  test('single-page navigation: the next ticket is judged on its own, with its own key and report', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('OPS-9'));
    await editSummary(page, ' mine');
    await settle(page);
    // Follow an in-app link: the URL changes without a page load.
    await page.getByRole('link', { name: 'PAY-145' }).click();
    await page.waitForURL('**/browse/PAY-145');
    await page
      .locator('h1[data-testid="issue.views.issue-base.foundation.summary.heading"]', {
        hasText: 'Invoice totals',
      })
      .waitFor();
    await editSummary(page, ' (rounded)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Bob Okafor');
    await expect(prompt.textContent()).resolves.toContain('PAY-145');
    await expect(prompt.textContent()).resolves.not.toContain('OPS-9');
    // And away again: the prompt for PAY-145 does not follow the lead to another ticket.
    await page.getByRole('link', { name: 'OPS-9' }).click();
    await page.waitForURL('**/browse/OPS-9');
    await prompt.waitFor({ state: 'detached' });
    await page.close();
  });

  test('a board modal (?selectedIssue=) is the same ticket as its browse page', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.boardUrl('PAY-143'));
    await editSummary(page, ' (v2)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('PAY-143');
    await expect(prompt.textContent()).resolves.toContain('Bob Okafor');
    await prompt.getByRole('button', { name: /^No\b/ }).click();
    await prompt.getByText(/hand this detail back to Bob Okafor/i).waitFor();
    await page.close();

    // The browse page of the same ticket is in the cooldown the answer started.
    const browse = await ext.context.newPage();
    await browse.goto(jira.url('PAY-143'));
    await editSummary(browse, ' again');
    await expectNoPrompt(browse);
    const backup = await exportBackup(ext);
    const answers = backup.prompts.filter((p: any) => p.artifact.key === 'PAY-143');
    expect(answers).toEqual([
      expect.objectContaining({
        answer: 'stepped-back',
        reportId: 'bob',
        artifact: expect.objectContaining({ url: jira.url('PAY-143') }),
      }),
    ]);
    await browse.close();
  });

  test('when the REST API fails, the owner is read from the assignee field on the page', async () => {
    jira.setApiDown(true);
    try {
      const page = await ext.context.newPage();
      await page.goto(jira.url('PAY-142'));
      await editSummary(page, ' (offline API)');
      const prompt = promptOn(page);
      await prompt.waitFor();
      await expect(prompt.textContent()).resolves.toContain('Alice Chen');
      await page.close();
    } finally {
      jira.setApiDown(false);
    }
  });
});

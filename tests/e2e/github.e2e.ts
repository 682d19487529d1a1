/**
 * What counts as an intervention on GitHub: a report's issue (assigned to
 * them) edited in its title or description, and a report's pull request
 * edited, prompt; my own pull request, a peer's issue, an unassigned issue
 * and comments never do. A file in the web editor prompts only when the lead
 * has claimed it. Soft (Turbo) navigation judges the next issue on its own.
 *
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { exportBackup, importBackupFile, promptOn, settle } from '../support/steps';
import { rosterWith } from '../support/roster';
import { expectNoPrompt } from '../support/assertions';

/** Dana leads Alice and Bob; their GitHub logins are aliases. Carol (carolp) is a peer. */
const githubRoster = rosterWith(
  // Dana's own login is deliberately not an alias: GitHub's viewer meta tag says who is looking.
  { alice: ['achen'], bob: ['bokafor'] },
  {
    claims: [
      {
        id: 'claim-infra',
        reportId: 'bob',
        urlPrefix: 'https://github.com/acme/infra',
        label: 'acme/infra — GitHub',
        createdAt: '2026-11-20T09:00:00.000Z',
      },
    ],
  },
);

async function editIssueTitle(page: Page, text: string) {
  await page.getByRole('button', { name: 'Edit issue title' }).click();
  const field = page.locator('[data-testid="issue-header"] input[placeholder="Title"]');
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function editIssueBody(page: Page, text: string) {
  await page.getByRole('button', { name: 'Issue body actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await page.locator('[data-testid="issue-body"] textarea').focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function editPullTitle(page: Page, text: string) {
  await page.locator('.js-title-edit-button').click();
  await page.locator('#issue_title').focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function editPullBody(page: Page, text: string) {
  await page.locator('.js-command-palette-pull-body summary[aria-label="Show options"]').click();
  await page
    .locator('.js-command-palette-pull-body')
    .getByRole('menuitem', { name: 'Edit' })
    .click();
  await page.getByRole('textbox', { name: 'Pull request body' }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function typeIn(page: Page, name: string, text: string) {
  await page.getByRole('textbox', { name }).click();
  await page.keyboard.type(text);
}

describe('GitHub detection', () => {
  let ext: ExtensionBrowser;
  let gh: FakeGitHub;

  beforeAll(async () => {
    ext = await launchExtension();
    gh = await serveFakeGitHub(ext.context, {
      viewer: 'dana-lead',
      issues: {
        'acme/shop#12': {
          title: 'Checkout button copy',
          author: 'carolp',
          assignees: ['achen'],
          body: 'The button says "Submit".',
        },
        // Opened by a report, assigned to a peer: the peer's.
        'acme/shop#13': {
          title: 'Refund flow',
          author: 'achen',
          assignees: ['carolp'],
          comments: [{ author: 'bokafor', body: 'On it?' }],
        },
        'acme/shop#14': { title: 'Invoice totals', author: 'carolp', assignees: ['bokafor'] },
        'acme/shop#15': {
          title: 'Receipt email',
          author: 'carolp',
          assignees: ['achen'],
          comments: [{ author: 'achen', body: 'Draft is up.' }],
        },
        'acme/shop#16': { title: 'Nobody’s issue', author: 'bokafor', assignees: [] },
      },
      pulls: {
        'acme/shop#20': {
          title: 'Add Apple Pay',
          author: 'bokafor',
          reviewers: ['achen'],
          body: 'Adds Apple Pay to checkout.',
        },
        'acme/shop#22': {
          title: 'Receipt template',
          author: 'achen',
          body: 'New template.',
          comments: [{ author: 'carolp', body: 'Rename this?' }],
        },
        // Mine, with a report all over it: reviewer, assignee, commenter.
        'acme/shop#21': {
          title: 'Lead’s refactor',
          author: 'dana-lead',
          reviewers: ['achen'],
          assignees: ['achen'],
          body: 'Refactor.',
          comments: [{ author: 'achen', body: 'Looks good.' }],
        },
      },
      files: {
        'acme/shop@main:README.md': '# Shop\nCheckout and payments.',
        'acme/infra@main:deploy/prod.yml': 'replicas: 3',
      },
    });
    await importBackupFile(ext, githubRoster);
  });
  afterAll(async () => ext?.close());

  test('a report’s issue: editing its title prompts, naming the report and the key [github prompts]', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.issueUrl('acme/shop#12'));
    await editIssueTitle(page, ' (v2)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain('acme/shop#12');
    await expect(prompt.textContent()).resolves.toContain('Checkout button copy');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.close();
  });

  test('a report’s pull request: editing its description prompts', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.pullUrl('acme/shop#20'));
    await editPullBody(page, ' Also Google Pay.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Bob Okafor');
    await expect(prompt.textContent()).resolves.toContain('acme/shop#20');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await page.close();
  });

  test('my own pull request, a peer’s issue and an unassigned issue never prompt [github quiet]', async () => {
    const own = await ext.context.newPage();
    await own.goto(gh.pullUrl('acme/shop#21'));
    await editPullTitle(own, ' (mine)');
    await editPullBody(own, ' More.');
    await expectNoPrompt(own);
    await own.close();

    for (const key of ['acme/shop#13', 'acme/shop#16']) {
      const page = await ext.context.newPage();
      await page.goto(gh.issueUrl(key));
      await editIssueTitle(page, ' tweak');
      await editIssueBody(page, ' More detail.');
      await expectNoPrompt(page, key);
      await page.close();
    }
  });

  test('comments on a report’s issue and pull request are conversation: no prompt; the description is content: prompt', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.issueUrl('acme/shop#15'));
    await typeIn(page, 'Add a comment', 'Could we add the order number?');
    await expectNoPrompt(page);

    await editIssueBody(page, ' Include the order number.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('acme/shop#15');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await page.close();

    const pull = await ext.context.newPage();
    await pull.goto(gh.pullUrl('acme/shop#22'));
    await typeIn(pull, 'Comment body', 'Thanks!');
    await typeIn(pull, 'Reply', 'Renamed.');
    await expectNoPrompt(pull);
    await editPullTitle(pull, ' (HTML)');
    await promptOn(pull).waitFor();
    await expect(promptOn(pull).textContent()).resolves.toContain('acme/shop#22');
    await pull.close();
  });

  test('soft navigation: the next issue is judged on its own, with its own key and report', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.issueUrl('acme/shop#13'));
    await editIssueTitle(page, ' (peer)');
    await settle(page);
    await expect(promptOn(page).count()).resolves.toBe(0);
    // An in-app link: the URL changes without a page load.
    await page.getByRole('link', { name: 'acme/shop#14' }).click();
    await page.waitForURL('**/acme/shop/issues/14');
    await page.locator('[data-testid="issue-title"]', { hasText: 'Invoice totals' }).waitFor();
    await editIssueTitle(page, ' (rounded)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Bob Okafor');
    await expect(prompt.textContent()).resolves.toContain('acme/shop#14');
    await expect(prompt.textContent()).resolves.not.toContain('acme/shop#13');
    await page.close();
  });

  test('a file in the web editor prompts only when the lead has claimed it', async () => {
    const unclaimed = await ext.context.newPage();
    await unclaimed.goto(gh.editUrl('acme/shop@main:README.md'));
    await typeIn(unclaimed, 'Editing README.md file contents', 'More docs. ');
    await expectNoPrompt(unclaimed);
    await unclaimed.close();

    const claimed = await ext.context.newPage();
    await claimed.goto(gh.editUrl('acme/infra@main:deploy/prod.yml'));
    await typeIn(claimed, 'Editing prod.yml file contents', 'replicas: 5 ');
    const prompt = promptOn(claimed);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Bob Okafor');
    await expect(prompt.textContent()).resolves.toContain('acme/infra@main:deploy/prod.yml');
    await claimed.close();
  });

  test('the log holds exactly the prompts above, with canonical URLs', async () => {
    const backup = await exportBackup(ext);
    const seen = backup.prompts
      .map((p: any) => [p.artifact.key, p.reportId, p.artifact.url])
      .sort();
    expect(seen).toEqual([
      [
        'acme/infra@main:deploy/prod.yml',
        'bob',
        'https://github.com/acme/infra/blob/main/deploy/prod.yml',
      ],
      ['acme/shop#12', 'alice', 'https://github.com/acme/shop/issues/12'],
      ['acme/shop#14', 'bob', 'https://github.com/acme/shop/issues/14'],
      ['acme/shop#15', 'alice', 'https://github.com/acme/shop/issues/15'],
      ['acme/shop#20', 'bob', 'https://github.com/acme/shop/pull/20'],
      ['acme/shop#22', 'alice', 'https://github.com/acme/shop/pull/22'],
    ]);
  });
});

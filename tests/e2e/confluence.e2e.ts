/**
 * What counts as an intervention on Confluence Cloud: a report's page edited
 * in the editor (body or title) prompts, naming the report as the roster
 * does and the page by its id; my own page, a peer's page and comments never
 * do. Single-page navigation judges the next page on its own. With the REST
 * API down, the owner comes from the byline. Jira on the same host is
 * unaffected.
 *
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import {
  serveFakeConfluence,
  type ConfluenceUser,
  type FakeConfluence,
} from '../support/fake-confluence';
import { serveFakeJira, type FakeJira } from '../support/fake-jira';
import { alice as jiraAlice, dana as jiraDana, rosterBackup } from '../support/roster';
import { editSummary, exportBackup, importBackupFile, promptOn, settle } from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

// A site of its own, so other suites' fakes on acme.atlassian.net never meet these routes.
const ORIGIN = 'https://docs-acme.atlassian.net';

// Confluence's own names for the team. The roster (tests/support/roster.ts) knows
// Alice by her account id, Bob by his email, Dana by her name.
const dana: ConfluenceUser = {
  accountId: '557058:d0',
  displayName: 'Dana Lead',
  email: 'dana@acme.test',
};
const alice: ConfluenceUser = {
  accountId: '557058:a1',
  displayName: 'alice chen',
  publicName: 'alice.c',
  email: '',
};
const bob: ConfluenceUser = {
  accountId: '712020:b2',
  displayName: 'Bob O.',
  email: 'bob@acme.test',
};
const carol: ConfluenceUser = {
  accountId: '557058:c3',
  displayName: 'Carol Peer',
  email: 'carol@acme.test',
};

const PAGES = {
  aliceTitle: '3342337',
  aliceComments: '3342339',
  bobSpa: '3342341',
  danaOwn: '3342343',
  carolPeer: '3342345',
  aliceLive: '3342347',
  bobBody: '3342349',
  danaLive: '3342351',
  aliceV2: '3342353',
  aliceBlog: '3342355',
  bobLive: '3342357',
} as const;

async function openEditor(page: Page, wiki: FakeConfluence, id: string) {
  await page.goto(wiki.url(id));
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.waitForURL(`**/pages/edit-v2/${id}`);
}

async function typeInBody(page: Page, text: string) {
  const body = page.getByRole('textbox', { name: 'Main content area' });
  await body.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function typeInTitle(page: Page, text: string) {
  // Unlabelled: its name is its placeholder (docs/evidence/confluence.md, The editor).
  const title = page.getByRole('textbox', { name: 'Give this page a title' });
  await title.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

describe('Confluence detection', () => {
  let ext: ExtensionBrowser;
  let wiki: FakeConfluence;
  let jira: FakeJira;

  beforeAll(async () => {
    ext = await launchExtension();
    // Jira first, on the same host: Confluence's routes (/wiki/**) are registered later and take precedence there.
    jira = await serveFakeJira(ext.context, {
      origin: ORIGIN,
      myself: jiraDana,
      issues: { 'PAY-142': { summary: 'Checkout button copy', assignee: jiraAlice } },
    });
    wiki = await serveFakeConfluence(ext.context, {
      origin: ORIGIN,
      currentUser: dana,
      pages: {
        [PAGES.aliceTitle]: { title: 'Payment retries', space: 'ENG', owner: alice },
        [PAGES.aliceComments]: { title: 'Retry budget', space: 'ENG', owner: alice },
        [PAGES.bobSpa]: { title: 'Refund policy', space: 'ENG', owner: bob },
        [PAGES.danaOwn]: { title: 'Team charter', space: 'ENG', owner: dana },
        // Bob (a report) created it and handed it over: Carol (a peer) owns it now, so it is not Bob’s work.
        [PAGES.carolPeer]: {
          title: 'Design review notes',
          space: 'DES',
          owner: carol,
          createdBy: bob,
        },
        [PAGES.aliceLive]: { title: 'Incident log', space: 'OPS', owner: alice, live: true },
        [PAGES.bobBody]: { title: 'Chargeback runbook', space: 'OPS', owner: bob },
        [PAGES.danaLive]: { title: 'Dana’s scratchpad', space: 'OPS', owner: dana, live: true },
        [PAGES.bobLive]: { title: 'Pager rota', space: 'OPS', owner: bob, live: true },
        [PAGES.aliceV2]: { title: 'Retry metrics', space: 'ENG', owner: alice, createdBy: bob },
        // A blog post: its author is all the v2 API names (no owner).
        [PAGES.aliceBlog]: { title: 'Launch notes', space: 'ENG', owner: alice, blog: true },
      },
    });
    await importBackupFile(ext, rosterBackup);
  });
  afterAll(async () => ext?.close());

  test('a report’s page edited in the editor body prompts, naming the report as the roster does and the page id [confluence prompts]', async () => {
    const page = await ext.context.newPage();
    await openEditor(page, wiki, PAGES.bobBody);
    await typeInBody(page, ' Escalate after two days.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    // Confluence calls him "Bob O."; the roster (matched on his email) calls him Bob Okafor.
    expect(text).toContain('Bob Okafor');
    expect(text).not.toContain('Bob O.');
    expect(text).toContain('Confluence');
    expect(text).toContain(PAGES.bobBody);
    expect(text).toContain('Chargeback runbook');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.close();

    const backup = await exportBackup(ext);
    expect(backup.prompts.filter((p: any) => p.artifact.key === PAGES.bobBody)).toEqual([
      expect.objectContaining({
        reportId: 'bob',
        tool: 'confluence',
        artifact: expect.objectContaining({
          key: PAGES.bobBody,
          url: `${ORIGIN}/wiki/spaces/OPS/pages/${PAGES.bobBody}`,
        }),
      }),
    ]);
  });

  test('the title field is content too: editing a report’s page title (the editor’s textarea, a live doc’s) prompts', async () => {
    const page = await ext.context.newPage();
    await openEditor(page, wiki, PAGES.aliceTitle);
    await typeInTitle(page, ' (v2)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain(PAGES.aliceTitle);
    await page.close();

    const live = await ext.context.newPage();
    await live.goto(wiki.url(PAGES.bobLive));
    await typeInTitle(live, ' (Sev 2)');
    await promptOn(live).waitFor();
    await expect(promptOn(live).textContent()).resolves.toContain('Bob Okafor');
    await expect(promptOn(live).textContent()).resolves.toContain('Pager rota');
    await live.close();
  });

  test('my own page and a peer’s page never prompt, in the title or the body [confluence quiet]', async () => {
    for (const id of [PAGES.danaOwn, PAGES.carolPeer]) {
      const page = await ext.context.newPage();
      await openEditor(page, wiki, id);
      await typeInTitle(page, ' tweak');
      await typeInBody(page, ' More detail.');
      await expectNoPrompt(page, id);
      await page.close();
    }
    // The extension did ask (so the silence is a decision, not a missed edit).
    expect(wiki.restCalls).toContain(
      `/wiki/rest/api/content/${PAGES.danaOwn}?expand=history,history.ownedBy`,
    );
    expect(wiki.restCalls).toContain(
      `/wiki/rest/api/content/${PAGES.carolPeer}?expand=history,history.ownedBy`,
    );
    const backup = await exportBackup(ext);
    expect(
      backup.prompts.filter(
        (p: any) => p.artifact.key === PAGES.danaOwn || p.artifact.key === PAGES.carolPeer,
      ),
    ).toEqual([]);
  });

  test('footer and inline comments on a report’s page are conversation: no prompt; the editor is content: prompt', async () => {
    const page = await ext.context.newPage();
    await page.goto(wiki.url(PAGES.aliceComments));
    await page.getByRole('textbox', { name: 'Add a comment' }).click();
    await page.keyboard.type('Could we cap retries at three?');
    await page.getByRole('textbox', { name: 'Reply' }).click();
    await page.keyboard.type('Five feels like a lot.');
    await expectNoPrompt(page);

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.waitForURL(`**/pages/edit-v2/${PAGES.aliceComments}`);
    await typeInBody(page, ' Cap at three.');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain(PAGES.aliceComments);
    await page.close();
  });

  test('single-page navigation: the next page is judged on its own, with its own id and owner', async () => {
    const page = await ext.context.newPage();
    await openEditor(page, wiki, PAGES.danaOwn);
    await typeInBody(page, ' mine');
    await settle(page);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.waitForURL(`**/pages/${PAGES.danaOwn}/**`);
    // Follow the page tree: the URL changes without a page load.
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await page
      .getByRole('navigation', { name: 'Page tree' })
      .getByRole('link', { name: 'Refund policy' })
      .click();
    await page.waitForURL(`**/pages/${PAGES.bobSpa}/**`);
    await page.locator('#heading-title-text', { hasText: 'Refund policy' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.waitForURL(`**/pages/edit-v2/${PAGES.bobSpa}`);
    await typeInBody(page, ' Refunds within 30 days.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('Bob Okafor');
    expect(text).toContain(PAGES.bobSpa);
    expect(text).not.toContain(PAGES.danaOwn);
    // It really was one document all along.
    await expect(page.evaluate(() => (window as any).__sameDocument)).resolves.toBe(true);
    await page.close();
  });

  test('when the REST API fails, the owner is read from the byline (a live doc); my own live doc stays quiet', async () => {
    wiki.setApiDown(true);
    try {
      const page = await ext.context.newPage();
      await page.goto(wiki.url(PAGES.aliceLive));
      await typeInBody(page, ' 10:42 rollback done.');
      const prompt = promptOn(page);
      await prompt.waitFor();
      // The byline says "alice chen" and links her account id: the roster knows her as Alice Chen.
      await expect(prompt.textContent()).resolves.toContain('Alice Chen');
      await expect(prompt.textContent()).resolves.toContain(PAGES.aliceLive);
      expect(wiki.restCalls).toContain(
        `/wiki/rest/api/content/${PAGES.aliceLive}?expand=history,history.ownedBy`,
      );
      await page.close();

      const own = await ext.context.newPage();
      await own.goto(wiki.url(PAGES.danaLive));
      await typeInBody(own, ' note to self');
      await expectNoPrompt(own);
      await own.close();
    } finally {
      wiki.setApiDown(false);
    }
  });

  test('with the v1 content API gone, the owner is the v2 pages API’s ownerId (an account id the roster knows), not the author', async () => {
    wiki.setV1Gone(true);
    try {
      const page = await ext.context.newPage();
      await openEditor(page, wiki, PAGES.aliceV2);
      await typeInBody(page, ' p95 too.');
      await promptOn(page).waitFor();
      await expect(promptOn(page).textContent()).resolves.toContain('Alice Chen');
      expect(wiki.restCalls).toContain(`/wiki/api/v2/pages/${PAGES.aliceV2}`);
      await page.close();
    } finally {
      wiki.setV1Gone(false);
    }
  });

  test('a blog post edited with the v1 content API gone prompts for its author, read from the v2 blog posts API', async () => {
    wiki.setV1Gone(true);
    try {
      const page = await ext.context.newPage();
      await page.goto(wiki.url(PAGES.aliceBlog));
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.waitForURL(`**/blog/edit-v2/${PAGES.aliceBlog}`);
      await typeInBody(page, ' Shipping Tuesday.');
      const prompt = promptOn(page);
      await prompt.waitFor();
      const text = await prompt.textContent();
      // The v2 API names her by account id alone: the roster knows it as one of Alice's aliases.
      expect(text).toContain('Alice Chen');
      expect(text).toContain(PAGES.aliceBlog);
      expect(wiki.restCalls).toContain(`/wiki/api/v2/blogposts/${PAGES.aliceBlog}`);
      await page.close();
    } finally {
      wiki.setV1Gone(false);
    }
  });

  test('a Jira ticket on the same host is still Jira’s', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-142'));
    await editSummary(page, ' (same host)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('PAY-142');
    expect(text).toContain('Alice Chen');
    expect(text).toContain('Jira');
    expect(jira.restCalls.some((c) => c.startsWith('/rest/api/3/issue/PAY-142'))).toBe(true);
    await page.close();
  });
});

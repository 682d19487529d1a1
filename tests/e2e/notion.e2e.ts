/**
 * Notion on app.notion.com, where Notion serves its app since June 2026 (the
 * old www.notion.so addresses redirect there): a report's page (its "Created
 * by" names them) edited in a block or the title prompts, naming the report
 * and the page; my page, a peer's page, the discussion and the page's
 * properties (Status: planning) never do. An old notion.so link lands on
 * app.notion.com and the same page counts as one artifact with one URL.
 *
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeSites, type FakeSites } from '../support/fake-sites';
import { rosterBackup } from '../support/roster';
import { exportBackup, importBackupFile, promptOn, typeAtEnd } from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

const ALICE_SPEC = '2b3c4d5e6f708192a3b4c5d6e7f80a01';
const ALICE_NOTES = '2b3c4d5e6f708192a3b4c5d6e7f80a02';
const MINE = '2b3c4d5e6f708192a3b4c5d6e7f80a03';
const CAROLS = '2b3c4d5e6f708192a3b4c5d6e7f80a04';

const firstBlock = (page: Page) =>
  page
    .locator(
      '.notion-frame .notion-page-content [data-content-editable-leaf="true"][contenteditable="true"]',
    )
    .first();

describe('Notion on app.notion.com', () => {
  let ext: ExtensionBrowser;
  let sites: FakeSites;

  beforeAll(async () => {
    ext = await launchExtension();
    sites = await serveFakeSites(ext.context, {
      notion: {
        workspace: 'acme',
        pages: {
          [ALICE_SPEC]: { title: 'Payments spec', createdBy: 'Alice Chen' },
          [ALICE_NOTES]: { title: 'Retro notes', createdBy: 'Alice Chen' },
          [MINE]: { title: 'My planning page', createdBy: 'Dana Lead' },
          [CAROLS]: { title: 'Carol’s page', createdBy: 'Carol Peer' },
        },
      },
    });
    const { page } = await importBackupFile(ext, rosterBackup);
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('my page and a peer’s page never prompt [notion quiet]', async () => {
    for (const id of [MINE, CAROLS]) {
      const page = await ext.context.newPage();
      await page.goto(sites.notionUrl(id));
      expect(new URL(page.url()).hostname).toBe('app.notion.com');
      await typeAtEnd(page, firstBlock(page), ' More.');
      await expectNoPrompt(page, id);
      await page.close();
    }
  });

  test('on a report’s page, the discussion and the Status property never prompt; a block does, naming Alice and the page [notion prompts]', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.notionUrl(ALICE_SPEC));

    await typeAtEnd(
      page,
      page.getByRole('textbox', { name: 'Add a comment…' }),
      'Is the refund path covered?',
    );
    await expectNoPrompt(page, 'discussion');
    await typeAtEnd(
      page,
      page.locator('.notion-frame').getByRole('textbox', { name: 'Status' }),
      ' (blocked)',
    );
    await expectNoPrompt(page, 'Status property');

    await typeAtEnd(page, firstBlock(page), ' Refunds go through the same path.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain('Payments spec');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.close();
  });

  test('an old www.notion.so link redirects to app.notion.com, where editing the title prompts for the same page', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.legacyNotionUrl(ALICE_NOTES));
    await page.waitForURL(sites.notionUrl(ALICE_NOTES));
    await typeAtEnd(page, page.locator('.notion-frame h1[contenteditable="true"]'), ' (draft)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain('Retro notes');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.close();

    const backup = await exportBackup(ext);
    const notionPrompts = backup.prompts
      .filter((p: any) => p.tool === 'notion')
      .map((p: any) => [p.artifact.key, p.artifact.url, p.reportId, p.answer]);
    expect(notionPrompts.sort()).toEqual(
      [
        [ALICE_NOTES, `https://app.notion.com/p/${ALICE_NOTES}`, 'alice', 'dismissed'],
        [ALICE_SPEC, `https://app.notion.com/p/${ALICE_SPEC}`, 'alice', 'dismissed'],
      ].sort(),
    );
  });
});

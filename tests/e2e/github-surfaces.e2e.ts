/**
 * GitHub as it is in 2026 (docs/evidence/github.md): the React issue view's
 * sidebar is planning (labels, reassigning to another report: no prompt);
 * picking myself in a report's issue's assignee picker (a Primer SelectPanel
 * in Primer's portal, options reading "loginName" with no space) asks the
 * take-over question and Yes records a take-over; an issue assigned to
 * Copilot's coding agent and a report is the report's; a pull request with the React header
 * (Feb 2026, no test ids, rotating classes) prompts on its title, and when
 * merged its owner is its author, not the merger the header links. Tab
 * titles end in " · GitHub": while the title is edited, the prompt still
 * names the item by its title.
 *
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { exportBackup, importBackupFile, promptOn, takeoverPromptOn } from '../support/steps';
import { rosterWith } from '../support/roster';
import { expectNoPrompt } from '../support/assertions';

const roster = rosterWith({ alice: ['achen'], bob: ['bokafor'] });

async function pickInSidebar(
  page: Page,
  section: 'Assignees' | 'Labels',
  filter: string,
  option: string,
) {
  await page.getByRole('button', { name: `Edit ${section}` }).click();
  // The 2026 picker renders in Primer's portal, away from the sidebar that opened it.
  const panel = page.locator('#__primerPortalRoot__').getByRole('dialog');
  await panel
    .getByRole('combobox', { name: `Filter ${section.toLowerCase()}` })
    .pressSequentially(filter);
  await panel.getByRole('option', { name: option }).click();
}

async function editReactPullTitle(page: Page, text: string) {
  await page
    .locator('[class*="prc-PageHeader-Actions"]')
    .getByRole('button', { name: 'Edit' })
    .click();
  await page.getByRole('textbox', { name: 'Pull request title' }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

describe('GitHub: planning, taking over, the React pull request header', () => {
  let ext: ExtensionBrowser;
  let gh: FakeGitHub;

  beforeAll(async () => {
    ext = await launchExtension();
    gh = await serveFakeGitHub(ext.context, {
      viewer: 'dana-lead',
      names: { 'dana-lead': 'Dana Lead', achen: 'Alice Chen', bokafor: 'Bob Okafor' },
      issues: {
        'acme/shop#31': { title: 'Saved cards', author: 'carolp', assignees: ['achen'] },
        'acme/shop#32': { title: 'Card expiry', author: 'carolp', assignees: ['bokafor'] },
        'acme/shop#33': { title: 'Wallet copy', author: 'carolp', assignees: ['achen'] },
        'acme/shop#34': {
          title: 'Refund webhooks',
          author: 'carolp',
          assignees: ['Copilot', 'bokafor'],
          body: 'Retry failed webhooks.',
        },
        'acme/shop#35': { title: 'Flaky test triage', author: 'carolp', assignees: ['Copilot'] },
        'acme/shop#36': { title: 'Gift cards', author: 'carolp', assignees: ['achen'] },
      },
      pulls: {
        'acme/shop#40': {
          title: 'Wallet redesign',
          author: 'achen',
          header: 'react',
          body: 'New wallet.',
        },
        'acme/shop#41': {
          title: 'Receipt PDF',
          author: 'bokafor',
          header: 'react',
          mergedBy: 'dana-lead',
          body: 'PDF receipts.',
        },
        'acme/shop#42': {
          title: 'Lead’s cleanup',
          author: 'dana-lead',
          header: 'react',
          mergedBy: 'achen',
        },
      },
    });
    const { page } = await importBackupFile(ext, roster);
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('labels and reassigning a report’s issue to another report never prompt [github quiet]', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.issueUrl('acme/shop#32'));
    await pickInSidebar(page, 'Labels', 'pay', 'payments');
    await pickInSidebar(page, 'Assignees', 'ach', 'achen');
    await page.locator('[data-testid="issue-assignees"] a[href="/achen"]').waitFor();
    await expectNoPrompt(page);
    expect((await exportBackup(ext)).prompts).toEqual([]);
    await page.close();
  });

  test('picking myself in the 2026 assignee picker of a report’s issue asks the take-over question; Yes records a take-over', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.issueUrl('acme/shop#31'));
    await page.getByRole('button', { name: 'Edit Assignees' }).click();
    const panel = page.locator('#__primerPortalRoot__').getByRole('dialog', {
      name: 'Select assignees',
    });
    const me = panel.getByRole('option', { name: /dana-lead/ });
    // Login and name side by side, no space between; the picker is outside the sidebar.
    await expect(me.textContent()).resolves.toBe('dana-leadDana Lead');
    await expect(
      page.locator('[data-testid="sidebar-assignees-section"] [role="option"]').count(),
    ).resolves.toBe(0);
    await me.click();
    const prompt = takeoverPromptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toMatch(/taking (this|it) over from Alice Chen/i);
    await expect(prompt.textContent()).resolves.toContain('acme/shop#31');
    await prompt.getByRole('button', { name: /^End of day/ }).click();
    await expect
      .poll(
        async () =>
          (await exportBackup(ext)).interventions.find(
            (i: any) => i.artifact.key === 'acme/shop#31',
          )?.kind,
      )
      .toBe('takeover');
    await page.close();
  });

  test('picking myself from the keyboard (filter, Enter on the active option) asks the take-over question too', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.issueUrl('acme/shop#36'));
    await page.getByRole('button', { name: 'Edit Assignees' }).click();
    const filter = page
      .locator('#__primerPortalRoot__')
      .getByRole('combobox', { name: 'Filter assignees' });
    await filter.pressSequentially('dana');
    await expect(filter.getAttribute('aria-activedescendant')).resolves.toBeTruthy();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="issue-assignees"] a[href="/dana-lead"]').waitFor();
    const prompt = takeoverPromptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toMatch(/taking (this|it) over from Alice Chen/i);
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await page.close();
  });

  test('editing a report’s issue title prompts and names it by its title while the heading is gone [github prompts]', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.issueUrl('acme/shop#33'));
    await expect(page.title()).resolves.toMatch(/ · GitHub$/);
    await page.getByRole('button', { name: 'Edit issue title' }).click();
    await page.locator('[data-testid="issue-header"] input[placeholder="Title"]').focus();
    await page.keyboard.type(' now');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain('“Wallet copy”');
    await expect(promptOn(page).textContent()).resolves.not.toContain('GitHub”');
    await page.close();
  });

  test('a report’s pull request with the React header: editing its title prompts, naming the report', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.pullUrl('acme/shop#40'));
    await expect(
      page
        .locator('[data-testid]')
        .filter({ has: page.locator('h1') })
        .count(),
    ).resolves.toBe(0);
    await editReactPullTitle(page, ' (v2)');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toMatch(
      /Alice Chen.*acme\/shop#40.*Wallet redesign/,
    );
    await page.close();
  });

  test('a merged pull request: the owner is its author (a report), not the merger in the header; my own merged by a report stays quiet', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.pullUrl('acme/shop#42'));
    await editReactPullTitle(page, ' done');
    await expectNoPrompt(page);
    await page.goto(gh.pullUrl('acme/shop#41'));
    await editReactPullTitle(page, ' (v2)');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain('Bob Okafor');
    await page.close();
    const keys = (await exportBackup(ext)).prompts.map((p: any) => p.artifact.key);
    expect(keys).not.toContain('acme/shop#42');
  });

  test('an issue assigned to Copilot’s coding agent and a report prompts for the report; the agent alone is nobody', async () => {
    const page = await ext.context.newPage();
    await page.goto(gh.issueUrl('acme/shop#34'));
    await page.locator('[data-testid="issue-assignees"] a[href^="/apps/"]').waitFor();
    await page.getByRole('button', { name: 'Edit issue title' }).click();
    await page.locator('[data-testid="issue-header"] input[placeholder="Title"]').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (retries)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toMatch(/Bob Okafor.*acme\/shop#34/);
    await expect(prompt.textContent()).resolves.not.toContain('Copilot');

    // Assigned to the agent alone: nobody's work. "On this page" offers no "Add Copilot as a report".
    await page.goto(gh.issueUrl('acme/shop#35'));
    await page.locator('[data-testid="issue-assignees"] a[href^="/apps/"]').waitFor();
    const worker = await ext.worker();
    const tabs = await worker.evaluate(() => chrome.tabs.query({ url: 'https://github.com/*' }));
    const tabId = tabs.find((t) => t.url === page.url())?.id;
    const popup = await ext.openPage(`popup.html?tab=${tabId}`);
    const region = popup.getByRole('region', { name: /on this page/i });
    await region.getByText('GitHub names no owner for this item.').waitFor();
    await expect(region.textContent()).resolves.not.toContain('Copilot');
    await popup.close();
    await page.close();
  });
});

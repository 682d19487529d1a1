/**
 * "On this page" in the popup: what Pullback reads on a tab and what an edit
 * there will do. A report's item asks; my own item and an unknown owner's do
 * nothing (and say why); an unknown owner is one click from the roster, with
 * every identity Jira gave as aliases, and the next edit asks; a tool that
 * names no owner offers a claim instead; a page whose owner cannot be read
 * marks the tab's icon and offers "Copy details" (no page text, no names).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/extension';
import { startLeadOnJira } from '../support/lead';
import type { FakeJira, JiraUser } from '../support/fake-jira';
import { serveFakeSites, type FakeSites } from '../support/fake-sites';
import { alice, dana } from '../support/roster';
import { editSummary, exportBackup, promptOn, typeAtEnd } from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

const erin: JiraUser = {
  displayName: 'Erin Park',
  emailAddress: 'erin@acme.test',
  accountId: '557058:e5',
};
const FIGMA_FILE = 'Fk9RoadmapBoardZzzzzz9';

describe('On this page', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;
  let sites: FakeSites;

  beforeAll(async () => {
    ({ ext, jira } = await startLeadOnJira({
      'PAY-301': { summary: 'Retry failed card payments', assignee: alice },
      'OPS-302': { summary: 'Quarterly on-call review', assignee: dana },
      'NEW-303': { summary: 'Onboarding checklist for contractors', assignee: erin },
    }));
    sites = await serveFakeSites(ext.context, {
      figma: { [FIGMA_FILE]: { name: 'Roadmap board' } },
    });
  });
  afterAll(async () => ext?.close());

  async function tabIdOf(page: Page): Promise<number> {
    const worker = await ext.worker();
    const tabs = await worker.evaluate(
      (pattern) => chrome.tabs.query({ url: pattern }),
      `${new URL(page.url()).origin}/*`,
    );
    const tab = tabs.find((t) => t.url === page.url());
    expect(tab?.id, `a tab showing ${page.url()}`).toBeTypeOf('number');
    return tab!.id!;
  }

  /** What a paste (Ctrl+V, as the lead would) puts into a scratch text box on `page`. */
  async function pasted(page: Page): Promise<string> {
    await page.evaluate(() => {
      const box = document.createElement('textarea');
      box.id = 'scratch-paste';
      document.body.append(box);
    });
    await page.locator('#scratch-paste').focus();
    await page.keyboard.press('Control+V');
    const text = await page.locator('#scratch-paste').inputValue();
    await page.evaluate(() => document.getElementById('scratch-paste')?.remove());
    return text;
  }

  /** The popup opened as a page for `page`'s tab, and its "On this page" region once it has read the page. */
  async function onThisPage(page: Page, expectText: string | RegExp) {
    const popup = await ext.openPage(`popup.html?tab=${await tabIdOf(page)}`);
    const region = popup.getByRole('region', { name: /on this page/i });
    await region.getByText(expectText).first().waitFor();
    return { popup, region };
  }

  test("a report's item: the owner as Jira names them, one of your reports, an edit asks", async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-301'));
    const { popup, region } = await onThisPage(
      page,
      'Owner in Jira: Alice Chen, one of your reports.',
    );
    const text = await region.textContent();
    expect(text).toContain('Jira');
    expect(text).toContain('PAY-301');
    expect(text).toContain('Retry failed card payments');
    expect(text).toContain('Alice Chen');
    expect(text).toMatch(/If you edit here: Pullback asks/);
    // Jira names the owner: no claim form, no "add" buttons.
    await expect(region.getByLabel('This belongs to').count()).resolves.toBe(0);
    await expect(
      region.getByRole('button', { name: /add .+ as (a )?report/i }).count(),
    ).resolves.toBe(0);

    // Asked and answered "Not now": quiet until the cooldown ends, and the popup says until when.
    await editSummary(page, ' (soon)');
    await promptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();
    await popup.reload();
    await region.getByText(/you were asked already: quiet until \d{1,2}:\d{2}/).waitFor();
    await popup.close();
    await page.close();
  });

  test('my own item: that is you, an edit does nothing because it is yours', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('OPS-302'));
    const { popup, region } = await onThisPage(page, 'Owner in Jira: Dana Lead, that is you.');
    const text = await region.textContent();
    expect(text).toContain('OPS-302');
    expect(text).toContain('Dana Lead');
    expect(text).toMatch(/nothing, because it is yours/);
    await popup.close();
    await page.close();
  });

  test('an unknown owner: not in your roster; "Add Erin Park as a report" saves every identity, and the next edit asks', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('NEW-303'));
    const editor = await editSummary(page, ' (v2)');
    await expectNoPrompt(page);

    const { popup, region } = await onThisPage(
      page,
      'Owner in Jira: Erin Park, not in your roster.',
    );
    const text = await region.textContent();
    expect(text).toContain('NEW-303');
    expect(text).toContain('Erin Park');
    expect(text).toMatch(/nothing, because the owner is not one of your reports/);
    await region.getByRole('button', { name: /this is me/i }).waitFor();
    await region.getByRole('button', { name: /add erin park as (a )?report/i }).click();
    await region
      .getByRole('status')
      .filter({ hasText: 'Added Erin Park as a report, with erin@acme.test, 557058:e5 as aliases' })
      .waitFor();
    await region.getByText('Owner in Jira: Erin Park, one of your reports.').waitFor();
    await expect(
      region.getByRole('button', { name: /add .+ as (a )?report/i }).count(),
    ).resolves.toBe(0);

    // The page had settled on "not a report"; the very next edit asks, naming Erin as the roster does.
    await typeAtEnd(page, editor, ' (v3)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Erin Park');
    await prompt.getByRole('button', { name: /^Not now/ }).click();

    const options = await ext.openPage('options.html');
    await expect
      .poll(() =>
        options
          .getByRole('textbox', { name: /^Name/ })
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      )
      .toContain('Erin Park');
    await expect(
      options
        .getByRole('textbox', { name: /aliases/i })
        .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).join('\n')),
    ).resolves.toMatch(/erin@acme\.test[\s\S]*557058:e5/);
    const backup = await exportBackup(ext);
    expect(backup.settings.reports).toContainEqual(
      expect.objectContaining({ name: 'Erin Park', aliases: ['erin@acme.test', '557058:e5'] }),
    );
    await options.close();
    await popup.close();
    await page.close();
  });

  test('a tool that names no owner (Figma): no owner, a claim form, and after claiming an edit asks', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.figmaUrl(FIGMA_FILE));
    const { popup, region } = await onThisPage(page, /Figma names no owner/);
    const text = await region.textContent();
    expect(text).toContain(FIGMA_FILE);
    expect(text).toContain('Roadmap board');
    expect(text).toMatch(/nothing, because no one owns it yet: say whose work it is below/);
    await expect(
      region.getByRole('button', { name: /add .+ as (a )?report/i }).count(),
    ).resolves.toBe(0);
    await region.getByLabel('This belongs to').selectOption({ label: 'Alice Chen' });
    await region.getByRole('button', { name: 'Assign' }).click();
    await region.getByRole('status').filter({ hasText: 'Assigned to Alice Chen' }).waitFor();
    await region.getByText(/you said this is Alice Chen’s work/).waitFor();
    await region.getByText(/If you edit here: Pullback asks/).waitFor();
    await popup.close();
    await page.close();
  });

  test('an owner that cannot be read: the tab gets a marker, the popup says what and copies details without names or page text', async () => {
    jira.setApiDown(true);
    const page = await ext.context.newPage();
    try {
      await page.goto(jira.url('GONE-7'));
      const tabId = await tabIdOf(page);
      const worker = await ext.worker();
      await expect(
        worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
      ).resolves.not.toBe('!');
      await editSummary(page, ' x');
      await expect
        .poll(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
        .toBe('!');
      await expect(
        worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId),
      ).resolves.toMatch(/could not read/);

      const { popup, region } = await onThisPage(page, /could not read who owns this item/);
      await expect(region.textContent()).resolves.toContain('GONE-7');
      await expect(region.textContent()).resolves.toMatch(
        /nothing, because Pullback cannot tell whose it is/,
      );
      await region.getByRole('button', { name: /copy details/i }).click();
      await region
        .getByRole('status')
        .filter({ hasText: /details copied/i })
        .waitFor();
      // What was copied is what the popup shows under "What the details say".
      const copied = await pasted(popup);
      await expect(region.locator('pre').textContent()).resolves.toBe(copied);
      expect(copied).toContain('Tool: Jira (jira)');
      expect(copied).toContain('Address shape: https://acme.atlassian.net/browse/:id');
      expect(copied).toContain('Not read: who owns this item');
      // The assignee field is there but names no one; the older markup's field is not.
      const [matched, missed] = copied.split('Selectors that did not match:');
      expect(matched).toContain('- owner: [data-testid="issue.views.field.user.assignee"]');
      expect(missed).toContain('- owner: #assignee-val');
      expect(copied).toMatch(/Pullback \d+\.\d+\.\d+; Chrome \d+/);
      // No ids, no titles, no names.
      for (const secret of ['GONE-7', 'Unknown issue', 'Dana', 'Alice', 'acme.test'])
        expect(copied).not.toContain(secret);

      // Navigating away clears the marker.
      await page.goto(jira.url('PAY-301'));
      await expect
        .poll(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
        .not.toBe('!');
      await popup.close();
    } finally {
      jira.setApiDown(false);
      await page.close();
    }
  });

  test('an owner that cannot be read can be claimed: “This belongs to …” from On this page, and the next edit there asks for that report', async () => {
    jira.setApiDown(true);
    const page = await ext.context.newPage();
    try {
      await page.goto(jira.url('GONE-8'));
      const summary = await editSummary(page, ' first');
      const { popup, region } = await onThisPage(page, /could not read who owns this item/);
      await region.getByText(/say whose work it is below/).waitFor();
      await region.getByLabel('This belongs to').selectOption({ label: 'Bob Okafor' });
      await region.getByRole('button', { name: 'Assign' }).click();
      await region.getByRole('status').filter({ hasText: 'Assigned to Bob Okafor' }).waitFor();
      await region
        .getByText(/could not read who owns this item; you said this is Bob Okafor’s work/)
        .waitFor();
      await region.getByText(/If you edit here: Pullback asks/).waitFor();
      await popup.close();

      await typeAtEnd(page, summary, ' and a second, longer edit');
      const prompt = promptOn(page);
      await prompt.waitFor();
      const text = await prompt.textContent();
      expect(text).toContain('Bob Okafor');
      expect(text).toContain('GONE-8');
      const backup = await exportBackup(ext);
      expect(backup.prompts.filter((p: any) => p.artifact.key === 'GONE-8')).toEqual([
        expect.objectContaining({ reportId: 'bob', tool: 'jira' }),
      ]);
    } finally {
      jira.setApiDown(false);
      await page.close();
    }
  });
});

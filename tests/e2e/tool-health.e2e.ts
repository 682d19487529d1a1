/**
 * The options page's tool controls: a switched-off tool never prompts, and an
 * adapter that cannot read a page stays quiet there and says so under
 * "Adapter health".
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { startLeadOnJira } from '../support/lead';
import type { FakeJira } from '../support/fake-jira';
import { alice } from '../support/roster';
import { editSummary, exportBackup, promptOn } from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

describe('tools on the options page', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;
  beforeAll(async () => {
    ({ ext, jira } = await startLeadOnJira({
      'OFF-1': { summary: 'Switch test', assignee: alice },
    }));
  });
  afterAll(async () => ext?.close());

  test('a switched-off tool never prompts; switched on again, it does', async () => {
    const options = await ext.openPage('options.html');
    await options.getByRole('checkbox', { name: 'Jira' }).uncheck();
    // Saved as made (no Save button): the page's saved state says so.
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const page = await ext.context.newPage();
    await page.goto(jira.url('OFF-1'));
    await editSummary(page, ' off');
    await expectNoPrompt(page);

    await options.getByRole('checkbox', { name: 'Jira' }).check();
    await expect.poll(async () => (await exportBackup(ext)).settings.disabledTools).toEqual([]);
    await page.reload();
    await editSummary(page, ' (on)');
    await promptOn(page).waitFor();
  });

  test('a page the adapter cannot read stays quiet and shows up under adapter health', async () => {
    jira.setApiDown(true);
    try {
      // An issue neither the API nor the page attributes: no owner to find.
      const page = await ext.context.newPage();
      await page.goto(jira.url('GONE-7'));
      await editSummary(page, ' (x)');
      await expectNoPrompt(page);
    } finally {
      jira.setApiDown(false);
    }
    const options = await ext.openPage('options.html');
    const health = options.locator('section[aria-labelledby="health-heading"]');
    await expect
      .poll(() => health.textContent())
      .toMatch(
        /Jira: the owner was not found on this page \(https:\/\/acme\.atlassian\.net\/browse\/:id, 1×/,
      );
  });
});

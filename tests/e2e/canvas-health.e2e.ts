/**
 * Google Docs draws its text on a canvas and the evidence for its editing
 * surfaces is thin: where the adapter cannot read something it relies on, it
 * says so under Adapter health instead of guessing silently. A document whose
 * toolbar's mode switcher the adapter does not know still prompts when a
 * report's (claimed) document is typed into, and the options page names what
 * could not be read, with no page text.
 *
 * Tool cases: gdocs prompts
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeSites, type FakeSites } from '../support/fake-sites';
import { rosterWith } from '../support/roster';
import { importBackupFile, promptOn } from '../support/steps';

const BUDGET = '1BudgetAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

describe('Google Docs: what the adapter could not read shows under Adapter health', () => {
  let ext: ExtensionBrowser;
  let sites: FakeSites;

  beforeAll(async () => {
    ext = await launchExtension();
    sites = await serveFakeSites(ext.context, {
      gdocs: { [BUDGET]: { title: 'Budget 2027', modeSwitcherRenamed: true } },
    });
    const claims = [
      {
        id: 'claim-budget',
        reportId: 'alice',
        urlPrefix: `https://docs.google.com/document/d/${BUDGET}/`,
        label: 'Budget 2027 (Google Docs)',
        createdAt: '2026-11-28T10:00:00.000Z',
      },
    ];
    const { page } = await importBackupFile(ext, rosterWith({}, { claims }));
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('the mode switcher is not readable: typing in a report’s document still prompts, and Adapter health says what was not read', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.docUrl(BUDGET));
    await page.locator('.kix-appview-editor').click();
    await page.keyboard.type(' Hire three.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain('Budget 2027');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await page.close();

    const options = await ext.openPage('options.html');
    const health = options.locator('section[aria-labelledby="health-heading"]');
    await expect
      .poll(() => health.textContent())
      .toMatch(/Google Docs: the editing mode \(Editing, Suggesting, Viewing\) could not be read/);
    await expect(health.textContent()).resolves.not.toContain('Hire three');
  });
});

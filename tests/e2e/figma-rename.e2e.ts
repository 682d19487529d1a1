/**
 * Figma's file name, as it is since the December 2025 release (docs/evidence/figma.md, The file
 * name): a button in the left panel that turns into an input when clicked; Enter renames. Renaming
 * a report's (claimed) file is an edit of it: the prompt asks, naming the file.
 *
 * Tool cases: figma prompts
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeSites, type FakeSites } from '../support/fake-sites';
import { rosterWith } from '../support/roster';
import { importBackupFile, promptOn } from '../support/steps';

const PRICING = 'Fk7PricingPageEeeeeee5';

describe('Figma: renaming a file', () => {
  let ext: ExtensionBrowser;
  let sites: FakeSites;

  beforeAll(async () => {
    ext = await launchExtension();
    sites = await serveFakeSites(ext.context, { figma: { [PRICING]: { name: 'Pricing page' } } });
    const claims = [
      {
        id: 'claim-pricing',
        reportId: 'bob',
        urlPrefix: `https://www.figma.com/design/${PRICING}/`,
        label: 'Pricing page (Figma)',
        createdAt: '2026-11-28T10:00:00.000Z',
      },
    ];
    const { page } = await importBackupFile(ext, rosterWith({}, { claims }));
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('renaming a report’s file from its name in the left panel prompts, naming the report and the file', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.figmaUrl(PRICING));
    await page.locator('#left-panel-container [data-testid="filename"]').click();
    const rename = page.locator('input#filename');
    await rename.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(' for 2027');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('Bob Okafor');
    expect(text).toContain('Pricing page');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await prompt.waitFor({ state: 'detached' });
    // The rename itself goes through: the page is Figma's, not Pullback's.
    await rename.press('Enter');
    await expect(
      page.locator('#left-panel-container [data-testid="filename"]').textContent(),
    ).resolves.toBe('Pricing page for 2027');
    await expect(page.title()).resolves.toBe('Pricing page for 2027 – Figma');
    await page.close();
  });
});

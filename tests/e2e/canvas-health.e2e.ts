/**
 * Google Docs draws its text on a canvas and the evidence for its editing
 * surfaces is thin: where the adapter cannot read something it relies on, it
 * says so under Adapter health instead of guessing silently. A document whose
 * toolbar's mode switcher the adapter does not know still prompts when a
 * report's (claimed) document is typed into, and the options page names what
 * could not be read, with no page text. Docs can re-create its text event
 * frame mid-edit, caret inside: typing there keeps prompting; a frame Pullback
 * cannot read is named under Adapter health.
 *
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeSites, type FakeSites } from '../support/fake-sites';
import { rosterWith } from '../support/roster';
import { importBackupFile, promptOn } from '../support/steps';

const BUDGET = '1BudgetAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const ROADMAP = '1RoadmapAbCdEfGhIjKlMnOpQrStUvWxYz012345678';
const SEALED = '1SealedAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

describe('Google Docs: what the adapter could not read shows under Adapter health', () => {
  let ext: ExtensionBrowser;
  let sites: FakeSites;

  beforeAll(async () => {
    ext = await launchExtension();
    sites = await serveFakeSites(ext.context, {
      gdocs: {
        [BUDGET]: { title: 'Budget 2027', modeSwitcherRenamed: true },
        [ROADMAP]: { title: 'Roadmap 2027' },
        [SEALED]: { title: 'Sealed plan', textFrameUnreadable: true },
      },
    });
    const claims = [BUDGET, ROADMAP, SEALED].map((id) => ({
      id: `claim-${id}`,
      reportId: 'alice',
      urlPrefix: `https://docs.google.com/document/d/${id}/`,
      label: `${id} (Google Docs)`,
      createdAt: '2026-11-28T10:00:00.000Z',
    }));
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

  test('Docs re-creates its text event frame mid-edit, caret inside: typing in the new frame still prompts [gdocs prompts]', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.docUrl(ROADMAP));
    // The caret goes into the text event frame (the top window loses focus once, here).
    await page.locator('.kix-appview-editor').click();
    await page.evaluate(() => (window as any).__fixtureDocs.recreateTextFrame());
    // Focus moved from the old frame to the new one; the top window never blurred again.
    await expect(page.locator('iframe.docs-texteventtarget-iframe').count()).resolves.toBe(1);
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe(
      'docs-texteventtarget-iframe',
    );
    await page.keyboard.type(' Ship the beta.');
    await expect(page.locator('.fixture-text').textContent()).resolves.toContain('Ship the beta.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Roadmap 2027');
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await page.close();
  });

  test('a text event frame Pullback cannot read: Adapter health says typing in the document cannot be seen', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.docUrl(SEALED));
    await page
      .locator('iframe.docs-texteventtarget-iframe[sandbox]')
      .waitFor({ state: 'attached' });
    const options = await ext.openPage('options.html');
    const health = options.locator('section[aria-labelledby="health-heading"]');
    await expect
      .poll(() => health.textContent())
      .toMatch(
        /Google Docs: the text event frame could not be read .*typing in the document cannot be seen/,
      );
    await options.close();
    await page.close();
  });
});

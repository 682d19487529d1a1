/**
 * Claims, for tools that name no owner (Figma, Notion, Google Docs): an
 * unclaimed file never prompts; the lead says "this belongs to…" from the
 * popup on the page, and the next edit there prompts for that report. A
 * claim covers everything under its prefix. Comments, Docs' suggestion mode
 * and the Figma comment composer are conversation. Single-page navigation
 * judges the next artifact by its own key. Claims show on the options page
 * and travel in the backup.
 *
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EDIT_THROTTLE_MS } from '../../utils/page/detector';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeSites, type FakeSites } from '../support/fake-sites';
import { rosterBackup } from '../support/roster';
import { exportBackup, importBackupFile, promptOn } from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

// Figma file keys (22 alphanumerics); a branch of CHECKOUT; Notion page ids; Google Docs ids.
const CHECKOUT = 'Fk1CheckoutFlowAaaaaa1';
const CHECKOUT_BRANCH = 'Br1CheckoutCopyBbbbbb2';
const DESIGN_SYSTEM = 'Fk2DesignSystemCccccc3';
const ONBOARDING = 'Fk3OnboardingDddddddd4';
const HIRING = '1a2b3c4d5e6f708192a3b4c5d6e7f801';
const HANDBOOK = '1a2b3c4d5e6f708192a3b4c5d6e7f802';
const TASKS = '1a2b3c4d5e6f708192a3b4c5d6e7f803';
const LOGIN_BUG = '1a2b3c4d5e6f708192a3b4c5d6e7f804';
const Q3_PLAN = '1Q3planAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const OFFSITE = '1OffsiteAbCdEfGhIjKlMnOpQrStUvWxYz012345678';

describe('Claims for tools that name no owner', () => {
  let ext: ExtensionBrowser;
  let sites: FakeSites;

  beforeAll(async () => {
    ext = await launchExtension();
    sites = await serveFakeSites(ext.context, {
      figma: {
        [CHECKOUT]: { name: 'Checkout flow' },
        [CHECKOUT_BRANCH]: { name: 'Checkout flow copy tweaks', branchOf: CHECKOUT },
        [DESIGN_SYSTEM]: { name: 'Design system' },
        [ONBOARDING]: { name: 'Onboarding screens' },
      },
      notion: {
        workspace: 'acme',
        pages: {
          [HIRING]: { title: 'Hiring plan' },
          [HANDBOOK]: { title: 'Team handbook' },
          [TASKS]: { title: 'Tasks', rows: [LOGIN_BUG] },
          [LOGIN_BUG]: { title: 'Fix login bug', createdBy: 'Alice Chen' },
        },
      },
      gdocs: {
        [Q3_PLAN]: { title: 'Q3 plan' },
        [OFFSITE]: { title: 'Offsite agenda' },
      },
    });
    const { page } = await importBackupFile(ext, rosterBackup);
    await page.close();
  });
  afterAll(async () => ext?.close());

  /**
   * "This belongs to…" from the popup, opened as a page for the tab showing
   * `page` (found through the service worker). Returns what the popup showed
   * about the page.
   */
  async function claimFromPopup(page: Page, reportName: string, prefix?: string): Promise<string> {
    const origin = new URL(page.url()).origin;
    const tabs = await (
      await ext.worker()
    ).evaluate((pattern) => chrome.tabs.query({ url: pattern }), `${origin}/*`);
    const tab = tabs.find((t) => t.url === page.url());
    expect(tab?.id, `a tab showing ${page.url()}`).toBeTypeOf('number');
    const popup = await ext.openPage(`popup.html?tab=${tab!.id}`);
    const section = popup.getByRole('region', { name: 'This page' });
    await section.waitFor();
    const shown = (await section.locator('p').first().textContent()) ?? '';
    await popup.getByLabel('This belongs to').selectOption({ label: reportName });
    if (prefix !== undefined) {
      await popup.getByLabel('everything under').check();
      await popup.getByLabel('Address prefix').fill(prefix);
    }
    await popup.getByRole('button', { name: 'Assign' }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: `Assigned to ${reportName}` })
      .waitFor();
    await popup.close();
    return shown;
  }

  /** The detector asks about one artifact at most once per throttle window: wait it out since the last edit. */
  async function afterThrottle(page: Page, since: number) {
    const left = since + EDIT_THROTTLE_MS + 250 - Date.now();
    if (left > 0) await page.waitForTimeout(left);
  }

  /** A few canvas keys that change the file (one alone is a touch, as one Backspace is). */
  async function figmaDelete(page: Page) {
    await page.locator('canvas').click({ position: { x: 200, y: 200 } });
    for (let i = 0; i < 4; i++) await page.keyboard.press('Delete');
  }

  async function figmaTypeInTextLayer(page: Page, text: string) {
    await page.locator('canvas').dblclick({ position: { x: 200, y: 200 } });
    await page.keyboard.type(text);
  }

  async function notionTypeInBlock(page: Page, text: string, scope = '.notion-frame') {
    await page.locator(`${scope} .notion-page-content [contenteditable="true"]`).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(text);
  }

  async function docsType(page: Page, text: string) {
    await page.locator('.kix-appview-editor').click();
    await page.keyboard.type(text);
  }

  async function docsMode(page: Page, mode: 'Editing' | 'Suggesting' | 'Viewing') {
    await page.locator('#docs-toolbar-mode-switcher').click();
    await page.getByRole('menuitem', { name: mode }).click();
  }

  async function dismiss(page: Page) {
    await promptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();
    await promptOn(page).waitFor({ state: 'detached' });
  }

  test('Figma: an unclaimed file never prompts; a claim from the popup makes the next edit prompt; comments never do [figma prompts] [figma quiet]', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.figmaUrl(CHECKOUT));
    await figmaDelete(page);
    await figmaTypeInTextLayer(page, ' today');
    const lastEdit = Date.now();
    await expect(page.locator('.fixture-layer-text').textContent()).resolves.toBe('Pay now today');
    await expectNoPrompt(page);

    const shown = await claimFromPopup(page, 'Alice Chen');
    expect(shown).toContain(CHECKOUT);
    expect(shown).toContain('Checkout flow');

    // The comment composer is conversation, claimed file or not (typed once the edit throttle would let it through).
    await afterThrottle(page, lastEdit);
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.keyboard.type('Could the button be darker?');
    await expectNoPrompt(page);

    // A canvas key that changes the file (a cancelled keydown, no input event) is an edit.
    await figmaDelete(page);
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain(CHECKOUT);
    await expect(prompt.textContent()).resolves.toContain('Checkout flow');
    await dismiss(page);
    await page.close();
  });

  test('Figma: a claim covers the files under its prefix; in-app navigation judges each file by its own key', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.figmaUrl(CHECKOUT));
    // A branch lives under its file's address: the file's claim covers it.
    await page.getByRole('link', { name: 'Checkout flow copy tweaks' }).click();
    await page.waitForURL(`**/branch/${CHECKOUT_BRANCH}/**`);
    await figmaTypeInTextLayer(page, ' now!');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain(CHECKOUT_BRANCH);

    // To an unclaimed file: the prompt does not follow, and edits there do not prompt.
    await page.getByRole('link', { name: 'Design system' }).click();
    await page.waitForURL(`**/design/${DESIGN_SYSTEM}/**`);
    await prompt.waitFor({ state: 'detached' });
    await figmaDelete(page);
    await expectNoPrompt(page);

    // Everything under https://www.figma.com/design/ is Bob's (the file's own claim, longer, stays Alice's).
    await claimFromPopup(page, 'Bob Okafor', 'https://www.figma.com/design/');
    await page.getByRole('link', { name: 'Onboarding screens' }).click();
    await page.waitForURL(`**/design/${ONBOARDING}/**`);
    await figmaDelete(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Bob Okafor');
    await expect(prompt.textContent()).resolves.toContain(ONBOARDING);
    await expect(prompt.textContent()).resolves.not.toContain(DESIGN_SYSTEM);
    await dismiss(page);
    await page.close();
  });

  test('Notion: a claimed page prompts and its discussion does not; a peek is its own page; navigation to an unclaimed page stays quiet [notion prompts] [notion quiet]', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.notionUrl(HIRING));
    const shown = await claimFromPopup(page, 'Bob Okafor');
    expect(shown).toContain(HIRING);

    await page.getByRole('textbox', { name: 'Add a comment…' }).click();
    await page.keyboard.type('Shall we add a referral bonus?');
    await expectNoPrompt(page);

    await notionTypeInBlock(page, ' Two more engineers.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Bob Okafor');
    await expect(prompt.textContent()).resolves.toContain(HIRING);
    await expect(prompt.textContent()).resolves.toContain('Hiring plan');
    await dismiss(page);

    await page.getByRole('link', { name: 'Team handbook' }).click();
    await page.waitForURL(`**/Team-handbook-${HANDBOOK}`);
    await notionTypeInBlock(page, ' Updated.');
    await expectNoPrompt(page);

    // A database entry in a side peek: its own key, and its "Created by" names the owner without a claim.
    await page.getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Fix login bug' }).click();
    await page.waitForURL((url) => url.searchParams.get('p') === LOGIN_BUG);
    await notionTypeInBlock(page, ' Repro attached.', '.notion-peek-renderer');
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain(LOGIN_BUG);
    await expect(prompt.textContent()).resolves.toContain('Fix login bug');
    await dismiss(page);
    await page.close();
  });

  test('Google Docs: a claimed document prompts when typing in it, not in suggestion mode, not in a comment [gdocs prompts] [gdocs quiet]', async () => {
    const page = await ext.context.newPage();
    await page.goto(sites.docUrl(Q3_PLAN));
    await claimFromPopup(page, 'Alice Chen');

    await docsMode(page, 'Suggesting');
    await docsType(page, ' Maybe: hire two.');
    await expect(page.locator('.fixture-text').textContent()).resolves.toContain(
      'Maybe: hire two.',
    );
    await expectNoPrompt(page);

    await docsMode(page, 'Editing');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.keyboard.type('Is two enough?');
    await expectNoPrompt(page);

    // Keystrokes land in the hidden text event frame, as in Docs.
    await docsType(page, ' Hire three.');
    await expect(page.locator('.fixture-text').textContent()).resolves.toContain('Hire three.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain(Q3_PLAN);
    await expect(prompt.textContent()).resolves.toContain('Q3 plan');

    await page.getByRole('link', { name: 'Offsite agenda' }).click();
    await page.waitForURL(`**/d/${OFFSITE}/edit`);
    await prompt.waitFor({ state: 'detached' });
    await docsType(page, ' Lunch at noon.');
    await expectNoPrompt(page);
    await page.close();
  });

  test('claims are listed on the options page and exported in the backup, with the prompts they led to', async () => {
    const options = await ext.openPage('options.html');
    const first = options.getByRole('group', { name: /^Assigned page 1: / });
    await first.waitFor();
    await expect(first.getAttribute('aria-label')).resolves.toBe(
      'Assigned page 1: Checkout flow (Figma)',
    );
    await expect(first.getByLabel('Address prefix').inputValue()).resolves.toBe(
      `https://www.figma.com/design/${CHECKOUT}/`,
    );
    await expect(
      options.getByRole('group', { name: /^Assigned page \d+: / }).count(),
    ).resolves.toBe(4);
    await options.close();

    const backup = await exportBackup(ext);
    expect(backup.settings.claims).toEqual([
      expect.objectContaining({
        urlPrefix: `https://www.figma.com/design/${CHECKOUT}/`,
        reportId: 'alice',
        label: 'Checkout flow (Figma)',
      }),
      expect.objectContaining({ urlPrefix: 'https://www.figma.com/design/', reportId: 'bob' }),
      expect.objectContaining({
        urlPrefix: `https://app.notion.com/p/${HIRING}`,
        reportId: 'bob',
        label: 'Hiring plan (Notion)',
      }),
      expect.objectContaining({
        urlPrefix: `https://docs.google.com/document/d/${Q3_PLAN}/`,
        reportId: 'alice',
        label: 'Q3 plan (Google Docs)',
      }),
    ]);
    const prompts = backup.prompts.map((p: any) => [p.tool, p.artifact.key, p.reportId]).sort();
    expect(prompts).toEqual(
      [
        ['figma', CHECKOUT, 'alice'],
        ['figma', CHECKOUT_BRANCH, 'alice'],
        ['figma', ONBOARDING, 'bob'],
        ['notion', HIRING, 'bob'],
        ['notion', LOGIN_BUG, 'alice'],
        ['gdocs', Q3_PLAN, 'alice'],
      ].sort(),
    );
  });
});

/**
 * A site the lead adds: nothing runs there before; once added (and the
 * origin granted), edits in the regions the lead named prompt for the
 * report a claim names; conversation never does; removing the site stops it.
 *
 * Playwright cannot click the browser's permission dialog, so this test runs
 * a copy of the build whose manifest already holds the test origin (as if the
 * lead had granted it): permissions.request then answers "granted" at once,
 * and everything after it is the real code path.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_DIR, launchExtension, type ExtensionBrowser } from '../support/extension';
import { rosterBackup } from '../support/roster';
import { exportBackup, importBackupFile, promptOn, settle } from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

const ORIGIN = 'https://intranet.acme.test';
const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body>
  <h1>${title}</h1>
  <div class="doc-body" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Document body">Our release checklist.</div>
  <aside class="comments"><div class="doc-body comment" contenteditable="true" role="textbox" aria-label="Comment"></div></aside>
  <input type="search" aria-label="Search the wiki">
</body></html>`;

describe('a site the lead adds', () => {
  let ext: ExtensionBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pullback-granted-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    manifest.host_permissions.push(`${ORIGIN}/*`);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    ext = await launchExtension({ extensionDir: dir });
    await ext.context.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      return route.fulfill({
        contentType: 'text/html',
        body: page(url.pathname.includes('release') ? 'Release checklist' : 'Team handbook'),
      });
    });
    await importBackupFile(ext, rosterBackup);
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const typeInBody = async (p: Page, text: string) => {
    await p.getByRole('textbox', { name: 'Document body' }).click();
    await p.keyboard.type(text);
  };

  test('before it is added nothing runs there; after, a claimed page prompts, comments and other fields do not', async () => {
    const wiki = await ext.context.newPage();
    await wiki.goto(`${ORIGIN}/wiki/release`);
    await typeInBody(wiki, ' first');
    await settle(wiki);
    await expect(wiki.locator('pullback-prompt').count()).resolves.toBe(0);

    const options = await ext.openPage('options.html');
    const form = options.getByRole('form', { name: 'Add a site' });
    await form.getByLabel('Site address').fill(`${ORIGIN}/wiki/release`);
    await form.getByLabel('Name').fill('Team wiki');
    // Which parts count is advanced: folded away until asked for.
    await expect(form.getByLabel(/where on its pages typing counts/i).isVisible()).resolves.toBe(
      false,
    );
    await form.getByText(/^Advanced/).click();
    await form.getByLabel(/where on its pages typing counts/i).fill('.doc-body');
    await form.getByLabel(/conversation inside them/i).fill('.comments');
    await form.getByRole('button', { name: 'Add site' }).click();
    await options.getByRole('status').filter({ hasText: 'Added Team wiki' }).waitFor();
    await options.getByRole('group', { name: 'Site Team wiki' }).waitFor();

    // The page is the lead's to attribute: claim everything under /wiki/ for Alice from the popup.
    await wiki.reload();
    const worker = await ext.worker();
    await expect
      .poll(() =>
        worker.evaluate(() =>
          chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.matches)),
        ),
      )
      .toEqual([[`${ORIGIN}/*`]]);
    const [tab] = await worker.evaluate(
      (origin) => chrome.tabs.query({ url: `${origin}/*` }),
      ORIGIN,
    );
    const popup = await ext.openPage(`popup.html?tab=${tab!.id}`);
    const claim = popup
      .getByRole('region', { name: 'This page' })
      .or(popup.locator('section[aria-labelledby="claim-heading"]'));
    await claim.getByText('Team wiki').first().waitFor();
    await claim.getByRole('combobox').selectOption({ label: 'Alice Chen' });
    await claim.getByRole('radio', { name: /everything under/i }).check();
    await claim.getByRole('textbox', { name: 'Address prefix' }).fill(`${ORIGIN}/wiki/`);
    await claim.getByRole('button', { name: 'Assign' }).click();
    await popup.getByRole('status').filter({ hasText: 'Assigned to Alice Chen' }).waitFor();

    await wiki.getByRole('textbox', { name: 'Comment' }).click();
    await wiki.keyboard.type('looks good');
    await wiki.getByRole('searchbox', { name: 'Search the wiki' }).fill('checklist');
    await expectNoPrompt(wiki);

    await typeInBody(wiki, ' second');
    const prompt = promptOn(wiki);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain('intranet.acme.test/wiki/release');
    const backup = await exportBackup(ext);
    expect(backup.settings.customSites).toEqual([
      {
        origin: ORIGIN,
        label: 'Team wiki',
        editableSelector: '.doc-body',
        conversationSelector: '.comments',
      },
    ]);
    expect(backup.prompts).toEqual([
      expect.objectContaining({
        tool: 'custom',
        reportId: 'alice',
        artifact: expect.objectContaining({ key: 'intranet.acme.test/wiki/release' }),
      }),
    ]);
  });

  test('a bad address or selector is explained and adds nothing; removing the site stops Pullback there', async () => {
    const options = await ext.openPage('options.html');
    const form = options.getByRole('form', { name: 'Add a site' });
    await form.getByLabel('Site address').fill('ftp://files.acme.test');
    await form.getByRole('button', { name: 'Add site' }).click();
    await expect(options.getByRole('alert').textContent()).resolves.toMatch(
      /enter the site’s address.*nothing was added/i,
    );
    await form.getByLabel('Site address').fill(`${ORIGIN}`);
    await form.getByText(/^Advanced/).click();
    await form.getByLabel(/where on its pages typing counts/i).fill('div[');
    await form.getByRole('button', { name: 'Add site' }).click();
    await expect
      .poll(() => options.getByRole('alert').textContent())
      .toMatch(/not a CSS selector.*nothing was added/i);

    await options
      .getByRole('group', { name: 'Site Team wiki' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await options.getByRole('status').filter({ hasText: 'Removed Team wiki' }).waitFor();
    const worker = await ext.worker();
    await expect
      .poll(() => worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()))
      .toEqual([]);
    const wiki = await ext.context.newPage();
    await wiki.goto(`${ORIGIN}/wiki/other`);
    await typeInBody(wiki, ' third');
    await settle(wiki);
    await expect(wiki.locator('pullback-prompt').count()).resolves.toBe(0);
  });
});

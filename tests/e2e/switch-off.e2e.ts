/**
 * No page can switch Pullback off, and no page learns on load that it is
 * installed. WXT's content-script context announced every start to the page
 * (a window message and a document event naming the extension's id) and
 * stopped the script when it heard another start: a page could replay it.
 * A real reload of the extension still retires the old script; the next
 * page load runs the new one.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { startLeadOnJira } from '../support/lead';
import type { FakeJira } from '../support/fake-jira';
import { alice } from '../support/roster';
import { openDescriptionEditor, promptOn, typeInDescription } from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

/** The description's read view: the ticket has loaded (the editor opens when the lead clicks it). */
const DESCRIPTION = '[data-testid="issue.views.field.rich-text.description"]';

/** Everything the page's own script could hear of Pullback from the first moment: window messages. */
const LISTEN_FROM_THE_START = `
  window.__heard = [];
  window.addEventListener('message', (e) => window.__heard.push(JSON.stringify(e.data)));
`;

const issues = {
  'KEY-1': { summary: 'Onboarding copy', assignee: alice },
  'KEY-2': { summary: 'Empty state', assignee: alice },
  'KEY-3': { summary: 'Pricing table', assignee: alice },
};

// One browser for both groups (a start costs seconds of CPU here): the reload test comes last, as
// it retires the extension in this browser and then starts another on the same profile.
let ext: ExtensionBrowser;
let jira: FakeJira;
beforeAll(async () => {
  ({ ext, jira } = await startLeadOnJira(issues));
  await ext.context.addInitScript(LISTEN_FROM_THE_START);
});
afterAll(async () => {
  await ext?.close();
  if (ext) rmSync(ext.userDataDir, { recursive: true, force: true });
});

describe('no page can switch Pullback off', () => {
  test('the page hears nothing of Pullback on load; replaying WXT’s start and location signals does not stop it', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-1'));
    // The content script has started (it runs at document idle; the owner lookup on focus proves it).
    await (await openDescriptionEditor(page)).click();
    await expect
      .poll(() => jira.restCalls.some((c) => c.startsWith('/rest/api/3/issue/KEY-1')))
      .toBe(true);
    const heard = (await page.evaluate('window.__heard')) as string[];
    expect(heard.filter((m) => m.includes(ext.extensionId) || /wxt|pullback/i.test(m))).toEqual([]);

    // A page that knows Pullback's id replays every signal WXT's context listens for.
    await page.evaluate((id) => {
      for (const name of ['atlassian', 'content']) {
        const type = `${id}:${name}:wxt:content-script-started`;
        const detail = { contentScriptName: name, messageId: 'replayed' };
        window.postMessage({ type, ...detail }, '*');
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.dispatchEvent(new Event(`${id}:${name}:wxt:locationchange`));
      }
    }, ext.extensionId);

    await typeInDescription(page, ' real edit');
    await promptOn(page).waitFor();
    await page.close();
  });
});

describe('a real reload of the extension retires the old script', () => {
  test('the old script goes quiet (no lookups, no prompt, no errors); the next start runs the new one', async () => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(jira.url('KEY-2'));
    await page.locator(DESCRIPTION).waitFor();

    // Reloading an extension loaded from the command line unloads it (Chromium brings it back at
    // the next start): the script in this page belongs to an extension that is gone.
    const old = await ext.worker();
    const gone = new Promise((resolve) => old.once('close', resolve));
    await old.evaluate('chrome.runtime.reload()').catch(() => {}); // The worker goes away while answering.
    await gone;

    const lookupsBefore = jira.restCalls.length;
    await typeInDescription(page, ' after the reload');
    await expectNoPrompt(page, 'the retired script');
    expect(jira.restCalls.slice(lookupsBefore)).toEqual([]); // It did not even look the owner up.
    expect(errors.filter((e) => /extension|pullback|context invalidated/i.test(e))).toEqual([]);

    // The extension's next start runs the new script on the same profile.
    await ext.close({ keepProfile: true });
    const second = await startLeadOnJira(issues, { userDataDir: ext.userDataDir });
    ext = second.ext;
    const again = await ext.context.newPage();
    await again.goto(second.jira.url('KEY-2'));
    await typeInDescription(again, ' new script');
    await promptOn(again).waitFor();
  }, 150_000); // A browser start and a roster import within the test.
});

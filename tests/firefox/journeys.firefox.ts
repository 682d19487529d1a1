/**
 * The lead's journeys in Firefox ESR with the Firefox build, one browser for
 * all of them (each Firefox launch costs seconds on this machine): the roster
 * imported on the options page; a report's Jira ticket edited, answered Yes,
 * listed in the popup, pulled back and exported; a claim on a claim-only tool;
 * a bad backup refused; a site the lead adds, granted by a real click; the
 * weekly summary; a take-over's own card. Same fixtures and fake tool servers as the Chromium suite.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { axeViolations } from '../support/axe';
import { eightWeeksBackup } from '../support/eight-weeks';
import { serveFakeJira, type FakeJira } from '../support/fake-jira';
import { serveFakeSites, type FakeSites } from '../support/fake-sites';
import { launchFirefox, type FirefoxExtension } from '../support/firefox';
import {
  axeOnPages,
  byText,
  claimFromPopup,
  clickButton,
  editSummary,
  exportBackup,
  field,
  fill,
  importBackupFile,
  inExtension,
  promptFrame,
  statusText,
  textOf,
  typeAtEnd,
  waitForPrompt,
} from '../support/firefox-steps';
import { alice, bob, dana, rosterBackup } from '../support/roster';

const HIRING = '1a2b3c4d5e6f708192a3b4c5d6e7f801';
const WIKI = 'https://intranet.acme.test';
const wikiPage = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body>
  <h1>${title}</h1>
  <div class="doc-body" contenteditable="true" role="textbox" aria-label="Document body">Our release checklist.</div>
</body></html>`;

describe('Firefox: the lead’s journeys', () => {
  let ff: FirefoxExtension;
  let jira: FakeJira;
  let sites: FakeSites;

  beforeAll(async () => {
    ff = await launchFirefox({ timezoneId: 'UTC' });
    jira = await serveFakeJira(ff.routes, {
      myself: dana,
      issues: {
        'PAY-142': { summary: 'Checkout button copy', assignee: alice },
        'PAY-143': { summary: 'Refund flow', assignee: bob },
        'PAY-144': { summary: 'Refund copy', assignee: bob },
        'PAY-145': { summary: 'Payout schedule', assignee: bob },
      },
    });
    sites = await serveFakeSites(ff.routes, {
      notion: { workspace: 'acme', pages: { [HIRING]: { title: 'Hiring plan' } } },
    });
    await ff.routes.route(`${WIKI}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: wikiPage('Release checklist') }),
    );
  });
  afterAll(async () => ff?.close());

  test('the roster is imported through the options page and shown there', async () => {
    const { page, status } = await importBackupFile(ff, rosterBackup, 'team.json');
    expect(status).toMatch(/imported team\.json/i);
    const name = await field(
      (await page.waitForSelector('[role="group"][aria-label="Report 1"]'))!,
      'Name',
    );
    await expect(name.evaluate((el) => el.value)).resolves.toBe('Alice Chen');
    await page.close();
  });

  test('editing a report’s Jira ticket prompts; Yes starts an intervention the popup lists; Pull back ends it; the export holds it', async () => {
    const page = await ff.newPage(jira.url('PAY-142'));
    await editSummary(page, ' now');
    const prompt = await waitForPrompt(page);
    await expect(textOf(prompt)).resolves.toContain('Alice Chen');
    await expect(textOf(prompt)).resolves.toContain('PAY-142');
    // In Pullback's own frame: the page's script, walking the DOM and every open shadow root, reads none of it.
    const readable = await page.evaluate(() => {
      const parts: string[] = [];
      const roots: Array<Document | ShadowRoot> = [document];
      for (let i = 0; i < roots.length; i++)
        for (const el of roots[i]!.querySelectorAll('*')) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          parts.push(el.textContent ?? '', ...[...el.attributes].map((a) => a.value));
        }
      return parts.join('\n');
    });
    expect(readable).not.toContain('deliberate, temporary intervention');
    expect(readable).not.toContain('Pullback question');
    // The prompt as Firefox draws it, in Pullback's own frame on the tool's page: axe finds nothing.
    await expect(axeViolations(await promptFrame(page))).resolves.toEqual([]);
    await clickButton(prompt, /^Yes/);
    await byText(prompt, '*', /intervention started/i);

    const popup = await ff.openPage('popup.html');
    const item = await byText(popup, 'li', /PAY-142/);
    await expect(textOf(item)).resolves.toContain('Alice Chen');
    await clickButton(item, /^Pull back$/);
    await byText(
      popup,
      'tr',
      /Pulled back from PAY-142 \(Alice Chen\) after \d+ s, hands-on \d+ s, on time/,
    );
    await expect(
      popup.$$eval(
        'li',
        (items) => items.filter((li) => li.textContent?.includes('PAY-142')).length,
      ),
    ).resolves.toBe(0);

    const backup = await exportBackup(ff);
    const [record] = backup.interventions;
    expect(record).toMatchObject({
      tool: 'jira',
      reportId: 'alice',
      status: 'ended',
      artifact: { key: 'PAY-142' },
    });
    expect(Date.parse(record.endedAt)).toBeGreaterThanOrEqual(Date.parse(record.startedAt));
    expect(backup.prompts).toEqual([
      expect.objectContaining({ answer: 'deliberate', interventionId: record.id }),
    ]);
    await popup.close();
    await page.close();
  });

  test('a claim on a claim-only tool (Notion) from the popup, then an edit there prompts for that report', async () => {
    const page = await ff.newPage(sites.notionUrl(HIRING));
    const shown = await claimFromPopup(ff, page, 'Bob Okafor');
    expect(shown).toContain('Hiring plan');
    await typeAtEnd(
      page,
      '.notion-frame .notion-page-content [contenteditable="true"]',
      ' Two more engineers.',
    );
    const prompt = await waitForPrompt(page);
    await expect(textOf(prompt)).resolves.toContain('Bob Okafor');
    await expect(textOf(prompt)).resolves.toContain('Hiring plan');
    await clickButton(prompt, /^Not now/);
    await page.close();
  });

  test('a bad backup is refused with a clear alert, and nothing is written', async () => {
    const before = await exportBackup(ff);
    const bad = {
      ...rosterBackup,
      settings: { ...rosterBackup.settings, reports: [{ id: 'x', name: ' ', aliases: [] }] },
    };
    const { page, status } = await importBackupFile(ff, bad, 'no-name.json');
    expect(status).toMatch(/reports\.0\.name/);
    expect(status).toMatch(/nothing was imported/i);
    await page.close();
    const after = await exportBackup(ff);
    expect({ ...after, exportedAt: null }).toEqual({ ...before, exportedAt: null });
  });

  test('a site the lead adds gets its permission from a real click, and then edits there prompt', async () => {
    const granted = () =>
      inExtension(
        ff,
        (origin) => (globalThis as any).browser.permissions.contains({ origins: [`${origin}/*`] }),
        WIKI,
      );
    await expect(granted()).resolves.toBe(false);

    const options = await ff.openPage('options.html');
    const form = (await options.waitForSelector('form[aria-label="Add a site"]'))!;
    await fill(await field(form, 'Site address'), `${WIKI}/wiki/release`);
    await fill(await field(form, /^Name/), 'Team wiki');
    await (await byText(form, 'summary', /^Advanced/)).click(); // which parts count: folded away
    await fill(await field(form, /where on its pages typing counts/i), '.doc-body');
    await clickButton(form, /^Add site$/); // a real click: Firefox lets permissions.request through only then
    await statusText(options, 'Added Team wiki');
    await expect(granted()).resolves.toBe(true);
    await options.close();
    // The background registers the content script for the granted origin (as in the Chromium suite).
    const registered = () =>
      inExtension(
        ff,
        () =>
          (globalThis as any).browser.scripting
            .getRegisteredContentScripts()
            .then((s: Array<{ matches: string[] }>) => s.map((x) => x.matches)),
        '',
      );
    await vi.waitFor(async () => expect(await registered()).toEqual([[`${WIKI}/*`]]), {
      timeout: 60_000,
      interval: 250,
    });

    const wiki = await ff.newPage(`${WIKI}/wiki/release`);
    await claimFromPopup(ff, wiki, 'Alice Chen', `${WIKI}/wiki/`);
    await typeAtEnd(wiki, '.doc-body', ' second');
    const prompt = await waitForPrompt(wiki);
    await expect(textOf(prompt)).resolves.toContain('Alice Chen');
    await expect(textOf(prompt)).resolves.toContain('intranet.acme.test/wiki/release');
    await wiki.close();
  }, 300_000); // the options page, the popup and the site: several pages on a loaded machine

  test('access to Jira withdrawn in the browser: the popup names the tools it lost, a click allows them again, and edits prompt again', async () => {
    const JIRA_SITES = 'https://*.atlassian.net/*';
    const held = () =>
      inExtension(
        ff,
        (o) => (globalThis as any).browser.permissions.contains({ origins: [o] }),
        JIRA_SITES,
      );
    // What the add-on's Permissions tab in about:addons does when the lead switches a site off.
    await inExtension(
      ff,
      (o) => (globalThis as any).browser.permissions.remove({ origins: [o] }),
      JIRA_SITES,
    );
    await expect(held()).resolves.toBe(false);

    const popup = await ff.openPage('popup.html');
    const notice = await byText(popup, 'section', /cannot see some of your tools/i);
    await expect(textOf(notice)).resolves.toMatch(/Jira and Confluence/);
    await expect(textOf(notice)).resolves.not.toMatch(/GitHub|Notion/);
    await clickButton(notice, /^Allow on Jira and Confluence again$/); // a real click, as permissions.request needs
    await vi.waitFor(async () => expect(await popup.$('section.access-notice')).toBeNull(), {
      timeout: 60_000,
      interval: 200,
    });
    await expect(held()).resolves.toBe(true);
    await popup.close();

    const page = await ff.newPage(jira.url('PAY-143'));
    await editSummary(page, ' again');
    const prompt = await waitForPrompt(page);
    await expect(textOf(prompt)).resolves.toContain('Bob Okafor');
    await clickButton(prompt, /^Not now/);
    await page.close();
  }, 300_000);

  // Last: importing the eight weeks replaces the roster the journeys above use. The week shown is
  // 2026-W47, which the journeys above (this week) add nothing to.
  test('the weekly summary shows the week', async () => {
    const { page: options, status } = await importBackupFile(
      ff,
      eightWeeksBackup,
      'eight-weeks.json',
    );
    expect(status).toMatch(/imported/i);
    await options.close();
    const page = await ff.openPage('summary.html#2026-W47');
    const figure = async (name: string) =>
      textOf((await page.waitForSelector(`[data-figure="${name}"]`))!);
    await expect(figure('started')).resolves.toBe('1');
    await expect(figure('hands-on')).resolves.toBe('10 min');
    await expect(figure('pull-back')).resolves.toBe('100% (1 of 1)');
    await expect(textOf((await page.$('table.reports tr[data-report="alice"]'))!)).resolves.toMatch(
      /Alice Chen1.*10 min/,
    );
    await page.close();
  });

  // Firefox draws form controls, focus rings and fonts its own way: axe runs on the extension's
  // pages here too, with the eight weeks loaded (light scheme; dark.firefox.ts checks dark).
  test('axe finds nothing on the popup, options, welcome, weekly summary and 1:1 pages in Firefox', async () => {
    await expect(axeOnPages(ff)).resolves.toEqual([]);
  });
  test('a typo fix on a report’s ticket is a touch: never asked, counted; a sentence is asked about', async () => {
    const page = await ff.newPage(jira.url('PAY-144'));
    await editSummary(page, 'ab');
    await page.mouse.click(5, 5); // The lead leaves the field.
    await vi.waitFor(
      async () =>
        expect((await exportBackup(ff)).touches).toEqual([
          expect.objectContaining({ reportId: 'bob', count: 1 }),
        ]),
      { timeout: 15_000, interval: 500 },
    );
    // Every prompt shown is logged: none was, for the touch.
    const { prompts } = await exportBackup(ff);
    expect(
      prompts.filter((p: { artifact: { key: string } }) => p.artifact.key === 'PAY-144'),
    ).toEqual([]);
    await editSummary(page, ' (v2)');
    await waitForPrompt(page);
    await page.close();
  });

  test('“Assign to me” on a report’s ticket shows the take-over card, named for it, with its own choices; until it is done, the popup says so and tags it', async () => {
    const page = await ff.newPage(jira.url('PAY-145'));
    await (await byText(page, '[role="button"]', /^Assign to me$/)).click();
    const card = await waitForPrompt(page, /taking (this|it) over from Bob Okafor/i);
    await expect(textOf(card)).resolves.toContain('PAY-145');
    await expect(textOf(card)).resolves.toMatch(/End of day \(/);
    await expect(textOf(card)).resolves.not.toMatch(/15 min|hand it back/);
    await expect(axeViolations(await promptFrame(page))).resolves.toEqual([]);
    await clickButton(card, /^Until it is done$/);
    await byText(card, 'p', /is yours until it is done/);

    const popup = await ff.openPage('popup.html');
    const item = await byText(popup, 'li', /PAY-145/);
    await expect(textOf(item)).resolves.toMatch(/Take-over[\s\S]*until done/);
    await clickButton(item, /^Pull back$/);
    await popup.close();
    const backup = await exportBackup(ff);
    expect(backup.interventions.find((r: any) => r.artifact.key === 'PAY-145')).toMatchObject({
      kind: 'takeover',
      plannedUntil: 'done',
    });
    await page.close();
  });
});

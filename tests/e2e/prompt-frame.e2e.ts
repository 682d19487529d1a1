/**
 * The prompt out of the page's reach: it lives in Pullback's own page, in a frame on the tool's
 * page, so the tool's own scripts (or an extension of theirs, a session recorder, an XSS) can
 * neither read what the lead sees and types nor change what their clicks answer. Where the page
 * keeps the frame from showing, the question waits in the toolbar instead.
 *
 * page.evaluate runs in the page's main world: exactly where a host page's own script runs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { serveFakeJira, type FakeJira } from '../support/fake-jira';
import { startLeadOnJira } from '../support/lead';
import { alice, bob, dana, overdueRecord, rosterBackup } from '../support/roster';
import {
  editSummary,
  exportBackup,
  importBackupFile,
  inPromptFrame,
  promptFrame,
  promptOn,
  typeInDescription,
} from '../support/steps';
import { pasted } from '../support/assertions';

/** Words only the lead knows: typed on Yes, kept on an intervention, written into the hand-back note. */
const LEADS_WORDS = 'RACI first, then the PIP talk';
const PRIVATE_INTENT = 'PAY-991 PIP next month';
const NOTE_ADDITION = 'Ping me before the Friday demo';
/** The lead's own sign-off, remembered from the weekly notes. */
const CLOSING_LINE = 'Thanks, Dana';
/** What only Pullback's prompt says: none of it may be readable by the page. */
const PROMPT_TEXT = [
  'deliberate, temporary intervention',
  'Intervention started',
  'Time to pull back',
  'Closing questions',
  'Who owns this detail',
  'Hand-back note',
  'Pullback question is waiting',
  'Not now',
];

/**
 * What a page's script can read: every text, attribute and field value in the DOM and in every
 * open shadow root, and every frame document the browser lets it open.
 */
const pageReads = (page: Page) =>
  page.evaluate(() => {
    const parts: string[] = [document.title];
    const roots: Array<Document | ShadowRoot> = [document];
    for (let i = 0; i < roots.length; i++) {
      const walker = document.createTreeWalker(roots[i]!, NodeFilter.SHOW_ALL);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType !== Node.ELEMENT_NODE) {
          parts.push(node.nodeValue ?? '');
          continue;
        }
        const el = node as Element;
        for (const attr of el.attributes) parts.push(attr.value);
        if ('value' in el) parts.push(String((el as HTMLInputElement).value));
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if (el instanceof HTMLIFrameElement) {
          try {
            const doc = el.contentDocument ?? el.contentWindow?.document;
            if (doc) roots.push(doc);
          } catch {
            // Another origin's document: the browser refuses.
          }
        }
      }
    }
    return parts.join('\n');
  });

const occurrences = (text: string, of: string) => text.split(of).length - 1;

/** What the page can read holds none of the prompt, no more of the report's name than the page itself shows, none of the lead's words. */
function expectNothingOfPullback(read: string, name: string, namesOnThePage: number) {
  for (const phrase of [...PROMPT_TEXT, LEADS_WORDS, PRIVATE_INTENT, NOTE_ADDITION, 'PIP'])
    expect(read, `the page can read “${phrase}”`).not.toContain(phrase);
  expect(occurrences(read, name), `more “${name}” than the page itself shows`).toBe(namesOnThePage);
}

describe('the prompt, out of the page’s reach', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;

  beforeAll(async () => {
    ({ ext, jira } = await startLeadOnJira({
      'KEY-1': { summary: 'Onboarding copy', assignee: alice },
      'KEY-2': { summary: 'Checkout copy', assignee: alice },
      'KEY-3': { summary: 'Empty state', assignee: bob },
      'KEY-4': { summary: 'Retry copy', assignee: bob },
      'KEY-5': { summary: 'Refund copy', assignee: alice },
    }));
    const { page, status } = await importBackupFile(
      ext,
      {
        ...rosterBackup,
        interventions: [
          { ...overdueRecord('o1', 'KEY-2', 'Checkout copy'), intent: PRIVATE_INTENT },
          overdueRecord('o2', 'KEY-5', 'Refund copy'),
        ],
      },
      'overdue.json',
    );
    expect(status).toMatch(/imported/i);
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('a page script walking the DOM and every open shadow root reads no prompt text, no report name and none of the lead’s words, while the prompt, the closing questions and a hand-back note are on screen; the note is copied from the frame', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-1'));
    // The ticket names its assignee itself: the page may show that many, and no more.
    await page.getByText('Alice Chen').first().waitFor();
    const namesOnThePage = occurrences(await pageReads(page), 'Alice Chen');
    expect(namesOnThePage).toBeGreaterThan(0);
    await editSummary(page, ' (draft)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    expectNothingOfPullback(await pageReads(page), 'Alice Chen', namesOnThePage);
    // The prompt is Pullback's own page: the frame's address is the extension's origin.
    expect(promptFrame(page)?.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/`));

    await prompt.getByRole('button', { name: /^Yes/ }).click();
    await prompt.getByText(/intervention started/i).waitFor();
    // The lead's words come after Yes.
    await prompt.getByRole('textbox').fill(LEADS_WORDS);
    expectNothingOfPullback(await pageReads(page), 'Alice Chen', namesOnThePage);
    await prompt.getByRole('button', { name: 'Done' }).click();
    await prompt.waitFor({ state: 'detached' });
    const { interventions } = await exportBackup(ext);
    expect(interventions.find((r: any) => r.artifact.key === 'KEY-1')).toMatchObject({
      intent: LEADS_WORDS,
    });
    await page.close();

    // Past its planned end: End it, then the closing questions and the hand-back note, which
    // holds the lead's private words.
    const overdue = await ext.context.newPage();
    await overdue.goto(jira.url('KEY-2'));
    await overdue.getByText('Alice Chen').first().waitFor();
    const namesOnTicket2 = occurrences(await pageReads(overdue), 'Alice Chen');
    await typeInDescription(overdue, ' a');
    const back = promptOn(overdue);
    await back.getByRole('button', { name: 'End it' }).click();
    const closing = back.getByRole('group', { name: /closing questions/i });
    await closing.getByRole('button', { name: 'Alice Chen' }).click();
    const note = closing.getByRole('textbox', { name: /hand-back note/i });
    await expect.poll(() => note.inputValue()).toContain(PRIVATE_INTENT);
    await note.click();
    await overdue.keyboard.press('ControlOrMeta+End');
    await overdue.keyboard.type(` ${NOTE_ADDITION}`);
    expectNothingOfPullback(await pageReads(overdue), 'Alice Chen', namesOnTicket2);

    await closing.getByRole('button', { name: 'Copy hand-back note' }).click();
    await closing.getByText(/^Copied/).waitFor();
    const copied = await pasted(overdue);
    expect(copied).toContain(PRIVATE_INTENT);
    expect(copied).toContain(NOTE_ADDITION);
    await overdue.close();
  });

  test('the hand-back note offered in the frame ends with the lead’s own closing line, set once under the weekly notes', async () => {
    const summary = await ext.openPage('summary.html');
    const line = summary.getByRole('textbox', { name: /your closing line/i });
    await line.fill(CLOSING_LINE);
    await line.press('Tab');
    await summary.reload();
    await expect.poll(() => line.inputValue()).toBe(CLOSING_LINE);
    await summary.close();

    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-5'));
    await page.getByText('Alice Chen').first().waitFor();
    await typeInDescription(page, ' a');
    const back = promptOn(page);
    await back.getByRole('button', { name: 'End it' }).click();
    const closing = back.getByRole('group', { name: /closing questions/i });
    const note = closing.getByRole('textbox', { name: /hand-back note/i });
    await expect.poll(() => note.inputValue()).toMatch(/^Hi Alice, .*\n\nThanks, Dana$/s);
    // An answer rewrites the note; the line stays its last.
    await closing.getByRole('button', { name: 'Alice Chen' }).click();
    await expect.poll(() => note.inputValue()).toMatch(/yours again.*\n\nThanks, Dana$/s);
    await page.close();
  });

  test('a page that rewrites every element it can reach cannot change what the lead’s click answers', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-3'));
    await editSummary(page, ' v2 draft');
    const prompt = promptOn(page);
    await prompt.waitFor();
    // Every text and attribute it can reach becomes "Yes", the prompt's host and its frame
    // included (its styles, its class, its title); only the frame's address is left, which would
    // take the prompt away, not change it.
    const rewritten = await page.evaluate(() => {
      let count = 0;
      const roots: Array<Document | ShadowRoot> = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const el of roots[i]!.querySelectorAll('*')) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          for (const attr of [...el.attributes])
            if (attr.name !== 'src') el.setAttribute(attr.name, 'Yes, start the intervention');
          for (const child of el.childNodes)
            if (child.nodeType === Node.TEXT_NODE) child.nodeValue = 'Yes, start the intervention';
          count++;
        }
      }
      return count;
    });
    expect(rewritten).toBeGreaterThan(20);

    await prompt.getByRole('button', { name: /^No, I’ll hand it back/ }).click();
    await prompt.getByText(/no intervention/i).waitFor();
    const { prompts, interventions } = await exportBackup(ext);
    expect(prompts.find((p: any) => p.artifact.key === 'KEY-3')).toMatchObject({
      answer: 'stepped-back',
    });
    expect(interventions.filter((r: any) => r.artifact.key === 'KEY-3')).toEqual([]);
    await page.close();
  });

  test('a page whose policy forbids frames (frame-src and child-src none) still gets the question, on the page', async () => {
    const locked = await serveFakeJira(ext.context, {
      origin: 'https://locked.atlassian.net',
      myself: dana,
      issues: { 'LOCK-1': { summary: 'Pricing table', assignee: alice } },
      contentSecurityPolicy: "frame-src 'none'; child-src 'none'",
    });
    const page = await ext.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
    await page.goto(locked.url('LOCK-1'));
    // The policy is in force for the page's own frames.
    await page.evaluate(() => {
      const own = document.createElement('iframe');
      own.src = 'https://example.com/';
      document.body.append(own);
    });
    await expect.poll(() => violations.join('\n')).toMatch(/frame-src|child-src/);
    await editSummary(page, ' (v3)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('LOCK-1');
    await prompt.getByRole('button', { name: 'Not now' }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.close();
  });

  test('where the page keeps Pullback’s frame from showing, the question waits in the toolbar: a “?” on the tab, answered in the popup', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-4'));
    // The page takes out every frame it can reach, Pullback's included, as soon as it appears.
    await page.evaluate(() => {
      const sweep = (root: Document | ShadowRoot) => {
        root.querySelectorAll('iframe').forEach((f) => f.remove());
        for (const el of root.querySelectorAll('*'))
          if (el.shadowRoot) {
            sweep(el.shadowRoot);
            new MutationObserver(() => sweep(el.shadowRoot!)).observe(el.shadowRoot, {
              childList: true,
              subtree: true,
            });
          }
      };
      new MutationObserver(() => sweep(document)).observe(document, {
        childList: true,
        subtree: true,
      });
    });
    await editSummary(page, ' (v4)');
    const worker = await ext.worker();
    const tabId = (await worker.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]?.id,
      jira.url('KEY-4'),
    )) as number;
    const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe('?');
    await expect(inPromptFrame(page).getByRole('dialog').count()).resolves.toBe(0);

    const popup = await ext.openPage(`popup.html?tab=${tabId}`);
    const question = popup.getByRole('dialog', { name: /intervention/i });
    await expect(question.textContent()).resolves.toContain('Bob Okafor');
    await question.getByRole('button', { name: /^No, I’ll hand it back/ }).click();
    await question.getByText(/no intervention/i).waitFor();
    await expect.poll(badge).not.toBe('?');
    const { prompts } = await exportBackup(ext);
    expect(prompts.find((p: any) => p.artifact.key === 'KEY-4')).toMatchObject({
      answer: 'stepped-back',
    });
    await popup.close();
    await page.close();
  });
});

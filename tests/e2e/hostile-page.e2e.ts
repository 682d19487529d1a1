/**
 * A page that tries to drive Pullback with its own script: synthetic input on
 * a report's editor, clicks on every button it can reach (the prompt's are in
 * Pullback's own frame, out of its reach), synthetic clicks, keys and scrolling to grow hands-on time. None of it
 * counts; the lead's real keyboard and mouse still do.
 *
 * page.evaluate runs in the page's main world: exactly where a host page's
 * own script runs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { startLeadOnJira } from '../support/lead';
import type { FakeJira } from '../support/fake-jira';
import { alice, bob } from '../support/roster';
import { exportBackup, openDescriptionEditor, promptOn, typeInDescription } from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

/** Longer than the 500 characters a record's title holds. */
const LONG_TITLE = `Checkout: ${'the pay button copy and its states, '.repeat(17)}`.slice(0, 600);
/** The description's editor once the lead has opened it (Jira's edit mode: its own container). */
const DESCRIPTION = '[data-testid="issue.views.field.rich-text.editor-container"] .ProseMirror';

/** The page's script types into the description and the summary editor, as a script can. */
const scriptTypes = (page: Page) =>
  page.evaluate((selector) => {
    const editor = document.querySelector<HTMLElement>(selector)!;
    editor.focus();
    for (const type of ['beforeinput', 'input']) {
      editor.dispatchEvent(
        new InputEvent(type, { bubbles: true, composed: true, inputType: 'insertText', data: 'x' }),
      );
    }
    editor.append('x');
    document
      .querySelector<HTMLElement>(
        'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]',
      )
      ?.click();
    const summary = document.querySelector<HTMLTextAreaElement>(
      'textarea[data-testid$="summary.heading.writeable.field"]',
    );
    summary?.dispatchEvent(
      new InputEvent('input', {
        bubbles: true,
        composed: true,
        inputType: 'insertText',
        data: 'x',
      }),
    );
  }, DESCRIPTION);

/**
 * The page's script presses every button in every open shadow root (the prompt's host included;
 * the tool's own buttons are left alone), sends Esc to the prompt's frame, and tries to open the
 * frame's document. Returns the prompt's buttons it found and whether it could read the frame.
 */
const scriptAnswers = (page: Page) =>
  page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (let i = 0; i < roots.length; i++)
      for (const el of roots[i]!.querySelectorAll('*'))
        if (el.shadowRoot) roots.push(el.shadowRoot);
    const buttons = roots.slice(1).flatMap((r) => [...r.querySelectorAll('button')]);
    for (const b of buttons) b.click();
    let frameDocument = false;
    for (const frame of roots.flatMap((r) => [...r.querySelectorAll('iframe')])) {
      frame.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
      );
      try {
        frameDocument ||= Boolean(frame.contentDocument ?? frame.contentWindow?.document);
      } catch {
        // Another origin's document: the browser refuses.
      }
    }
    return {
      promptButtons: buttons
        .map((b) => b.textContent ?? '')
        .filter((t) => /^(Yes|No,|Not now|End it|Done)/.test(t)),
      frameDocument,
    };
  });

/** The page's script fakes a lead at work: pointer presses, keys and wheel turns on the ticket. */
const scriptFidgets = (page: Page) =>
  page.evaluate((selector) => {
    const editor = document.querySelector<HTMLElement>(selector)!;
    for (let i = 0; i < 5; i++) {
      editor.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      editor.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }),
      );
      editor.dispatchEvent(new WheelEvent('wheel', { deltaY: 40, bubbles: true, composed: true }));
    }
  }, DESCRIPTION);

describe('a page script cannot drive Pullback', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;

  beforeAll(async () => {
    ({ ext, jira } = await startLeadOnJira({
      'KEY-1': { summary: 'Onboarding copy', assignee: alice },
      'KEY-2': { summary: 'Empty state', assignee: bob },
      'KEY-3': { summary: LONG_TITLE, assignee: alice },
    }));
  });
  afterAll(async () => ext?.close());

  test('synthetic input on a report’s editor neither prompts nor logs a prompt; the lead’s real typing does', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-1'));
    await openDescriptionEditor(page); // the lead opens the editor; the page's script does the typing
    await scriptTypes(page);
    await expectNoPrompt(page, 'a page script typed into Alice’s ticket');
    expect((await exportBackup(ext)).prompts).toEqual([]);

    await typeInDescription(page, ' by hand');
    await promptOn(page).waitFor();
    const { prompts } = await exportBackup(ext);
    expect(prompts).toEqual([
      expect.objectContaining({
        answer: 'unanswered',
        artifact: expect.objectContaining({ key: 'KEY-1' }),
      }),
    ]);
    await page.close();
  });

  test('the page clicking the prompt’s buttons answers nothing; hands-on time grows only with the lead’s own clicks', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-2'));
    await typeInDescription(page, ' edit');
    const prompt = promptOn(page);
    await prompt.waitFor();

    // The prompt is in Pullback's own frame: the page reaches none of its buttons and not its document.
    await expect(scriptAnswers(page)).resolves.toEqual({ promptButtons: [], frameDocument: false });
    // Still the question: nothing was answered.
    await expect(prompt.getByRole('heading').textContent()).resolves.toBe(
      'Is this a deliberate, temporary intervention?',
    );
    let backup = await exportBackup(ext);
    expect(
      backup.prompts.filter((p: any) => p.artifact.key === 'KEY-2').map((p: any) => p.answer),
    ).toEqual(['unanswered']);
    expect(backup.interventions).toEqual([]);

    // The lead answers for real.
    await prompt.getByRole('button', { name: /^Yes/ }).click();
    await prompt.getByText(/intervention started/i).waitFor();
    // What the lead's edit before the prompt already counted (hands-on time from before Yes).
    backup = await exportBackup(ext);
    const atYes = backup.interventions.find((r: any) => r.artifact.key === 'KEY-2');
    // The page cannot end it or answer the closing questions either (none of its clicks land).
    await scriptAnswers(page);
    await scriptFidgets(page);
    backup = await exportBackup(ext);
    const started = backup.interventions.find((r: any) => r.artifact.key === 'KEY-2');
    expect(started).toMatchObject({ status: 'active', activeMs: atYes.activeMs });
    expect(started.lastActivityAt).toBe(atYes.lastActivityAt);

    // The lead's own click on the ticket counts at once, without another edit.
    await page.locator(DESCRIPTION).click();
    await expect
      .poll(
        async () =>
          (await exportBackup(ext)).interventions.find((r: any) => r.artifact.key === 'KEY-2')
            .activeMs,
        { timeout: 15_000 },
      )
      .toBeGreaterThan(atYes.activeMs);
    await page.close();
  });

  test('a 600-character title still prompts, and is kept as far as a record holds it', async () => {
    expect(LONG_TITLE).toHaveLength(600);
    const page = await ext.context.newPage();
    await page.goto(jira.url('KEY-3'));
    await typeInDescription(page, ' long');
    await promptOn(page).waitFor();
    const { prompts } = await exportBackup(ext);
    const logged = prompts.find((p: any) => p.artifact.key === 'KEY-3');
    expect(logged.artifact.title).toHaveLength(500);
    expect(LONG_TITLE.startsWith(logged.artifact.title.slice(0, -1))).toBe(true);
    await page.close();
  });
});

/**
 * What counts as an intervention on Asana: a report's task (assigned to them)
 * edited in its name or description prompts, in either URL scheme and full
 * screen; my own task, a peer's, an unassigned one and comments never do.
 * Opening another task in the app (no page load) judges it on its own. The
 * app is Asana's 2026 "Sol" design; a task the lead may only read or comment on
 * shows its name as text, which "On this page" still reads.
 *
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeAsana, type FakeAsana } from '../support/fake-asana';
import { rosterBackup } from '../support/roster';
import {
  exportBackup,
  importBackupFile,
  popupFor,
  promptOn,
  settle,
  typeAtEnd,
} from '../support/steps';
import { expectNoPrompt } from '../support/assertions';

const PROJECT = '1204000000000001';
const OPS = '1204000000000002';
const T = {
  checkout: '1204000000000142',
  refund: '1204000000000143',
  receipt: '1204000000000144',
  invoice: '1204000000000145',
  mine: '1204000000000009',
  carols: '1204000000000010',
  nobodys: '1204000000000011',
  tax: '1204000000000146',
  readOnly: '1204000000000147',
  commentOnly: '1204000000000148',
};

const nameField = (page: Page) => page.locator('.TaskPane .TaskPaneTitle textarea');
const descriptionEditor = (page: Page) =>
  page.locator('.TaskPane .TaskPaneDescription .ProseMirror');
const commentComposer = (page: Page) => page.locator('.TaskPane-commentComposer .ProseMirror');

describe('Asana detection', () => {
  let ext: ExtensionBrowser;
  let asana: FakeAsana;

  beforeAll(async () => {
    ext = await launchExtension();
    asana = await serveFakeAsana(ext.context, {
      projects: { [PROJECT]: 'Checkout revamp', [OPS]: 'Ops' },
      tasks: {
        [T.checkout]: {
          name: 'Checkout button copy',
          project: PROJECT,
          assignee: 'Alice Chen',
          description: 'The button says "Submit".',
        },
        [T.refund]: {
          name: 'Refund flow',
          project: PROJECT,
          assignee: 'Bob Okafor',
          description: 'Refunds take a week.',
        },
        [T.receipt]: {
          name: 'Receipt email',
          project: PROJECT,
          assignee: 'Alice Chen',
          description: 'Receipts go out late.',
          comments: [{ author: 'Carol Peer', body: 'Is this the SES queue?' }],
        },
        [T.invoice]: {
          name: 'Invoice totals',
          project: PROJECT,
          assignee: 'Bob Okafor',
          description: 'Totals are off by a cent.',
          scheme: 1,
        },
        [T.tax]: {
          name: 'Tax rounding',
          project: PROJECT,
          assignee: 'Alice Chen',
          description: 'Round half to even.',
          scheme: 1,
        },
        [T.mine]: {
          name: 'Dana’s own task',
          project: OPS,
          assignee: 'Dana Lead',
          description: 'Mine.',
        },
        [T.carols]: {
          name: 'Carol’s task',
          project: OPS,
          assignee: 'Carol Peer',
          description: 'Hers.',
        },
        [T.nobodys]: {
          name: 'Nobody’s task',
          project: OPS,
          assignee: null,
          description: 'Triage me.',
        },
        [T.readOnly]: {
          name: 'Payment audit',
          project: OPS,
          assignee: 'Alice Chen',
          description: 'Audit Q3.',
          access: 'read-only',
        },
        [T.commentOnly]: {
          name: 'Fraud rules',
          project: OPS,
          assignee: 'Bob Okafor',
          description: 'Block risky cards.',
          access: 'comment-only',
          scheme: 1,
        },
      },
    });
    await importBackupFile(ext, rosterBackup);
  });
  afterAll(async () => ext?.close());

  test('re-planning a report’s task (due date, section, tags) never prompts; its name then does', async () => {
    const page = await ext.context.newPage();
    await page.goto(asana.v1Url(T.tax));
    for (const label of ['Due date', 'Section', 'Add tag']) {
      await typeAtEnd(
        page,
        page.locator('.TaskPane').getByRole('textbox', { name: label, exact: true }),
        ' Friday',
      );
    }
    await expectNoPrompt(page, 'planning fields');
    const backup = await exportBackup(ext);
    expect(backup.prompts.filter((p: any) => p.artifact.key === T.tax)).toEqual([]);

    await typeAtEnd(page, nameField(page), ' (EU)');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain('Alice Chen');
    await expect(promptOn(page).textContent()).resolves.toContain('Tax rounding');
    await promptOn(page)
      .getByRole('button', { name: /^Not now/ })
      .click();
    await page.close();
  });

  test('my own task, a peer’s task and an unassigned one never prompt [asana quiet]', async () => {
    const keys = [T.mine, T.carols, T.nobodys];
    for (const key of keys) {
      const page = await ext.context.newPage();
      await page.goto(asana.url(key));
      await typeAtEnd(page, nameField(page), ' tweak');
      await typeAtEnd(page, descriptionEditor(page), ' More detail.');
      await expectNoPrompt(page, key);
      await page.close();
    }
    const backup = await exportBackup(ext);
    expect(backup.prompts.filter((p: any) => keys.includes(p.artifact.key))).toEqual([]);
  });

  test('renaming a report’s task (full screen) prompts, naming the report and the task [asana prompts]', async () => {
    const page = await ext.context.newPage();
    await page.goto(asana.fullScreenUrl(T.checkout));
    await typeAtEnd(page, nameField(page), ' (v2)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('Alice Chen');
    expect(text).toContain('Asana');
    expect(text).toContain(T.checkout);
    expect(text).toContain('Checkout button copy');
    await prompt.getByRole('button', { name: /^Not now/ }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.close();
  });

  test('editing the description of a report’s task (/1/ URL) prompts; the record keeps the task’s URL', async () => {
    const page = await ext.context.newPage();
    await page.goto(asana.v1Url(T.refund));
    await typeAtEnd(page, descriptionEditor(page), ' Use the ledger.');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('Bob Okafor');
    expect(text).toContain(T.refund);
    await prompt.getByRole('button', { name: /^No\b/ }).click();
    await prompt.getByText(/hand this detail back to Bob Okafor/i).waitFor();
    await page.close();

    const backup = await exportBackup(ext);
    const answers = backup.prompts.filter((p: any) => p.artifact.key === T.refund);
    expect(answers).toEqual([
      expect.objectContaining({
        tool: 'asana',
        answer: 'stepped-back',
        reportId: 'bob',
        artifact: expect.objectContaining({ url: asana.v1Url(T.refund), title: 'Refund flow' }),
      }),
    ]);
  });

  test('comments on a report’s task are conversation: no prompt; its description is content: prompt', async () => {
    const page = await ext.context.newPage();
    await page.goto(asana.url(T.receipt));
    // A new comment, and an edit of an existing one.
    await typeAtEnd(page, commentComposer(page), 'Could we batch them?');
    await page.getByRole('button', { name: 'Edit comment 1' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Probably.');
    await expectNoPrompt(page);

    await typeAtEnd(page, descriptionEditor(page), ' Batch hourly.');
    await promptOn(page).waitFor();
    await expect(promptOn(page).textContent()).resolves.toContain(T.receipt);
    await page.close();
  });

  test('opening another task in the app: the next task is judged on its own, with its own id and report', async () => {
    const page = await ext.context.newPage();
    await page.goto(asana.url(T.mine));
    await typeAtEnd(page, nameField(page), ' mine');
    await settle(page);
    await expect(promptOn(page).count()).resolves.toBe(0);
    // Open a task of another project from the list: the URL changes without a page load (to the /1/ scheme here).
    await page.getByRole('link', { name: 'Invoice totals' }).click();
    await page.waitForURL(asana.v1Url(T.invoice));
    await page.locator(`.TaskPane[data-task-id="${T.invoice}"]`).waitFor();
    await typeAtEnd(page, nameField(page), ' (rounded)');
    const prompt = promptOn(page);
    await prompt.waitFor();
    const text = await prompt.textContent();
    expect(text).toContain('Bob Okafor');
    expect(text).toContain(T.invoice);
    expect(text).not.toContain(T.mine);
    // And back: the prompt for the invoice task does not follow the lead to another task.
    await page.getByRole('link', { name: 'Dana’s own task' }).click();
    await page.waitForURL(asana.url(T.mine));
    await prompt.waitFor({ state: 'detached' });
    await page.close();
  });

  test('a report’s task the lead may only read or comment on: its name is text, which “On this page” reads; a comment never prompts', async () => {
    for (const [url, gid, name, owner] of [
      [asana.url(T.readOnly), T.readOnly, 'Payment audit', 'Alice Chen'],
      [asana.v1Url(T.commentOnly), T.commentOnly, 'Fraud rules', 'Bob Okafor'],
    ] as const) {
      const page = await ext.context.newPage();
      await page.goto(url);
      await page.locator('.TaskPane .TaskPaneTitle').getByText(name).waitFor();
      await expect(page.locator('.TaskPane .TaskPaneTitle textarea').count()).resolves.toBe(0);
      await typeAtEnd(page, commentComposer(page), 'Can I help here?');
      await expectNoPrompt(page, gid);
      const { popup, region } = await popupFor(ext, page);
      await region.getByText(`Owner in Asana: ${owner}`).waitFor();
      await expect(region.textContent()).resolves.toContain(name);
      await popup.close();
      await page.close();
    }
  });
});

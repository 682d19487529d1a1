import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { startLeadOnJira } from '../support/lead';
import type { FakeJira } from '../support/fake-jira';
import { alice, bob, carol, dana } from '../support/roster';
import { editSummary, exportBackup, promptOn } from '../support/steps';

describe('core loop: a report’s Jira ticket edited, answered, pulled back', () => {
  let ext: ExtensionBrowser;
  let jira: FakeJira;

  beforeAll(async () => {
    let importStatus: string;
    ({ ext, jira, importStatus } = await startLeadOnJira({
      'PAY-142': { summary: 'Checkout button copy', assignee: alice },
      'PAY-143': { summary: 'Refund flow', assignee: bob },
      'OPS-9': { summary: 'Dana’s own ticket', assignee: dana },
      'WEB-3': { summary: 'Carol’s ticket', assignee: carol },
    }));
    expect(importStatus).toMatch(/imported/i);
  });
  afterAll(async () => ext?.close());

  test('editing the summary of Alice’s ticket prompts, and focus stays in the editor', async () => {
    const page = await ext.context.newPage();
    await page.goto(jira.url('PAY-142'));
    const editor = await editSummary(page, ' now');
    const prompt = promptOn(page);
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain('Alice Chen');
    await expect(prompt.textContent()).resolves.toContain('PAY-142');
    // Typing goes on into the editor: the prompt took neither focus nor keys.
    await page.keyboard.type('!');
    await expect(editor.inputValue()).resolves.toBe('Checkout button copy now!');
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).resolves.toMatch(/summary/);

    await prompt.getByRole('button', { name: /^Yes/ }).click();
    await expect(editor.evaluate((e) => e === document.activeElement)).resolves.toBe(true);

    const popup = await ext.openPage('popup.html');
    const item = popup.getByRole('listitem').filter({ hasText: 'PAY-142' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Alice Chen');
    await item.getByRole('button', { name: /pull back|end/i }).click();
    await item.waitFor({ state: 'detached' });
    // The log says what happened, with the span and the hands-on time.
    await popup
      .getByRole('row')
      .filter({
        hasText: /Pulled back from PAY-142 \(Alice Chen\) after \d+ s, hands-on \d+ s, on time/,
      })
      .waitFor();

    const backup = await exportBackup(ext);
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
  });
});

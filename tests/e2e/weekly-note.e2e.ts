/**
 * Notes to reports, from an imported week (2026-W48 of the eight weeks, plus Tom's take-over and
 * Sam's and Noor's quiet weeks): a note only for a report there is something to say to (Alice's
 * interventions, Bob's, Tom's take-over), none for Erin and Noor (nothing) or Sam (only a prompt
 * where the lead caught themself). Alice's note uses the hand-back template with the lead's own
 * words; Tom's the take-over template. No note carries a duration or "caught myself"; the closing
 * line is the lead's own, set once and remembered.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eightWeeksBackup } from '../support/eight-weeks';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { importBackupFile } from '../support/steps';

const jira = (key: string) => ({
  key,
  title: `Ticket ${key}`,
  url: `https://acme.atlassian.net/browse/${key}`,
});

const backup = {
  ...eightWeeksBackup,
  settings: {
    ...eightWeeksBackup.settings,
    reports: [
      ...eightWeeksBackup.settings.reports,
      { id: 'tom', name: 'Tom Berg', aliases: ['tom@acme.test'] },
      { id: 'sam', name: 'Sam Ito', aliases: ['sam@acme.test'] },
      { id: 'noor', name: 'Noor Haddad', aliases: ['noor@acme.test'] },
    ],
  },
  interventions: [
    ...eightWeeksBackup.interventions.map((r) =>
      r.id === 'a2' ? { ...r, intent: 'scope the refund to one currency' } : r,
    ),
    // Tom's take-over, handed back after an hour and a half.
    {
      id: 't1',
      kind: 'takeover',
      tool: 'jira',
      artifact: jira('PAY-151'),
      reportId: 'tom',
      purpose: 'back-on-track',
      startedAt: '2026-11-26T09:00:00.000Z',
      plannedEndAt: '2026-11-26T10:00:00.000Z',
      endedAt: '2026-11-26T10:30:00.000Z',
      status: 'ended',
      activeMs: 50 * 60_000,
      lastActivityAt: '2026-11-26T10:30:00.000Z',
    },
  ],
  prompts: [
    ...eightWeeksBackup.prompts,
    {
      id: 'p-sam',
      at: '2026-11-25T09:00:00.000Z',
      tool: 'jira',
      artifact: jira('OPS-3'),
      reportId: 'sam',
      answer: 'stepped-back',
    },
  ],
};

async function noteText(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: `Note to ${name}` }).click();
  return page.getByRole('textbox', { name: `Weekly note to ${name}` }).inputValue();
}

describe('notes to reports', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
    const { page, status } = await importBackupFile(ext, backup, 'week.json');
    expect(status).toMatch(/imported/i);
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('a note is offered only to the reports there is something to say to', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    const notes = page.getByRole('region', { name: 'Notes to your reports' });
    await notes.waitFor();
    await expect(notes.getByRole('button', { name: /^Note to / }).allInnerTexts()).resolves.toEqual(
      ['Note to Alice Chen', 'Note to Bob Okafor', 'Note to Tom Berg'],
    );
    await page.close();
  });

  test('Alice’s note: hand-back template, the lead’s words, no duration and no "caught myself"', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    const text = await noteText(page, 'Alice Chen');
    expect(text).toMatch(
      /^Hi Alice, in the week of (23.+29 Nov|Nov 23.+29),? 2026 I stepped into PAY-1, PAY-2 and PAY-3 to get the direction back on track\. What I hope you take from it: scope the refund to one currency\. PAY-1, PAY-2 and PAY-3 are yours again: you make the calls from here\.$/,
    );
    expect(text).not.toMatch(/minute|hour|\b\d+ (s|min|h)\b|caught|PAY-9|too much/i);

    const note = page.getByRole('textbox', { name: 'Weekly note to Alice Chen' });
    await page
      .getByRole('radiogroup', { name: /format of the note to alice/i })
      .getByRole('radio', { name: /markdown/i })
      .check();
    await expect.poll(() => note.inputValue()).toMatch(/stepped into `PAY-1`, `PAY-2` and `PAY-3`/);
    await note.fill('Hi Alice, thanks for the refund work.');
    expect(await note.inputValue()).toBe('Hi Alice, thanks for the refund work.');
    await page.close();
  });

  test('Tom’s note uses the take-over template: what I took, why, and that it is back with him', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    const text = await noteText(page, 'Tom Berg');
    expect(text).toMatch(
      /^Hi Tom, in the week of .* I took PAY-151 \(“Ticket PAY-151”\) over from you to get the direction back on track\. It is back with you: you make the calls from here\.$/,
    );
    expect(text).not.toMatch(/not to take the work over|rather ask you than edit|minute|hour/i);
    await page.close();
  });

  test('the closing line is the lead’s own: set once, under every note, remembered', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    expect(await noteText(page, 'Bob Okafor')).not.toMatch(/\n\n/); // No fixed closing phrase.
    const closing = page.getByRole('textbox', { name: /your closing line/i });
    await closing.fill('Thanks, Dana');
    await closing.press('Tab');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Weekly note to Bob Okafor' }).inputValue())
      .toMatch(/\n\nThanks, Dana$/);
    await page.close();

    const again = await ext.openPage('summary.html#2026-W48');
    await expect
      .poll(() => again.getByRole('textbox', { name: /your closing line/i }).inputValue())
      .toBe('Thanks, Dana');
    expect(await noteText(again, 'Tom Berg')).toMatch(/from here\.\n\nThanks, Dana$/);
    await again.close();
  });
});

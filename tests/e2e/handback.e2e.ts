/**
 * The hand-back note after pulling back from the popup:
 * with the lead's words from "Yes" it carries them; without, it reads whole
 * with no placeholder; durations read as a person writes them; the closing
 * answers change it; it is editable, and a note with a gap is not copied.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { rosterBackup } from '../support/roster';
import { importBackupFile } from '../support/steps';

const MIN = 60_000;
const started = (key: string, purpose: string, intent?: string) => ({
  id: `hb-${key}`,
  ...(intent ? { intent } : {}),
  tool: 'jira',
  artifact: { key, title: `Ticket ${key}`, url: `https://acme.atlassian.net/browse/${key}` },
  reportId: 'alice',
  purpose,
  startedAt: new Date(Date.now() - 10 * MIN).toISOString(),
  plannedEndAt: new Date(Date.now() + 20 * MIN).toISOString(),
  endedAt: null,
  status: 'active',
  activeMs: 4 * MIN,
});

describe('hand-back note', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension();
    const backup = {
      ...rosterBackup,
      // Made now: a backup cannot hold records started a day after it was made.
      exportedAt: new Date().toISOString(),
      interventions: [
        started('HB-1', 'teach-framework', 'RICE scoring for the backlog'),
        started('HB-2', 'teach-framework'),
      ],
    };
    const { page, status } = await importBackupFile(ext, backup);
    expect(status).toMatch(/2 interventions/);
    await page.close();
  });
  afterAll(async () => ext?.close());

  async function pullBack(key: string) {
    const popup = await ext.openPage('popup.html');
    await popup
      .getByRole('listitem')
      .filter({ hasText: key })
      .getByRole('button', { name: /pull back/i })
      .click();
    const closing = popup.getByRole('group', { name: `Closing questions for ${key}` });
    await closing.waitFor();
    return { popup, closing, note: closing.getByRole('textbox', { name: /hand-back note/i }) };
  }

  test('with the lead’s words: what I stepped into, the framework in their words, what is theirs again; no duration', async () => {
    const { popup, closing, note } = await pullBack('HB-1');
    const text = await note.inputValue();
    expect(text).toBe(
      'Hi Alice, I stepped into HB-1 (“Ticket HB-1”) to show a way of making this kind of call. The framework I used: RICE scoring for the backlog. It is yours again: you make the calls from here.',
    );
    expect(text).not.toMatch(/\[|minute|\b\d+ (s|min|h)\b|too much/i);

    await closing.getByRole('button', { name: 'Not yet' }).click();
    await expect
      .poll(() => note.inputValue())
      .toMatch(/RICE scoring for the backlog; let us take ten minutes on it this week\./);
    await closing.getByRole('button', { name: 'Still me' }).click();
    await expect.poll(() => note.inputValue()).toMatch(/It stays with me a little longer/);
    await popup.close();
  });

  test('without the lead’s words: a whole note, no placeholder; editable, and a gap typed in is not copied', async () => {
    const { popup, closing, note } = await pullBack('HB-2');
    const text = await note.inputValue();
    expect(text).toMatch(/to show a way of making this kind of call\. It is yours again/);
    expect(text).not.toMatch(/\[|name it here/);

    expect(await note.isEditable()).toBe(true);
    await note.fill('Hi Alice, the framework: [name it here].');
    await closing.getByRole('button', { name: /copy/i }).click();
    await expect
      .poll(() => closing.getByRole('status').textContent())
      .toMatch(/not copied.*\[name it here\]/i);
    // The lead's own edits survive an answer.
    await closing.getByRole('button', { name: 'Still me' }).click();
    expect(await note.inputValue()).toBe('Hi Alice, the framework: [name it here].');
    await popup.close();
  });
});

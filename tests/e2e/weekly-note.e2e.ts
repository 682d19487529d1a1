/**
 * A weekly note to each report, from an imported week:
 * per report with touchpoints, "Note to <name>" reveals an editable note in
 * the lead's voice (where I stepped in and why, with the lead's own words;
 * what I handed back; what I would like you to own; an invitation to say it
 * was too much), in plain text or Markdown. Erin, with no touchpoints, gets none.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { eightWeeksBackup } from '../support/eight-weeks';
import { importBackupFile } from '../support/steps';

describe('weekly note to each report', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
    const backup = {
      ...eightWeeksBackup,
      interventions: eightWeeksBackup.interventions.map((r) =>
        r.id === 'a2' ? { ...r, intent: 'scope the refund to one currency' } : r,
      ),
    };
    const { page, status } = await importBackupFile(ext, backup, 'week.json');
    expect(status).toMatch(/imported/i);
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('the note to Alice says where I stepped in and why, in my words, what I handed back and what she owns next', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    await page.getByRole('button', { name: /note to alice chen/i }).click();
    const note = page.getByRole('textbox', { name: /note to alice chen/i });
    const text = await note.inputValue();
    expect(text).toMatch(/^Hi Alice,/);
    expect(text).toMatch(
      /Where I stepped in, and why\n- PAY-1 \(“Ticket PAY-1”\), about 12 minutes: The aim was to get the direction back on track/,
    );
    expect(text).toContain(
      'PAY-2 (“Ticket PAY-2”), about 45 minutes: The aim was to get the direction back on track, not to take the work over. What I hope you take from it: scope the refund to one currency.',
    );
    expect(text).toMatch(/What I handed back\n- PAY-1, PAY-2 and PAY-3: yours again/);
    expect(text).toMatch(/caught myself about to step into PAY-9/);
    expect(text).toMatch(/What I would like you to own next time/);
    expect(text).toMatch(/felt like too much/);
    expect(text.trim().endsWith('Dana')).toBe(true);
    expect(text).not.toMatch(/\[|\b\d+ s\b/);

    await page
      .getByRole('radiogroup', { name: /format of the note to alice/i })
      .getByRole('radio', { name: /markdown/i })
      .check();
    await expect
      .poll(() => note.inputValue())
      .toMatch(/\*\*Where I stepped in, and why\*\*\n- `PAY-1`/);

    await note.fill('Hi Alice, thanks for this week.');
    expect(await note.inputValue()).toBe('Hi Alice, thanks for this week.');

    // Only reports with touchpoints get a note.
    await expect(page.getByRole('button', { name: /note to bob okafor/i }).count()).resolves.toBe(
      1,
    );
    await expect(page.getByRole('button', { name: /note to erin diaz/i }).count()).resolves.toBe(0);
    await page.close();
  });
});

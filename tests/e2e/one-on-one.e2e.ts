/**
 * A page for each 1:1, from an imported 8-week backup:
 * the summary row's link opens `summary.html#2026-W48/alice`, which shows
 * Alice's last eight weeks: each week, the lead's words from "Yes", a
 * take-over, the prompt where the lead caught themself, hand-back notes and
 * the check-in trail. "Copy as Markdown" puts a 1:1 document on the
 * clipboard (or, refused, shows it to copy by hand); a link naming nobody, or
 * no week, says so and leads back; a former report is called one; printed,
 * the page is one page with no controls; axe finds nothing (contrast
 * included) in light or dark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe';
import { eightWeeksBackup } from '../support/eight-weeks';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { importBackupFile } from '../support/steps';
import { pasted } from '../support/assertions';

const rating = (week: string, alignment: number, confidence: number) => ({
  week,
  reportId: 'alice',
  alignment,
  confidence,
  at: '2026-11-20T10:00:00.000Z',
});

/** The eight weeks, with what the lead added on top of the bare records: words on "Yes", a take-over, check-ins, a former report. */
const backup = {
  ...eightWeeksBackup,
  settings: { ...eightWeeksBackup.settings, formerReports: [{ id: 'zoe', name: 'Zoe Park' }] },
  interventions: [
    ...eightWeeksBackup.interventions.map((r) =>
      r.id === 'a2'
        ? { ...r, intent: 'scope the refund to one currency' }
        : r.id === 'w46'
          ? { ...r, kind: 'takeover', intent: 'RICE scoring for the backlog' }
          : r,
    ),
    // A take-over from September still open: before the eight weeks, and still with the lead (recent activity, so never lapsed).
    {
      id: 'sep-open',
      kind: 'takeover',
      tool: 'jira',
      artifact: {
        key: 'PAY-7',
        title: 'Ticket PAY-7',
        url: 'https://acme.atlassian.net/browse/PAY-7',
      },
      reportId: 'alice',
      purpose: 'details-matter',
      startedAt: '2026-09-14T09:00:00.000Z',
      plannedEndAt: '2026-09-14T10:00:00.000Z',
      endedAt: null,
      status: 'active',
      activeMs: 30 * 60_000,
      lastActivityAt: new Date(Date.now() - 60_000).toISOString(),
    },
    {
      ...eightWeeksBackup.interventions.find((r) => r.id === 'w45')!,
      id: 'z1',
      reportId: 'zoe',
      artifact: {
        key: 'OPS-7',
        title: 'Ticket OPS-7',
        url: 'https://acme.atlassian.net/browse/OPS-7',
      },
    },
  ],
  prompts: eightWeeksBackup.prompts.map((p) => (p.id === 'p-w46' ? { ...p, kind: 'takeover' } : p)),
  ratings: [rating('2026-W44', 2, 2), rating('2026-W46', 3, 2), rating('2026-W48', 4, 3)],
};

const WEEKS = [
  '2026-W48',
  '2026-W47',
  '2026-W46',
  '2026-W45',
  '2026-W44',
  '2026-W43',
  '2026-W42',
  '2026-W41',
];

describe('the 1:1 page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ timezoneId: 'UTC' });
    const { page, status } = await importBackupFile(ext, backup, 'eight-weeks.json');
    expect(status).toMatch(/imported/i);
    await page.close();
  });
  afterAll(async () => ext?.close());

  async function openAlice(): Promise<Page> {
    const page = await ext.openPage('summary.html#2026-W48/alice');
    await page.getByRole('heading', { level: 1, name: /1:1 with Alice Chen/ }).waitFor();
    return page;
  }

  test('the summary row links to Alice’s 1:1 page: eight weeks, her words, a take-over, caught myself, hand-back notes, the check-in trail', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    await page.getByRole('link', { name: '1:1 page for Alice Chen' }).click();
    await page.getByRole('heading', { level: 1, name: /1:1 with Alice Chen/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('#2026-W48/alice');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(
      /8 weeks, (5 Oct|Oct 5).*(29 Nov|Nov 29),? 2026/,
    );

    // Eight weeks, newest first, each named; the weeks with nothing for Alice say so.
    const weeks = page.getByRole('region', { name: 'Week by week' });
    await expect(weeks.getByRole('heading', { level: 3 }).allInnerTexts()).resolves.toEqual(
      WEEKS.map((w) => expect.stringContaining(w)),
    );
    const week = (id: string) =>
      weeks
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(id) }) });
    for (const quiet of ['2026-W43', '2026-W42', '2026-W41'])
      expect(await week(quiet).innerText()).toMatch(/Nothing recorded/);

    // This week: three interventions with purposes; the lead's words; hand-back notes; the prompt where the lead caught themself.
    const w48 = await week('2026-W48').innerText();
    expect(w48).toMatch(
      /Intervention\s+PAY-1 Ticket PAY-1[\s\S]*Get it back on track[\s\S]*ended on time/,
    );
    expect(w48).toMatch(
      /PAY-2 Ticket PAY-2[\s\S]*ended late[\s\S]*My words: “scope the refund to one currency”/,
    );
    expect(w48).toMatch(/Hand-back note: Hi Alice, I stepped into PAY-1 \(“Ticket PAY-1”\)/);
    expect(w48).toMatch(
      /Caught myself\s+PAY-9 Ticket PAY-9 \(Sat,? (28 Nov|Nov 28)\): left it with Alice/,
    );
    expect(w48).toMatch(/Check-in\s+Full support: alignment 4 of 4, confidence 3 of 4/);
    expect(w48).not.toMatch(/WEB-/); // Bob's records stay on Bob's page.

    // The take-over, in its week, in the lead's words.
    const w46 = await week('2026-W46').innerText();
    expect(w46).toMatch(/Take-over\s+PAY-46 Ticket PAY-46[\s\S]*Teach a framework/);
    expect(w46).toMatch(/My words: “RICE scoring for the backlog”/);
    expect(w46).toMatch(/I took PAY-46 \(“Ticket PAY-46”\) over from you/);

    // Over these weeks, and the check-in trail from the rated weeks, oldest first.
    const totals = page.getByRole('region', { name: /over these 8 weeks/i });
    await expect(totals.locator('[data-figure="interventions"]').innerText()).resolves.toBe('7');
    expect(await totals.innerText()).toMatch(/including 1 take-over/);
    await expect(totals.locator('[data-figure="caught"]').innerText()).resolves.toBe('1');
    const trail = page.getByRole('table', { name: 'Check-in trail' });
    await expect(trail.getByRole('row').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Week\s+Alignment\s+Confidence\s+Where/),
      expect.stringMatching(/2026-W44\s+2 of 4\s+2 of 4\s+Act now/),
      expect.stringMatching(/2026-W46\s+3 of 4\s+2 of 4\s+Build confidence/),
      expect.stringMatching(/2026-W48\s+4 of 4\s+3 of 4\s+Full support/),
    ]);
    await expect(
      page
        .getByRole('img', { name: /alignment and confidence/i })
        .locator('[data-trail="alice"]')
        .count(),
    ).resolves.toBe(1);

    // What started before these weeks and is still open: temporary becoming permanent.
    expect(
      await page.getByRole('region', { name: 'Still open from before these weeks' }).innerText(),
    ).toMatch(
      /Take-over\s+PAY-7 Ticket PAY-7 · started (14 Sept? 2026|Sep 14, 2026)[\s\S]*still open, past the planned end[\s\S]*Still with me: not handed back yet/,
    );

    // And back to the week.
    await page.getByRole('link', { name: /back to the week of/i }).click();
    await page.getByRole('heading', { level: 1, name: /your week/i }).waitFor();
    expect(new URL(page.url()).hash).toBe('#2026-W48');
    await page.close();
  });

  test('Copy as Markdown puts a 1:1 document on the clipboard, with Alice’s name and the eight weeks', async () => {
    const page = await openAlice();
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByRole('button', { name: /copied/i }).waitFor();
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /copied/i })
        .innerText(),
    ).toMatch(/paste it into your 1:1 document with Alice Chen/);
    const markdown = await pasted(page);
    expect(markdown).toMatch(/^# 1:1 with Alice Chen\n\nWeeks 2026-W41 to 2026-W48 /);
    for (const w of WEEKS) expect(markdown).toMatch(new RegExp(`^### ${w} \\(`, 'm'));
    expect(markdown).toContain('  - My words: “scope the refund to one currency”');
    expect(markdown).toMatch(/^- \*\*Take-over\*\* `PAY-46` Ticket PAY-46: Teach a framework/m);
    expect(markdown).toMatch(/^- \*\*Caught myself\*\* `PAY-9`/m);
    expect(markdown).toContain('| 2026-W48 | 4 | 3 | Full support |');
    expect(markdown).toMatch(
      /## Still open from before these weeks\n\n- \*\*Take-over\*\* `PAY-7`/,
    );
    // The "Copied" state gives way to the button again.
    await page.getByRole('button', { name: 'Copy as Markdown' }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  test('when the browser refuses the clipboard, the Markdown is shown, selected, to copy by hand', async () => {
    const page = await ext.context.newPage();
    // Stands in for a browser that refuses the clipboard (a policy, an unfocused window): the page's own API rejects, as Chromium's does.
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.goto(`chrome-extension://${ext.extensionId}/summary.html#2026-W48/alice`);
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    const box = page.getByRole('textbox', { name: /1:1 notes as markdown/i });
    await box.waitFor();
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /did not let Pullback copy/ })
        .count(),
    ).toBe(1);
    expect(await box.inputValue()).toMatch(/^# 1:1 with Alice Chen\n/);
    await expect
      .poll(() =>
        box.evaluate(
          (el: HTMLTextAreaElement) =>
            el.selectionEnd - el.selectionStart === el.value.length &&
            document.activeElement === el,
        ),
      )
      .toBe(true);
    await page.close();
  });

  test('a link naming nobody, or no week, says so and leads back; nothing breaks', async () => {
    const page = await ext.openPage('summary.html#2026-W48/nobody');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/no report with the id “nobody”/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'No 1:1 page for this report',
    );
    // The reports there are, one click away.
    await expect(
      page
        .getByRole('navigation', { name: /1:1 pages of your reports/i })
        .getByRole('link')
        .allInnerTexts(),
    ).resolves.toEqual(['Alice Chen', 'Bob Okafor', 'Erin Diaz']);

    await page.evaluate(() => (location.hash = '#2026-W99/alice'));
    await page
      .getByRole('alert')
      .filter({ hasText: /not a week/ })
      .waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/cannot be read/);

    await page.evaluate(() => (location.hash = '#2026-W48/'));
    await page
      .getByRole('alert')
      .filter({ hasText: /names no report/ })
      .waitFor();
    await page.getByRole('link', { name: /back to the week of/i }).click();
    await page.getByRole('heading', { level: 1, name: /your week/i }).waitFor();
    expect(new URL(page.url()).hash).toBe('#2026-W48');
    await page.getByRole('link', { name: '1:1 page for Bob Okafor' }).waitFor();
    await page.close();
  });

  test('a week in year 0001 (or past 2100), in a 1:1 link or alone, shows "No such week", never a page stuck on Loading', async () => {
    const errors: string[] = [];
    const page = await ext.openPage('summary.html#0001-W01/alice');
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('heading', { level: 1, name: 'No such week' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/outside the years Pullback keeps/);
    await page.evaluate(() => (location.hash = '#9999-W01'));
    await page
      .getByRole('alert')
      .filter({ hasText: /“9999-W01” is outside/ })
      .waitFor();
    expect(await page.getByText('Loading…').count()).toBe(0);
    // The way back is a week that exists.
    await page.getByRole('link', { name: /back to the week of/i }).click();
    await page.getByRole('heading', { level: 1, name: /your week/i }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a former report’s page says they are one and still shows their history', async () => {
    const page = await ext.openPage('summary.html#2026-W48/zoe');
    await page.getByRole('heading', { level: 1, name: /1:1 with Zoe Park/ }).waitFor();
    expect(await page.getByTestId('former-report').innerText()).toMatch(
      /Zoe Park is a former report: no longer on your roster, their history kept/,
    );
    expect(await page.getByRole('region', { name: 'Week by week' }).innerText()).toMatch(
      /OPS-7 Ticket OPS-7/,
    );
    await page.close();
  });

  test('in light and dark, axe finds nothing on the page, the Markdown to copy by hand, or a bad link (contrast at least 4.5:1)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await ext.context.newPage();
      await page.emulateMedia({ colorScheme });
      // A refusing clipboard, to reach the fallback text box (see above).
      await page.addInitScript(() => {
        navigator.clipboard.writeText = () =>
          Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      });
      await page.goto(`chrome-extension://${ext.extensionId}/summary.html#2026-W48/alice`);
      await page.getByRole('heading', { level: 1, name: /1:1 with Alice Chen/ }).waitFor();
      expect(await axeViolations(page), `${colorScheme}: the 1:1 page`).toEqual([]);
      await page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await page.getByRole('textbox', { name: /1:1 notes as markdown/i }).waitFor();
      expect(await axeViolations(page), `${colorScheme}: the Markdown to copy by hand`).toEqual([]);
      await page.evaluate(() => (location.hash = '#2026-W48/nobody'));
      await page
        .getByRole('alert')
        .filter({ hasText: /no report with the id/ })
        .waitFor();
      expect(await axeViolations(page), `${colorScheme}: a link naming nobody`).toEqual([]);
      await page.close();
    }
  });

  test('printed, the 1:1 is one page with no controls', async () => {
    const page = await openAlice();
    await page.emulateMedia({ media: 'print' });
    await expect
      .poll(() => page.getByRole('button', { name: 'Copy as Markdown' }).isVisible())
      .toBe(false);
    const visibleControls = await page
      .locator('button, nav, input, textarea')
      .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(visibleControls).toBe(0);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await page.close();
  });
});

/**
 * A page for each 1:1, from an imported 8-week backup: the summary row's link opens
 * `summary.html#2026-W48/alice`, in two labelled sides. "For Alice Chen": what I stepped into and
 * handed back, the frameworks in my words, the take-over still with me, and the actions I add.
 * "Only for you": the figures, the check-ins, each week with its durations and where I caught
 * myself. "Copy for Alice Chen" copies the first side only (no alignment, confidence, quadrant,
 * duration or "caught myself"); "Copy my prep" copies both and says it is private; refused, the
 * text is shown to copy by hand. Dates, never week codes. A link naming nobody, or no week, says
 * so and leads back; a former report is called one; printed, no controls; axe finds nothing
 * (contrast included) in light or dark.
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
/** What only the lead may see: none of it is in the text copied for the report. */
const PRIVATE =
  /alignment|confidence|Full support|Build confidence|Act now|Give context|caught|\b\d+ (s|min|h)\b|hands-on|minute|W\d\d/i;

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

  test('the summary row links to Alice’s 1:1 page: two labelled sides, talking points for her, the rest only for me', async () => {
    const page = await ext.openPage('summary.html#2026-W48');
    await page.getByRole('link', { name: '1:1 page for Alice Chen' }).click();
    await page.getByRole('heading', { level: 1, name: /1:1 with Alice Chen/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('#2026-W48/alice');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(
      /(5 Oct|Oct 5).*(29 Nov|Nov 29),? 2026/,
    );

    // For Alice: what I stepped into and handed back, my words, the take-over still with me.
    const shared = page.getByRole('region', { name: 'For Alice Chen' });
    const forAlice = await shared.innerText();
    expect(forAlice).toMatch(
      /Stepped into and handed back[\s\S]*PAY-2 Ticket PAY-2: stepped in to get the direction back on track; yours again/,
    );
    expect(forAlice).toMatch(
      /Frameworks, in my words[\s\S]*PAY-2: “scope the refund to one currency”/,
    );
    expect(forAlice).toMatch(/PAY-46: “RICE scoring for the backlog”/);
    expect(forAlice).toMatch(
      /Take-overs still with me[\s\S]*PAY-7 Ticket PAY-7: took it over because the details mattered; still with me, and we agree today when it comes back/,
    );
    expect(forAlice).not.toMatch(PRIVATE);
    expect(forAlice).not.toMatch(/WEB-/); // Bob's records stay on Bob's page.

    // Only for me: eight weeks newest first, each named by its dates; the quiet ones say so.
    const mine = page.getByRole('region', { name: 'Only for you' });
    const weeks = mine.getByRole('region', { name: 'Week by week' });
    await expect(
      weeks
        .locator('li[data-week]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-week'))),
    ).resolves.toEqual(WEEKS);
    const headings = await weeks.getByRole('heading', { level: 4 }).allInnerTexts();
    expect(headings[0]).toMatch(/(23.+29 Nov|Nov 23.+29),? 2026/);
    const week = (id: string) => weeks.locator(`li[data-week="${id}"]`);
    for (const quiet of ['2026-W43', '2026-W42', '2026-W41'])
      expect(await week(quiet).innerText()).toMatch(/Nothing recorded/);
    const w48 = await week('2026-W48').innerText();
    expect(w48).toMatch(
      /Intervention\s+PAY-1 Ticket PAY-1[\s\S]*Get it back on track[\s\S]*ended on time/,
    );
    expect(w48).toMatch(/PAY-2 Ticket PAY-2[\s\S]*45 min start to end[\s\S]*ended late/);
    expect(w48).toMatch(
      /Caught myself\s+PAY-9 Ticket PAY-9 \(Sat,? (28 Nov|Nov 28)\): left it with Alice/,
    );
    expect(w48).toMatch(/Check-in\s+Full support: alignment 4 of 4, confidence 3 of 4/);
    const w46 = await week('2026-W46').innerText();
    expect(w46).toMatch(/Take-over\s+PAY-46 Ticket PAY-46[\s\S]*Teach a framework/);
    expect(w46).toMatch(/I took PAY-46 \(“Ticket PAY-46”\) over from you/);

    const totals = mine.getByRole('region', { name: /over these 8 weeks/i });
    await expect(totals.locator('[data-figure="interventions"]').innerText()).resolves.toBe('7');
    expect(await totals.innerText()).toMatch(/including 1 take-over/);
    await expect(totals.locator('[data-figure="caught"]').innerText()).resolves.toBe('1');
    const trail = mine.getByRole('table', { name: 'Check-ins' });
    await expect(trail.getByRole('row').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Week\s+Alignment\s+Confidence\s+Where/),
      expect.stringMatching(/(26 Oct|Oct 26).*2026\s+2 of 4\s+2 of 4\s+Act now/),
      expect.stringMatching(/(9.+15 Nov|Nov 9.+15),? 2026\s+3 of 4\s+2 of 4\s+Build confidence/),
      expect.stringMatching(/(23.+29 Nov|Nov 23.+29),? 2026\s+4 of 4\s+3 of 4\s+Full support/),
    ]);
    await expect(
      page
        .getByRole('img', { name: /alignment and confidence/i })
        .locator('[data-trail="alice"]')
        .count(),
    ).resolves.toBe(1);
    expect(
      await mine.getByRole('region', { name: 'Still open from before these weeks' }).innerText(),
    ).toMatch(
      /Take-over\s+PAY-7 Ticket PAY-7 · started (14 Sept? 2026|Sep 14, 2026)[\s\S]*still open, past the planned end/,
    );

    // A past week's page: dates only, never "This week" or a week code.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/this week|\bW\d\d\b/i);
    expect(await page.title()).not.toMatch(/W\d\d/);

    // And back to the week.
    await page.getByRole('link', { name: /back to the week of/i }).click();
    await page.getByRole('heading', { level: 1, name: /(23.+29 Nov|Nov 23.+29),? 2026/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('#2026-W48');
    await page.close();
  });

  test('Copy for Alice Chen copies the talking points and my actions, nothing private; Copy my prep copies both and says it is private', async () => {
    const page = await openAlice();
    const add = page.getByRole('textbox', { name: /add an action/i });
    await add.fill('Alice writes the refund rules; we review them Friday');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: /remove the action/i }).waitFor();

    await page.getByRole('button', { name: 'Copy for Alice Chen' }).click();
    await expect
      .poll(() => page.locator('#oo-copy-shared-status').innerText())
      .toMatch(/nothing private in them/);
    const shared = await pasted(page);
    expect(shared).toMatch(/^# 1:1 with Alice Chen: talking points\n/);
    expect(shared).toContain(
      '- `PAY-2` Ticket PAY-2: stepped in to get the direction back on track; yours again',
    );
    expect(shared).toContain('## Frameworks, in my words');
    expect(shared).toContain('- Alice writes the refund rules; we review them Friday');
    expect(shared).not.toMatch(PRIVATE);
    expect(shared).not.toMatch(/quadrant|2 of 4|of 4/i);

    await page.getByRole('button', { name: 'Copy my prep' }).click();
    await expect
      .poll(() => page.locator('#oo-copy-prep-status').innerText())
      .toMatch(/It is private/);
    const prep = await pasted(page);
    expect(prep).toMatch(
      /^# 1:1 with Alice Chen: my prep\n\n> Private: my own notes, not for Alice\./,
    );
    expect(prep).toContain('- Alice writes the refund rules; we review them Friday');
    expect(prep).toMatch(/^- \*\*Caught myself\*\* `PAY-9`/m);
    expect(prep).toMatch(/Latest check-in .*: Full support, alignment 4 of 4, confidence 3 of 4/);
    expect(prep).toMatch(/45 min start to end, 20 min hands-on; ended late/);
    expect(prep).not.toMatch(/\bW\d\d\b/);

    // The action is kept for the next visit, until removed.
    await page.reload();
    await page.getByRole('button', { name: /remove the action “Alice writes/i }).click();
    await expect.poll(() => page.getByText('Alice writes the refund rules').count()).toBe(0);
    await page.close();
  });

  test('when the browser refuses the clipboard, the talking points are shown, selected, to copy by hand', async () => {
    const page = await ext.context.newPage();
    // Stands in for a browser that refuses the clipboard (a policy, an unfocused window): the page's own API rejects, as Chromium's does.
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.goto(`chrome-extension://${ext.extensionId}/summary.html#2026-W48/alice`);
    await page.getByRole('button', { name: 'Copy for Alice Chen' }).click();
    const box = page.getByRole('textbox', { name: /talking points for Alice Chen as markdown/i });
    await box.waitFor();
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /did not let Pullback copy/ })
        .count(),
    ).toBe(1);
    expect(await box.inputValue()).toMatch(/^# 1:1 with Alice Chen: talking points\n/);
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
    await page.getByRole('heading', { level: 1, name: /(23.+29 Nov|Nov 23.+29),? 2026/ }).waitFor();
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
    await page.getByRole('heading', { level: 1, name: /^This week/ }).waitFor();
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

  test('in light and dark, axe finds nothing on the page, the text to copy by hand, or a bad link (contrast at least 4.5:1)', async () => {
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
      await page.getByRole('button', { name: 'Copy my prep' }).click();
      await page.getByRole('textbox', { name: /your private prep as markdown/i }).waitFor();
      expect(await axeViolations(page), `${colorScheme}: the text to copy by hand`).toEqual([]);
      await page.evaluate(() => (location.hash = '#2026-W48/nobody'));
      await page
        .getByRole('alert')
        .filter({ hasText: /no report with the id/ })
        .waitFor();
      expect(await axeViolations(page), `${colorScheme}: a link naming nobody`).toEqual([]);
      await page.close();
    }
  });

  test('printed, the 1:1 has no controls and both sides fit three A4 pages', async () => {
    const page = await openAlice();
    await page.emulateMedia({ media: 'print' });
    await expect
      .poll(() => page.getByRole('button', { name: 'Copy for Alice Chen' }).isVisible())
      .toBe(false);
    const visibleControls = await page
      .locator('button, nav, input, textarea')
      .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(visibleControls).toBe(0);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)!.length).toBeLessThanOrEqual(3);
    await page.close();
  });
});

/**
 * axe-core on every surface a lead sees: the popup (as a
 * tab and at the toolbar popup's 380 px), options, welcome, the weekly
 * summary and the 1:1 page, the in-page prompt in its open shadow root
 * (asking, a bad custom duration, time to pull back) and the closing
 * questions (in the page after "End it", in the popup after "Pull back", an
 * answer pressed), plus the states that bring their own colours (errors,
 * confirmations, a half-answered check-in), each in light and dark, in three
 * data states: empty (fresh install), with data (a roster and eight weeks),
 * and 15 reports. Every WCAG 2.0/2.1/2.2 A and AA rule and axe's best practices:
 * 0 violations; no rule disabled.
 *
 * One browser per data state; each surface opens one page and switches the
 * colour scheme in place. Without a roster no prompt can show (nobody is a
 * report), so the prompt and the closing questions run in the two roster states.
 *
 * Light runs every rule; dark runs the rules a colour can change (contrast,
 * links told apart by colour, field borders). That is sound only while the dark
 * styles change nothing but colour custom properties: the first test checks it,
 * so a dark rule that hides, moves or relabels something brings back the full run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { eightWeeksBackup } from '../support/eight-weeks';
import { faintFieldBorders } from '../support/field-borders';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { serveFakeJira, type FakeJira } from '../support/fake-jira';
import { FIFTEEN_WEEK, fifteenReportsBackup } from '../support/fifteen-reports';
import { alice, dana } from '../support/roster';
import {
  editSummary,
  importBackupFile,
  promptFrame,
  promptOn,
  takeoverPromptOn,
  typeInDescription,
} from '../support/steps';

const SCHEMES = ['light', 'dark'] as const;
/** The axe rules whose outcome depends on colour: all that can differ between light and dark. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const PROMPT_HOST = 'pullback-prompt';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
/** Alice's intervention on an AX ticket, started 40 minutes ago, planned for `plannedMin`. */
const activeOn = (key: string, plannedMin: number) => ({
  id: `ax-${key}`,
  tool: 'jira',
  artifact: { key, title: `Ticket ${key}`, url: `https://acme.atlassian.net/browse/${key}` },
  reportId: 'alice',
  purpose: 'back-on-track',
  startedAt: minutesAgo(40),
  plannedEndAt: minutesAgo(40 - plannedMin),
  endedAt: null,
  status: 'active',
  activeMs: 60_000,
  lastActivityAt: minutesAgo(1),
});
/**
 * AX-1 is overdue (the page asks to pull back), AX-2 is running (the popup pulls back from it),
 * AX-5 is a take-over until end of day past its end (the page asks whether it is still taken over).
 * Exported now: an import refuses a record starting more than a day after its file was made.
 */
const withActive = <B extends { interventions: unknown[] }>(backup: B) => ({
  ...backup,
  exportedAt: new Date().toISOString(),
  interventions: [
    ...backup.interventions,
    activeOn('AX-1', 15),
    activeOn('AX-2', 120),
    { ...activeOn('AX-5', 15), kind: 'takeover', plannedUntil: 'end-of-day' },
  ],
});

interface DataState {
  state: string;
  /** What is imported after install; null is a fresh install. */
  backup: unknown | null;
  summaryWeek: string;
  /** What the weekly summary shows once this state's week has loaded (so axe never checks a blank page). */
  summaryShows: RegExp;
  /** A report with no check-in that week. */
  unratedReport?: string;
  /** The 1:1 page opened (`summary.html#<week>/<reportId>`) and what it shows once loaded. */
  oneOnOne: { route: string; shows: RegExp };
}

const STATES: DataState[] = [
  {
    state: 'empty (fresh install, no roster)',
    backup: null,
    summaryWeek: FIFTEEN_WEEK,
    summaryShows: /who your reports are/,
    oneOnOne: { route: `${FIFTEEN_WEEK}/alice`, shows: /no report with the id/ },
  },
  // Its week has reflections, one of them asking the week’s question, and notes to reports.
  {
    state: 'with data (a roster and eight weeks of records)',
    backup: withActive(eightWeeksBackup),
    summaryWeek: '2026-W48',
    summaryShows: /You caught yourself once/,
    unratedReport: 'Erin Diaz',
    oneOnOne: { route: '2026-W48/alice', shows: /1:1 with Alice Chen/ },
  },
  {
    state: '15 reports',
    backup: withActive(fifteenReportsBackup),
    summaryWeek: FIFTEEN_WEEK,
    summaryShows: /Ravi Subramanian/,
    unratedReport: 'Quinn Baptiste-Hargreaves',
    oneOnOne: { route: `${FIFTEEN_WEEK}/sunita`, shows: /1:1 with Sunita Ramaswamy-Venkataraman/ },
  },
];

interface Session {
  ext: ExtensionBrowser;
  jira: FakeJira;
  state: DataState;
}

/** One state of a surface worth checking: reached by what the lead does, on the surface's page. */
interface View {
  view: string;
  /** Only where there is a roster (nothing is anyone's work without one). */
  needsRoster?: boolean;
  reach(page: Page, session: Session): Promise<void>;
}

interface Surface {
  surface: string;
  needsRoster?: boolean;
  open(session: Session): Promise<Page>;
  /** What axe analyses (default: the whole document); on a tool's page, only what Pullback adds. */
  include?: string[];
  /**
   * Documents analysed whole beside the page's `include` (the prompt's frame: Pullback's own page
   * inside the tool's page, which the tool's page cannot reach into).
   */
  frames?(page: Page): Frame[];
  views: View[];
}

const asIs: View['reach'] = async () => {};

/** The prompt's frame on a tool's page: where the prompt itself is drawn. */
const promptFrames = (page: Page): Frame[] => {
  const frame = promptFrame(page);
  if (!frame) throw new Error(`No prompt frame on ${page.url()}`);
  return [frame];
};

const SURFACES: Surface[] = [
  {
    surface: 'popup',
    open: async ({ ext }) => {
      const page = await ext.openPage('popup.html');
      await page.getByRole('main').waitFor();
      return page;
    },
    views: [
      { view: 'opened as a tab', reach: asIs },
      {
        view: 'at the toolbar popup’s 380 px',
        reach: (page) => page.setViewportSize({ width: 380, height: 600 }),
      },
      {
        view: 'closing questions after Pull back, an answer pressed',
        needsRoster: true,
        reach: async (page) => {
          await page.getByRole('button', { name: /pull back from AX-2/i }).click();
          const closing = page.getByRole('group', { name: 'Closing questions for AX-2' });
          await closing.getByRole('button', { name: 'Yes' }).click();
          await expect
            .poll(() => closing.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed'))
            .toBe('true');
        },
      },
      {
        view: 'asking before deleting a record of the log',
        needsRoster: true,
        reach: async (page) => {
          await page
            .getByRole('button', { name: /^delete from the log/i })
            .first()
            .click();
          await page.getByRole('alertdialog', { name: /delete this record/i }).waitFor();
        },
      },
    ],
  },
  {
    surface: 'options',
    open: async ({ ext }) => {
      const page = await ext.openPage('options.html');
      await page.getByRole('heading', { level: 1 }).waitFor();
      return page;
    },
    views: [
      { view: 'the page', reach: asIs },
      {
        view: 'a bad value explained, not saved',
        reach: async (page) => {
          await page.getByLabel(/do not ask again/i).fill('0.5');
          await page
            .getByRole('alert')
            .filter({ hasText: /whole number of minutes/ })
            .waitFor();
        },
      },
      {
        view: 'asking before deleting everything',
        reach: async (page) => {
          await page.getByRole('button', { name: 'Delete everything…' }).click();
          await page
            .getByRole('dialog', { name: /delete everything/i })
            .or(page.getByRole('alertdialog', { name: /delete everything/i }))
            .waitFor();
        },
      },
    ],
  },
  {
    surface: 'welcome',
    open: async ({ ext }) => {
      const page = await ext.openPage('welcome.html');
      await page.getByRole('heading', { level: 1 }).waitFor();
      return page;
    },
    views: [
      { view: 'the page', reach: asIs },
      {
        view: 'a report with aliases but no name, explained',
        reach: async (page) => {
          await page.getByRole('button', { name: 'Add another report' }).click();
          await page
            .getByRole('group', { name: /^Report \d+$/ })
            .last()
            .getByLabel(/aliases \(optional\)/i)
            .fill('someone@acme.test');
          await page.getByRole('button', { name: /save/i }).click();
          await page
            .getByRole('alert')
            .filter({ hasText: /aliases but no name/ })
            .waitFor();
        },
      },
    ],
  },
  {
    surface: 'weekly summary',
    open: async ({ ext, state }) => {
      const page = await ext.openPage(`summary.html#${state.summaryWeek}`);
      await page.getByText(state.summaryShows).first().waitFor();
      return page;
    },
    views: [
      { view: 'the week', reach: asIs },
      {
        view: 'a half-answered check-in, saying what is missing',
        needsRoster: true,
        reach: async (page, { state }) => {
          const checkIn = page.getByRole('group', { name: state.unratedReport });
          await checkIn
            .getByRole('radiogroup', { name: /alignment/i })
            .getByRole('radio', { name: '4' })
            .check();
          await expect
            .poll(() => checkIn.getByRole('status').textContent())
            .toMatch(/not saved.*confidence/i);
        },
      },
      {
        view: 'a note to a report, open, with the closing line field',
        needsRoster: true,
        reach: async (page) => {
          const note = page.getByRole('button', { name: /^Note to / }).first();
          if ((await note.count()) === 0) return; // A week with nobody to write to offers none.
          await note.click();
          await page.getByRole('textbox', { name: /^Weekly note to / }).waitFor();
        },
      },
      {
        view: 'asking before deleting an intervention',
        needsRoster: true,
        reach: async (page) => {
          await page
            .locator('table.records tbody tr')
            .first()
            .getByRole('button', { name: /^delete .* from the log$/i })
            .click();
          await page
            .getByRole('dialog')
            .or(page.getByRole('alertdialog'))
            .getByRole('button', { name: /cancel/i })
            .waitFor();
        },
      },
    ],
  },
  {
    surface: '1:1 page',
    open: async ({ ext, state }) => {
      const page = await ext.openPage(`summary.html#${state.oneOnOne.route}`);
      await page.getByText(state.oneOnOne.shows).first().waitFor();
      return page;
    },
    views: [
      { view: 'a report’s eight weeks (empty: a link naming nobody, explained)', reach: asIs },
      {
        view: 'an action added to the talking points',
        needsRoster: true,
        reach: async (page) => {
          const add = page.getByRole('textbox', { name: /add an action/i });
          if ((await add.count()) === 0) return; // The page of a report Pullback does not know.
          await add.fill('Agree the refund rules together');
          await page.getByRole('button', { name: 'Add', exact: true }).click();
          await page.getByRole('button', { name: /remove the action/i }).waitFor();
        },
      },
    ],
  },
  {
    surface: 'in-page prompt on a report’s Jira ticket',
    needsRoster: true,
    include: [PROMPT_HOST],
    frames: promptFrames,
    open: async ({ ext, jira }) => {
      const page = await ext.context.newPage();
      await page.goto(jira.url('AX-3'));
      return page;
    },
    views: [
      {
        view: 'asking',
        reach: async (page) => {
          await editSummary(page, ' (x)');
          await promptOn(page).getByRole('button', { name: /^Yes/ }).waitFor();
        },
      },
      {
        view: 'a custom duration out of range, explained',
        reach: async (page) => {
          const prompt = promptOn(page);
          await prompt
            .getByRole('combobox', { name: 'Pull back after' })
            .selectOption({ label: 'Custom…' });
          const minutes = prompt.getByRole('spinbutton', { name: /minutes/i });
          await minutes.click();
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type('0');
          await prompt.getByText(/whole number of minutes/i).waitFor();
        },
      },
      {
        view: 'after Yes: why and the few words',
        reach: async (page) => {
          const prompt = promptOn(page);
          await prompt.getByRole('spinbutton', { name: /minutes/i }).fill('30');
          await prompt.getByRole('button', { name: /^Yes/ }).click();
          // In it, as a lead answering would be: left alone, the step goes by itself after 20 s,
          // which a loaded machine's axe runs in both schemes could outlast.
          await prompt.getByRole('textbox', { name: /in a few words/i }).click();
        },
      },
    ],
  },
  {
    surface: 'in-page take-over card',
    needsRoster: true,
    include: [PROMPT_HOST],
    frames: promptFrames,
    open: async ({ ext, jira }) => {
      const page = await ext.context.newPage();
      await page.goto(jira.url('AX-4'));
      return page;
    },
    views: [
      {
        view: 'its own choices',
        reach: async (page) => {
          await page.getByRole('button', { name: 'Assign to me' }).click();
          await takeoverPromptOn(page).getByRole('button', { name: 'Until it is done' }).waitFor();
        },
      },
      {
        view: 'until a day, the date shown',
        reach: async (page) => {
          await takeoverPromptOn(page).getByRole('button', { name: 'Until a day…' }).click();
          await takeoverPromptOn(page).getByLabel('Until').waitFor();
        },
      },
    ],
  },
  {
    surface: 'in-page take-over card past its planned end',
    needsRoster: true,
    include: [PROMPT_HOST],
    frames: promptFrames,
    open: async ({ ext, jira }) => {
      const page = await ext.context.newPage();
      await page.goto(jira.url('AX-5'));
      return page;
    },
    views: [
      {
        view: 'still taking this over?',
        reach: async (page) => {
          await typeInDescription(page, ' a');
          await takeoverPromptOn(page)
            .getByRole('button', { name: /^Keep it until/ })
            .waitFor();
        },
      },
    ],
  },
  {
    surface: 'in-page prompt past the planned end',
    needsRoster: true,
    include: [PROMPT_HOST],
    frames: promptFrames,
    open: async ({ ext, jira }) => {
      const page = await ext.context.newPage();
      await page.goto(jira.url('AX-1'));
      return page;
    },
    views: [
      {
        view: 'time to pull back',
        reach: async (page) => {
          await typeInDescription(page, ' a');
          await promptOn(page)
            .getByText(/time to pull back/i)
            .waitFor();
        },
      },
      {
        view: 'closing questions after End it, an answer pressed',
        reach: async (page) => {
          const prompt = promptOn(page);
          await prompt.getByRole('button', { name: 'End it' }).click();
          const closing = prompt.getByRole('group', { name: /closing questions/i });
          await closing.getByRole('button', { name: 'Yes' }).click();
          await expect
            .poll(() => closing.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed'))
            .toBe('true');
        },
      },
    ],
  },
];

test('dark mode changes only colours (what lets dark run the colour rules alone)', () => {
  const stylesheets = ['components', 'entrypoints'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.css'))
      .map((f) => path.join(dir, f)),
  );
  expect(stylesheets.length).toBeGreaterThan(3);
  const offending: string[] = [];
  for (const file of stylesheets) {
    const css = readFileSync(file, 'utf8');
    // Each `@media (prefers-color-scheme: dark) { selector { declarations } ... }` block.
    for (const block of css.matchAll(
      /@media[^{]*prefers-color-scheme[^{]*\{((?:[^{}]*\{[^{}]*\})*)[^{}]*\}/g,
    )) {
      for (const rule of (block[1] ?? '').matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
        for (const declaration of (rule[2] ?? '')
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)) {
          if (!declaration.startsWith('--'))
            offending.push(`${file}: ${(rule[1] ?? '').trim()} { ${declaration} }`);
        }
      }
    }
  }
  expect(offending).toEqual([]);
});

describe.each(STATES)('axe, $state', (state) => {
  const session = {} as Session;
  beforeAll(async () => {
    // UTC: the sample weeks are UTC weeks.
    session.ext = await launchExtension({ timezoneId: 'UTC' });
    session.state = state;
    session.jira = await serveFakeJira(session.ext.context, {
      myself: dana,
      issues: {
        ...Object.fromEntries(
          ['AX-1', 'AX-2', 'AX-3', 'AX-4'].map((key) => [
            key,
            { summary: `Ticket ${key}`, assignee: alice },
          ]),
        ),
        // Taken over from Alice: the lead's now.
        'AX-5': { summary: 'Ticket AX-5', assignee: dana },
      },
    });
    if (state.backup) {
      const { page, status } = await importBackupFile(session.ext, state.backup, 'axe-state.json');
      expect(status).toMatch(/^Imported /); // Not "Nothing was imported".
      await page.close();
    }
  });
  afterAll(async () => session.ext?.close());

  const surfaces = SURFACES.filter((s) => state.backup || !s.needsRoster);
  test.each(surfaces)('$surface: no violations in light or dark', async (surface) => {
    const page = await surface.open(session);
    const found: string[] = [];
    for (const view of surface.views.filter((v) => state.backup || !v.needsRoster)) {
      await view.reach(page, session);
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        const rules = colorScheme === 'light' ? undefined : COLOUR_RULES;
        for (const line of await axeViolations(page, { include: surface.include, rules }))
          found.push(`${view.view}, ${colorScheme}: ${line}`);
        for (const line of await faintFieldBorders(page, surface.include))
          found.push(`${view.view}, ${colorScheme}: field border (WCAG 1.4.11) ${line}`);
        for (const frame of surface.frames?.(page) ?? []) {
          for (const line of await axeViolations(frame, { rules }))
            found.push(`${view.view}, ${colorScheme}, in the frame: ${line}`);
          for (const line of await faintFieldBorders(frame))
            found.push(`${view.view}, ${colorScheme}, in the frame: field border ${line}`);
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await page.close();
    expect(found).toEqual([]);
  });
});

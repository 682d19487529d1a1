/**
 * The 1:1 page of one report: the eight weeks ending with
 * a chosen week, gathered from the log for a conversation. Each week's
 * interventions (purpose, the lead's own words from "Yes", how it ended, the
 * hand-back note), take-overs, the prompts where the lead caught themself,
 * and the alignment x confidence check-in; and the same as Markdown for a
 * 1:1 document. Pure: the page hands in the records and renders the result.
 */
import { inert } from '@/utils/reports/inert-text';
import { formatDuration, spanMs } from '@/utils/model/durations';
import { firstNameOf, handBackNote } from '@/utils/reports/handback';
import {
  PURPOSE_LABELS,
  type Intervention,
  type PromptRecord,
  type Rating,
  type Touch,
} from '@/utils/model/records';
import {
  QUADRANT_GUIDANCE,
  quadrantOf,
  WINDOW_WEEKS,
  type Quadrant,
} from '@/utils/reports/summary';
import { shiftWeek, weekLabel, weekRange, type WeekId } from '@/utils/model/week';

export interface OneOnOneInput {
  /** The last week of the eight. */
  week: WeekId;
  now: Date;
  /** `former`: taken off the roster with their history kept (or, without a kept name, only found in the records). */
  report: { id: string; name: string; former: boolean };
  leadName: string;
  /** Records of any report and any time: those of this report inside the eight weeks are kept. */
  interventions: Intervention[];
  prompts: PromptRecord[];
  ratings: Rating[];
  /** Touches per report per week (absent: none counted). */
  touches?: Touch[];
  /** For week labels and dates; the browser's when absent. */
  locale?: string;
}

export type Outcome =
  | 'ended on time'
  | 'ended late'
  | 'closed by Pullback (no activity for hours)'
  | 'still open, past the planned end'
  | 'still open, within its plan';

export interface OneOnOneIntervention {
  record: Intervention;
  takeover: boolean;
  purpose: string;
  /** The lead's words from "Yes", trimmed; null when none were given. */
  words: string | null;
  spanMs: number;
  handsOnMs: number;
  outcome: Outcome;
  /** The hand-back note written from the record; null while it is still open. */
  handBack: string | null;
}

export interface OneOnOneWeek {
  week: WeekId;
  label: string;
  interventions: OneOnOneIntervention[];
  /** Prompts answered "No": the lead noticed and left the detail with its owner. */
  caught: PromptRecord[];
  rating: Rating | null;
  /** Small changes to their work that stopped before Pullback asked. */
  touches: number;
}

export interface TrailPoint {
  week: WeekId;
  alignment: Rating['alignment'];
  confidence: Rating['confidence'];
  quadrant: Quadrant;
  /** "Full support", "Build confidence"… */
  where: string;
}

export interface OneOnOne {
  report: OneOnOneInput['report'];
  leadName: string;
  firstWeek: WeekId;
  lastWeek: WeekId;
  /** "6 Oct – 29 Nov 2026" */
  rangeLabel: string;
  /** Newest first: a 1:1 starts with the week just gone. */
  weeks: OneOnOneWeek[];
  /** Started before these weeks and still open: temporary becoming permanent, oldest first. */
  openFromBefore: OneOnOneIntervention[];
  /** Rated weeks, oldest first: the movement on the 2x2. */
  trail: TrailPoint[];
  totals: {
    interventions: number;
    takeovers: number;
    handsOnMs: number;
    ended: number;
    endedOnTime: number;
    caught: number;
    /** Small changes to their work that stopped before Pullback asked. */
    touches: number;
    withWords: number;
  };
}

export function oneOnOne(input: OneOnOneInput): OneOnOne {
  const weekIds = Array.from({ length: WINDOW_WEEKS }, (_, i) =>
    shiftWeek(input.week, i - (WINDOW_WEEKS - 1)),
  );
  const bounds = weekIds.map((id) => {
    const { start, end } = weekRange(id);
    return { id, startMs: start.getTime(), endMs: end.getTime() };
  });
  const weekOf = (iso: string) => {
    const ms = Date.parse(iso);
    return bounds.findIndex((b) => ms >= b.startMs && ms < b.endMs);
  };
  const weeks: OneOnOneWeek[] = weekIds.map((id) => ({
    week: id,
    label: weekLabel(id, input.locale),
    interventions: [],
    caught: [],
    rating: null,
    touches: 0,
  }));
  const mine = <T extends { reportId: string }>(records: T[]) =>
    records.filter((r) => r.reportId === input.report.id);

  for (const record of [...mine(input.interventions)].sort(byTime((r) => r.startedAt))) {
    const i = weekOf(record.startedAt);
    if (i >= 0) weeks[i]!.interventions.push(describe(record, input));
  }
  for (const prompt of [...mine(input.prompts)].sort(byTime((p) => p.at))) {
    const i = weekOf(prompt.at);
    if (i >= 0 && prompt.answer === 'stepped-back') weeks[i]!.caught.push(prompt);
  }
  for (const touch of mine(input.touches ?? [])) {
    const i = weekIds.indexOf(touch.week);
    if (i >= 0) weeks[i]!.touches += touch.count;
  }
  for (const rating of mine(input.ratings)) {
    const i = weekIds.indexOf(rating.week);
    const current = weeks[i]?.rating;
    if (i >= 0 && (!current || rating.at > current.at)) weeks[i]!.rating = rating;
  }

  const all = weeks.flatMap((w) => w.interventions);
  const ended = all.filter((x) => x.record.status !== 'active');
  const first = weekRange(weekIds[0]!).start;
  const lastSunday = new Date(weekRange(input.week).end.getTime() - 12 * 3600_000);
  return {
    report: input.report,
    leadName: input.leadName,
    firstWeek: weekIds[0]!,
    lastWeek: input.week,
    rangeLabel: dateRange(first, lastSunday, input.locale),
    weeks: [...weeks].reverse(),
    openFromBefore: mine(input.interventions)
      .filter((r) => r.status === 'active' && Date.parse(r.startedAt) < bounds[0]!.startMs)
      .sort(byTime((r) => r.startedAt))
      .map((r) => describe(r, input)),
    trail: weeks
      .filter((w) => w.rating)
      .map(({ week, rating }) => ({
        week,
        alignment: rating!.alignment,
        confidence: rating!.confidence,
        quadrant: quadrantOf(rating!),
        where: QUADRANT_GUIDANCE[quadrantOf(rating!)].title,
      })),
    totals: {
      interventions: all.length,
      takeovers: all.filter((x) => x.takeover).length,
      handsOnMs: all.reduce((sum, x) => sum + x.handsOnMs, 0),
      ended: ended.length,
      endedOnTime: ended.filter((x) => x.outcome === 'ended on time').length,
      caught: weeks.reduce((sum, w) => sum + w.caught.length, 0),
      touches: weeks.reduce((sum, w) => sum + w.touches, 0),
      withWords: all.filter((x) => x.words).length,
    },
  };
}

function describe(record: Intervention, input: OneOnOneInput): OneOnOneIntervention {
  const words = record.intent?.trim() || null;
  return {
    record,
    takeover: record.kind === 'takeover',
    purpose: PURPOSE_LABELS[record.purpose],
    words,
    spanMs: spanMs(record, input.now),
    handsOnMs: record.activeMs,
    outcome: outcomeOf(record, input.now),
    handBack:
      record.status === 'active' ? null : handBackNote(record, input.report.name, input.now),
  };
}

export function outcomeOf(
  record: Pick<Intervention, 'status' | 'endedAt' | 'plannedEndAt'>,
  now: Date,
): Outcome {
  if (record.status === 'lapsed') return 'closed by Pullback (no activity for hours)';
  if (record.status === 'ended')
    return record.endedAt! <= record.plannedEndAt ? 'ended on time' : 'ended late';
  return Date.parse(record.plannedEndAt) < now.getTime()
    ? 'still open, past the planned end'
    : 'still open, within its plan';
}

const byTime =
  <T>(at: (x: T) => string) =>
  (a: T, b: T) =>
    at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0;

function dateRange(start: Date, end: Date, locale?: string): string {
  const dates = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return typeof dates.formatRange === 'function'
    ? dates.formatRange(start, end)
    : `${dates.format(start)} – ${dates.format(end)}`;
}

/** "12 Sept 2026": when something older than the eight weeks started. */
export function dateOf(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "Sat 28 Nov": when a prompt was shown, in the 1:1's words. */
export function dayOf(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(iso));
}

// ---------------------------------------------------------------------------
// Markdown for a 1:1 document

/** An intervention as Markdown list lines; `startedOn` ("12 Sept 2026") for those from before the weeks. */
function interventionLines(x: OneOnOneIntervention, startedOn?: string): string[] {
  const r = x.record;
  const title = r.artifact.title ? ` ${inert(r.artifact.title, 'markdown')}` : '';
  const started = startedOn ? `started ${inert(startedOn, 'markdown')}; ` : '';
  const lines = [
    `- **${x.takeover ? 'Take-over' : 'Intervention'}** ${inert(r.artifact.key, 'code')}${title}: ${inert(x.purpose, 'markdown')}; ${started}${formatDuration(x.spanMs)} start to end, ${formatDuration(x.handsOnMs)} hands-on; ${x.outcome}`,
  ];
  if (x.words) lines.push(`  - My words: “${inert(x.words, 'markdown')}”`);
  lines.push(
    x.handBack
      ? `  - Hand-back note: ${inert(x.handBack, 'markdown')}`
      : '  - Still with me: not handed back yet.',
  );
  return lines;
}

export function oneOnOneMarkdown(view: OneOnOne, locale?: string): string {
  const name = inert(view.report.name, 'markdown');
  const first = inert(firstNameOf(view.report.name), 'markdown');
  const { totals } = view;
  const lines: string[] = [`# 1:1 with ${name}`, ''];
  const source = view.leadName.trim()
    ? `${inert(view.leadName, 'markdown')}’s Pullback log`
    : 'my Pullback log';
  lines.push(
    `Weeks ${view.firstWeek} to ${view.lastWeek} (${inert(view.rangeLabel, 'markdown')}), from ${source}.`,
  );
  if (view.report.former)
    lines.push('', `${name} is a former report: no longer on my roster, their history kept.`);

  lines.push('', `## Over these ${view.weeks.length} weeks`, '');
  lines.push(
    `- Interventions: ${totals.interventions}${totals.takeovers ? ` (${totals.takeovers} ${totals.takeovers === 1 ? 'take-over' : 'take-overs'})` : ''}, ${formatDuration(totals.handsOnMs)} hands-on`,
  );
  if (totals.ended > 0)
    lines.push(`- Pulled back by the planned end: ${totals.endedOnTime} of ${totals.ended}`);
  lines.push(
    `- Caught myself and left it with ${first}: ${totals.caught === 1 ? 'once' : `${totals.caught} times`}`,
  );
  const latest = view.trail[view.trail.length - 1];
  lines.push(
    latest
      ? `- Latest check-in (${latest.week}): ${latest.where}, alignment ${latest.alignment} of 4, confidence ${latest.confidence} of 4`
      : '- Check-in: not rated in these weeks',
  );

  if (view.openFromBefore.length > 0) {
    lines.push('', '## Still open from before these weeks', '');
    for (const x of view.openFromBefore)
      lines.push(...interventionLines(x, dateOf(x.record.startedAt, locale)));
  }

  lines.push('', '## Week by week');
  for (const week of view.weeks) {
    lines.push('', `### ${week.week} (${inert(week.label, 'markdown')})`, '');
    if (week.interventions.length === 0 && week.caught.length === 0 && !week.rating) {
      lines.push('- Nothing recorded.');
      continue;
    }
    for (const x of week.interventions) lines.push(...interventionLines(x));
    for (const p of week.caught) {
      const title = p.artifact.title ? ` ${inert(p.artifact.title, 'markdown')}` : '';
      lines.push(
        `- **Caught myself** ${inert(p.artifact.key, 'code')}${title} (${dayOf(p.at, locale)}): left it with ${first}`,
      );
    }
    if (week.rating) {
      lines.push(
        `- **Check-in** ${QUADRANT_GUIDANCE[quadrantOf(week.rating)].title}: alignment ${week.rating.alignment} of 4, confidence ${week.rating.confidence} of 4`,
      );
    }
  }

  lines.push('', '## Check-in trail', '');
  if (view.trail.length === 0) lines.push('No alignment × confidence check-in in these weeks.');
  else {
    lines.push('| Week | Alignment | Confidence | Where |', '| --- | --- | --- | --- |');
    for (const t of view.trail)
      lines.push(`| ${t.week} | ${t.alignment} | ${t.confidence} | ${t.where} |`);
  }

  lines.push('', '## To talk about', '');
  if (totals.interventions > 0)
    lines.push(
      `- Where I stepped in: what would ${first} need from me to make those calls without me next time?`,
    );
  if (totals.caught > 0)
    lines.push(`- Where I held back: did ${first} notice, and was it the right call?`);
  lines.push(
    `- Did any of it feel like too much, or would ${first} have liked me to step in sooner?`,
  );
  return `${lines.join('\n')}\n`;
}

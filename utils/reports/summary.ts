/**
 * The weekly summary, computed: headline figures against the four weeks
 * before, one row per report, the alignment x confidence check-in, and
 * reflections drawn from the week's own records. Pure and synchronous: the
 * page hands in what the log holds for eight weeks and renders the result.
 *
 * One pass over the interventions and one over the prompts: each record is
 * dropped into its week (eight boundaries, compared as epoch ms) and into its
 * report's accumulator (a Map), so the cost grows with the records, not with
 * records x reports.
 */
import { formatDuration, overrunMs, pulledBackOnTime } from '@/utils/model/durations';
import { spokenDuration } from '@/utils/reports/spoken-duration';
import { toolLabel } from '@/utils/model/tools';
import {
  PURPOSES,
  TOOL_IDS,
  type Intervention,
  type PromptRecord,
  type Purpose,
  type Quadrant,
  type Rating,
  type ToolId,
  type Touch,
} from '@/utils/model/records';
import { shiftWeek, weekLabel, weekRange, type WeekId } from '@/utils/model/week';
import { QUADRANT_TITLES, quadrantOf } from '@/utils/model/constants';

/** Weeks a summary looks at: this week and the seven before it (the sparkline). */
export const WINDOW_WEEKS = 8;
/** Weeks before this one that the headline figures compare against. */
export const AVERAGE_WEEKS = 4;
/** The name a row gets when its reportId is no longer on the roster. */
export const FORMER_REPORT_NAME = 'a former report';
/** How many of the same thing in a week make a pattern worth a reflection. */
const REPEAT_THRESHOLD = 3;
/** Overran records named in the reflection's text (all of them are in recordIds). */
const OVERRAN_NAMED = 5;

// ---------------------------------------------------------------------------
// Alignment x confidence

/** The stored check-in lives with the other records (utils/model/records.ts). */
export type { Rating };

export type { Quadrant };

export { quadrantOf };

export const QUADRANT_GUIDANCE: Record<Quadrant, { title: string; advice: string }> = {
  support: {
    title: QUADRANT_TITLES.support,
    advice:
      'You agree on where this is going and you trust how they will get there. Back them fully, clear the way, and keep out of the details.',
  },
  'give-context': {
    title: QUADRANT_TITLES['give-context'],
    advice:
      'You trust their judgement but would head somewhere else. Share the why behind your view and what you know that they may not, then let them pick the path.',
  },
  'build-confidence': {
    title: QUADRANT_TITLES['build-confidence'],
    advice:
      'The direction is right but you are not yet sure of their calls here. Step in on purpose and for a set time, say out loud the framework you are using, then pull back.',
  },
  'act-now': {
    title: QUADRANT_TITLES['act-now'],
    advice:
      'Neither the direction nor your confidence is there yet. Act before your next 1:1: agree on where the work is heading, or build enough confidence to let them choose, before more effort goes the wrong way.',
  },
};

// ---------------------------------------------------------------------------
// The summary's shapes

/** previousAverage: mean over the four weeks before (null without data there); change = value - previousAverage. */
export interface Headline {
  value: number;
  previousAverage: number | null;
  change: number | null;
}

export interface ReportRow {
  report: { id: string; name: string };
  /** True for a reportId found in the records but no longer on the roster (name: 'a former report'). */
  former: boolean;
  /** This week's interventions, take-overs included. */
  interventions: number;
  /** Of those, take-overs: the lead assigned the report's item to themself. */
  takeovers: number;
  handsOnMs: number;
  prompts: number;
  /** Interventions this week per purpose, in PURPOSES order, only purposes that occurred. */
  purposes: Partial<Record<Purpose, number>>;
  /** Tools of this week's interventions, in TOOL_IDS order. */
  tools: ToolId[];
  /** This week's intervention with the longest span. */
  longest: Intervention | null;
  /** Hands-on ms per week of interventions started in it, oldest first, ending with this week (WINDOW_WEEKS values). */
  sparkline: number[];
  /** This week's rating. */
  rating: Rating | null;
  /** Earlier weeks' ratings within the window, oldest first. */
  ratingHistory: Rating[];
  /** This week's touches: small changes to their work that stopped before Pullback asked. */
  touches: number;
}

export type ReflectionRule =
  | 'takeover-open'
  | 'repeat-purpose'
  | 'overran'
  | 'hands-off'
  | 'support-stepped-in'
  | 'missing-standard'
  | 'caught-myself';

export interface Reflection {
  id: string;
  rule: ReflectionRule;
  /** What happened, stated neutrally. */
  text: string;
  /** At most one reflection a week carries a question: the one about the pattern that matters most. */
  question: string | null;
  /** The interventions, prompts (or, for hands-off, the rating) behind the text. */
  recordIds: string[];
}

export interface WeekSummary {
  week: WeekId;
  start: Date;
  end: Date;
  /** The week holding `now`: only its page says "this week". */
  current: boolean;
  /** The window's weeks, oldest first, ending with `week` (the sparkline's x axis). */
  weeks: WeekId[];
  /** Interventions started, take-overs included. */
  started: Headline;
  /** Take-overs started (also counted in `started`). */
  takeovers: Headline;
  handsOnMs: Headline;
  medianSpanMs: Headline;
  pullBack: { ended: number; onTime: number; rate: Headline | null };
  prompts: {
    shown: number;
    deliberate: number;
    steppedBack: number;
    dismissed: number;
    unanswered: number;
  };
  openAtWeekEnd: Intervention[];
  /** Those of openAtWeekEnd already past their planned end (at the week's end, or now): temporary becoming permanent. */
  pastPlannedEnd: Intervention[];
  perReport: ReportRow[];
  reflections: Reflection[];
  isEmpty: boolean;
  /** Whether the four weeks before had any records: without them, nothing here is praise or blame. */
  earlierData: boolean;
  /**
   * False when the input held the week alone (the summary draws it first, then reads the weeks
   * before): the sparklines, the 4-week averages and earlierData wait for them.
   */
  earlierRead: boolean;
}

export interface WeekInput {
  week: WeekId;
  now: Date;
  reports: Array<{ id: string; name: string }>;
  interventions: Intervention[];
  prompts: PromptRecord[];
  ratings: Rating[];
  /** Touches per report per week (absent: none counted). */
  touches?: Touch[];
  /** False when the records are the week's alone (and what was still open from before it). */
  earlierRead?: boolean;
}

// ---------------------------------------------------------------------------
// Computation: a few named steps over one pass of each kind of record.

/** Per week of the window. */
interface WeekAcc {
  started: number;
  takeovers: number;
  handsOnMs: number;
  spans: number[];
  ended: number;
  onTime: number;
  /** Any intervention started or prompt shown: the log was in use. */
  hasData: boolean;
}

/** Per report; the this-week fields are filled only from this week's records. */
interface RowAcc {
  row: ReportRow;
  longestSpan: number;
  purposeIds: Map<Purpose, string[]>;
  tools: Set<ToolId>;
}

interface Overran {
  record: Intervention;
  overMs: number;
  stillOpen: boolean;
}

const THIS = WINDOW_WEEKS - 1;
/** Weeks before this index only feed the sparkline. */
const FIRST_COMPARED = THIS - AVERAGE_WEEKS;

/** The eight weeks ending with the summary's week, and which of them a time falls in. */
interface WeekWindow {
  week: WeekId;
  start: Date;
  end: Date;
  endMs: number;
  nowMs: number;
  weeks: WeekId[];
  /** Week index of an epoch-ms time, -1 outside the window. */
  bucketOf(ms: number): number;
  /** The same for a stored ISO string. */
  bucketOfIso(iso: string): number;
  /** Where an active record's span stops counting for week i: now, or that week's end if earlier. */
  cutoff(i: number): number;
}

function weekWindow(weekId: WeekId, now: Date): WeekWindow {
  const week = shiftWeek(weekId, 0); // '#2026-w48' -> '2026-W48'; throws on a week that does not exist
  const nowMs = now.getTime();
  const { start, end } = weekRange(week);
  const endMs = end.getTime();
  // Week ids and boundaries of the window, oldest first; bounds[i]..bounds[i+1] is week i.
  const weeks: WeekId[] = [];
  const bounds: number[] = [];
  for (let i = 0; i < WINDOW_WEEKS; i++) {
    const id = shiftWeek(week, i - THIS);
    weeks.push(id);
    bounds.push(weekRange(id).start.getTime());
  }
  bounds.push(endMs);
  const windowStart = bounds[0]!;
  const bucketOf = (ms: number): number => {
    if (!(ms >= windowStart && ms < endMs)) return -1; // also rejects NaN
    for (let i = THIS; i > 0; i--) if (ms >= bounds[i]!) return i;
    return 0;
  };
  // The same on the stored text: canonical ISO strings sort as their instants.
  const boundsIso = bounds.map((ms) => new Date(ms).toISOString());
  const bucketOfIso = (iso: string): number => {
    if (!isCanonicalIso(iso)) return bucketOf(Date.parse(iso));
    if (iso < boundsIso[0]! || iso >= boundsIso[WINDOW_WEEKS]!) return -1;
    for (let i = THIS; i > 0; i--) if (iso >= boundsIso[i]!) return i;
    return 0;
  };
  return {
    week,
    start,
    end,
    endMs,
    nowMs,
    weeks,
    bucketOf,
    bucketOfIso,
    cutoff: (i) => Math.min(nowMs, bounds[i + 1]!),
  };
}

/** Rows: the roster first, in its order; former reports are added as records name them. */
class ReportRows {
  private readonly rows = new Map<string, RowAcc>();
  private readonly formerIds: string[] = [];

  constructor(reports: Array<{ id: string; name: string }>) {
    for (const report of reports)
      if (!this.rows.has(report.id)) this.add(report.id, report.name, false);
  }

  private add(id: string, name: string, former: boolean): RowAcc {
    const acc: RowAcc = {
      row: {
        report: { id, name },
        former,
        interventions: 0,
        takeovers: 0,
        handsOnMs: 0,
        prompts: 0,
        purposes: {},
        tools: [],
        longest: null,
        sparkline: new Array<number>(WINDOW_WEEKS).fill(0),
        rating: null,
        ratingHistory: [],
        touches: 0,
      },
      longestSpan: -1,
      purposeIds: new Map(),
      tools: new Set(),
    };
    this.rows.set(id, acc);
    return acc;
  }

  /** The row of a report id found in the records (a former report gets one on first sight). */
  for(reportId: string): RowAcc {
    const known = this.rows.get(reportId);
    if (known) return known;
    this.formerIds.push(reportId);
    return this.add(reportId, FORMER_REPORT_NAME, true);
  }

  /** Only rows that exist already (ratings never create one). */
  find(reportId: string): RowAcc | undefined {
    return this.rows.get(reportId);
  }

  nameOf = (reportId: string): string =>
    this.rows.get(reportId)?.row.report.name ?? FORMER_REPORT_NAME;

  /** Roster order, then former reports by id; each row's lists finished. */
  finish(): RowAcc[] {
    const ordered: RowAcc[] = [];
    for (const acc of this.rows.values()) if (!acc.row.former) ordered.push(acc);
    for (const id of [...this.formerIds].sort()) ordered.push(this.rows.get(id)!);
    for (const acc of ordered) {
      const row = acc.row;
      row.purposes = purposeCounts(acc.purposeIds);
      row.tools = [...acc.tools].sort(byToolOrder);
      row.ratingHistory = latestPerWeek(row.ratingHistory);
    }
    return ordered;
  }
}

interface InterventionTally {
  perWeek: WeekAcc[];
  openAtWeekEnd: Intervention[];
  overran: Overran[];
  detailsByTool: Map<ToolId, Intervention[]>;
}

/** Interventions into their week and their report's row. */
function tallyInterventions(
  records: Intervention[],
  w: WeekWindow,
  rows: ReportRows,
): InterventionTally {
  const perWeek: WeekAcc[] = w.weeks.map(() => ({
    started: 0,
    takeovers: 0,
    handsOnMs: 0,
    spans: [],
    ended: 0,
    onTime: 0,
    hasData: false,
  }));
  const openAtWeekEnd: Intervention[] = [];
  const overran: Overran[] = [];
  const detailsByTool = new Map<ToolId, Intervention[]>();

  for (const record of records) {
    const startMs = isoMs(record.startedAt);
    const endedMs = record.endedAt === null ? null : isoMs(record.endedAt);
    // Open at the week's end looks past the window: an intervention started
    // months ago and never closed is the clearest "temporary became permanent".
    if (startMs < w.endMs && (endedMs === null || !(endedMs < w.endMs))) openAtWeekEnd.push(record);

    const i = w.bucketOf(startMs);
    if (i < 0) continue;
    const activeMs = Number.isFinite(record.activeMs) ? record.activeMs : 0;
    const acc = rows.for(record.reportId);
    acc.row.sparkline[i]! += activeMs;
    if (i < FIRST_COMPARED) continue;

    const week = perWeek[i]!;
    const stopMs = endedMs ?? w.cutoff(i);
    const span = Math.max(0, stopMs - startMs);
    const takeover = isTakeover(record);
    week.started++;
    if (takeover) week.takeovers++;
    week.hasData = true;
    week.handsOnMs += activeMs;
    week.spans.push(span);
    const plannedMs = isoMs(record.plannedEndAt);
    if (record.status === 'ended' || record.status === 'lapsed') {
      week.ended++;
      if (pulledBackOnTime(record)) week.onTime++;
    }
    if (i !== THIS) continue;

    // This week's details.
    const row = acc.row;
    row.interventions++;
    if (takeover) row.takeovers++;
    row.handsOnMs += activeMs;
    acc.tools.add(record.tool);
    const ids = acc.purposeIds.get(record.purpose);
    if (ids) ids.push(record.id);
    else acc.purposeIds.set(record.purpose, [record.id]);
    if (span > acc.longestSpan) {
      acc.longestSpan = span;
      row.longest = record;
    }
    // Within the grace margin is on time: no reflection over a few minutes.
    if (overrunMs(record, stopMs) > 0)
      overran.push({ record, overMs: stopMs - plannedMs, stillOpen: endedMs === null });
    if (record.purpose === 'details-matter') {
      const list = detailsByTool.get(record.tool);
      if (list) list.push(record);
      else detailsByTool.set(record.tool, [record]);
    }
  }
  openAtWeekEnd.sort(byStart);
  return { perWeek, openAtWeekEnd, overran, detailsByTool };
}

type PromptCounts = WeekSummary['prompts'];

/** This week's prompts by answer; any week's prompt marks the log as in use. */
function tallyPrompts(
  records: PromptRecord[],
  w: WeekWindow,
  rows: ReportRows,
  perWeek: WeekAcc[],
): { counts: PromptCounts; steppedBack: PromptRecord[] } {
  const counts: PromptCounts = {
    shown: 0,
    deliberate: 0,
    steppedBack: 0,
    dismissed: 0,
    unanswered: 0,
  };
  const steppedBack: PromptRecord[] = [];
  for (const prompt of records) {
    const i = w.bucketOfIso(prompt.at);
    if (i < 0) continue;
    const acc = rows.for(prompt.reportId);
    perWeek[i]!.hasData = true;
    if (i !== THIS) continue;
    acc.row.prompts++;
    counts.shown++;
    switch (prompt.answer) {
      case 'deliberate':
        counts.deliberate++;
        break;
      case 'stepped-back':
        counts.steppedBack++;
        steppedBack.push(prompt);
        break;
      case 'dismissed':
        counts.dismissed++;
        break;
      case 'unanswered':
        counts.unanswered++;
        break;
    }
  }
  return { counts, steppedBack };
}

/** This week's rating per report (the latest), and the earlier weeks' of the window as history. */
function placeRatings(ratings: Rating[], w: WeekWindow, rows: ReportRows): void {
  const weekIndex = new Map(w.weeks.map((id, i) => [id, i]));
  for (const rating of ratings) {
    const i = weekIndex.get(rating.week);
    const acc = rows.find(rating.reportId);
    if (i === undefined || !acc) continue;
    if (i === THIS) {
      const current = acc.row.rating;
      if (!current || rating.at > current.at) acc.row.rating = rating;
    } else acc.row.ratingHistory.push(rating);
  }
}

/** This week's touch counts on the rows of reports (a former report's touches alone make no row). */
function placeTouches(touches: Touch[], w: WeekWindow, rows: ReportRows): void {
  for (const touch of touches) {
    const acc = touch.week === w.week ? rows.find(touch.reportId) : undefined;
    if (acc) acc.row.touches += touch.count;
  }
}

/** This week against the four before; a week with nothing to measure is left out of an average rather than counted as 0. */
function headlineFigures(perWeek: WeekAcc[]) {
  const previous = perWeek.slice(FIRST_COMPARED, THIS);
  const anyPrevious = previous.some((w) => w.hasData);
  const current = perWeek[THIS]!;
  const averageOf = (pick: (w: WeekAcc) => number) =>
    anyPrevious ? mean(previous.map(pick)) : null;
  return {
    earlierData: anyPrevious,
    started: headline(
      current.started,
      averageOf((w) => w.started),
    ),
    takeovers: headline(
      current.takeovers,
      averageOf((w) => w.takeovers),
    ),
    handsOnMs: headline(
      current.handsOnMs,
      averageOf((w) => w.handsOnMs),
    ),
    medianSpanMs: headline(
      median(current.spans) ?? 0,
      mean(previous.filter((w) => w.spans.length > 0).map((w) => median(w.spans)!)),
    ),
    pullBack: {
      ended: current.ended,
      onTime: current.onTime,
      rate:
        current.ended > 0
          ? headline(
              current.onTime / current.ended,
              mean(previous.filter((w) => w.ended > 0).map((w) => w.onTime / w.ended)),
            )
          : null,
    },
  };
}

/** Open at the week's end (or now, for the current week) and already past the planned end. */
function pastPlannedEnd(open: Intervention[], w: WeekWindow): Intervention[] {
  const at = Math.min(w.nowMs, w.endMs);
  // "Until it is done" has no planned end to be past: its plannedEndAt is the weekly reminder.
  return open.filter((r) => r.plannedUntil !== 'done' && isoMs(r.plannedEndAt) < at);
}

export function isTakeover(record: { kind?: string }): boolean {
  return record.kind === 'takeover';
}

export function summarizeWeek(input: WeekInput): WeekSummary {
  const w = weekWindow(input.week, input.now);
  const rows = new ReportRows(input.reports);
  const interventions = tallyInterventions(input.interventions, w, rows);
  const prompts = tallyPrompts(input.prompts, w, rows, interventions.perWeek);
  placeRatings(input.ratings, w, rows);
  placeTouches(input.touches ?? [], w, rows);
  const ordered = rows.finish();
  const figures = headlineFigures(interventions.perWeek);
  const overdue = pastPlannedEnd(interventions.openAtWeekEnd, w);
  const current = w.nowMs >= w.start.getTime() && w.nowMs < w.endMs;
  // A past week's page never says "this week": its reflections speak of "that week".
  const when = current ? 'this week' : 'that week';

  const reflections = oneQuestion([
    ...takeoverOpen(w.week, overdue, rows.nameOf, w.nowMs, w.endMs),
    ...repeatPurpose(w.week, when, ordered),
    ...overranReflection(w.week, when, interventions.overran, rows.nameOf),
    ...handsOff(w.week, when, ordered),
    ...supportSteppedIn(w.week, when, ordered),
    ...missingStandard(w.week, when, interventions.detailsByTool, rows.nameOf),
    ...caughtMyself(w.week, when, prompts.steppedBack, rows.nameOf),
  ]);

  return {
    week: w.week,
    start: w.start,
    end: w.end,
    current,
    weeks: w.weeks,
    ...figures,
    prompts: prompts.counts,
    openAtWeekEnd: interventions.openAtWeekEnd,
    pastPlannedEnd: overdue,
    perReport: ordered.map((acc) => acc.row),
    reflections,
    isEmpty: figures.started.value === 0 && prompts.counts.shown === 0,
    earlierRead: input.earlierRead ?? true,
  };
}

// ---------------------------------------------------------------------------
// Reflections: each drawn from this week's records, each naming them. They state facts; of all
// the questions they could ask, only the one about the pattern that matters most is asked.

const PURPOSE_REASONS: Record<Purpose, string> = {
  'back-on-track': 'to get it back on track',
  'teach-framework': 'to teach a framework',
  'details-matter': 'because the details mattered',
};

/**
 * Which pattern's question is asked, highest first: a report rated Act now left alone, overruns
 * piling up on one report, stepping into the work of a report rated Full support, then the rest.
 */
const QUESTION_WEIGHT: Record<ReflectionRule, number> = {
  'hands-off': 5, // raised to 7 for a report rated Act now
  overran: 6, // only with three or more on one report
  'support-stepped-in': 6,
  'takeover-open': 4,
  'repeat-purpose': 3,
  'missing-standard': 2,
  'caught-myself': 0,
};

/** A reflection before the week's one question is chosen. */
type Draft = Omit<Reflection, 'question'> & { ask: string | null; weight: number };

function draft(
  reflection: Omit<Reflection, 'question'>,
  ask: string | null,
  weight = QUESTION_WEIGHT[reflection.rule],
): Draft {
  return { ...reflection, ask, weight };
}

/** Keeps the one question of the highest weight (the first of equals); the others state facts only. */
function oneQuestion(drafts: Draft[]): Reflection[] {
  let asked: Draft | null = null;
  for (const d of drafts)
    if (d.ask && d.weight > 0 && (!asked || d.weight > asked.weight)) asked = d;
  return drafts.map(({ ask, weight: _weight, ...r }) => ({
    ...r,
    question: r.id === asked?.id ? ask : null,
  }));
}

function weekWords(ratingWeek: WeekId, week: WeekId, when: string): string {
  return ratingWeek === week ? when : `in the week of ${weekLabel(ratingWeek)}`;
}

/** A take-over still with the lead past its planned end. One reflection each, oldest first. */
function takeoverOpen(
  week: WeekId,
  overdue: Intervention[],
  nameOf: (id: string) => string,
  nowMs: number,
  weekEndMs: number,
): Draft[] {
  const at = Math.min(nowMs, weekEndMs);
  return overdue.filter(isTakeover).map((record) => {
    const name = nameOf(record.reportId);
    const over = spokenDuration(at - isoMs(record.plannedEndAt));
    const still = weekEndMs <= nowMs ? 'was still with you at the week’s end' : 'is still with you';
    return draft(
      {
        id: `${week}:takeover-open:${record.id}`,
        rule: 'takeover-open',
        text: `You took ${record.artifact.key} over from ${name} on ${dayLabel(record.startedAt)}; it ${still}, ${over} past the end you planned.`,
        recordIds: [record.id],
      },
      `Does ${record.artifact.key} go back to ${firstName(name)}, or is it agreed that it is yours now?`,
    );
  });
}

function repeatPurpose(week: WeekId, when: string, rows: RowAcc[]): Draft[] {
  const out: Draft[] = [];
  for (const acc of rows) {
    const name = acc.row.report.name;
    for (const [purpose, ids] of [...acc.purposeIds].sort(([a], [b]) => byPurposeOrder(a, b))) {
      if (ids.length < REPEAT_THRESHOLD) continue;
      const who = acc.row.former ? 'they' : firstName(name);
      out.push(
        draft(
          {
            id: `${week}:repeat-purpose:${acc.row.report.id}:${purpose}`,
            rule: 'repeat-purpose',
            text: `You stepped into ${possessive(name)} work ${times(ids.length)} ${when} ${PURPOSE_REASONS[purpose] ?? `(${purpose})`}.`,
            recordIds: ids,
          },
          purpose === 'teach-framework'
            ? `Could ${who} make the next call of this kind without you?`
            : `What would ${who} need to make these calls without you?`,
        ),
      );
    }
  }
  return out;
}

function overranReflection(
  week: WeekId,
  when: string,
  overran: Overran[],
  nameOf: (id: string) => string,
): Draft[] {
  if (overran.length === 0) return [];
  overran.sort((a, b) => byStart(a.record, b.record));
  const total = overran.reduce((sum, o) => sum + o.overMs, 0);
  const named = overran
    .slice(0, OVERRAN_NAMED)
    .map(
      (o) =>
        `${o.record.artifact.key} on ${possessive(nameOf(o.record.reportId))} work, ${formatDuration(o.overMs)} over${o.stillOpen ? ' and still open' : ''}`,
    );
  if (overran.length > OVERRAN_NAMED) named.push(`${overran.length - OVERRAN_NAMED} more`);
  const count = overran.length === 1 ? '1 intervention' : `${overran.length} interventions`;
  const text =
    `${count} went past the planned end and its grace margin ${when} (${named.join('; ')})` +
    (overran.length > 1 ? `, ${formatDuration(total)} over in total` : '') +
    '.';
  // The pattern worth a question: three or more on one report's work.
  const perReport = new Map<string, number>();
  for (const o of overran)
    perReport.set(o.record.reportId, (perReport.get(o.record.reportId) ?? 0) + 1);
  const [repeated] = [...perReport].filter(([, n]) => n >= REPEAT_THRESHOLD);
  return [
    draft(
      { id: `${week}:overran`, rule: 'overran', text, recordIds: overran.map((o) => o.record.id) },
      repeated
        ? `What kept you in ${possessive(nameOf(repeated[0]))} work past the plan, ${times(repeated[1])} ${when}?`
        : null,
    ),
  ];
}

/** The latest rating in the window: the week's own, else the most recent earlier one. */
function latestRating(row: ReportRow): Rating | undefined {
  return row.rating ?? row.ratingHistory[row.ratingHistory.length - 1];
}

function handsOff(week: WeekId, when: string, rows: RowAcc[]): Draft[] {
  const out: Draft[] = [];
  for (const { row } of rows) {
    if (row.former || row.interventions > 0 || row.prompts > 0) continue;
    const rating = latestRating(row);
    if (!rating || rating.confidence > 2) continue;
    const quadrant = quadrantOf(rating);
    const name = row.report.name;
    out.push(
      draft(
        {
          id: `${week}:hands-off:${row.report.id}`,
          rule: 'hands-off',
          text: `You rated ${name} ${QUADRANT_GUIDANCE[quadrant].title} ${weekWords(rating.week, week, when)} (alignment ${rating.alignment} of 4, confidence ${rating.confidence} of 4), and had no touchpoints with their work ${when}.`,
          recordIds: [rating.id],
        },
        `Does ${firstName(name)} have the context and the guardrails to go on without you?`,
        quadrant === 'act-now' ? 7 : QUESTION_WEIGHT['hands-off'],
      ),
    );
  }
  return out;
}

/** Stepping into the work of a report rated Full support: the rating or the stepping in is out of date. */
function supportSteppedIn(week: WeekId, when: string, rows: RowAcc[]): Draft[] {
  const out: Draft[] = [];
  for (const acc of rows) {
    const { row } = acc;
    const rating = latestRating(row);
    if (row.former || row.interventions === 0 || !rating || quadrantOf(rating) !== 'support')
      continue;
    out.push(
      draft(
        {
          id: `${week}:support-stepped-in:${row.report.id}`,
          rule: 'support-stepped-in',
          text: `You rated ${row.report.name} Full support ${weekWords(rating.week, week, when)}, and stepped into their work ${times(row.interventions)} ${when}.`,
          recordIds: [...acc.purposeIds.values()].flat(),
        },
        `Has something changed in how you see ${possessive(firstName(row.report.name))} work?`,
      ),
    );
  }
  return out;
}

function missingStandard(
  week: WeekId,
  when: string,
  detailsByTool: Map<ToolId, Intervention[]>,
  nameOf: (id: string) => string,
): Draft[] {
  const out: Draft[] = [];
  for (const tool of [...detailsByTool.keys()].sort(byToolOrder)) {
    const records = detailsByTool.get(tool)!;
    if (records.length < REPEAT_THRESHOLD) continue;
    const toolName = toolLabel(tool);
    out.push(
      draft(
        {
          id: `${week}:missing-standard:${tool}`,
          rule: 'missing-standard',
          text: `${records.length} interventions in ${toolName} ${when} were about details that mattered (${tally(records, nameOf)}).`,
          recordIds: records.map((r) => r.id),
        },
        `Would a shared standard for work in ${toolName}, such as a style guide or a checklist, cover these?`,
      ),
    );
  }
  return out;
}

function caughtMyself(
  week: WeekId,
  when: string,
  steppedBack: PromptRecord[],
  nameOf: (id: string) => string,
): Draft[] {
  if (steppedBack.length === 0) return [];
  return [
    draft(
      {
        id: `${week}:caught-myself`,
        rule: 'caught-myself',
        text: `You caught yourself ${times(steppedBack.length)} ${when} and left the work with its owner (${tally(steppedBack, nameOf)}).`,
        recordIds: steppedBack.map((p) => p.id),
      },
      null,
    ),
  ];
}

// ---------------------------------------------------------------------------
// Helpers

/** 'YYYY-MM-DDTHH:MM:SS.sssZ', as Date#toISOString writes it (and the log stores it). */
function isCanonicalIso(s: string): boolean {
  return (
    s.length === 24 &&
    s.charCodeAt(4) === 45 && // -
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 && // T
    s.charCodeAt(13) === 58 && // :
    s.charCodeAt(16) === 58 &&
    s.charCodeAt(19) === 46 && // .
    s.charCodeAt(23) === 90 // Z
  );
}

/** Date.parse, with a fast path for the canonical form that holds thousands of records. */
function isoMs(s: string): number {
  if (!isCanonicalIso(s)) return Date.parse(s);
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const milli = digits(s, 20, 3);
  // Anything unusual (NaN fails every comparison) goes to Date.parse, which knows the rules.
  if (!(
    year >= 100 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 28 &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    milli >= 0
  )) {
    return Date.parse(s);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let k = from; k < from + count; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return NaN;
    value = value * 10 + c;
  }
  return value;
}

function headline(value: number, previousAverage: number | null): Headline {
  return {
    value,
    previousAverage,
    change: previousAverage === null ? null : value - previousAverage,
  };
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function purposeCounts(ids: Map<Purpose, string[]>): Partial<Record<Purpose, number>> {
  const out: Partial<Record<Purpose, number>> = {};
  for (const purpose of [...ids.keys()].sort(byPurposeOrder))
    out[purpose] = ids.get(purpose)!.length;
  return out;
}

/** One rating per week (the latest), oldest week first. */
function latestPerWeek(ratings: Rating[]): Rating[] {
  const byWeek = new Map<WeekId, Rating>();
  for (const r of ratings) {
    const seen = byWeek.get(r.week);
    if (!seen || r.at > seen.at) byWeek.set(r.week, r);
  }
  return [...byWeek.values()].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
}

/** "Alice Chen ×2, Bob Okafor ×1", in order of first appearance. */
function tally(records: Array<{ reportId: string }>, nameOf: (id: string) => string): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.reportId, (counts.get(r.reportId) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${nameOf(id)} ×${n}`).join(', ');
}

/** "Fri 27 Nov": a day the lead reads. */
function dayLabel(iso: string): string {
  return DAY.format(new Date(iso));
}
const DAY = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

function possessive(name: string): string {
  return `${name}’s`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function byPurposeOrder(a: Purpose, b: Purpose): number {
  return orderIn(PURPOSES, a) - orderIn(PURPOSES, b);
}

function byToolOrder(a: ToolId, b: ToolId): number {
  return orderIn(TOOL_IDS, a) - orderIn(TOOL_IDS, b);
}

/** Position in a known list; values from outside it (an older backup, say) go last. */
function orderIn<T>(list: readonly T[], value: T): number {
  const i = list.indexOf(value);
  return i < 0 ? list.length : i;
}

function byStart(a: Intervention, b: Intervention): number {
  return a.startedAt < b.startedAt
    ? -1
    : a.startedAt > b.startedAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

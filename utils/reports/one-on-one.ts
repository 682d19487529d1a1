/**
 * The 1:1 page of one report: the eight weeks ending with a chosen week, gathered from the log
 * for a conversation, in two parts that are never mixed by accident. The talking points are for
 * the report (what I stepped into and handed back, the frameworks in my words, the take-overs
 * still with me); the rest is the lead's own (check-ins, caught myself, durations, reflections).
 * Markdown of each is in utils/one-on-one-markdown.ts. Pure: the page hands in the records.
 */
import { isOverdue, pulledBackOnTime, spanMs } from '@/utils/model/durations';
import { handBackNote } from '@/utils/reports/handback';
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
  /** The lead's own last line for notes to the report. */
  closingLine?: string;
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

/** What the report hears: nothing in it is a duration, a rating or "caught myself". */
export interface TalkingPoints {
  /** Ended and theirs again, newest first. */
  handedBack: OneOnOneIntervention[];
  /** The lead's words from "Yes", one per intervention that has them, newest first. */
  frameworks: Array<{ key: string; words: string }>;
  /** Take-overs still with the lead (open, or kept with "Still me"), oldest first. */
  openTakeovers: OneOnOneIntervention[];
  /** Interventions still with the lead, oldest first. */
  stillWithMe: OneOnOneIntervention[];
}

export interface OneOnOne {
  report: OneOnOneInput['report'];
  talkingPoints: TalkingPoints;
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
  const openFromBefore = mine(input.interventions)
    .filter((r) => r.status === 'active' && Date.parse(r.startedAt) < bounds[0]!.startMs)
    .sort(byTime((r) => r.startedAt))
    .map((r) => describe(r, input));
  const first = weekRange(weekIds[0]!).start;
  const lastSunday = new Date(weekRange(input.week).end.getTime() - 12 * 3600_000);
  return {
    report: input.report,
    leadName: input.leadName,
    firstWeek: weekIds[0]!,
    lastWeek: input.week,
    rangeLabel: dateRange(first, lastSunday, input.locale),
    weeks: [...weeks].reverse(),
    openFromBefore,
    talkingPoints: talkingPoints([...openFromBefore, ...all]),
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

function talkingPoints(oldestFirst: OneOnOneIntervention[]): TalkingPoints {
  const mineStill = (x: OneOnOneIntervention) =>
    x.record.status === 'active' || x.record.closing?.ownerNow === 'me';
  const newestFirst = [...oldestFirst].reverse();
  return {
    handedBack: newestFirst.filter((x) => !mineStill(x)),
    frameworks: newestFirst
      .filter((x) => x.words)
      .map((x) => ({ key: x.record.artifact.key, words: x.words! })),
    openTakeovers: oldestFirst.filter((x) => x.takeover && mineStill(x)),
    stillWithMe: oldestFirst.filter((x) => !x.takeover && mineStill(x)),
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
      record.status === 'active'
        ? null
        : handBackNote(record, input.report.name, {
            closingLine: input.closingLine,
            locale: input.locale,
          }),
  };
}

export function outcomeOf(
  record: Pick<Intervention, 'status' | 'startedAt' | 'endedAt' | 'plannedEndAt'> &
    Partial<Pick<Intervention, 'plannedUntil'>>,
  now: Date,
): Outcome {
  if (record.status === 'lapsed') return 'closed by Pullback (no activity for hours)';
  if (record.status === 'ended') return pulledBackOnTime(record) ? 'ended on time' : 'ended late';
  return isOverdue(record, now)
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

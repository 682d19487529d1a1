/**
 * ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday) in the
 * user's local time zone. A week id names the ISO week-numbering year, which
 * differs from the calendar year around New Year: 2024-12-30 is in 2025-W01
 * and 2021-01-03 is in 2020-W53. The week math is date-fns'; this file only
 * spells week ids and turns them into local ranges.
 */
import {
  addDays,
  addWeeks,
  getISOWeek,
  getISOWeeksInYear,
  getISOWeekYear,
  startOfISOWeekYear,
} from 'date-fns';

/** '2026-W48': ISO week-numbering year, 'W', two-digit week. Sorts as text within four-digit years. */
export type WeekId = string;

const WEEK_ID = /^#?\s*(\d{4})-W(\d{2})\s*$/i;

/** The week `date` falls in, in local time. */
export function weekIdOf(date: Date): WeekId {
  return format(getISOWeekYear(date), getISOWeek(date));
}

/**
 * A week id from a location hash, an `<input type="week">` value or typed
 * text: '2026-W48', '#2026-W48', '2026-w48'. Null for anything else,
 * including week 00, week 54 and a week 53 in a year that has only 52.
 */
export function parseWeekId(text: string): WeekId | null {
  const match = WEEK_ID.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1 || week < 1 || week > 53) return null;
  if (week > getISOWeeksInYear(midYear(year))) return null;
  return format(year, week);
}

/**
 * Local Monday 00:00 (inclusive) to the next Monday 00:00 (exclusive). In a
 * week with a daylight-saving change the range is 167 or 169 hours long.
 * Throws on an id `parseWeekId` would reject.
 */
export function weekRange(id: WeekId): { start: Date; end: Date } {
  const parsed = parseWeekId(id);
  if (!parsed) throw new RangeError(`Not an ISO week: ${JSON.stringify(id)}`);
  const year = Number(parsed.slice(0, 4));
  const week = Number(parsed.slice(6));
  // Calendar arithmetic (addWeeks) keeps local midnight across DST changes.
  const start = addWeeks(startOfISOWeekYear(midYear(year)), week - 1);
  return { start, end: addWeeks(start, 1) };
}

/** The week `weeks` later (negative: earlier), across year ends and 53-week years. */
export function shiftWeek(id: WeekId, weeks: number): WeekId {
  return weekIdOf(addWeeks(weekRange(id).start, weeks));
}

/**
 * "23–29 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027" (the
 * exact spacing and order are the locale's), Monday to Sunday.
 */
export function weekLabel(id: WeekId, locale?: string): string {
  const { start } = weekRange(id);
  const sunday = addDays(start, 6);
  const dates = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  if (typeof dates.formatRange === 'function') return dates.formatRange(start, sunday);
  return `${dates.format(start)} – ${dates.format(sunday)}`;
}

function format(year: number, week: number): WeekId {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** Local noon on 1 July of `year`; setFullYear so years below 100 are not read as 19xx. */
function midYear(year: number): Date {
  const date = new Date(2000, 6, 1, 12);
  date.setFullYear(year, 6, 1);
  return date;
}

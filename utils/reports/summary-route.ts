/**
 * The summary page's address: `#2026-W48` is a week, `#2026-W48/<reportId>`
 * the 1:1 page of one report for the eight weeks ending that week. Pure, so
 * every malformed address has a tested answer.
 *
 * A hash without "/" keeps the week page's old, forgiving reading (anything
 * that is not a week shows this week). A hash with "/" is a 1:1 link, read
 * strictly: a link that names a 1:1 but cannot be read says so instead of
 * quietly showing something else.
 */
import { RANGES } from '@/utils/model/constants';
import { parseWeekId, type WeekId } from '@/utils/model/week';

export type SummaryRoute =
  | { page: 'week'; week: WeekId }
  | { page: 'one-on-one'; week: WeekId; reportId: string }
  /** A 1:1 link that cannot be read; `week` is the week it names, when that part reads. */
  | { page: 'bad-link'; problem: string; week: WeekId | null }
  /** A week outside the years Pullback keeps (0001-W01): there is nothing to show, and nothing to compute from it. */
  | { page: 'no-such-week'; problem: string; week: null };

/** A week written as one (2026-W48) whose year Pullback keeps no records for. */
function outsideTheYears(text: string): string | null {
  const week = parseWeekId(text);
  if (!week) return null;
  const year = Number(week.slice(0, 4));
  return year < RANGES.years.min || year > RANGES.years.max
    ? `“${week}” is outside the years Pullback keeps (${RANGES.years.min} to ${RANGES.years.max}).`
    : null;
}

export function parseSummaryHash(hash: string, thisWeek: WeekId): SummaryRoute {
  const text = hash.replace(/^#/, '');
  const slash = text.indexOf('/');
  const weekPart = slash < 0 ? text : text.slice(0, slash);
  const outside = outsideTheYears(weekPart);
  if (outside) return { page: 'no-such-week', problem: outside, week: null };
  if (slash < 0) return { page: 'week', week: parseWeekId(text) ?? thisWeek };

  const idPart = text.slice(slash + 1);
  const week = parseWeekId(weekPart);
  if (!week)
    return {
      page: 'bad-link',
      week: null,
      problem: `“${shorten(weekPart)}” is not a week (a week reads like 2026-W48).`,
    };
  if (idPart.trim() === '')
    return { page: 'bad-link', week, problem: 'The address names no report.' };
  if (idPart.includes('/'))
    return {
      page: 'bad-link',
      week,
      problem: 'The address has more after the report than Pullback understands.',
    };
  let reportId: string;
  try {
    reportId = decodeURIComponent(idPart);
  } catch {
    return {
      page: 'bad-link',
      week,
      problem: 'The report in the address is garbled (a broken %-escape).',
    };
  }
  return { page: 'one-on-one', week, reportId };
}

/** The address of a route, as the page's links write it. */
export function summaryHash(route: { week: WeekId; reportId?: string }): string {
  return route.reportId === undefined
    ? `#${route.week}`
    : `#${route.week}/${encodeURIComponent(route.reportId)}`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

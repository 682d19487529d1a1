/**
 * The summary's first screen on a year of data waited on the background reading eight weeks
 * (15,000 records) when the current week's digest, check-in and per-report rows need one. So the
 * current week is read first and drawn, and the seven weeks before follow (sparklines, the 4-week
 * averages). Joined, the two answers are the records one read of the window gives, in its order.
 */
import type { SummaryData, SummaryRange } from '@/utils/protocol/messages';
import { WINDOW_WEEKS } from '@/utils/reports/summary';
import { shiftWeek, weekRange, type WeekId } from '@/utils/model/week';

/** The whole window: the one read a past week, or the 1:1 page, waits for. */
export function windowRange(week: WeekId): SummaryRange {
  const first = shiftWeek(week, -(WINDOW_WEEKS - 1));
  return {
    fromIso: weekRange(first).start.toISOString(),
    toIso: weekRange(week).end.toISOString(),
    fromWeek: first,
    toWeek: week,
  };
}

/**
 * The week alone (its records, anything still open from before it, the window's check-ins and
 * touches: small, and the check-in's history needs them), then the weeks before it.
 */
export function weekFirstRanges(week: WeekId): { week: SummaryRange; earlier: SummaryRange } {
  const window = windowRange(week);
  const weekStart = weekRange(week).start.toISOString();
  return {
    week: { ...window, fromIso: weekStart },
    earlier: { ...window, toIso: weekStart, toWeek: shiftWeek(week, -1) },
  };
}

/**
 * The two answers as one read of the window: still open from before the window, then started
 * in it, oldest first (the week's answer repeats what is still open from the earlier weeks: the
 * earlier answer has those in place). Check-ins and touches are the week's answer's (the window's).
 */
export function joinWeekFirst(week: WeekId, first: SummaryData, earlier: SummaryData): SummaryData {
  const windowStart = windowRange(week).fromIso;
  const weekStart = weekRange(week).start.toISOString();
  return {
    interventions: [
      ...first.interventions.filter((r) => r.startedAt < windowStart),
      ...earlier.interventions.filter((r) => r.startedAt >= windowStart),
      ...first.interventions.filter((r) => r.startedAt >= weekStart),
    ],
    prompts: [...earlier.prompts, ...first.prompts],
    ratings: first.ratings,
    touches: first.touches,
  };
}

/**
 * The summary reads the current week first and the weeks before it after (a year of data drew its
 * first screen late when it waited for all eight). Joined, the two reads must be the one read of
 * the window, record for record and in its order: every figure of the summary comes from it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openPullbackDb, type PullbackDatabase } from '@/utils/background/db';
import { createService } from '@/utils/background/service';
import { DEFAULT_SETTINGS } from '@/utils/model/records';
import { shiftWeek, weekRange, type WeekId } from '@/utils/model/week';
import { summarizeWeek } from '@/utils/reports/summary';
import { joinWeekFirst, weekFirstRanges, windowRange } from '@/entrypoints/summary/week-first';
import { intervention, promptRecord, uniqueDbName } from '@/tests/unit/helpers';

const WEEK = '2026-W48' as WeekId;
const DAY = 86_400_000;
const dbs: PullbackDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

/** A time `days` after the start of the week `weeksBack` weeks before WEEK. */
const at = (weeksBack: number, days = 1) =>
  new Date(weekRange(shiftWeek(WEEK, -weeksBack)).start.getTime() + days * DAY).toISOString();

function ended(id: string, startedAt: string, endedAt: string, reportId = 'alice') {
  return intervention({ id, startedAt, endedAt, status: 'ended', activeMs: 60_000, reportId });
}

async function loggedWindow() {
  const db = await openPullbackDb(uniqueDbName());
  dbs.push(db);
  const service = createService({
    db,
    getSettings: async () => structuredClone(DEFAULT_SETTINGS),
    setSettings: async () => {},
    now: () => new Date(at(0, 3)),
    newId: () => crypto.randomUUID(),
  });
  const records = [
    intervention({ id: 'open-before-window', startedAt: at(10) }),
    ended('ended-before-window', at(10), at(10, 2)),
    intervention({ id: 'open-earlier-week', startedAt: at(3, 2) }),
    ended('earlier-1', at(6), at(6, 1.1), 'bob'),
    ended('earlier-2', at(1, 5), at(0, 0.5)),
    ended('this-week-1', at(0, 0.2), at(0, 0.3)),
    intervention({ id: 'this-week-open', startedAt: at(0, 2) }),
  ];
  const prompts = [
    promptRecord({ id: 'p-before', at: at(9) }),
    promptRecord({ id: 'p-earlier', at: at(4) }),
    promptRecord({ id: 'p-week', at: at(0, 1) }),
    promptRecord({ id: 'p-week-2', at: at(0, 2) }),
  ];
  for (const r of records) await db.put('interventions', r);
  for (const p of prompts) await db.put('prompts', p);
  await db.put('ratings', {
    id: `${shiftWeek(WEEK, -2)}:alice`,
    week: shiftWeek(WEEK, -2),
    reportId: 'alice',
    alignment: 3,
    confidence: 2,
    at: at(2),
  } as never);
  return service;
}

describe('the summary read week first', () => {
  it('joins the week and the weeks before into the one read of the window, in its order', async () => {
    const service = await loggedWindow();
    const whole = await service.summaryData(windowRange(WEEK));
    const ranges = weekFirstRanges(WEEK);
    const first = await service.summaryData(ranges.week);
    const earlier = await service.summaryData(ranges.earlier);

    expect(joinWeekFirst(WEEK, first, earlier)).toEqual(whole);
    // The week's read alone holds the week and what is still open, not the weeks before it.
    expect(first.interventions.map((r) => r.id).sort()).toEqual(
      ['open-before-window', 'open-earlier-week', 'this-week-1', 'this-week-open'].sort(),
    );
    expect(first.prompts.map((p) => p.id)).toEqual(['p-week', 'p-week-2']);
    expect(first.ratings).toHaveLength(1); // the check-in's history is read with the week
  });

  it('leaves the sparklines and averages to the weeks before, saying so', async () => {
    const service = await loggedWindow();
    const first = await service.summaryData(weekFirstRanges(WEEK).week);
    const input = {
      week: WEEK,
      now: new Date(at(0, 3)),
      reports: [{ id: 'alice', name: 'Alice Chen' }],
      ...first,
    };
    const early = summarizeWeek({ ...input, earlierRead: false });
    const whole = summarizeWeek({ ...input, ...(await service.summaryData(windowRange(WEEK))) });
    expect(early.earlierRead).toBe(false);
    expect(whole.earlierRead).toBe(true);
    // What the first screen draws from the week alone is what the whole window gives.
    expect(early.started.value).toBe(whole.started.value);
    expect(early.handsOnMs.value).toBe(whole.handsOnMs.value);
    expect(early.pullBack.ended).toBe(whole.pullBack.ended);
    expect(early.openAtWeekEnd).toEqual(whole.openAtWeekEnd);
    expect(early.perReport[0]!.rating).toEqual(whole.perReport[0]!.rating);
    expect(early.perReport[0]!.ratingHistory).toEqual(whole.perReport[0]!.ratingHistory);
  });
});

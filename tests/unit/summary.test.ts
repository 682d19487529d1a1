import { describe, expect, it } from 'vitest';
import type {
  Intervention,
  InterventionStatus,
  PromptAnswer,
  PromptRecord,
  Purpose,
  ToolId,
} from '@/utils/model/records';
import {
  QUADRANT_GUIDANCE,
  quadrantOf,
  summarizeWeek,
  type Quadrant,
  type Rating,
  type WeekInput,
} from '@/utils/reports/summary';
import { intervention, promptRecord } from '@/tests/unit/helpers';

/**
 * Times are local (weeks are local), made with the Date constructor so the
 * figures below hold in any time zone. Day 0 is Monday 23 Nov 2026, the
 * first day of 2026-W48; negative days are earlier weeks.
 */
const MIN = 60_000;
const local = (day: number, hour: number, minute = 0) => new Date(2026, 10, 23 + day, hour, minute);
const at = (day: number, hour: number, minute = 0) => local(day, hour, minute).toISOString();
const plusMin = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * MIN).toISOString();

const WEEK = '2026-W48';
const NOW = local(5, 12); // Saturday 28 Nov, noon

function iv(
  id: string,
  reportId: string,
  tool: ToolId,
  key: string,
  purpose: Purpose,
  startedAt: string,
  plannedMin: number,
  endMin: number | null,
  handsOnMin: number,
  status: InterventionStatus = endMin === null ? 'active' : 'ended',
): Intervention {
  return intervention({
    id,
    reportId,
    tool,
    artifact: { key, title: `Title of ${key}`, url: `https://example.test/${key}` },
    purpose,
    startedAt,
    plannedEndAt: plusMin(startedAt, plannedMin),
    endedAt: endMin === null ? null : plusMin(startedAt, endMin),
    status,
    activeMs: handsOnMin * MIN,
  });
}

function pr(id: string, reportId: string, atIso: string, answer: PromptAnswer): PromptRecord {
  return promptRecord({ id, reportId, at: atIso, answer });
}

function rating(
  week: string,
  reportId: string,
  alignment: Rating['alignment'],
  confidence: Rating['confidence'],
  atIso = '2026-11-01T00:00:00.000Z',
): Rating {
  return { id: `${week}:${reportId}`, week, reportId, alignment, confidence, at: atIso };
}

const ROSTER = [
  { id: 'alice', name: 'Alice Chen' },
  { id: 'bob', name: 'Bob Okafor' },
  { id: 'erin', name: 'Erin Diaz' },
  { id: 'dev', name: 'Dev Patel' },
];

/**
 * The fixed data set. Window: 2026-W41 … 2026-W48.
 *
 * 2026-W48 (this week), span = end - start (active: to NOW, Sat 12:00):
 *   a1  alice jira   PAY-1  back-on-track   Mon 09:00  planned 15  ended 12   on time   hands-on 10  span 12
 *   a2  alice jira   PAY-2  back-on-track   Tue 10:00  planned 30  ended 45   late +15  hands-on 20  span 45
 *   a3  alice github o/r#3  back-on-track   Wed 14:00  planned 15  ended 10   on time   hands-on  5  span 10
 *   z1  zed   jira   ZED-1  back-on-track   Wed 09:00  planned 30  ended  5   on time   hands-on  3  span  5   (zed: not on the roster)
 *   b1  bob   figma  F-1    details-matter  Thu 09:00  planned 30  lapsed 40  late +10  hands-on  8  span 40
 *   b3  bob   jira   WEB-3  teach-framework Fri 11:00  planned 30  ended 20   on time   hands-on 15  span 20
 *   b2  bob   figma  F-2    details-matter  Fri 16:00  planned 30  ACTIVE              hands-on 30  span 20 h = 1200
 *                                                       (still open at NOW: 19 h 30 min past the plan)
 *   started 7
 *   hands-on 10+20+5+3+8+15+30 = 91 min
 *   spans sorted 5,10,12,20,40,45,1200 -> median 20 min
 *   ended or lapsed: a1 a2 a3 z1 b1 b3 = 6; on time a1 a3 z1 b3 = 4 -> rate 4/6
 *   prompts (at in the week): u1 zed unanswered Mon 00:00 (the week's first instant), 6 deliberate
 *   (alice 3, bob 3), s1 alice stepped-back, s2 bob stepped-back, d1 bob dismissed -> 10 shown;
 *   p-next at next Monday 00:00 is outside.
 *   open at the week's end: old1 (alice, started 1 Sep, never closed), e47 (erin, from W47), b2.
 *
 * Earlier weeks (the four before are W44-W47):
 *   W47: a47 alice  on time, span 20, hands-on 10;  e47 erin Sun 22 Nov 22:00 ACTIVE, hands-on 6,
 *        span to the end of W47 = 2 h = 120      -> started 2, hands-on 16, median (20+120)/2 = 70, rate 1/1
 *   W46: a46 alice  late, span 30, hands-on 12     -> started 1, hands-on 12, median 30, rate 0/1
 *   W45: only a dismissed prompt                   -> started 0, hands-on 0, no median, no rate (data: yes)
 *   W44: b44 bob on time span 10 hands-on 10; b44b bob lapsed span 30 hands-on 14
 *                                                  -> started 2, hands-on 24, median (10+30)/2 = 20, rate 1/2
 *   W43: b43 bob hands-on 20;  W42: nothing;  W41: b41 bob hands-on 20
 *   W40 (outside the window): b40 bob hands-on 99, a prompt; both ignored.
 *
 *   started:   previous (2+1+0+2)/4 = 1.25,        change 7 - 1.25 = 5.75
 *   hands-on:  previous (16+12+0+24)/4 = 13 min,   change 91 - 13 = 78 min
 *   median:    previous (70+30+20)/3 = 40 min (W45 has none), change 20 - 40 = -20 min
 *   rate:      previous (1+0+0.5)/3 = 0.5 (W45 has none),     change 4/6 - 0.5 = 1/6
 *
 * Ratings: alice W47 (2,2) and W48 (3,3), plus W40 (outside); erin W46 (3,2) only; dev W48 (4,3).
 */
function dataSet(): WeekInput {
  const interventions = [
    iv('a1', 'alice', 'jira', 'PAY-1', 'back-on-track', at(0, 9), 15, 12, 10),
    iv('a2', 'alice', 'jira', 'PAY-2', 'back-on-track', at(1, 10), 30, 45, 20),
    iv('a3', 'alice', 'github', 'o/r#3', 'back-on-track', at(2, 14), 15, 10, 5),
    iv('z1', 'zed', 'jira', 'ZED-1', 'back-on-track', at(2, 9), 30, 5, 3),
    iv('b1', 'bob', 'figma', 'F-1', 'details-matter', at(3, 9), 30, 40, 8, 'lapsed'),
    iv('b3', 'bob', 'jira', 'WEB-3', 'teach-framework', at(4, 11), 30, 20, 15),
    iv('b2', 'bob', 'figma', 'F-2', 'details-matter', at(4, 16), 30, null, 30),
    iv(
      'old1',
      'alice',
      'jira',
      'PAY-OLD',
      'back-on-track',
      new Date(2026, 8, 1, 9).toISOString(),
      30,
      null,
      40,
    ),
    iv('a47', 'alice', 'jira', 'PAY-47', 'teach-framework', at(-6, 9), 30, 20, 10),
    iv('e47', 'erin', 'jira', 'ERN-47', 'back-on-track', at(-1, 22), 30, null, 6),
    iv('a46', 'alice', 'jira', 'PAY-46', 'back-on-track', at(-13, 9), 20, 30, 12),
    iv('b44', 'bob', 'jira', 'WEB-44', 'details-matter', at(-27, 9), 30, 10, 10),
    iv('b44b', 'bob', 'jira', 'WEB-44b', 'details-matter', at(-26, 9), 30, 30, 14, 'lapsed'),
    iv('b43', 'bob', 'jira', 'WEB-43', 'details-matter', at(-34, 9), 30, 25, 20),
    iv('b41', 'bob', 'jira', 'WEB-41', 'details-matter', at(-48, 9), 30, 25, 20),
    iv('b40', 'bob', 'jira', 'WEB-40', 'details-matter', at(-55, 9), 30, 25, 99),
  ];
  const prompts = [
    pr('u1', 'zed', at(0, 0), 'unanswered'),
    pr('pa1', 'alice', at(0, 9), 'deliberate'),
    pr('pa2', 'alice', at(1, 10), 'deliberate'),
    pr('pa3', 'alice', at(2, 14), 'deliberate'),
    pr('pb1', 'bob', at(3, 9), 'deliberate'),
    pr('pb3', 'bob', at(4, 11), 'deliberate'),
    pr('pb2', 'bob', at(4, 16), 'deliberate'),
    pr('s1', 'alice', at(3, 15), 'stepped-back'),
    pr('s2', 'bob', at(4, 9), 'stepped-back'),
    pr('d1', 'bob', at(5, 10), 'dismissed'),
    pr('p-next', 'erin', at(7, 0), 'deliberate'),
    pr('p45', 'dev', at(-17, 9), 'dismissed'),
    pr('p40', 'dev', at(-55, 9), 'stepped-back'),
  ];
  const ratings = [
    rating('2026-W48', 'alice', 3, 3),
    rating('2026-W47', 'alice', 2, 2),
    rating('2026-W40', 'alice', 1, 1),
    rating('2026-W46', 'erin', 3, 2),
    rating('2026-W48', 'dev', 4, 3),
  ];
  return { week: WEEK, now: NOW, reports: ROSTER, interventions, prompts, ratings };
}

/** An input with only what a test adds, in 2026-W48 at NOW. */
function only(part: Partial<WeekInput>): WeekInput {
  return {
    week: WEEK,
    now: NOW,
    reports: ROSTER,
    interventions: [],
    prompts: [],
    ratings: [],
    ...part,
  };
}

describe('quadrantOf and its guidance', () => {
  it.each<[number, number, Quadrant]>([
    [4, 4, 'support'],
    [3, 3, 'support'],
    [2, 3, 'give-context'],
    [1, 4, 'give-context'],
    [3, 2, 'build-confidence'],
    [4, 1, 'build-confidence'],
    [2, 2, 'act-now'],
    [1, 1, 'act-now'],
  ])('alignment %i, confidence %i -> %s', (alignment, confidence, quadrant) => {
    expect(quadrantOf({ alignment: alignment as 1, confidence: confidence as 1 })).toBe(quadrant);
  });

  it('gives each quadrant a title and one or two sentences of advice', () => {
    for (const q of ['support', 'give-context', 'build-confidence', 'act-now'] as const) {
      const { title, advice } = QUADRANT_GUIDANCE[q];
      expect(title.length).toBeGreaterThan(0);
      const sentences = advice.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(2);
    }
    expect(QUADRANT_GUIDANCE['build-confidence'].title).toMatch(/build confidence/i);
    expect(QUADRANT_GUIDANCE['build-confidence'].advice).toMatch(/framework/);
    expect(QUADRANT_GUIDANCE['build-confidence'].advice).toMatch(/pull back/);
    expect(QUADRANT_GUIDANCE['give-context'].advice).toMatch(/why/);
    expect(QUADRANT_GUIDANCE['act-now'].advice).toMatch(/before your next 1:1/);
    expect(QUADRANT_GUIDANCE.support.advice).toMatch(/details/);
  });
});

describe('summarizeWeek: headline figures on the fixed data set', () => {
  const s = summarizeWeek(dataSet());

  it('covers the local week and names the window', () => {
    expect(s.week).toBe(WEEK);
    expect(s.start).toEqual(local(0, 0));
    expect(s.end).toEqual(local(7, 0));
    expect(s.weeks).toEqual([
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
    expect(s.isEmpty).toBe(false);
  });

  it('counts interventions started, against the 4-week average', () => {
    expect(s.started).toEqual({ value: 7, previousAverage: 1.25, change: 5.75 });
  });

  it('sums hands-on time', () => {
    expect(s.handsOnMs).toEqual({ value: 91 * MIN, previousAverage: 13 * MIN, change: 78 * MIN });
  });

  it('takes the median span, active ones to now, and averages only weeks that had any', () => {
    expect(s.medianSpanMs).toEqual({
      value: 20 * MIN,
      previousAverage: 40 * MIN,
      change: -20 * MIN,
    });
  });

  it('measures pulling back by the planned end (lapsed counts as ended, never on time)', () => {
    expect(s.pullBack.ended).toBe(6);
    expect(s.pullBack.onTime).toBe(4);
    expect(s.pullBack.rate!.value).toBeCloseTo(4 / 6, 12);
    expect(s.pullBack.rate!.previousAverage).toBeCloseTo(0.5, 12);
    expect(s.pullBack.rate!.change).toBeCloseTo(1 / 6, 12);
  });

  it('counts the week’s prompts by answer (start inclusive, end exclusive)', () => {
    expect(s.prompts).toEqual({
      shown: 10,
      deliberate: 6,
      steppedBack: 2,
      dismissed: 1,
      unanswered: 1,
    });
  });

  it('lists what was still open at the week’s end, oldest first, from before the window too', () => {
    expect(s.openAtWeekEnd.map((r) => r.id)).toEqual(['old1', 'e47', 'b2']);
  });
});

describe('summarizeWeek: per-report rows', () => {
  const s = summarizeWeek(dataSet());
  const row = (id: string) => s.perReport.find((r) => r.report.id === id)!;

  it('has every roster report in roster order, then reports no longer on the roster', () => {
    expect(s.perReport.map((r) => r.report.id)).toEqual(['alice', 'bob', 'erin', 'dev', 'zed']);
    expect(row('zed').report.name).toBe('a former report');
    expect(row('zed').former).toBe(true);
    expect(row('alice').former).toBe(false);
  });

  it('sums one report’s week', () => {
    const alice = row('alice');
    expect(alice.report).toEqual({ id: 'alice', name: 'Alice Chen' });
    expect(alice.interventions).toBe(3);
    expect(alice.handsOnMs).toBe(35 * MIN); // 10 + 20 + 5
    expect(alice.prompts).toBe(4); // 3 deliberate, 1 stepped back
    expect(alice.purposes).toEqual({ 'back-on-track': 3 });
    expect(alice.tools).toEqual(['jira', 'github']);
    expect(alice.longest?.id).toBe('a2'); // 45 min
    // W46 12 min, W47 10 min, W48 35 min; old1 started before the window.
    expect(alice.sparkline).toEqual([0, 0, 0, 0, 0, 12, 10, 35].map((m) => m * MIN));
  });

  it('lists purposes in the model’s order and picks the longest by span, open ones to now', () => {
    const bob = row('bob');
    expect(bob.interventions).toBe(3);
    expect(bob.handsOnMs).toBe(53 * MIN); // 8 + 15 + 30
    expect(bob.prompts).toBe(5); // 3 deliberate, 1 stepped back, 1 dismissed
    expect(Object.entries(bob.purposes)).toEqual([
      ['teach-framework', 1],
      ['details-matter', 2],
    ]);
    expect(bob.tools).toEqual(['jira', 'figma']);
    expect(bob.longest?.id).toBe('b2'); // 20 h so far
    // W41 20, W42 0, W43 20, W44 10+14, W45-W47 0, W48 53; W40 is outside.
    expect(bob.sparkline).toEqual([20, 0, 20, 24, 0, 0, 0, 53].map((m) => m * MIN));
  });

  it('keeps a row for a report with no touchpoints this week, or none at all', () => {
    const erin = row('erin');
    expect(erin).toMatchObject({
      interventions: 0,
      handsOnMs: 0,
      prompts: 0,
      purposes: {},
      tools: [],
      longest: null,
      rating: null,
    });
    expect(erin.sparkline).toEqual([0, 0, 0, 0, 0, 0, 6 * MIN, 0]); // e47; p-next is next week
    const dev = row('dev');
    expect(dev).toMatchObject({
      interventions: 0,
      handsOnMs: 0,
      prompts: 0,
      purposes: {},
      tools: [],
      longest: null,
    });
    expect(dev.sparkline).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('carries this week’s rating and the earlier ones in the window, oldest first', () => {
    expect(row('alice').rating).toMatchObject({ week: '2026-W48', alignment: 3, confidence: 3 });
    expect(row('alice').ratingHistory.map((r) => r.week)).toEqual(['2026-W47']); // W40 is outside
    expect(row('erin').rating).toBeNull();
    expect(row('erin').ratingHistory.map((r) => r.week)).toEqual(['2026-W46']);
    expect(row('dev').rating).toMatchObject({ alignment: 4, confidence: 3 });
    expect(row('bob').rating).toBeNull();
    expect(row('bob').ratingHistory).toEqual([]);
  });

  it('keeps one rating per week, the latest', () => {
    const s2 = summarizeWeek(
      only({
        ratings: [
          rating('2026-W46', 'erin', 1, 1, '2026-11-12T10:00:00.000Z'),
          rating('2026-W45', 'erin', 4, 4),
          rating('2026-W46', 'erin', 2, 4, '2026-11-13T10:00:00.000Z'),
          rating('2026-W48', 'erin', 1, 2, '2026-11-23T10:00:00.000Z'),
          rating('2026-W48', 'erin', 3, 3, '2026-11-24T10:00:00.000Z'),
        ],
      }),
    );
    const erin = s2.perReport.find((r) => r.report.id === 'erin')!;
    expect(erin.rating).toMatchObject({ alignment: 3, confidence: 3 });
    expect(erin.ratingHistory.map((r) => [r.week, r.alignment])).toEqual([
      ['2026-W45', 4],
      ['2026-W46', 2],
    ]);
  });

  it('adds no row for a former report seen only outside the window', () => {
    const s2 = summarizeWeek(
      only({
        interventions: [iv('x', 'gone', 'jira', 'X-1', 'back-on-track', at(-60, 9), 30, 10, 5)],
      }),
    );
    expect(s2.perReport.map((r) => r.report.id)).toEqual(['alice', 'bob', 'erin', 'dev']);
  });
});

describe('summarizeWeek: time stamps', () => {
  it('reads other ISO spellings (no milliseconds, an offset) the same as the canonical one', () => {
    const respell = (iso: string | null) => (iso === null ? null : iso.replace(/\.000Z$/, 'Z'));
    const offset = (iso: string) => {
      // The same instant written with a +02:00 offset.
      const d = new Date(Date.parse(iso) + 2 * 3_600_000);
      return d.toISOString().replace(/\.\d{3}Z$/, '+02:00');
    };
    const input = dataSet();
    const respelled: WeekInput = {
      ...input,
      interventions: input.interventions.map((r) => ({
        ...r,
        startedAt: offset(r.startedAt),
        plannedEndAt: respell(r.plannedEndAt)!,
        endedAt: respell(r.endedAt),
      })),
      prompts: input.prompts.map((p) => ({ ...p, at: offset(p.at) })),
    };
    const a = summarizeWeek(input);
    const b = summarizeWeek(respelled);
    expect(b.started).toEqual(a.started);
    expect(b.handsOnMs).toEqual(a.handsOnMs);
    expect(b.medianSpanMs).toEqual(a.medianSpanMs);
    expect(b.pullBack).toEqual(a.pullBack);
    expect(b.prompts).toEqual(a.prompts);
    expect(b.openAtWeekEnd.map((r) => r.id)).toEqual(a.openAtWeekEnd.map((r) => r.id));
    expect(b.perReport.map((r) => r.sparkline)).toEqual(a.perReport.map((r) => r.sparkline));
    expect(b.reflections.map((r) => r.text)).toEqual(a.reflections.map((r) => r.text));
  });

  it('ignores records whose time cannot be read', () => {
    const s = summarizeWeek(
      only({
        interventions: [
          { ...intervention({ id: 'x' }), startedAt: 'not a date', plannedEndAt: 'never' },
        ],
        prompts: [pr('p', 'alice', 'soon', 'deliberate')],
      }),
    );
    expect(s.isEmpty).toBe(true);
    expect(s.openAtWeekEnd).toEqual([]);
  });
});

describe('summarizeWeek: quiet weeks and missing history', () => {
  it('is empty with no interventions and no prompts this week, and still compares', () => {
    const s = summarizeWeek(
      only({
        interventions: [
          iv('a47', 'alice', 'jira', 'PAY-47', 'back-on-track', at(-6, 9), 30, 20, 10),
        ],
      }),
    );
    expect(s.isEmpty).toBe(true);
    expect(s.started).toEqual({ value: 0, previousAverage: 0.25, change: -0.25 });
    expect(s.handsOnMs).toEqual({ value: 0, previousAverage: 2.5 * MIN, change: -2.5 * MIN });
    expect(s.medianSpanMs).toEqual({ value: 0, previousAverage: 20 * MIN, change: -20 * MIN });
    expect(s.pullBack).toEqual({ ended: 0, onTime: 0, rate: null });
    expect(s.perReport).toHaveLength(4);
    expect(s.reflections).toEqual([]);
  });

  it('is not empty with only a prompt', () => {
    expect(
      summarizeWeek(only({ prompts: [pr('p', 'alice', at(2, 9), 'dismissed')] })).isEmpty,
    ).toBe(false);
  });

  it('has no previous average when the four weeks before hold nothing (older weeks do not count)', () => {
    const s = summarizeWeek(
      only({
        interventions: [
          iv('a', 'alice', 'jira', 'PAY-1', 'back-on-track', at(0, 9), 30, 20, 10),
          iv('old', 'alice', 'jira', 'PAY-0', 'back-on-track', at(-40, 9), 30, 20, 10), // W43
        ],
      }),
    );
    expect(s.started).toEqual({ value: 1, previousAverage: null, change: null });
    expect(s.handsOnMs).toEqual({ value: 10 * MIN, previousAverage: null, change: null });
    expect(s.medianSpanMs).toEqual({ value: 20 * MIN, previousAverage: null, change: null });
    expect(s.pullBack.rate).toEqual({ value: 1, previousAverage: null, change: null });
  });

  it('averages zero interventions when the four weeks before had only prompts', () => {
    const s = summarizeWeek(
      only({
        interventions: [iv('a', 'alice', 'jira', 'PAY-1', 'back-on-track', at(0, 9), 30, 20, 10)],
        prompts: [pr('p', 'alice', at(-10, 9), 'stepped-back')],
      }),
    );
    expect(s.started).toEqual({ value: 1, previousAverage: 0, change: 1 });
    expect(s.handsOnMs).toEqual({ value: 10 * MIN, previousAverage: 0, change: 10 * MIN });
    expect(s.medianSpanMs.previousAverage).toBeNull();
    expect(s.pullBack.rate?.previousAverage).toBeNull();
  });

  it('takes the middle value of an odd count and spans active ones only to the week’s end in a past week', () => {
    const s = summarizeWeek(
      only({
        week: '2026-W47',
        interventions: [
          iv('a', 'alice', 'jira', 'PAY-1', 'back-on-track', at(-7, 9), 30, 5, 1),
          iv('b', 'alice', 'jira', 'PAY-2', 'back-on-track', at(-7, 10), 30, 50, 1),
          iv('c', 'alice', 'jira', 'PAY-3', 'back-on-track', at(-1, 23), 30, null, 1), // Sun 23:00, still open: 60 min to the week’s end
        ],
      }),
    );
    expect(s.medianSpanMs.value).toBe(50 * MIN); // 5, 50, 60
    expect(s.openAtWeekEnd.map((r) => r.id)).toEqual(['c']);
  });
});

describe('summarizeWeek: reflections', () => {
  const rules = (input: WeekInput) => summarizeWeek(input).reflections.map((r) => r.rule);
  const find = (input: WeekInput, rule: string) =>
    summarizeWeek(input).reflections.filter((r) => r.rule === rule);

  it('fires on the fixed data set: repeat purpose, overran, hands-off, full support stepped into, caught myself (not missing standard)', () => {
    const s = summarizeWeek(dataSet());
    expect(s.reflections.map((r) => r.rule)).toEqual([
      'repeat-purpose',
      'overran',
      'hands-off',
      'support-stepped-in',
      'caught-myself',
    ]);
    const ids = s.reflections.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks one question a week, about the pattern that matters most; the rest state facts without a slogan', () => {
    const s = summarizeWeek(dataSet());
    // Alice is rated Full support and was stepped into 3 times: that question outranks the others.
    expect(s.reflections.filter((r) => r.question).map((r) => r.rule)).toEqual([
      'support-stepped-in',
    ]);
    expect(s.reflections.find((r) => r.question)!.question).toBe(
      'Has something changed in how you see Alice’s work?',
    );
    for (const r of s.reflections) {
      expect(r.text).not.toMatch(/\?|habit working|temporary becomes permanent|failure mode/i);
    }
    // A report rated Act now and left alone outranks it.
    const actNow = summarizeWeek({
      ...dataSet(),
      ratings: [...dataSet().ratings, rating(WEEK, 'dev', 1, 1, '2026-11-27T00:00:00.000Z')],
    });
    expect(actNow.reflections.filter((r) => r.question).map((r) => r.id)).toEqual([
      `${WEEK}:hands-off:dev`,
    ]);
  });

  it('speaks of "that week", never "this week", on a past week', () => {
    const s = summarizeWeek({ ...dataSet(), now: local(9, 12) });
    expect(s.current).toBe(false);
    expect(s.reflections.length).toBeGreaterThan(0);
    for (const r of s.reflections)
      expect(`${r.text} ${r.question ?? ''}`).not.toMatch(/this week/i);
  });

  describe('repeat-purpose', () => {
    const three = (purpose: Purpose) =>
      [0, 1, 2].map((d) => iv(`r${d}`, 'alice', 'jira', `PAY-${d}`, purpose, at(d, 9), 30, 10, 5));

    it('fires at 3 interventions on one report’s work with one purpose, naming them and the count', () => {
      const [r] = find(only({ interventions: three('back-on-track') }), 'repeat-purpose');
      expect(r!.text).toContain('Alice Chen');
      expect(r!.text).toContain('3 times');
      expect(r!.text).toMatch(/back on track/);
      expect(r!.question).toBe('What would Alice need to make these calls without you?');
      expect(r!.recordIds).toEqual(['r0', 'r1', 'r2']);
    });

    it('asks whether it landed when the purpose was teaching a framework', () => {
      const [r] = find(only({ interventions: three('teach-framework') }), 'repeat-purpose');
      expect(r!.question).toBe('Could Alice make the next call of this kind without you?');
    });

    it('does not fire at 2, or at 3 split across purposes or reports', () => {
      expect(rules(only({ interventions: three('back-on-track').slice(0, 2) }))).not.toContain(
        'repeat-purpose',
      );
      const mixed = three('back-on-track');
      mixed[2] = { ...mixed[2]!, purpose: 'teach-framework' };
      expect(rules(only({ interventions: mixed }))).not.toContain('repeat-purpose');
      const split = three('back-on-track');
      split[2] = { ...split[2]!, reportId: 'bob' };
      expect(rules(only({ interventions: split }))).not.toContain('repeat-purpose');
    });

    it('does not count earlier weeks', () => {
      const spread = three('back-on-track');
      spread[0] = {
        ...spread[0]!,
        startedAt: at(-3, 9),
        plannedEndAt: at(-3, 10),
        endedAt: at(-3, 9, 10),
      };
      expect(rules(only({ interventions: spread }))).not.toContain('repeat-purpose');
    });
  });

  describe('overran', () => {
    it('names every intervention that ran past the plan, with the overrun, and asks what made it hard', () => {
      const [r] = find(dataSet(), 'overran');
      // a2 +15 min, b1 +10 min (lapsed), b2 +19 h 30 min and still open: 19 h 55 min in all.
      expect(r!.recordIds).toEqual(['a2', 'b1', 'b2']);
      expect(r!.text).toMatch(/^3 interventions/);
      expect(r!.text).toContain('PAY-2 on Alice Chen’s work, 15 min over');
      expect(r!.text).toContain('F-1 on Bob Okafor’s work, 10 min over');
      expect(r!.text).toContain('F-2 on Bob Okafor’s work, 19 h 30 min over and still open');
      expect(r!.text).toContain('19 h 55 min over in total');
      expect(r!.question).toBeNull(); // No report with three: a fact, not a question.
    });

    it('does not fire for one ended exactly at the planned end, or one still active before it', () => {
      const onTheDot = iv('x', 'alice', 'jira', 'PAY-1', 'back-on-track', at(1, 9), 30, 30, 20);
      const running = iv(
        'y',
        'alice',
        'jira',
        'PAY-2',
        'back-on-track',
        at(5, 11, 45),
        30,
        null,
        5,
      ); // planned 12:15, now 12:00
      expect(rules(only({ interventions: [onTheDot, running] }))).not.toContain('overran');
      // Within the grace margin (5 minutes, or 20% of the plan: 6 minutes of 30): on time, no reflection.
      const thirtySeconds = { ...onTheDot, endedAt: plusMin(onTheDot.startedAt, 30.5) };
      const sixMinutes = { ...onTheDot, endedAt: plusMin(onTheDot.startedAt, 36) };
      expect(rules(only({ interventions: [thirtySeconds, sixMinutes] }))).not.toContain('overran');
      expect(summarizeWeek(only({ interventions: [thirtySeconds] })).pullBack.onTime).toBe(1);
      const late = { ...onTheDot, endedAt: plusMin(onTheDot.startedAt, 37) };
      const [r] = find(only({ interventions: [late] }), 'overran');
      expect(r!.text).toMatch(/^1 intervention went past/);
      expect(r!.text).toContain('7 min over');
    });

    it('looks at a past week as of its end: an open one planned past the week’s end has not overrun in it', () => {
      const lateSunday = iv(
        'y',
        'alice',
        'jira',
        'PAY-2',
        'back-on-track',
        at(-1, 23, 50),
        15,
        null,
        5,
      ); // planned Mon 00:05
      const input = only({ week: '2026-W47', interventions: [lateSunday] });
      expect(rules(input)).not.toContain('overran');
      const earlier = { ...lateSunday, startedAt: at(-1, 23, 30), plannedEndAt: at(-1, 23, 45) };
      const [r] = find(only({ week: '2026-W47', interventions: [earlier] }), 'overran');
      expect(r!.text).toContain('15 min over and still open');
      expect(r!.text).toContain('that week');
    });
  });

  describe('hands-off', () => {
    it('fires for low confidence (this week’s rating) with no touchpoints, naming the failure mode', () => {
      const [r] = find(only({ ratings: [rating(WEEK, 'erin', 3, 2)] }), 'hands-off');
      expect(r!.text).toContain('Erin Diaz');
      expect(r!.text).toContain('Build confidence this week (alignment 3 of 4, confidence 2 of 4)');
      expect(r!.question).toMatch(/Does Erin have the context and the guardrails/);
      expect(r!.recordIds).toEqual([`${WEEK}:erin`]);
    });

    it('falls back to the most recent earlier rating', () => {
      const [r] = find(dataSet(), 'hands-off');
      expect(r!.text).toContain('Erin Diaz');
      expect(r!.text).toMatch(
        /in the week of (9.*15 Nov|Nov 9.*15),? 2026 \(alignment 3 of 4, confidence 2 of 4\)/,
      );
      expect(r!.text).not.toMatch(/W\d\d/);
      expect(r!.recordIds).toEqual(['2026-W46:erin']);
    });

    it('does not fire at confidence 3, with one prompt, or when this week’s rating is higher than an earlier low one', () => {
      expect(rules(only({ ratings: [rating(WEEK, 'erin', 1, 3)] }))).not.toContain('hands-off');
      expect(
        rules(
          only({
            ratings: [rating(WEEK, 'erin', 3, 2)],
            prompts: [pr('p', 'erin', at(2, 9), 'dismissed')],
          }),
        ),
      ).not.toContain('hands-off');
      expect(
        rules(only({ ratings: [rating('2026-W46', 'erin', 3, 1), rating(WEEK, 'erin', 3, 3)] })),
      ).not.toContain('hands-off');
      expect(rules(only({ ratings: [] }))).not.toContain('hands-off');
    });
  });

  describe('missing-standard', () => {
    const details = (tools: ToolId[]) =>
      tools.map((tool, i) =>
        iv(`d${i}`, i % 2 ? 'bob' : 'alice', tool, `K-${i}`, 'details-matter', at(i, 9), 30, 10, 5),
      );

    it('fires at 3 details-matter interventions in one tool, across reports', () => {
      const [r] = find(
        only({ interventions: details(['figma', 'figma', 'figma']) }),
        'missing-standard',
      );
      expect(r!.text).toMatch(/^3 interventions in Figma/);
      expect(r!.text).toContain('Alice Chen ×2, Bob Okafor ×1');
      expect(r!.question).toMatch(/style guide or a checklist/);
      expect(r!.recordIds).toEqual(['d0', 'd1', 'd2']);
    });

    it('does not fire at 2 in a tool, nor for other purposes', () => {
      expect(rules(only({ interventions: details(['figma', 'figma', 'jira']) }))).not.toContain(
        'missing-standard',
      );
      const other = details(['figma', 'figma', 'figma']).map((r) => ({
        ...r,
        purpose: 'back-on-track' as const,
        reportId: `p-${r.id}`,
      }));
      expect(rules(only({ interventions: other }))).not.toContain('missing-standard');
    });
  });

  describe('caught-myself', () => {
    it('fires at one stepped-back prompt, with the count', () => {
      const [r] = find(
        only({ prompts: [pr('s', 'bob', at(1, 9), 'stepped-back')] }),
        'caught-myself',
      );
      expect(r!.text).toMatch(/caught yourself once/);
      expect(r!.text).toContain('Bob Okafor ×1');
      expect(r!.recordIds).toEqual(['s']);
      const [two] = find(dataSet(), 'caught-myself');
      expect(two!.text).toMatch(/caught yourself twice/);
      expect(two!.recordIds).toEqual(['s1', 's2']);
    });

    it('does not fire without one this week', () => {
      const input = only({
        prompts: [
          pr('d', 'bob', at(1, 9), 'dismissed'),
          pr('old', 'bob', at(-2, 9), 'stepped-back'),
        ],
      });
      expect(rules(input)).not.toContain('caught-myself');
    });
  });

  it('names a former report as one', () => {
    const [r] = find(
      only({
        interventions: [0, 1, 2].map((d) =>
          iv(`g${d}`, 'gone', 'jira', `G-${d}`, 'back-on-track', at(d, 9), 30, 10, 5),
        ),
      }),
      'repeat-purpose',
    );
    expect(r!.text).toContain('a former report’s work');
  });
});

describe('summarizeWeek: take-overs', () => {
  const takeover = (record: Intervention): Intervention => ({ ...record, kind: 'takeover' });

  it('counts take-overs per report and in the headline, inside the interventions they also are', () => {
    const s = summarizeWeek(
      only({
        interventions: [
          takeover(iv('t1', 'alice', 'jira', 'PAY-7', 'back-on-track', at(1, 9), 60, 30, 20)),
          iv('e1', 'alice', 'jira', 'PAY-8', 'back-on-track', at(1, 11), 30, 20, 10),
          takeover(iv('t0', 'bob', 'jira', 'WEB-7', 'back-on-track', at(-3, 9), 60, 30, 20)), // W47
        ],
      }),
    );
    expect(s.takeovers).toEqual({ value: 1, previousAverage: 0.25, change: 0.75 });
    expect(s.started.value).toBe(2);
    const alice = s.perReport.find((r) => r.report.id === 'alice')!;
    expect([alice.interventions, alice.takeovers]).toEqual([2, 1]);
    expect(s.perReport.find((r) => r.report.id === 'bob')!.takeovers).toBe(0);
  });

  it('speaks to a take-over still open past its planned end, even one started before the window', () => {
    const s = summarizeWeek(
      only({
        interventions: [
          takeover(iv('t1', 'alice', 'jira', 'PAY-7', 'back-on-track', at(4, 9), 60, null, 20)), // Fri 9:00, planned to 10:00; now Sat noon
          takeover(iv('t2', 'bob', 'jira', 'WEB-7', 'back-on-track', at(5, 11), 120, null, 5)), // within its plan
          takeover(iv('old', 'erin', 'jira', 'OPS-1', 'back-on-track', at(-70, 9), 60, null, 5)),
          iv('e1', 'dev', 'jira', 'DEV-1', 'back-on-track', at(4, 9), 30, null, 5), // an edit, overdue: not a take-over reflection
        ],
      }),
    );
    const texts = s.reflections.filter((r) => r.rule === 'takeover-open');
    expect(texts.map((r) => r.recordIds[0])).toEqual(['old', 't1']);
    expect(texts[1]!.text).toMatch(
      /took PAY-7 over from Alice Chen on Fri,? (27 Nov|Nov 27); it is still with you, about a day past the end you planned\.$/,
    );
    // One question a week: the older take-over's (the first of equals).
    expect(texts.map((r) => r.question)).toEqual([
      'Does OPS-1 go back to Erin, or is it agreed that it is yours now?',
      null,
    ]);
    expect(s.pastPlannedEnd.map((r) => r.id)).toEqual(['old', 'e1', 't1']);
  });
});

describe('summarizeWeek: honest states', () => {
  it('lists as past its plan only what is open beyond its planned end, not what just started', () => {
    const s = summarizeWeek(
      only({
        now: local(4, 9, 1),
        interventions: [
          iv('fresh', 'alice', 'jira', 'PAY-142', 'back-on-track', at(4, 9), 15, null, 0),
        ],
      }),
    );
    expect(s.openAtWeekEnd.map((r) => r.id)).toEqual(['fresh']);
    expect(s.pastPlannedEnd).toEqual([]);
  });

  it('says whether the four weeks before had any records', () => {
    expect(summarizeWeek(only({})).earlierData).toBe(false);
    expect(
      summarizeWeek(only({ prompts: [pr('p', 'alice', at(-10, 9), 'stepped-back')] })).earlierData,
    ).toBe(true);
  });
});

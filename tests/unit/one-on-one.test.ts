import { afterAll, describe, expect, it } from 'vitest';
// Weeks are local: these figures are worked out for Berlin, across the end of daylight saving (25 Oct 2026).
const originalTz = process.env.TZ;
process.env.TZ = 'Europe/Berlin';
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

import type { Rating } from '@/utils/model/records';
import { oneOnOne, outcomeOf, type OneOnOneInput } from '@/utils/reports/one-on-one';
import { prepMarkdown, sharedMarkdown } from '@/utils/reports/one-on-one-markdown';
import { parseSummaryHash, summaryHash } from '@/utils/reports/summary-route';
import { inert } from '@/utils/reports/inert-text';
import { intervention, promptRecord } from '@/tests/unit/helpers';

const MIN = 60_000;
const plus = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * MIN).toISOString();
const rating = (
  week: string,
  alignment: 1 | 2 | 3 | 4,
  confidence: 1 | 2 | 3 | 4,
  reportId = 'alice',
): Rating => ({
  id: `${week}:${reportId}`,
  week,
  reportId,
  alignment,
  confidence,
  at: '2026-11-20T10:00:00.000Z',
});

/** 2026-W48 is Mon 23 – Sun 29 Nov; the eight weeks start Mon 5 Oct (2026-W41). */
function input(part: Partial<OneOnOneInput> = {}): OneOnOneInput {
  return {
    week: '2026-W48',
    now: new Date('2026-11-28T12:00:00.000Z'),
    report: { id: 'alice', name: 'Alice Chen', former: false },
    leadName: 'Dana Lead',
    locale: 'en-GB',
    interventions: [
      intervention({
        id: 'a1',
        startedAt: '2026-11-23T09:00:00.000Z',
        plannedEndAt: '2026-11-23T09:15:00.000Z',
        endedAt: '2026-11-23T09:12:00.000Z',
        status: 'ended',
        activeMs: 10 * MIN,
        intent: 'scope the refund to one currency',
      }),
      intervention({
        id: 'a2',
        kind: 'takeover',
        artifact: {
          key: 'PAY-2',
          title: 'Refund *all* the [things]',
          url: 'https://acme.atlassian.net/browse/PAY-2',
        },
        startedAt: '2026-11-24T10:00:00.000Z',
        plannedEndAt: '2026-11-24T10:30:00.000Z',
        endedAt: '2026-11-24T10:45:00.000Z',
        status: 'ended',
        activeMs: 20 * MIN,
        closing: {
          saidFramework: true,
          ownerNow: 'report',
          answeredAt: '2026-11-24T10:45:00.000Z',
        },
      }),
      intervention({
        id: 'open',
        artifact: {
          key: 'PAY-3',
          title: 'Open one',
          url: 'https://acme.atlassian.net/browse/PAY-3',
        },
        startedAt: '2026-11-27T09:00:00.000Z',
        plannedEndAt: '2026-11-27T09:15:00.000Z',
      }),
      intervention({
        id: 'w44',
        purpose: 'teach-framework',
        startedAt: '2026-10-27T09:00:00.000Z',
        plannedEndAt: plus('2026-10-27T09:00:00.000Z', 30),
        endedAt: plus('2026-10-27T09:00:00.000Z', 20),
        status: 'ended',
        activeMs: 10 * MIN,
      }),
      // Outside the eight weeks (W40, W49) and another report's: left out.
      intervention({
        id: 'too-old',
        startedAt: '2026-09-30T09:00:00.000Z',
        endedAt: '2026-09-30T09:10:00.000Z',
        status: 'ended',
      }),
      intervention({
        id: 'too-new',
        startedAt: '2026-11-30T09:00:00.000Z',
        endedAt: '2026-11-30T09:10:00.000Z',
        status: 'ended',
      }),
      intervention({
        id: 'bobs',
        reportId: 'bob',
        startedAt: '2026-11-23T11:00:00.000Z',
        endedAt: '2026-11-23T11:10:00.000Z',
        status: 'ended',
      }),
    ],
    prompts: [
      promptRecord({
        id: 'caught',
        at: '2026-11-28T09:00:00.000Z',
        answer: 'stepped-back',
        artifact: {
          key: 'PAY-9',
          title: 'Ticket PAY-9',
          url: 'https://acme.atlassian.net/browse/PAY-9',
        },
      }),
      promptRecord({ id: 'later', at: '2026-11-28T10:00:00.000Z', answer: 'dismissed' }),
      promptRecord({
        id: 'bob-caught',
        reportId: 'bob',
        at: '2026-11-28T09:00:00.000Z',
        answer: 'stepped-back',
      }),
    ],
    ratings: [
      rating('2026-W44', 3, 2),
      rating('2026-W48', 4, 3),
      rating('2026-W47', 1, 1, 'bob'),
      rating('2026-W40', 1, 1),
    ],
    touches: [
      {
        id: '2026-W48:alice',
        week: '2026-W48',
        reportId: 'alice',
        count: 3,
        at: '2026-11-27T10:00:00.000Z',
      },
      {
        id: '2026-W45:alice',
        week: '2026-W45',
        reportId: 'alice',
        count: 1,
        at: '2026-11-04T10:00:00.000Z',
      },
      {
        id: '2026-W48:bob',
        week: '2026-W48',
        reportId: 'bob',
        count: 5,
        at: '2026-11-27T10:00:00.000Z',
      },
      {
        id: '2026-W40:alice',
        week: '2026-W40',
        reportId: 'alice',
        count: 7,
        at: '2026-09-30T10:00:00.000Z',
      },
    ],
    ...part,
  };
}

describe('the 1:1 page of one report', () => {
  const view = oneOnOne(input());

  it('lists the eight weeks ending with the chosen week, newest first, each with its dates', () => {
    expect(view.weeks.map((w) => w.week)).toEqual([
      '2026-W48',
      '2026-W47',
      '2026-W46',
      '2026-W45',
      '2026-W44',
      '2026-W43',
      '2026-W42',
      '2026-W41',
    ]);
    expect(view.firstWeek).toBe('2026-W41');
    expect(view.rangeLabel).toMatch(/5 Oct.*29 Nov 2026/);
    expect(view.weeks[0]!.label).toMatch(/23.*29 Nov 2026/);
  });

  it('keeps only this report’s records inside the eight weeks, oldest first within a week', () => {
    expect(view.weeks[0]!.interventions.map((x) => x.record.id)).toEqual(['a1', 'a2', 'open']);
    expect(view.weeks[4]!.interventions.map((x) => x.record.id)).toEqual(['w44']);
    expect(view.weeks.flatMap((w) => w.interventions.map((x) => x.record.id))).not.toContain(
      'bobs',
    );
    expect(view.totals).toEqual({
      interventions: 4,
      takeovers: 1,
      handsOnMs: 40 * MIN,
      ended: 3,
      endedOnTime: 2,
      caught: 1,
      withWords: 1,
      // Hers inside the eight weeks only (W40 is before them; Bob's are his).
      touches: 4,
    });
    expect(view.weeks[0]!.touches).toBe(3);
    expect(view.weeks[3]!.touches).toBe(1);
  });

  it('carries the purpose, the lead’s words, take-overs, how each ended and a hand-back note for what is handed back', () => {
    const [a1, a2, open] = view.weeks[0]!.interventions;
    expect(a1).toMatchObject({
      purpose: 'Get it back on track',
      words: 'scope the refund to one currency',
      outcome: 'ended on time',
      takeover: false,
      spanMs: 12 * MIN,
    });
    expect(a1!.handBack).toMatch(/^Hi Alice, I stepped into PAY-142/);
    expect(a2).toMatchObject({ takeover: true, outcome: 'ended late', words: null });
    expect(a2!.handBack).toMatch(/I took PAY-2 .* over from you/);
    expect(open).toMatchObject({ outcome: 'still open, past the planned end', handBack: null });
  });

  it('names the prompts where the lead caught themself, not the other answers', () => {
    expect(view.weeks[0]!.caught.map((p) => p.id)).toEqual(['caught']);
  });

  it('draws the check-in trail from the rated weeks, oldest first, with where each sits on the 2×2', () => {
    expect(view.trail).toEqual([
      {
        week: '2026-W44',
        alignment: 3,
        confidence: 2,
        quadrant: 'build-confidence',
        where: 'Build confidence',
      },
      { week: '2026-W48', alignment: 4, confidence: 3, quadrant: 'support', where: 'Full support' },
    ]);
    expect(view.weeks[0]!.rating?.week).toBe('2026-W48');
  });

  it('lists what started before the eight weeks and is still open (temporary becoming permanent), not what ended then', () => {
    const old = intervention({
      id: 'old-open',
      kind: 'takeover',
      artifact: { key: 'OPS-1', title: 'Runbook', url: 'https://acme.atlassian.net/browse/OPS-1' },
      startedAt: '2026-09-14T09:00:00.000Z',
      plannedEndAt: '2026-09-14T10:00:00.000Z',
    });
    const withOld = oneOnOne(input({ interventions: [...input().interventions, old] }));
    expect(withOld.openFromBefore.map((x) => x.record.id)).toEqual(['old-open']);
    expect(withOld.openFromBefore[0]).toMatchObject({
      takeover: true,
      outcome: 'still open, past the planned end',
      handBack: null,
    });
    expect(view.openFromBefore).toEqual([]); // 'too-old' ended before the weeks: not listed.
    expect(withOld.totals.interventions).toBe(4); // The weeks' figures stay the weeks'.
    const md = prepMarkdown(withOld, [], [], 'en-GB');
    expect(md).toMatch(
      /### Still open from before these weeks\n\n- \*\*Take-over\*\* `OPS-1` Runbook: Get it back on track; started 14 Sept? 2026; .*still open, past the planned end\n\n### Week by week/,
    );
    expect(prepMarkdown(view, [], [], 'en-GB')).not.toContain('Still open from before');
    // For Alice: the take-over still with me, and when it comes back; no durations.
    expect(withOld.talkingPoints.openTakeovers.map((x) => x.record.id)).toEqual(['old-open']);
    expect(sharedMarkdown(withOld, [], 'en-GB')).toMatch(
      /## Take-overs still with me\n\n- `OPS-1` Runbook: took it over to get the direction back on track; still with me, and we agree today when it comes back\n/,
    );
  });

  it('reads how an intervention ended', () => {
    const now = new Date('2026-11-28T12:00:00.000Z');
    expect(
      outcomeOf(
        {
          status: 'lapsed',
          startedAt: '2026-11-20T09:00:00.000Z',
          endedAt: '2026-11-20T10:00:00.000Z',
          plannedEndAt: '2026-11-20T10:00:00.000Z',
        },
        now,
      ),
    ).toMatch(/closed by Pullback/);
    expect(
      outcomeOf(
        {
          status: 'active',
          startedAt: '2026-11-28T12:00:00.000Z',
          endedAt: null,
          plannedEndAt: '2026-11-28T13:00:00.000Z',
        },
        now,
      ),
    ).toBe('still open, within its plan');
    // An overrun inside the grace margin (5 minutes, or 20% of the plan) is on time.
    const ended = (planMin: number, endMin: number) =>
      outcomeOf(
        {
          status: 'ended',
          startedAt: '2026-11-20T09:00:00.000Z',
          plannedEndAt: plus('2026-11-20T09:00:00.000Z', planMin),
          endedAt: plus('2026-11-20T09:00:00.000Z', endMin),
        },
        now,
      );
    expect(ended(15, 15.5)).toBe('ended on time'); // 30 s over
    expect(ended(15, 20)).toBe('ended on time'); // 5 min over: the margin itself
    expect(ended(15, 20.1)).toBe('ended late');
    expect(ended(60, 72)).toBe('ended on time'); // 20% of an hour
    expect(ended(60, 73)).toBe('ended late');
  });
});

describe('the talking points for the report (Copy for <name>)', () => {
  const view = oneOnOne(input());
  const md = sharedMarkdown(view, ['Alice drafts the refund rules', 'Review on Friday'], 'en-GB');

  it('opens with the report’s name and the dates, and says what was handed back, the framework in my words and what is still with me', () => {
    expect(md).toMatch(/^# 1:1 with Alice Chen: talking points\n\n5 Oct.*29 Nov 2026\n/);
    expect(md).toMatch(
      /## Stepped into and handed back\n\n- `PAY-2` Refund \\\*all\\\* the \\\[things\\\]: took it over to get the direction back on track; back with you\n- `PAY-142` Title of PAY-142: stepped in to get the direction back on track; yours again\n/,
    );
    expect(md).toContain(
      '## Frameworks, in my words\n\n- `PAY-142`: scope the refund to one currency',
    );
    expect(md).toMatch(/## Still with me\n\n- `PAY-3` Open one: stepped in .*; still with me/);
    expect(md).toContain('## Actions\n\n- Alice drafts the refund rules\n- Review on Friday');
  });

  it('carries no duration, rating, quadrant, week code or "caught myself"', () => {
    expect(md).not.toMatch(
      /\b\d+ (s|min|h)\b|minute|hour|alignment|confidence|Full support|Build confidence|caught|W\d\d|undefined|null|NaN/i,
    );
  });

  it('an open take-over until it is done stays with me until it is done: no date, never "past the planned end"', () => {
    const done = intervention({
      id: 'done-open',
      kind: 'takeover',
      plannedUntil: 'done',
      artifact: { key: 'OPS-2', title: 'Payouts', url: 'https://acme.atlassian.net/browse/OPS-2' },
      startedAt: '2026-11-20T09:00:00.000Z',
      plannedEndAt: '2026-11-27T09:00:00.000Z', // Its weekly reminder, already gone by.
    });
    const withDone = oneOnOne(input({ interventions: [...input().interventions, done] }));
    const point = withDone.talkingPoints.openTakeovers.find((x) => x.record.id === 'done-open')!;
    expect(point.outcome).toBe('still open, within its plan');
    expect(sharedMarkdown(withDone, [], 'en-GB')).toMatch(
      /- `OPS-2` Payouts: took it over to get the direction back on track; stays with me until it is done\n/,
    );
  });

  it('says so when there is nothing to talk through', () => {
    const quiet = sharedMarkdown(
      oneOnOne(input({ report: { id: 'zoe', name: 'Zoe Park', former: true } })),
      [],
      'en-GB',
    );
    expect(quiet).toContain('Nothing from these weeks yet.');
  });
});

describe('my prep (Copy my prep)', () => {
  const md = prepMarkdown(oneOnOne(input()), ['Review on Friday'], [], 'en-GB');

  it('says at its top that it is private, then holds the talking points', () => {
    expect(md).toMatch(
      /^# 1:1 with Alice Chen: my prep\n\n> Private: my own notes, not for Alice\./,
    );
    expect(md).toContain('## For Alice');
    expect(md).toContain('- Review on Friday');
  });

  it('holds the durations, check-ins and caught myself, with dates for weeks', () => {
    expect(md).toMatch(
      /^- \*\*Intervention\*\* `PAY-142` Title of PAY-142: Get it back on track; 12 min start to end, 10 min hands-on; ended on time; my words: “scope the refund to one currency”$/m,
    );
    expect(md).toMatch(
      /^- \*\*Caught myself\*\* `PAY-9` Ticket PAY-9 \(Sat 28 Nov\): left it with Alice$/m,
    );
    expect(md).toMatch(/^- \*\*Check-in\*\* Full support: alignment 4 of 4, confidence 3 of 4$/m);
    expect(md).toContain('- Interventions: 4 (1 take-over), 40 min hands-on');
    expect(md).toContain('- Pulled back on time: 2 of 3');
    expect(md).toContain('- Caught myself and left it with Alice: once');
    expect(md).toMatch(/\| 26 Oct.*1 Nov 2026 \| 3 \| 2 \| Build confidence \|/);
    expect(md).toMatch(/#### 16.*22 Nov 2026\n\n- Nothing recorded\./);
    expect(md).not.toMatch(/W\d\d|undefined|null|NaN|\[name/);
  });

  it('says a former report is one', () => {
    const quiet = prepMarkdown(
      oneOnOne(input({ report: { id: 'zoe', name: 'Zoe Park', former: true } })),
      [],
      [],
      'en-GB',
    );
    expect(quiet).toContain(
      'Zoe Park is a former report: no longer on my roster, their history kept.',
    );
    expect(quiet.match(/^- Nothing recorded\.$/gm)).toHaveLength(8);
    expect(quiet).not.toContain('Pulled back on time');
  });

  it('keeps text from the tools on one line with Markdown’s marks shown as themselves', () => {
    expect(inert('Fix <b>this</b>\n# now | _soon_', 'markdown')).toBe(
      'Fix \\<b\\>this\\</b\\> \\# now \\| \\_soon\\_',
    );
    const view = oneOnOne(
      input({ report: { id: 'alice', name: 'Alice *Bold* Chen', former: false } }),
    );
    expect(sharedMarkdown(view, [], 'en-GB')).toMatch(
      /^# 1:1 with Alice \\\*Bold\\\* Chen: talking points$/m,
    );
  });
});

describe('the summary page’s address', () => {
  const today = '2026-W48';
  it('reads a week, and anything without a slash as the week page it always was', () => {
    expect(parseSummaryHash('#2026-W47', today)).toEqual({ page: 'week', week: '2026-W47' });
    expect(parseSummaryHash('', today)).toEqual({ page: 'week', week: today });
    expect(parseSummaryHash('#nonsense', today)).toEqual({ page: 'week', week: today });
  });

  it('reads a 1:1 link, and writes the same one back', () => {
    expect(parseSummaryHash('#2026-W48/alice', today)).toEqual({
      page: 'one-on-one',
      week: '2026-W48',
      reportId: 'alice',
    });
    expect(
      parseSummaryHash(summaryHash({ week: '2026-W48', reportId: 'ann/lee 2' }), today),
    ).toEqual({ page: 'one-on-one', week: '2026-W48', reportId: 'ann/lee 2' });
    expect(summaryHash({ week: '2026-W48' })).toBe('#2026-W48');
  });

  it('says what is wrong with a 1:1 link it cannot read', () => {
    expect(parseSummaryHash('#2026-W99/alice', today)).toMatchObject({
      page: 'bad-link',
      week: null,
      problem: expect.stringMatching(/not a week/),
    });
    expect(parseSummaryHash('#2026-W48/', today)).toMatchObject({
      page: 'bad-link',
      week: '2026-W48',
      problem: expect.stringMatching(/names no report/),
    });
    expect(parseSummaryHash('#2026-W48/alice/extra', today)).toMatchObject({
      page: 'bad-link',
      problem: expect.stringMatching(/more after the report/),
    });
    expect(parseSummaryHash('#2026-W48/%E0%A4%A', today)).toMatchObject({
      page: 'bad-link',
      problem: expect.stringMatching(/garbled/),
    });
  });

  it('a week outside 2000 to 2100, alone or in a 1:1 link, is no such week (never a week page to compute)', () => {
    for (const hash of ['#0001-W01/alice', '#0001-W01', '#1999-W52/alice', '#2101-W01']) {
      expect(parseSummaryHash(hash, today)).toEqual({
        page: 'no-such-week',
        week: null,
        problem: expect.stringMatching(/outside the years Pullback keeps \(2000 to 2100\)/),
      });
    }
    expect(parseSummaryHash('#2000-W01/alice', today)).toMatchObject({ page: 'one-on-one' });
    expect(parseSummaryHash('#2100-W52', today)).toEqual({ page: 'week', week: '2100-W52' });
  });
});

// Local weeks depend on the time zone: pin one with daylight saving before any Date is made.
const originalTz = process.env.TZ;
process.env.TZ = 'Europe/Berlin';

import { afterAll, describe, expect, it } from 'vitest';
import { parseWeekId, shiftWeek, weekIdOf, weekLabel, weekRange } from '@/utils/model/week';

afterAll(() => {
  // Test files may share a process: leave the zone as it was found.
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const HOUR = 3_600_000;
/** Hours between two instants. */
const hours = (r: { start: Date; end: Date }) => (r.end.getTime() - r.start.getTime()) / HOUR;
/** ICU puts thin spaces around the range dash; compare on plain spaces. */
const plain = (s: string) => s.replace(/[\s\u2009\u202f]+/g, ' ');

it('runs in Europe/Berlin (CET in winter, CEST in summer)', () => {
  expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(-60);
  expect(new Date('2026-07-15T12:00:00Z').getTimezoneOffset()).toBe(-120);
});

describe('weekIdOf', () => {
  it('names the ISO week in local time', () => {
    expect(weekIdOf(new Date(2026, 10, 28, 12))).toBe('2026-W48');
    expect(weekIdOf(new Date(2026, 10, 23, 0, 0))).toBe('2026-W48'); // Monday 00:00 starts the week
    expect(weekIdOf(new Date(2026, 10, 29, 23, 59, 59, 999))).toBe('2026-W48'); // Sunday's last instant
    expect(weekIdOf(new Date(2026, 10, 30, 0, 0))).toBe('2026-W49');
  });

  it('uses the local day, not the UTC one', () => {
    // Sunday 23:30 UTC is Monday 00:30 in Berlin.
    expect(weekIdOf(new Date('2026-11-29T23:30:00Z'))).toBe('2026-W49');
    // Monday 00:30 in Berlin is still Sunday in UTC.
    expect(weekIdOf(new Date('2026-11-22T23:30:00Z'))).toBe('2026-W48');
  });

  it('uses the ISO week-numbering year around New Year', () => {
    expect(weekIdOf(new Date(2026, 11, 31, 12))).toBe('2026-W53'); // 2026 has 53 ISO weeks (it starts on a Thursday)
    expect(weekIdOf(new Date(2027, 0, 1, 12))).toBe('2026-W53');
    expect(weekIdOf(new Date(2027, 0, 3, 23, 59))).toBe('2026-W53');
    expect(weekIdOf(new Date(2027, 0, 4, 0, 0))).toBe('2027-W01');
    expect(weekIdOf(new Date(2024, 11, 30, 12))).toBe('2025-W01');
    expect(weekIdOf(new Date(2024, 11, 29, 12))).toBe('2024-W52');
    expect(weekIdOf(new Date(2021, 0, 3, 12))).toBe('2020-W53');
    expect(weekIdOf(new Date(2021, 0, 4, 12))).toBe('2021-W01');
    expect(weekIdOf(new Date(2026, 0, 1, 12))).toBe('2026-W01'); // a Thursday: week 1 of its own year
  });
});

describe('parseWeekId', () => {
  it('accepts the hash, the <input type="week"> value and lower case, and normalizes', () => {
    expect(parseWeekId('2026-W48')).toBe('2026-W48');
    expect(parseWeekId('#2026-W48')).toBe('2026-W48');
    expect(parseWeekId('2026-w48')).toBe('2026-W48');
    expect(parseWeekId('#2026-w05')).toBe('2026-W05');
    expect(parseWeekId(' 2026-W48 ')).toBe('2026-W48');
  });

  it('accepts week 53 only in years that have one', () => {
    expect(parseWeekId('2026-W53')).toBe('2026-W53');
    expect(parseWeekId('2020-W53')).toBe('2020-W53');
    expect(parseWeekId('2027-W53')).toBeNull();
    expect(parseWeekId('2025-W53')).toBeNull();
    expect(parseWeekId('2027-W52')).toBe('2027-W52');
  });

  it.each([
    '2026-W00',
    '2026-W54',
    '2026-W99',
    '2026-W5',
    '2026-W480',
    '2026W48',
    '26-W48',
    '2026-48',
    '#',
    '',
    'garbage',
    '2026-W4a',
    '#2026-W48x',
    'x2026-W48',
  ])('rejects %j', (text) => expect(parseWeekId(text)).toBeNull());
});

describe('weekRange', () => {
  it('runs from local Monday 00:00 to the next Monday 00:00, 168 hours in an ordinary week', () => {
    const range = weekRange('2026-W48');
    expect(range.start).toEqual(new Date(2026, 10, 23, 0, 0));
    expect(range.end).toEqual(new Date(2026, 10, 30, 0, 0));
    expect(range.start.toISOString()).toBe('2026-11-22T23:00:00.000Z'); // CET, UTC+1
    expect(hours(range)).toBe(168);
  });

  it('is 167 hours long in the week clocks spring forward (29 March 2026)', () => {
    const id = weekIdOf(new Date(2026, 2, 29, 12));
    expect(id).toBe('2026-W13');
    const range = weekRange(id);
    expect(range.start.toISOString()).toBe('2026-03-22T23:00:00.000Z'); // Mon 23 Mar 00:00 CET
    expect(range.end.toISOString()).toBe('2026-03-29T22:00:00.000Z'); // Mon 30 Mar 00:00 CEST
    expect(hours(range)).toBe(167);
    expect(range.end.getHours()).toBe(0);
    expect(weekIdOf(new Date(range.end.getTime() - 1))).toBe('2026-W13');
    expect(weekIdOf(range.end)).toBe('2026-W14');
  });

  it('is 169 hours long in the week clocks fall back (25 October 2026)', () => {
    const id = weekIdOf(new Date(2026, 9, 25, 12));
    expect(id).toBe('2026-W43');
    const range = weekRange(id);
    expect(range.start.toISOString()).toBe('2026-10-18T22:00:00.000Z'); // Mon 19 Oct 00:00 CEST
    expect(range.end.toISOString()).toBe('2026-10-25T23:00:00.000Z'); // Mon 26 Oct 00:00 CET
    expect(hours(range)).toBe(169);
    expect(weekIdOf(new Date(range.end.getTime() - 1))).toBe('2026-W43');
  });

  it('starts week 1 in the previous calendar year when the ISO year says so', () => {
    expect(weekRange('2025-W01').start).toEqual(new Date(2024, 11, 30));
    expect(weekRange('2020-W53')).toEqual({
      start: new Date(2020, 11, 28),
      end: new Date(2021, 0, 4),
    });
    expect(weekRange('2026-W53')).toEqual({
      start: new Date(2026, 11, 28),
      end: new Date(2027, 0, 4),
    });
    expect(weekRange('2027-W01').start).toEqual(new Date(2027, 0, 4));
  });

  it('tiles the calendar: each week ends where the next starts, and its instants map back to it (2019-2029)', () => {
    let id = '2019-W01';
    let weeks = 0;
    for (; id !== '2030-W01' && weeks < 600; weeks++) {
      const range = weekRange(id);
      const next = shiftWeek(id, 1);
      expect(weekRange(next).start).toEqual(range.end);
      expect(range.start.getDay()).toBe(1);
      expect(range.start.getHours()).toBe(0);
      expect([167, 168, 169]).toContain(hours(range));
      expect(weekIdOf(range.start)).toBe(id);
      expect(weekIdOf(new Date(range.end.getTime() - 1))).toBe(id);
      id = next;
    }
    // 11 years of 52 weeks, plus week 53 of 2020 and of 2026.
    expect(weeks).toBe(11 * 52 + 2);
  });

  it('accepts what parseWeekId accepts and throws on the rest', () => {
    expect(weekRange('#2026-w48')).toEqual(weekRange('2026-W48'));
    expect(() => weekRange('2027-W53')).toThrow(RangeError);
    expect(() => weekRange('nonsense')).toThrow(/ISO week/);
  });
});

describe('shiftWeek', () => {
  it('moves within a year', () => {
    expect(shiftWeek('2026-W48', -1)).toBe('2026-W47');
    expect(shiftWeek('2026-W48', -7)).toBe('2026-W41');
    expect(shiftWeek('2026-W48', 0)).toBe('2026-W48');
    expect(shiftWeek('2026-W13', 1)).toBe('2026-W14'); // across spring forward
    expect(shiftWeek('2026-W44', -1)).toBe('2026-W43'); // across fall back
  });

  it('crosses year ends, through week 53 where there is one', () => {
    expect(shiftWeek('2026-W52', 1)).toBe('2026-W53');
    expect(shiftWeek('2026-W52', 2)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(shiftWeek('2025-W52', 1)).toBe('2026-W01');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2021-W01', -1)).toBe('2020-W53');
    expect(shiftWeek('2026-W01', 52)).toBe('2026-W53');
    expect(shiftWeek('2026-W01', 53)).toBe('2027-W01');
    expect(shiftWeek('2027-W02', -8)).toBe('2026-W47');
    expect(shiftWeek('2026-W48', 104)).toBe('2028-W47');
  });

  it('is undone by the opposite shift', () => {
    for (const id of ['2020-W53', '2024-W52', '2025-W01', '2026-W13', '2026-W53']) {
      for (const n of [-60, -8, -1, 1, 8, 60]) expect(shiftWeek(shiftWeek(id, n), -n)).toBe(id);
    }
  });
});

describe('weekLabel', () => {
  it('shows Monday to Sunday in the given locale', () => {
    expect(plain(weekLabel('2026-W48', 'en-GB'))).toMatch(/^23 ?– ?29 Nov 2026$/);
    expect(plain(weekLabel('2026-W49', 'en-GB'))).toBe('30 Nov – 6 Dec 2026');
    expect(plain(weekLabel('2026-W53', 'en-GB'))).toBe('28 Dec 2026 – 3 Jan 2027');
    expect(plain(weekLabel('2026-W48', 'en-US'))).toMatch(/^Nov 23 ?– ?29, 2026$/);
  });

  it('falls back to two formatted dates where formatRange is missing', () => {
    const proto = Intl.DateTimeFormat.prototype as { formatRange?: unknown };
    const original = Object.getOwnPropertyDescriptor(proto, 'formatRange');
    try {
      delete proto.formatRange;
      expect(plain(weekLabel('2026-W48', 'en-GB'))).toBe('23 Nov 2026 – 29 Nov 2026');
    } finally {
      if (original) Object.defineProperty(proto, 'formatRange', original);
    }
  });
});

/**
 * The weekly summary's notification time: the next local day-and-time after
 * now, across a DST change. Runs in Europe/Berlin.
 */
process.env.TZ = 'Europe/Berlin';
import { describe, expect, test } from 'vitest';
import { nextWeeklyAt } from '@/utils/background/reminders';

const friday4pm = { enabled: true, day: 5, time: '16:00' };
const local = (d: Date) => [
  d.getFullYear(),
  d.getMonth() + 1,
  d.getDate(),
  d.getHours(),
  d.getMinutes(),
];

describe('next weekly summary notification', () => {
  test('later the same day, next week once the time has passed, and never "now"', () => {
    expect(local(nextWeeklyAt(new Date(2026, 10, 27, 9, 0), friday4pm))).toEqual([
      2026, 11, 27, 16, 0,
    ]);
    expect(local(nextWeeklyAt(new Date(2026, 10, 27, 16, 0), friday4pm))).toEqual([
      2026, 12, 4, 16, 0,
    ]);
    expect(local(nextWeeklyAt(new Date(2026, 10, 28, 10, 0), friday4pm))).toEqual([
      2026, 12, 4, 16, 0,
    ]);
  });

  test('local 16:00 stays 16:00 across the change to summer time', () => {
    // Sunday 29 March 2026 the clocks go forward: the Friday after is still 16:00 local.
    expect(local(nextWeeklyAt(new Date(2026, 2, 28, 12, 0), friday4pm))).toEqual([
      2026, 4, 3, 16, 0,
    ]);
  });

  test('another day and time', () => {
    expect(
      local(nextWeeklyAt(new Date(2026, 10, 28, 10, 0), { enabled: true, day: 1, time: '08:30' })),
    ).toEqual([2026, 11, 30, 8, 30]);
  });
});

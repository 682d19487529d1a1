import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatSpan,
  isLapsed,
  isOverdue,
  mergeHeartbeat,
  PULSE_MS,
  spanMs,
} from '@/utils/model/durations';

const T0 = '2026-11-28T10:00:00.000Z';
const at = (secondsAfterT0: number) => new Date(Date.parse(T0) + secondsAfterT0 * 1000);

describe('mergeHeartbeat', () => {
  it('adds the gap when the heartbeat comes within the pulse window', () => {
    const out = mergeHeartbeat({ activeMs: 5_000, lastActivityAt: T0 }, at(30));
    expect(out).toMatchObject({ activeMs: 35_000, lastActivityAt: at(30).toISOString() });
  });

  it('counts a gap of exactly the pulse window', () => {
    const out = mergeHeartbeat({ activeMs: 0, lastActivityAt: T0 }, at(PULSE_MS / 1000));
    expect(out.activeMs).toBe(PULSE_MS);
  });

  it('adds nothing for a longer gap but starts a new stretch from the heartbeat', () => {
    const out = mergeHeartbeat({ activeMs: 12_000, lastActivityAt: T0 }, at(61));
    expect(out).toMatchObject({ activeMs: 12_000, lastActivityAt: at(61).toISOString() });
    // The next heartbeat is measured from the new stretch's start.
    expect(mergeHeartbeat(out, at(71)).activeMs).toBe(22_000);
  });

  it('ignores a heartbeat at the same time or earlier (clock skew, reordered messages)', () => {
    const record = { activeMs: 7_000, lastActivityAt: T0 };
    expect(mergeHeartbeat(record, at(0))).toMatchObject(record);
    expect(mergeHeartbeat(record, at(-10))).toMatchObject(record);
  });

  it('adds nothing after an idle break even inside the window, then counts again', () => {
    const broken = mergeHeartbeat(
      { activeMs: 10_000, lastActivityAt: T0, stretchBroken: true },
      at(20),
    );
    expect(broken).toEqual({
      activeMs: 10_000,
      lastActivityAt: at(20).toISOString(),
      stretchBroken: false,
    });
    expect(mergeHeartbeat(broken, at(50)).activeMs).toBe(40_000);
  });

  it('keeps an idle break pending when the heartbeat is not newer', () => {
    const out = mergeHeartbeat(
      { activeMs: 10_000, lastActivityAt: T0, stretchBroken: true },
      at(0),
    );
    expect(out.stretchBroken).toBe(true);
    expect(mergeHeartbeat(out, at(10)).activeMs).toBe(10_000);
  });

  it('honours a custom pulse window', () => {
    expect(mergeHeartbeat({ activeMs: 0, lastActivityAt: T0 }, at(10), 5_000).activeMs).toBe(0);
    expect(mergeHeartbeat({ activeMs: 0, lastActivityAt: T0 }, at(4), 5_000).activeMs).toBe(4_000);
  });

  it('sums a realistic typing session: short gaps count, a coffee break does not', () => {
    let record = { activeMs: 0, lastActivityAt: T0 };
    for (const s of [5, 10, 40, 1000, 1020]) record = mergeHeartbeat(record, at(s));
    // 5 + 5 + 30 (then a 960 s break adds nothing) + 20
    expect(record.activeMs).toBe(60_000);
    expect(record.lastActivityAt).toBe(at(1020).toISOString());
  });
});

describe('spanMs', () => {
  it('measures start to end for an ended record, ignoring now', () => {
    expect(spanMs({ startedAt: T0, endedAt: at(90).toISOString() }, at(10_000))).toBe(90_000);
  });

  it('measures start to now while active', () => {
    expect(spanMs({ startedAt: T0, endedAt: null }, at(300))).toBe(300_000);
  });

  it('never goes negative', () => {
    expect(spanMs({ startedAt: T0, endedAt: null }, at(-60))).toBe(0);
    expect(spanMs({ startedAt: T0, endedAt: at(-1).toISOString() }, at(5))).toBe(0);
  });
});

describe('isOverdue', () => {
  const plannedEndAt = at(900).toISOString();

  it('is overdue only once an active record is past its planned end', () => {
    expect(isOverdue({ status: 'active', plannedEndAt }, at(899))).toBe(false);
    expect(isOverdue({ status: 'active', plannedEndAt }, at(900))).toBe(false);
    expect(isOverdue({ status: 'active', plannedEndAt }, at(901))).toBe(true);
  });

  it('is never overdue once ended or lapsed', () => {
    expect(isOverdue({ status: 'ended', plannedEndAt }, at(5_000))).toBe(false);
    expect(isOverdue({ status: 'lapsed', plannedEndAt }, at(5_000))).toBe(false);
  });
});

describe('isLapsed', () => {
  const hour = 3_600_000;
  it('lapses an active record only after more than lapseMs without a heartbeat', () => {
    expect(isLapsed({ status: 'active', lastActivityAt: T0 }, at(8 * 3600), 8 * hour)).toBe(false);
    expect(isLapsed({ status: 'active', lastActivityAt: T0 }, at(8 * 3600 + 1), 8 * hour)).toBe(
      true,
    );
  });

  it('never lapses a record that is not active', () => {
    expect(isLapsed({ status: 'ended', lastActivityAt: T0 }, at(100 * 3600), hour)).toBe(false);
    expect(isLapsed({ status: 'lapsed', lastActivityAt: T0 }, at(100 * 3600), hour)).toBe(false);
  });
});

describe('formatSpan', () => {
  it('reads a day or more in days and whole hours', () => {
    expect(formatSpan(72 * 3_600_000)).toBe('3 days');
    expect(formatSpan((28 * 60 + 40) * 60_000)).toBe('1 day 4 h');
    expect(formatSpan(24 * 3_600_000)).toBe('1 day');
  });

  it('reads less than a day as formatDuration does', () => {
    expect(formatSpan((23 * 60 + 59) * 60_000)).toBe('23 h 59 min');
    expect(formatSpan(12 * 60_000)).toBe('12 min');
  });
});

describe('formatDuration', () => {
  it('shows seconds under a minute', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(40_000)).toBe('40 s');
    expect(formatDuration(59_000)).toBe('59 s');
  });

  it('rounds to the nearest second before choosing the unit', () => {
    expect(formatDuration(1_499)).toBe('1 s');
    expect(formatDuration(59_600)).toBe('1 min');
  });

  it('shows whole minutes under an hour', () => {
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(12 * 60_000 + 59_000)).toBe('12 min');
    expect(formatDuration(59 * 60_000 + 29_000)).toBe('59 min');
  });

  it('shows hours with two-digit minutes', () => {
    expect(formatDuration(60 * 60_000)).toBe('1 h 00 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
    expect(formatDuration((26 * 60 + 45) * 60_000)).toBe('26 h 45 min');
  });
});

/**
 * Hands-on time from heartbeats, the way ActivityWatch merges them: a
 * heartbeat within the pulse window of the previous one extends the current
 * stretch by the gap; a longer gap starts a new stretch and adds nothing.
 * Pure functions, so the rule is the same in the worker, the tests and the
 * summary.
 */
import type { Intervention } from '@/utils/model/records';
import { UNTIL_DONE_REMINDER_DAYS } from '@/utils/model/constants';

/** Edits arrive at most every few seconds while typing; reading pauses up to a minute stay hands-on. */
export const PULSE_MS = 60_000;

/** "15 more minutes", from the reminder, the popup and the in-page prompt. */
export const EXTEND_MINUTES = 15;

/**
 * A stretch also ends when the machine went idle in between
 * (`stretchBroken`): idle or locked time never counts, even inside the window.
 */
export function mergeHeartbeat(
  record: Pick<Intervention, 'activeMs' | 'lastActivityAt'> & { stretchBroken?: boolean },
  at: Date,
  pulseMs = PULSE_MS,
): Pick<Intervention, 'activeMs' | 'lastActivityAt' | 'stretchBroken'> {
  const gap = at.getTime() - Date.parse(record.lastActivityAt);
  if (gap <= 0)
    return {
      activeMs: record.activeMs,
      lastActivityAt: record.lastActivityAt,
      stretchBroken: record.stretchBroken ?? false,
    };
  return {
    activeMs: record.activeMs + (gap <= pulseMs && !record.stretchBroken ? gap : 0),
    lastActivityAt: at.toISOString(),
    stretchBroken: false,
  };
}

/**
 * The lapse rule: no heartbeat for `lapseMs` closes an intervention at its last heartbeat. A plan
 * to a day or until done (a take-over) is not hands-on work by the hour: quiet hours do not close it.
 */
export function isLapsed(
  record: Pick<Intervention, 'status' | 'lastActivityAt'> &
    Pick<Partial<Intervention>, 'plannedUntil'>,
  now: Date,
  lapseMs: number,
): boolean {
  if (record.plannedUntil === 'day' || record.plannedUntil === 'done') return false;
  return record.status === 'active' && now.getTime() - Date.parse(record.lastActivityAt) > lapseMs;
}

/** "Until it is done": its weekly reminder has come (`plannedEndAt` holds when). */
export function untilDoneReminderDue(
  record: Pick<Intervention, 'status' | 'plannedEndAt'> &
    Pick<Partial<Intervention>, 'plannedUntil'>,
  now: Date,
): boolean {
  return (
    record.status === 'active' &&
    record.plannedUntil === 'done' &&
    Date.parse(record.plannedEndAt) <= now.getTime()
  );
}

/** The weekly reminder after `now` for an "until it is done" plan, on from its last one. */
export function nextUntilDoneReminder(record: Pick<Intervention, 'plannedEndAt'>, now: Date): Date {
  const week = UNTIL_DONE_REMINDER_DAYS * 86_400_000;
  let next = Date.parse(record.plannedEndAt);
  while (next <= now.getTime()) next += week;
  return new Date(next);
}

/** Wall-clock span: start to end, or to `now` while active. */
export function spanMs(record: Pick<Intervention, 'startedAt' | 'endedAt'>, now: Date): number {
  const end = record.endedAt ? Date.parse(record.endedAt) : now.getTime();
  return Math.max(0, end - Date.parse(record.startedAt));
}

/** Past its planned end. "Until it is done" has none: never overdue, only reminded weekly. */
export function isOverdue(
  record: Pick<Intervention, 'status' | 'plannedEndAt'> &
    Pick<Partial<Intervention>, 'plannedUntil'>,
  now: Date,
): boolean {
  if (record.plannedUntil === 'done') return false;
  return record.status === 'active' && Date.parse(record.plannedEndAt) < now.getTime();
}

/**
 * A stretch of calendar time (since a start, past a planned end): a day or more reads in days and
 * hours ("3 days", "1 day 4 h"), less as formatDuration. Summed time (hands-on) stays in hours.
 */
export function formatSpan(ms: number): string {
  const hours = Math.floor(Math.round(ms / 60_000) / 60);
  if (hours < 24) return formatDuration(ms);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${days} ${days === 1 ? 'day' : 'days'}${rest ? ` ${rest} h` : ''}`;
}

/** "1 h 05 min", "12 min", "40 s": short enough for a popup row. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A pull-back this close to the planned end is on time: 5 minutes, or 20% of the plan when that is longer. */
export const GRACE_MIN_MS = 5 * 60_000;
export const GRACE_SHARE = 0.2;

export function graceMs(record: Pick<Intervention, 'startedAt' | 'plannedEndAt'>): number {
  const planned = Date.parse(record.plannedEndAt) - Date.parse(record.startedAt);
  return Math.max(GRACE_MIN_MS, Number.isFinite(planned) ? planned * GRACE_SHARE : 0);
}

/**
 * How far past the planned end `stopMs` is, beyond the grace margin (0: within it). The one
 * rule the popup, the summary, the 1:1 page, the CSV and the reflections all use.
 */
export function overrunMs(
  record: Pick<Intervention, 'startedAt' | 'plannedEndAt'> &
    Pick<Partial<Intervention>, 'plannedUntil'>,
  stopMs: number,
): number {
  // "Until it is done" has no planned end to be late for.
  if (record.plannedUntil === 'done') return 0;
  const over = stopMs - Date.parse(record.plannedEndAt);
  return over > graceMs(record) ? over : 0;
}

/** Ended by the lead (not closed by Pullback) no later than the planned end plus the grace margin. */
export function pulledBackOnTime(
  record: Pick<Intervention, 'status' | 'startedAt' | 'plannedEndAt' | 'endedAt'> &
    Pick<Partial<Intervention>, 'plannedUntil'>,
): boolean {
  return (
    record.status === 'ended' &&
    record.endedAt !== null &&
    overrunMs(record, Date.parse(record.endedAt)) === 0
  );
}

/**
 * "End of day": the working day's end (`workdayEnd`, local "HH:MM") today, or tomorrow's once
 * today's has passed (a lead still at work at 19:00 plans to tomorrow's end, never to midnight).
 */
export function endOfWorkday(workdayEnd: string, now: Date): Date {
  const [hours = 18, minutes = 0] = workdayEnd.split(':').map(Number);
  const end = new Date(now);
  end.setHours(hours, minutes, 0, 0);
  if (end.getTime() <= now.getTime()) end.setDate(end.getDate() + 1);
  return end;
}

/**
 * "Keep it until …" for a take-over past its planned end: the end-of-day plan's own rule, counted
 * from the planned end or from now, whichever is later (a take-over due tonight kept on from
 * this afternoon's reminder still ends tomorrow, not tonight again).
 */
export function nextWorkdayEnd(
  record: Pick<Intervention, 'plannedEndAt'>,
  workdayEnd: string,
  now: Date,
): Date {
  return endOfWorkday(
    workdayEnd,
    new Date(Math.max(now.getTime(), Date.parse(record.plannedEndAt))),
  );
}

/** "Until it is done" has no end: `plannedEndAt` holds its first weekly reminder. */
export function firstUntilDoneReminder(at: Date): Date {
  return new Date(at.getTime() + UNTIL_DONE_REMINDER_DAYS * 86_400_000);
}

/** A take-over's end as the lead reads it on a card or a button: "Fri 18:00" (the clock time, never a duration). */
export function formatDayClock(at: Date): string {
  return `${weekdayShort.format(at)} ${clockShort.format(at)}`;
}

/** "Thu, Dec 10, 18:00": a planned end with its date. */
export function formatDateClock(at: Date): string {
  return `${dateShort.format(at)}, ${clockShort.format(at)}`;
}

const weekdayShort = new Intl.DateTimeFormat([], { weekday: 'short' });
const dateShort = new Intl.DateTimeFormat([], { weekday: 'short', month: 'short', day: 'numeric' });
const clockShort = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

/**
 * "Until a day": that local day's working-day end (`workdayEnd`, "HH:MM"); `day` is "YYYY-MM-DD".
 * Null when that end has already passed (the lead picked a day gone by).
 */
export function endOfWorkdayOn(day: string, workdayEnd: string, now: Date): Date | null {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [hours = 18, minutes = 0] = workdayEnd.split(':').map(Number);
  const end = new Date(y, m - 1, d, hours, minutes, 0, 0);
  return end.getTime() > now.getTime() ? end : null;
}

/**
 * Hands-on time from heartbeats, the way ActivityWatch merges them: a
 * heartbeat within the pulse window of the previous one extends the current
 * stretch by the gap; a longer gap starts a new stretch and adds nothing.
 * Pure functions, so the rule is the same in the worker, the tests and the
 * summary.
 */
import type { Intervention } from '@/utils/model/records';

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

/** The lapse rule: no heartbeat for `lapseMs` closes an intervention at its last heartbeat. */
export function isLapsed(
  record: Pick<Intervention, 'status' | 'lastActivityAt'>,
  now: Date,
  lapseMs: number,
): boolean {
  return record.status === 'active' && now.getTime() - Date.parse(record.lastActivityAt) > lapseMs;
}

/** Wall-clock span: start to end, or to `now` while active. */
export function spanMs(record: Pick<Intervention, 'startedAt' | 'endedAt'>, now: Date): number {
  const end = record.endedAt ? Date.parse(record.endedAt) : now.getTime();
  return Math.max(0, end - Date.parse(record.startedAt));
}

export function isOverdue(
  record: Pick<Intervention, 'status' | 'plannedEndAt'>,
  now: Date,
): boolean {
  return record.status === 'active' && Date.parse(record.plannedEndAt) < now.getTime();
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

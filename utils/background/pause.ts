/**
 * Pause: for pairing, a demo, a planning session where editing
 * reports' items is the job. While paused no prompt shows (new or overdue);
 * active interventions keep counting hands-on time. A pause ends by itself at
 * its end (an alarm, and every check compares with the clock), or when resumed.
 * Pausing, resuming and the end are kept in a short log the popup shows.
 * Only the background writes these items.
 */
import { addDays, startOfDay } from 'date-fns';
import { storage } from '@wxt-dev/storage';
import type { PauseEventRecord } from '@/utils/model/records';

export interface Pause {
  since: string;
  /** null: until the lead resumes. */
  until: string | null;
}

/** One entry of the pause log: its shape is the backup's (utils/model/records.ts). */
export type PauseEvent = PauseEventRecord;

export const pauseItem = storage.defineItem<Pause | null>('local:pause', { fallback: null });
export const pauseLogItem = storage.defineItem<PauseEvent[]>('local:pauseLog', { fallback: [] });
export const PAUSE_ALARM = 'pullback-pause-end';
const MAX_PAUSE_EVENTS = 100;
/** The longest pause with an end: the popup offers one hour and "until tomorrow". */
export const MAX_PAUSE_MS = 48 * 3_600_000;

export type PauseChoice = 'hour' | 'tomorrow' | 'resumed';

/** When a pause chosen at `now` ends: in one hour, at the start of tomorrow (local), or never by itself. */
export function pauseEnd(choice: PauseChoice, now: Date): string | null {
  if (choice === 'hour') return new Date(now.getTime() + 3_600_000).toISOString();
  if (choice === 'tomorrow') return startOfDay(addDays(now, 1)).toISOString();
  return null;
}

/** The pause in force at `now`: null when there is none or it has run out. */
export function activePause(pause: Pause | null, now: Date): Pause | null {
  if (!pause) return null;
  return pause.until === null || Date.parse(pause.until) > now.getTime() ? pause : null;
}

/** A pause's end as the lead reads it: "until 14:32", "until tomorrow 00:00", "until you resume". */
export function describePauseEnd(until: string | null, now: Date): string {
  if (until === null) return 'until you resume';
  const end = new Date(until);
  const time = end.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (startOfDay(end).getTime() === startOfDay(now).getTime()) return `until ${time}`;
  if (startOfDay(end).getTime() === startOfDay(addDays(now, 1)).getTime())
    return `until tomorrow ${time}`;
  return `until ${end.toLocaleDateString(undefined, { weekday: 'long' })} ${time}`;
}

/** Bad input gets a clear message: a pause ends in the future and within two days, or never by itself. */
export function checkPauseUntil(until: unknown, now: Date): string | null {
  if (until === null) return null;
  if (typeof until !== 'string' || Number.isNaN(Date.parse(until)))
    throw new Error('A pause ends at a date and time, or when you resume.');
  const end = Date.parse(until);
  if (end <= now.getTime()) throw new Error('A pause must end in the future.');
  if (end - now.getTime() > MAX_PAUSE_MS)
    throw new Error('A pause with an end lasts at most two days; choose "until I resume" instead.');
  return new Date(end).toISOString();
}

async function log(event: Omit<PauseEvent, 'id'>) {
  const list = await pauseLogItem.getValue();
  await pauseLogItem.setValue(
    [{ ...event, id: crypto.randomUUID() }, ...list].slice(0, MAX_PAUSE_EVENTS),
  );
}

export async function startPause(until: string | null, now: Date): Promise<Pause> {
  const pause: Pause = { since: now.toISOString(), until };
  await pauseItem.setValue(pause);
  await log({ at: pause.since, kind: 'paused', until });
  return pause;
}

export async function resumePause(now: Date): Promise<void> {
  const pause = activePause(await pauseItem.getValue(), now);
  if (!pause) {
    await expirePause(now);
    return;
  }
  await pauseItem.setValue(null);
  await log({ at: now.toISOString(), kind: 'resumed' });
}

/** Ends a pause that has run out, logged at its own end. Returns the pause in force, if any. */
export async function expirePause(now: Date): Promise<Pause | null> {
  const pause = await pauseItem.getValue();
  if (!pause) return null;
  if (activePause(pause, now)) return pause;
  await pauseItem.setValue(null);
  await log({ at: pause.until!, kind: 'ended' });
  return null;
}

/** This browser's pause log with a backup's events added: by id (events here win), newest first, the last 100. */
export function mergePauseEvents(
  here: readonly PauseEvent[],
  incoming: readonly PauseEvent[],
): PauseEvent[] {
  const ids = new Set(here.map((e) => e.id));
  const added = incoming.filter((e) => !ids.has(e.id) && (ids.add(e.id), true));
  return [...here, ...added]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, MAX_PAUSE_EVENTS);
}

export async function deletePauseEvent(id: string): Promise<void> {
  await pauseLogItem.setValue((await pauseLogItem.getValue()).filter((e) => e.id !== id));
}

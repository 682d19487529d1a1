/**
 * The background's clockwork: after every change and on every alarm it
 * sweeps the database (lapse rule, overdue reminders), sets the toolbar
 * badge, and arms the next alarm. Alarms persist across worker and browser
 * restarts; nothing here keeps state in the worker's memory.
 */
import { addDays, set } from 'date-fns';
import { browser } from 'wxt/browser';
import {
  EXTEND_MINUTES,
  formatDateClock,
  formatDayClock,
  isOverdue,
  nextWorkdayEnd,
} from '@/utils/model/durations';
import type { Intervention, WeeklyDigest } from '@/utils/model/records';
import type { PullbackService } from '@/utils/background/service';

export const TICK_ALARM = 'pullback-tick';
export const DUE_ALARM = 'pullback-due';
export const NOTIFICATION_PREFIX = 'pullback-due:';
export const WEEKLY_ALARM = 'pullback-weekly';
export const WEEKLY_NOTIFICATION = 'pullback-weekly';
export const BADGE_COLORS = { active: '#1f4fd1', overdue: '#c2410c' } as const;

/** Chrome offers notification buttons; Firefox does not, so its notification opens the popup. */
const NOTIFICATION_BUTTONS = !import.meta.env.FIREFOX;

/** A reminder this long after its planned end was held (a pause, a closed browser): it comes gently. */
const HELD_MS = 2 * 60_000;
export const HELD_NOTIFICATION = 'pullback-due-held';

/**
 * `paused`: quiet means quiet. No reminder shows and none is marked as shown, so what came due
 * during the pause shows once when it ends: one gentle notification (several in one).
 */
export async function refresh(
  service: PullbackService,
  now = new Date(),
  { paused = false }: { paused?: boolean } = {},
): Promise<void> {
  // Retention ("keep the last N months", off by default) must not stop the badge or reminders.
  await service.applyRetention().catch((e) => console.warn('Pullback: retention not applied', e));
  const { active, toRemind } = await service.sweep({ remind: !paused });
  await setBadge(active, now);
  await armDueAlarm(active, now);
  if (toRemind.length === 0) return;
  const hideTitles = (await service.notificationPrivacy()).hideTitles;
  const workdayEnd = await service.workdayEnd();
  // A refused notification (permission withdrawn, OS setting) must not stop the badge or the sweep.
  const warn = (e: unknown) => console.warn('Pullback: reminder not shown', e);
  if (toRemind.length > 1) return remindHeld(toRemind, hideTitles).catch(warn);
  const [record] = toRemind;
  const held = now.getTime() - Date.parse(record!.plannedEndAt) > HELD_MS;
  await remind(record!, hideTitles, held, nextWorkdayEnd(record!, workdayEnd, now)).catch(warn);
}

async function setBadge(active: Intervention[], now: Date) {
  const overdue = active.some((r) => isOverdue(r, now));
  await browser.action.setBadgeText({ text: active.length ? String(active.length) : '' });
  await browser.action.setBadgeBackgroundColor({
    color: overdue ? BADGE_COLORS.overdue : BADGE_COLORS.active,
  });
  await browser.action.setTitle({
    title: active.length
      ? `Pullback: ${active.length} active${overdue ? ', time to pull back' : ''}`
      : 'Pullback',
  });
}

/** One alarm at the next planned end (the minute tick catches anything else). */
async function armDueAlarm(active: Intervention[], now: Date) {
  const next = active
    .map((r) => Date.parse(r.plannedEndAt))
    .filter((t) => t > now.getTime())
    .sort((a, b) => a - b)[0];
  if (next) await browser.alarms.create(DUE_ALARM, { when: next + 500 });
  else await browser.alarms.clear(DUE_ALARM);
}

/** What the reminder says; with titles hidden (a shared screen) it names no item and no person. */
export function reminderMessage(record: Intervention, hideTitles: boolean): string {
  // "Until it is done" has no end to pass: the weekly question is whether it is still the lead's.
  if (record.plannedUntil === 'done')
    return hideTitles
      ? 'A take-over is still with you: is it done?'
      : `${record.artifact.key}${record.artifact.title ? ` (${record.artifact.title})` : ''} is still with you: is it done?`;
  // A take-over is asked about in its own words: the hand-back it planned, at its clock time.
  if (record.kind === 'takeover')
    return hideTitles
      ? 'The hand-back you planned for a take-over has passed.'
      : `You planned to hand ${record.artifact.key}${record.artifact.title ? ` (${record.artifact.title})` : ''} back by ${formatDateClock(new Date(record.plannedEndAt))}.`;
  if (hideTitles) return 'The planned end of an intervention has passed.';
  return `Your planned end for ${record.artifact.key}${record.artifact.title ? ` (${record.artifact.title})` : ''} has passed.`;
}

/**
 * The reminder's title and (Chrome) buttons. The second button is the service's
 * `keepFromReminder`: "15 more minutes" for an edit's intervention, "Keep it until <the next
 * working day's end>" for a take-over (`keepUntil`), which minutes would make no sense for.
 */
export function reminderWords(
  record: Intervention,
  keepUntil: Date,
): { title: string; buttons: string[] } {
  // "15 more minutes" means nothing to a plan with no end: ending it is the one button.
  if (record.plannedUntil === 'done')
    return { title: 'Still yours?', buttons: ['It is done: end it'] };
  if (record.kind === 'takeover')
    return {
      title: 'Still taking this over?',
      buttons: ['Hand it back', `Keep it until ${formatDayClock(keepUntil)}`],
    };
  return { title: 'Time to pull back?', buttons: ['End it', `${EXTEND_MINUTES} more minutes`] };
}

/** `held`: it came due a while ago (during a pause): said once, without staying on screen. */
async function remind(record: Intervention, hideTitles: boolean, held: boolean, keepUntil: Date) {
  const words = reminderWords(record, keepUntil);
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${record.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: words.title,
    message: reminderMessage(record, hideTitles),
    ...(NOTIFICATION_BUTTONS
      ? {
          buttons: words.buttons.map((title) => ({ title })),
          requireInteraction: !held,
        }
      : {}),
  });
}

/** What several planned ends say at once (after a pause): one notification, which opens the popup. */
export function heldMessage(records: Intervention[], hideTitles: boolean): string {
  if (hideTitles) return `The planned ends of ${records.length} interventions have passed.`;
  return `The planned ends of ${records.length} interventions have passed: ${records.map((r) => r.artifact.key).join(', ')}.`;
}

async function remindHeld(records: Intervention[], hideTitles: boolean) {
  await browser.notifications.create(HELD_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Time to pull back?',
    message: heldMessage(records, hideTitles),
  });
}

export function ensureTickAlarm() {
  return browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
}

/** The next local day-and-time of the weekly summary, strictly after `now` (DST-safe local days). */
export function nextWeeklyAt(now: Date, digest: WeeklyDigest): Date {
  const [hours = 16, minutes = 0] = digest.time.split(':').map(Number);
  const today = set(now, { hours, minutes, seconds: 0, milliseconds: 0 });
  const candidate = addDays(today, (digest.day - today.getDay() + 7) % 7);
  return candidate > now ? candidate : addDays(candidate, 7);
}

export async function armWeeklyAlarm(digest: WeeklyDigest, now = new Date()) {
  if (!digest.enabled) return browser.alarms.clear(WEEKLY_ALARM);
  await browser.alarms.create(WEEKLY_ALARM, { when: nextWeeklyAt(now, digest).getTime() });
}

export async function showWeeklyNotification() {
  await browser.notifications.create(WEEKLY_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Your week in Pullback',
    message: 'Where did you step in, and did you pull back? Open the weekly summary.',
  });
}

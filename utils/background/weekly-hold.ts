/**
 * The weekly summary notification and a pause. A pause is for a demo, pairing
 * or a planning session, often on a shared screen: the weekly "look in the
 * mirror" waits until the pause is over, then shows once (never twice, however
 * many weeks it waited). The "Time to pull back?" reminder waits too
 * (utils/background/reminders.ts): quiet means quiet, and what came due shows once, gently, after.
 */
import { storage } from '@wxt-dev/storage';

/** When the weekly notification came due during a pause (null: nothing waiting). */
export const weeklyHeldItem = storage.defineItem<string | null>('local:weeklyHeldSince', {
  fallback: null,
});

/** The weekly alarm rang: show the notification now, or hold it while prompts are paused. */
export async function weeklyDue(
  paused: boolean,
  show: () => Promise<void>,
  now = new Date(),
): Promise<'shown' | 'held'> {
  if (paused) {
    if (!(await weeklyHeldItem.getValue())) await weeklyHeldItem.setValue(now.toISOString());
    return 'held';
  }
  await show();
  return 'shown';
}

/**
 * After a pause (called on every refresh while not paused): a held weekly
 * notification shows once, unless the lead switched the weekly notification
 * off meanwhile.
 */
export async function releaseHeldWeekly(
  show: () => Promise<void>,
  enabled: () => Promise<boolean>,
): Promise<boolean> {
  if (!(await weeklyHeldItem.getValue())) return false;
  await weeklyHeldItem.setValue(null);
  if (!(await enabled())) return false;
  await show();
  return true;
}

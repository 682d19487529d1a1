/**
 * The toolbar icon's extra signals, beside the badge's count of active
 * interventions (utils/background/reminders.ts):
 * - a tab whose page would not let Pullback's prompt frame in (its CSP) gets a
 *   "?" on that tab only while a question waits in the popup;
 * - a tab where an adapter could not read the item or its owner while the lead
 *   was editing gets a small "!" marker on that tab only, until it navigates;
 * - while prompts are paused the icon turns grey with pause bars, and its
 *   title says until when.
 */
import { browser } from 'wxt/browser';
import { describePauseEnd, type Pause } from '@/utils/background/pause';

export const TAB_MARKER = '!';
const MARKER_COLOR = '#a4410e';
const PAUSE_NOTE = ' · prompts paused ';

const ICONS = { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' };
const PAUSED_ICONS = {
  16: '/icon/paused-16.png',
  32: '/icon/paused-32.png',
  48: '/icon/paused-48.png',
  128: '/icon/paused-128.png',
};

export async function markTab(tabId: number, problem: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: TAB_MARKER });
  await browser.action.setBadgeBackgroundColor({ tabId, color: MARKER_COLOR });
  await browser.action.setTitle({
    tabId,
    title: `Pullback could not read this page: ${problem}. Open Pullback for details.`,
  });
}

export const TAB_QUESTION = '?';
const QUESTION_COLOR = '#1f4fd1';

/** A question this tab's page would not let Pullback show (its CSP blocks frames): answer it in the popup. */
export async function markTabQuestion(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: TAB_QUESTION });
  await browser.action.setBadgeBackgroundColor({ tabId, color: QUESTION_COLOR });
  await browser.action.setTitle({
    tabId,
    title: 'A Pullback question is waiting for this page: open Pullback to answer it.',
  });
}

/** Back to the window-wide badge and title (null clears the tab's own). */
export async function clearTabMark(tabId: number): Promise<void> {
  // One property per call (each call's schema refuses the others'), null for "the tab's own
  // goes"; a refused call throws at once in Chromium, so each is caught around the call.
  const quietly = async (call: () => Promise<unknown>) => {
    try {
      await call();
    } catch {
      // Nothing of the tab's own to clear, or the tab is gone.
    }
  };
  const none = null as unknown as string;
  await quietly(() => browser.action.setBadgeText({ tabId, text: none }));
  await quietly(() => browser.action.setTitle({ tabId, title: none }));
  await quietly(() => browser.action.setBadgeBackgroundColor({ tabId, color: none }));
}

/** The icon and title for a pause in force (or none); call after the badge's own title is set. */
export async function showPause(pause: Pause | null, now = new Date()): Promise<void> {
  await browser.action.setIcon({ path: pause ? PAUSED_ICONS : ICONS });
  const title = (await browser.action.getTitle({})).split(PAUSE_NOTE)[0] ?? 'Pullback';
  await browser.action.setTitle({
    title: pause ? `${title}${PAUSE_NOTE}${describePauseEnd(pause.until, now)}` : title,
  });
}

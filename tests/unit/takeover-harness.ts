/**
 * The take-over watcher and trigger on a happy-dom page, as the unit tests drive them: the signals
 * sent are collected (the background answers "not a report"), and a trigger's lookups arrive when
 * the test says so (the first click on a fresh page comes before them).
 */
import { vi } from 'vitest';
import type { PageLookup } from '@/entrypoints/page/lookup-api';
import { createTakeoverWatcher, type TakeoverDeps } from '@/utils/page/takeover';
import { createTakeoverTrigger } from '@/utils/page/takeover-trigger';
import type { EditSignal } from '@/utils/protocol/messages';
import type { PageAdapter, SiteAdapter } from '@/utils/sites/types';

export const setUrl = (url: string) =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

/** A pointer press then a click, as a lead's click arrives. */
export const click = (el: Element) => {
  el.dispatchEvent(new Event('pointerdown', { bubbles: true }));
  el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
};

const notAReport = async () => ({ action: 'none', reason: 'not-a-report' }) as const;

/** The watcher on `site`'s page, started: what it sent, and what it could not read. */
export function watchTakeovers(site: SiteAdapter) {
  const sent: EditSignal[] = [];
  const diagnosed: string[] = [];
  const watcher = createTakeoverWatcher(document, {
    adapterFor: () => site,
    isOwnUi: () => false,
    send: async (signal) => (sent.push(signal), notAReport()),
    onDecision: () => {},
    diagnose: (_tool, problem) => diagnosed.push(problem),
  });
  watcher.start();
  return { sent, diagnosed, watcher };
}

/** The always-loaded trigger on `pageAdapter`'s page, whose lookups (with `site`'s watcher) arrive on `arrive()`. */
export function triggerWithLateLookups(site: SiteAdapter, pageAdapter: PageAdapter) {
  const sent: EditSignal[] = [];
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const lookups = {
    // The lookups add the adapter's take-over controls to the page adapter (entrypoints/page/lookup.ts).
    watchTakeovers: (doc: Document, deps: TakeoverDeps) =>
      createTakeoverWatcher(doc, { ...deps, adapterFor: () => site }),
  } as unknown as PageLookup;
  const load = vi.fn(async () => {
    await arrived;
    trigger.lookupsLoaded(lookups);
  });
  const trigger = createTakeoverTrigger(document, {
    adapterFor: () => pageAdapter,
    isOwnUi: () => false,
    send: async (signal) => (sent.push(signal), notAReport()),
    onDecision: () => {},
    load,
  });
  trigger.start();
  return { trigger, load, arrive, sent };
}

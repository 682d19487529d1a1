/**
 * The always-loaded half of taking over (issue 11), for tools that name an assignee: the watcher
 * itself (utils/takeover.ts) and the adapter's take-over controls load with the lookups
 * (entrypoints/page/lookup.ts), when the lead focuses an editor or, at the latest, when the lead
 * presses, clicks or focuses in the adapter's `takeoverZone` ("Assign to me", the assignee
 * field and its picker).
 *
 * Until the watcher is there, each press and click in the zone is kept with a copy of the
 * assignee field taken then, in the capture phase, before the tool replaces the assignee; the
 * watcher judges them as if it had seen them. So the first "Assign to me" on a freshly loaded
 * page asks its question like any later one. One passive capture listener per event type;
 * nothing outside the zone is read.
 */
import type { PageAdapter } from './sites/types';
import type { EarlyGesture, TakeoverWatcher } from './takeover';

export interface TakeoverTriggerDeps {
  adapterFor(url: URL): PageAdapter | null;
  isOwnUi(el: Element): boolean;
  /** Loads the lookups (which start the watcher, `watching` then answers it); resolves once they are there. */
  load(): Promise<unknown>;
  /** The watcher, once the lookups started it. */
  watching(): TakeoverWatcher | null;
  /** Each kept gesture, until the watcher has judged it (entrypoints/page/in-hand.ts). */
  inHand?(work: Promise<unknown>): void;
}

export function createTakeoverTrigger(doc: Document, deps: TakeoverTriggerDeps) {
  /** Presses and clicks in the zone not yet handed to the watcher (this page only). */
  let early: EarlyGesture[] = [];

  function onGesture(event: Event) {
    if (deps.watching()) return; // It listens itself.
    const target = event.composedPath()[0] ?? event.target;
    if (!target || (target as Node).nodeType !== 1 || deps.isOwnUi(target as Element)) return;
    const url = doc.location.href;
    const zone = deps.adapterFor(new URL(url))?.takeoverZone;
    if (!zone || !(target as Element).closest(zone.clicks)) return;
    if (event.type !== 'focusin') {
      const assignee = doc.createDocumentFragment();
      for (const selector of zone.assignee) {
        const field = doc.querySelector(selector);
        if (field) assignee.append(field.cloneNode(true));
      }
      early.push({ type: event.type as EarlyGesture['type'], target: target as Element, url, assignee });
    }
    const handOver = deps.load().then(
      () => {
        const gestures = early;
        early = [];
        return deps.watching()?.replay(gestures);
      },
      () => {
        early = []; // Not loaded (the extension went away, or the page is closing): nothing to judge them with.
      },
    );
    deps.inHand?.(handOver);
  }

  const types = ['pointerdown', 'click', 'focusin'];
  const options = { capture: true, passive: true } as const;
  return {
    start() {
      for (const type of types) doc.addEventListener(type, onGesture, options);
    },
    /** Navigation: kept gestures belong to the previous item. */
    navigated() {
      early = [];
    },
    stop() {
      for (const type of types) doc.removeEventListener(type, onGesture, options);
      early = [];
    },
  };
}

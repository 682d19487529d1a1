/**
 * The always-loaded half of taking over, for tools that name an assignee: the watcher
 * itself (utils/page/takeover.ts) and the adapter's take-over controls load with the lookups
 * (entrypoints/page/lookup.ts), when the lead focuses an editor or, at the latest, when the lead
 * presses, clicks or focuses in the adapter's `takeoverZone` ("Assign to me", the assignee
 * field and its picker) or presses one of its assigning shortcuts (Linear's `I`).
 *
 * Until the watcher is there, each press and click in the zone is kept with a copy of the
 * assignee field taken then, in the capture phase, before the tool replaces the assignee; the
 * watcher judges them as if it had seen them. So the first "Assign to me" on a freshly loaded
 * page asks its question like any later one. One passive capture listener per event type;
 * nothing outside the zone is read (a keydown costs a look at its key and modifiers).
 */
import { assigningKey, isTextEditable, type PageAdapter } from '@/utils/sites/types';
import type { EarlyGesture, TakeoverDeps, TakeoverWatcher } from '@/utils/page/takeover';

export interface TakeoverTriggerDeps extends TakeoverDeps {
  adapterFor(url: URL): PageAdapter | null;
  /** Loads the lookups (the content script then hands them to `lookupsLoaded`); resolves once they are there. */
  load(): Promise<unknown>;
}

export function createTakeoverTrigger(doc: Document, deps: TakeoverTriggerDeps) {
  /** Presses and clicks in the zone not yet handed to the watcher (this page only). */
  let early: EarlyGesture[] = [];
  /** The watcher, once the lookups brought it. */
  let watcher: TakeoverWatcher | null = null;

  function onGesture(event: Event) {
    const target = event.composedPath()[0] ?? event.target;
    if (!target || (target as Node).nodeType !== 1) return;
    // Typing: a key that is not a one-letter command, or any key in a text field, is no shortcut.
    if (
      event.type === 'keydown' &&
      ((event as KeyboardEvent).key?.length !== 1 || isTextEditable(target as Element))
    )
      return;
    if (deps.isOwnUi(target as Element)) return;
    const url = doc.location.href;
    const zone = deps.adapterFor(new URL(url))?.takeoverZone;
    if (!zone) return;
    const key = event.type === 'keydown' ? assigningKey(event, target as Element, zone) : null;
    if (key === null && (event.type === 'keydown' || !(target as Element).closest(zone.clicks)))
      return;
    if (event.type !== 'focusin') {
      const assignee = doc.createDocumentFragment();
      for (const selector of zone.assignee) {
        const field = doc.querySelector(selector);
        if (field) assignee.append(field.cloneNode(true));
      }
      early.push({
        type: event.type as EarlyGesture['type'],
        target: target as Element,
        ...(key === null ? {} : { key }),
        url,
        assignee,
      });
    }
    const handOver = deps.load().then(
      () => {
        const gestures = early;
        early = [];
        return watcher?.replay(gestures);
      },
      () => {
        early = []; // Not loaded (the extension went away, or the page is closing): nothing to judge them with.
      },
    );
    deps.inHand?.(handOver);
  }

  const types = ['pointerdown', 'click', 'focusin', 'keydown'];
  const options = { capture: true, passive: true } as const;
  const unlisten = () => types.forEach((type) => doc.removeEventListener(type, onGesture, options));
  let listening = false;
  /** Whether the page is quiet now (a watcher that arrives meanwhile starts quiet too). */
  let quietNow = false;
  return {
    start() {
      listening = true;
      for (const type of types) doc.addEventListener(type, onGesture, options);
    },
    /** The page is quiet (utils/page/detector.ts): its keys are typing, so the keydown listener steps aside. */
    quiet(quiet: boolean) {
      quietNow = quiet;
      if (watcher) return watcher.quiet(quiet);
      if (!listening) return;
      if (quiet) doc.removeEventListener('keydown', onGesture, options);
      else doc.addEventListener('keydown', onGesture, options);
    },
    /**
     * Whatever brought the lookups (a focused editor, the popup, a gesture here), take-overs are
     * watched from now on: by the watcher, which listens itself.
     */
    lookupsLoaded(lookups: {
      watchTakeovers?(doc: Document, deps: TakeoverDeps): TakeoverWatcher;
    }) {
      if (watcher || !lookups.watchTakeovers) return;
      listening = false;
      unlisten();
      watcher = lookups.watchTakeovers(doc, deps);
      watcher.start();
      if (quietNow) watcher.quiet(true);
    },
    /** Navigation: kept gestures and pending reads belong to the previous item. */
    navigated() {
      early = [];
      watcher?.navigated();
    },
    stop() {
      listening = false;
      unlisten();
      early = [];
      watcher?.stop();
    },
  };
}

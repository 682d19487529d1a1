/**
 * Edit detection in the host page. One delegated, passive listener per event
 * type on the document (capture phase, so host handlers that stop propagation
 * cannot hide an edit), and, for tools that name them, inside same-origin
 * edit frames (utils/page/edit-frames.ts). Nothing runs until the lead types in a
 * content editor; the artifact and its owner are resolved then, once per
 * artifact, and forgotten on navigation.
 *
 * This is what decides at the event (is it the lead, in a content editor,
 * which item, is that item's throttle open); what follows (the owner lookup,
 * the background's answer, heartbeats) is utils/page/edit-judge.ts, which loads
 * with the lookups when the lead first focuses a content editor.
 *
 * Only the lead's own hand counts: events a page script dispatched
 * (`isTrusted` false) are ignored, so a page cannot make Pullback prompt,
 * learn who the lead's reports are, or grow hands-on time.
 */
import {
  newPageState,
  type DetectorDeps,
  type JudgeContext,
  type Judging,
} from '@/utils/page/detection';
import type { Artifact } from '@/utils/model/records';
import type { PageAdapter } from '@/utils/sites/types';

/** While typing, the background hears from a page at most this often per artifact. */
export const EDIT_THROTTLE_MS = 5_000;
/** Edits everywhere; an adapter may add its own (`PageAdapter.editEvents`). */
const INPUT_EVENTS: readonly string[] = ['beforeinput', 'input'];
/** `beforeinput` and `input` of one keystroke are judged alike (an adapter's verdict on them depends on the element only). */
const editKind = (type: string) => (type === 'beforeinput' ? 'input' : type);

export function createDetector(doc: Document, deps: DetectorDeps) {
  const now = deps.now ?? Date.now;
  let page = newPageState(doc.location.href);
  const ctx: JudgeContext = { doc, deps, page: () => page, retire };
  const judge = (work: Promise<unknown>) => (deps.inHand ? deps.inHand(work) : void work);
  /**
   * Hands the rest to the judging, loaded on first need; in hand until done. If it cannot load
   * for an edit (`adapter` given), adapter health hears so once per page, as it heard of a failed owner lookup.
   */
  const withJudging = (work: (judging: Judging) => unknown, adapter?: PageAdapter) =>
    judge(
      deps.judging().then(work, () => {
        const problem = 'Pullback could not load its owner lookup on this page';
        if (!adapter || page.diagnosed.has(problem)) return;
        page.diagnosed.add(problem);
        deps.diagnose?.(adapter.id, problem);
      }),
    );

  function targetOf(event: Event): Element | null {
    const target = event.composedPath()[0] ?? event.target;
    // Not `instanceof Element`: nodes in an `editFrames` document belong to that frame's realm.
    return target && (target as Node).nodeType === 1 ? (target as Element) : null;
  }

  /**
   * Where the Navigation API is missing, the first input after a soft navigation notices the new
   * address (no polling). Also retires the detector once the extension is gone.
   */
  function current(): boolean {
    if (deps.isAlive?.() === false) {
      retire();
      return false;
    }
    if (doc.location.href !== page.url) navigated();
    return true;
  }

  function currentAdapter(el: Element, event?: Event) {
    const adapter = deps.adapterFor(new URL(doc.location.href));
    if (!adapter || deps.isOwnUi(el) || !adapter.isContentEditor(el, event)) return null;
    return adapter;
  }

  /** Focus in an editor: resolve the owner now so the first keystroke's prompt is quick. */
  function onFocusIn(event: Event) {
    if (!event.isTrusted) return;
    page.lastEdit = null; // Focus moved: the next edit is judged afresh.
    const el = targetOf(event);
    const adapter = el && currentAdapter(el);
    if (!adapter || !current()) return;
    const artifact = adapter.artifact(new URL(doc.location.href), doc);
    if (!artifact) return;
    const state = page;
    withJudging((j) => j.focused(ctx, state, adapter, artifact));
    deps.onEditorFocus?.();
  }

  function onEdit(event: Event) {
    if (!event.isTrusted) return;
    // Typing on in the element the adapter just judged, at the same address: its verdict stands
    // (no selectors matched again, no liveness check); only the artifact and the throttle are read.
    const last = page.lastEdit;
    let adapter: PageAdapter | null;
    if (
      last?.adapter &&
      event.target === last.target &&
      editKind(event.type) === last.type &&
      doc.location.href === page.url
    ) {
      adapter = last.adapter;
    } else {
      const el = targetOf(event);
      adapter = el && currentAdapter(el, event);
      if (!adapter) {
        if (doc.location.href === page.url)
          page.lastEdit = { target: event.target, type: editKind(event.type), adapter };
        return;
      }
      if (!INPUT_EVENTS.includes(event.type) && !adapter.editEvents?.includes(event.type)) return;
      if (!current()) return;
      page.lastEdit = { target: event.target, type: editKind(event.type), adapter };
    }
    const artifact = adapter.artifact(new URL(doc.location.href), doc);
    if (!artifact) return withJudging((j) => j.unidentified(ctx, adapter));
    if (page.lastEdit) page.lastEdit.key = artifact.key;
    const t = now();
    if ((page.nextAskAt.get(artifact.key) ?? 0) > t) return;
    page.nextAskAt.set(artifact.key, t + EDIT_THROTTLE_MS);
    const state = page;
    withJudging((j) => j.edit(ctx, state, adapter, artifact, t), adapter);
  }

  /** Clicks, keys and scrolling on a fed artifact's page are hands-on time too (throttled like edits). */
  function onInteraction(event: Event) {
    if (!page.feeding || !event.isTrusted || !current()) return;
    const fed = page.feeding;
    if (!fed) return;
    const el = targetOf(event);
    if (el && deps.isOwnUi(el)) return; // Answering Pullback is not working on the artifact.

    const t = now();
    if ((page.nextAskAt.get(fed.key) ?? 0) > t) return;
    page.nextAskAt.set(fed.key, t + EDIT_THROTTLE_MS);
    const state = page;
    withJudging((j) => j.heartbeat(ctx, state, fed));
  }

  /** True while `key` must not be sent again yet (the throttle, or a settled answer), at the address the page state is for. */
  const waiting = (key: string | undefined) =>
    key !== undefined && (page.nextAskAt.get(key) ?? 0) > now() && doc.location.href === page.url;

  const options = { capture: true, passive: true } as const;
  // Typing on in the element last judged, while its artifact waits (the throttle, a cooldown, "mine"):
  // one constant check a key, no promise, nothing read from the page.
  const edit = (e: Event) => {
    const last = page.lastEdit;
    if (
      last &&
      e.target === last.target &&
      editKind(e.type) === last.type &&
      (last.adapter ? e.isTrusted && waiting(last.key) : doc.location.href === page.url)
    )
      return;
    onEdit(e);
  };
  // Every key, click and scroll passes here: nothing is fed (the usual case), nothing more runs;
  // while the fed artifact's heartbeat is throttled, one check.
  const interaction = (e: Event) => {
    // A click can change what an element is (Google Docs' suggesting mode): judge the next edit afresh.
    if (e.type === 'pointerdown') page.lastEdit = null;
    if (page.feeding && !waiting(page.feeding.key)) onInteraction(e);
  };
  const listeners: Array<[string, (e: Event) => void]> = [
    ['focusin', onFocusIn],
    ['pointerdown', interaction],
    ['keydown', interaction],
    ['wheel', interaction],
  ];
  /** Edit event types listened to: input events, and the page's adapter's `editEvents` (read at start). */
  let editTypes: string[] = [];
  let stopFrames: (() => void) | undefined;

  /** Navigation (to `url`, when known before it commits): abort pending lookups and forget the previous artifact. */
  function navigated(url = doc.location.href) {
    page.controller.abort();
    page = newPageState(url);
    deps.onNavigate();
  }

  function stop() {
    for (const type of editTypes) doc.removeEventListener(type, edit, options);
    for (const [type, fn] of listeners) doc.removeEventListener(type, fn, options);
    stopFrames?.();
    page.controller.abort();
  }

  function retire() {
    stop();
    deps.onRetired?.();
  }

  return {
    start() {
      const adapter = deps.adapterFor(new URL(doc.location.href));
      editTypes = [...new Set([...INPUT_EVENTS, ...(adapter?.editEvents ?? [])])];
      for (const type of editTypes) doc.addEventListener(type, edit, options);
      for (const [type, fn] of listeners) doc.addEventListener(type, fn, options);
      stopFrames = deps.listenInEditFrames?.(
        doc,
        () => deps.adapterFor(new URL(doc.location.href))?.editFrames,
        editTypes,
        edit,
      );
    },
    /** The artifact on this page now, if the adapter can tell (for claims made from the popup). */
    currentArtifact() {
      const adapter = deps.adapterFor(new URL(doc.location.href));
      const artifact = adapter?.artifact(new URL(doc.location.href), doc);
      return adapter && artifact ? { tool: adapter.id, toolLabel: adapter.label, artifact } : null;
    },
    /**
     * The lead said Yes: their clicks, keys and scrolling on this artifact count from now on,
     * the very next one included (not only after their next edit).
     */
    interventionStarted(artifact: Artifact) {
      const adapter = deps.adapterFor(new URL(doc.location.href));
      if (!adapter) return;
      page.feeding = { tool: adapter.id, key: artifact.key, artifact };
      page.nextAskAt.delete(artifact.key);
    },
    navigated,
    stop,
  };
}

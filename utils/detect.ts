/**
 * Edit detection in the host page. One delegated, passive listener per event
 * type on the document (capture phase, so host handlers that stop propagation
 * cannot hide an edit), and, for tools that name them, inside same-origin
 * edit frames (utils/edit-frames.ts). Nothing runs until the lead types in a
 * content editor; the artifact and its owner are resolved then, once per
 * artifact, and forgotten on navigation.
 *
 * This is what decides at the event (is it the lead, in a content editor,
 * which item, is that item's throttle open); what follows (the owner lookup,
 * the background's answer, heartbeats) is utils/edit-judge.ts, which loads
 * with the lookups when the lead first focuses a content editor.
 *
 * Only the lead's own hand counts: events a page script dispatched
 * (`isTrusted` false) are ignored, so a page cannot make Pullback prompt,
 * learn who the lead's reports are, or grow hands-on time.
 */
import type { listenInEditFrames } from './edit-frames';
import type { JudgeContext, Judging } from './edit-judge';
import type { EditDecision, EditSignal, Heartbeat } from './messages';
import type { Artifact } from './model';
import type { Ownership, PageAdapter } from './sites/types';

/** While typing, the background hears from a page at most this often per artifact. */
export const EDIT_THROTTLE_MS = 5_000;
/** Edits everywhere; an adapter may add its own (`PageAdapter.editEvents`). */
const INPUT_EVENTS: readonly string[] = ['beforeinput', 'input'];
/** `beforeinput` and `input` of one keystroke are judged alike (an adapter's verdict on them depends on the element only). */
const editKind = (type: string) => (type === 'beforeinput' ? 'input' : type);

export interface DetectorDeps {
  adapterFor(url: URL): PageAdapter | null;
  /** The judging of what the detector noticed (utils/edit-judge.ts), loaded on first need (at focus). */
  judging(): Promise<Judging>;
  /**
   * Whose the artifact is; without this, the adapter's own `ownership` (the lookups hand the
   * judging each page adapter with its tool's owner lookup, entrypoints/page/lookup.ts).
   */
  ownership?(
    adapter: PageAdapter,
    artifact: Artifact,
    signal: AbortSignal,
  ): Promise<Ownership | null>;
  send(signal: EditSignal): Promise<EditDecision>;
  /** Interaction (not only typing) on an artifact with an active intervention. */
  sendHeartbeat(beat: Heartbeat): Promise<EditDecision>;
  onDecision(decision: EditDecision, artifact: Artifact): void;
  /** Called on every navigation, so the page's UI can drop the previous artifact's state. */
  onNavigate(): void;
  /** Our own UI's host element: edits inside it are not the lead's edits of the page. */
  isOwnUi(el: Element): boolean;
  /** Something the adapter looks for is missing (its markup changed): say so, quietly, once per page. */
  diagnose?(tool: PageAdapter['id'], problem: string): void;
  /**
   * False once the extension that started this script was reloaded, updated or removed: the
   * detector then stops (and calls onRetired) instead of working for an extension that is gone.
   */
  isAlive?(): boolean;
  onRetired?(): void;
  /** The lead focused a content editor (a prompt may follow soon). */
  onEditorFocus?(): void;
  /** Each judging of an event, until it is decided (entrypoints/page/in-hand.ts). */
  inHand?(work: Promise<unknown>): void;
  /**
   * Listening inside the adapter's `editFrames` (utils/edit-frames.ts), passed only by the scripts
   * of tools that have such frames; without it, `editFrames` is not listened to.
   */
  listenInEditFrames?: typeof listenInEditFrames;
  now?: () => number;
}

/** What the detector knows of the page it is on; navigation replaces it. */
export type PageState = ReturnType<typeof newPageState>;

function newPageState(url: string) {
  return {
    /** The address this state belongs to: a different one means the page navigated. */
    url,
    controller: new AbortController(),
    ownership: new Map<string, Promise<Ownership | null>>(),
    nextAskAt: new Map<string, number>(),
    diagnosed: new Set<string>(),
    /**
     * The element, kind of edit event (`editKind`) and adapter of the last edit judged a content edit,
     * and its artifact's key once read: typing on there skips the judging, and within the throttle
     * costs one check. Adapter null: judged not a content editor (a search box), where typing on
     * costs one check too, not the surfaces' selectors again on every key.
     */
    lastEdit: null as {
      target: EventTarget | null;
      type: string;
      adapter: PageAdapter | null;
      key?: string;
    } | null,
    /** The artifact on this page with an active intervention: interactions feed it. */
    feeding: null as { tool: PageAdapter['id']; key: string; artifact: Artifact } | null,
  };
}

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

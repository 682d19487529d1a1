/**
 * Edit detection in the host page. One delegated, passive listener per event
 * type on the document, and on the documents of the adapter's same-origin
 * edit frames (capture phase, so host handlers that stop propagation cannot
 * hide an edit). Nothing runs until the lead types in a
 * content editor; the artifact and its owner are resolved then, once per
 * artifact, and forgotten on navigation.
 *
 * Only the lead's own hand counts: events a page script dispatched
 * (`isTrusted` false) are ignored, so a page cannot make Pullback prompt,
 * learn who the lead's reports are, or grow hands-on time.
 */
import type { listenInEditFrames } from './edit-frames';
import type { EditDecision, EditSignal, Heartbeat } from './messages';
import { LIMITS } from './model-constants';
import type { Artifact } from './model';
import type { Ownership, PageAdapter } from './sites/types';

/** While typing, the background hears from a page at most this often per artifact. */
export const EDIT_THROTTLE_MS = 5_000;
/** After "not a report" or "mine" the answer will not change soon: ask again much later. */
const QUIET_RECHECK_MS = 60_000;
/** Edits everywhere; an adapter may add its own (`PageAdapter.editEvents`). */
const INPUT_EVENTS: readonly string[] = ['beforeinput', 'input'];
/** `beforeinput` and `input` of one keystroke are judged alike (an adapter's verdict on them depends on the element only). */
const editKind = (type: string) => (type === 'beforeinput' ? 'input' : type);

export interface DetectorDeps {
  adapterFor(url: URL): PageAdapter | null;
  /**
   * Whose the artifact is. The content script loads the adapters' lookups on first need (at focus);
   * without this, the adapter's own `ownership`.
   */
  ownership?(adapter: PageAdapter, artifact: Artifact, signal: AbortSignal): Promise<Ownership | null>;
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

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const clipList = (list: readonly string[]) => list.slice(0, LIMITS.identities).map((id) => id.slice(0, LIMITS.identityLength));

/** What the page read, within the bounds the background accepts (a 600-character title still prompts). */
export function boundedSignal(signal: EditSignal): EditSignal {
  const { key, title, url } = signal.artifact;
  let boundedUrl = url;
  if (url.length > LIMITS.urlLength) {
    const parsed = new URL(url);
    boundedUrl = (parsed.origin + parsed.pathname).slice(0, LIMITS.urlLength);
  }
  return {
    ...signal,
    artifact: { key: key.slice(0, LIMITS.keyLength), title: clip(title, LIMITS.titleLength), url: boundedUrl },
    owner: clipList(signal.owner),
    viewer: clipList(signal.viewer),
  };
}

/** Clamped like the background's limit for a problem's text. */
const MAX_PROBLEM = 200;

export function createDetector(doc: Document, deps: DetectorDeps) {
  const now = deps.now ?? Date.now;
  let page = newPageState();

  function newPageState(url = doc.location.href) {
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
       * costs one check.
       */
      lastEdit: null as { target: EventTarget | null; type: string; adapter: PageAdapter; key?: string } | null,
      /** The artifact on this page with an active intervention: interactions feed it. */
      feeding: null as { tool: PageAdapter['id']; key: string; artifact: Artifact } | null,
    };
  }

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

  function ownershipOf(adapter: PageAdapter, artifact: Artifact) {
    let pending = page.ownership.get(artifact.key);
    if (!pending) {
      const signal = page.controller.signal;
      pending = (deps.ownership ? deps.ownership(adapter, artifact, signal) : (adapter.ownership?.(artifact, doc, signal) ?? Promise.resolve(null))).catch(() => null);
      page.ownership.set(artifact.key, pending);
    }
    return pending;
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
    void ownershipOf(adapter, artifact);
    deps.onEditorFocus?.();
  }

  function diagnose(adapter: PageAdapter, problem: string) {
    if (page.diagnosed.has(problem)) return;
    page.diagnosed.add(problem);
    deps.diagnose?.(adapter.id, problem);
  }

  async function onEdit(event: Event) {
    if (!event.isTrusted) return;
    // Typing on in the element the adapter just judged, at the same address: its verdict stands
    // (no selectors matched again, no liveness check); only the artifact and the throttle are read.
    const last = page.lastEdit;
    let adapter: PageAdapter | null;
    if (last && event.target === last.target && editKind(event.type) === last.type && doc.location.href === page.url) {
      adapter = last.adapter;
    } else {
      const el = targetOf(event);
      adapter = el && currentAdapter(el, event);
      if (!adapter) return;
      if (!INPUT_EVENTS.includes(event.type) && !adapter.editEvents?.includes(event.type)) return;
      if (!current()) return;
      page.lastEdit = { target: event.target, type: editKind(event.type), adapter };
    }
    const artifact = adapter.artifact(new URL(doc.location.href), doc);
    if (!artifact) return diagnose(adapter, 'the item being edited could not be identified from this page');
    if (page.lastEdit) page.lastEdit.key = artifact.key;
    const t = now();
    if ((page.nextAskAt.get(artifact.key) ?? 0) > t) return;
    page.nextAskAt.set(artifact.key, t + EDIT_THROTTLE_MS);

    const state = page;
    const ownership = await ownershipOf(adapter, artifact);
    if (state !== page) return;
    if (!ownership) return diagnose(adapter, 'the owner was not found on this page');
    if (!artifact.title && !ownership.title) diagnose(adapter, 'the title was not found on this page');
    for (const problem of ownership.unread ?? []) diagnose(adapter, problem);
    const signal = boundedSignal({
      tool: adapter.id,
      artifact: { ...artifact, title: artifact.title || ownership.title || '' },
      owner: ownership.owner,
      viewer: ownership.viewer,
    });
    let decision: EditDecision;
    try {
      decision = await deps.send(signal);
    } catch (error) {
      // The page must not notice; adapter health must (unless the extension itself went away).
      if (deps.isAlive?.() === false) retire();
      else diagnose(adapter, clip(`Pullback refused this edit: ${error instanceof Error ? error.message : String(error)}`, MAX_PROBLEM));
      return;
    }
    // Navigated while waiting: this answer belongs to the previous artifact.
    if (state !== page) return;
    // Where the tool named nobody, a claim (made at any time from the popup) may answer differently soon.
    // So is a cooldown (minutes at least): typing on after "Not now" costs nothing but a check a key.
    const settled =
      decision.action === 'none' && (decision.reason === 'mine' || decision.reason === 'cooldown' || (decision.reason === 'not-a-report' && signal.owner.length > 0));
    if (settled) page.nextAskAt.set(artifact.key, t + QUIET_RECHECK_MS);
    track(decision, adapter.id, signal.artifact);
    deps.onDecision(decision, signal.artifact);
  }

  function track(decision: EditDecision, tool: PageAdapter['id'], artifact: Artifact) {
    if (decision.action === 'feeding' || decision.action === 'overdue') page.feeding = { tool, key: artifact.key, artifact };
    else if (page.feeding?.key === artifact.key) page.feeding = null;
  }

  /** Clicks, keys and scrolling on a fed artifact's page are hands-on time too (throttled like edits). */
  async function onInteraction(event: Event) {
    if (!page.feeding || !event.isTrusted || !current()) return;
    const fed = page.feeding;
    if (!fed) return;
    const el = targetOf(event);
    if (el && deps.isOwnUi(el)) return; // Answering Pullback is not working on the artifact.

    const t = now();
    if ((page.nextAskAt.get(fed.key) ?? 0) > t) return;
    page.nextAskAt.set(fed.key, t + EDIT_THROTTLE_MS);
    const state = page;
    let decision: EditDecision;
    try {
      decision = await deps.sendHeartbeat({ tool: fed.tool, key: fed.key });
    } catch {
      return;
    }
    if (state !== page) return;
    track(decision, fed.tool, fed.artifact);
    deps.onDecision(decision, fed.artifact);
  }

  /** True while `key` must not be sent again yet (the throttle, or a settled answer), at the address the page state is for. */
  const waiting = (key: string | undefined) => key !== undefined && (page.nextAskAt.get(key) ?? 0) > now() && doc.location.href === page.url;

  const options = { capture: true, passive: true } as const;
  const judge = (work: Promise<void>) => (deps.inHand ? deps.inHand(work) : void work);
  // Typing on in the element last judged, while its artifact waits (the throttle, a cooldown, "mine"):
  // one constant check a key, no promise, nothing read from the page.
  const edit = (e: Event) => {
    const last = page.lastEdit;
    if (last && e.target === last.target && editKind(e.type) === last.type && e.isTrusted && waiting(last.key)) return;
    judge(onEdit(e));
  };
  // Every key, click and scroll passes here: nothing is fed (the usual case), nothing more runs;
  // while the fed artifact's heartbeat is throttled, one check.
  const interaction = (e: Event) => {
    // A click can change what an element is (Google Docs' suggesting mode): judge the next edit afresh.
    if (e.type === 'pointerdown') page.lastEdit = null;
    if (page.feeding && !waiting(page.feeding.key)) judge(onInteraction(e));
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
  function navigated(url?: string) {
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
      stopFrames = deps.listenInEditFrames?.(doc, () => deps.adapterFor(new URL(doc.location.href))?.editFrames, editTypes, edit);
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

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
  crossed,
  newPageState,
  type Asked,
  type DetectorDeps,
  type EditStretch,
  type JudgeContext,
  type Judging,
  type PageState,
} from '@/utils/page/detection';
import type { Artifact } from '@/utils/model/records';
import type { PageAdapter } from '@/utils/sites/types';

/** While typing, the background hears from a page at most this often per artifact. */
export const EDIT_THROTTLE_MS = 5_000;
/** After "not a report", "mine" or a cooldown the answer will not change soon: ask again much later. */
const QUIET_RECHECK_MS = 60_000;
/** setTimeout's longest delay (a longer one fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** No editing keys for this long ends a stretch of work on an item (so does leaving the editor). */
export const STRETCH_GAP_MS = 10_000;
/** What a paste or a drop says in an input event: the lead is clearly changing the work. */
const PASTES = new Set(['insertFromPaste', 'insertFromDrop', 'insertFromPasteAsQuotation']);
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
  const withJudging = (
    work: (judging: Judging) => unknown,
    adapter?: PageAdapter,
    unloaded?: () => void,
  ) =>
    judge(
      deps.judging().then(work, () => {
        unloaded?.();
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
    wake();
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
    const stretch = countKey(event, artifact.key, t, adapter);
    if (!stretch || stretch.pending) return;
    if (stretch.threshold !== null) {
      // A touch so far: nothing is sent until the stretch crosses the threshold, then at once.
      if (!crossed(stretch)) return;
    } else if ((page.nextAskAt.get(artifact.key) ?? 0) > t) return;
    ask(page, adapter, artifact, stretch, t);
  }

  /**
   * Tell the background about an edit of `artifact` in `stretch`. Until it answers, keys are only
   * counted; its answer sets the item's throttle (or, for a touch, the threshold to ask again at).
   */
  function ask(
    state: PageState,
    adapter: PageAdapter,
    artifact: Artifact,
    stretch: EditStretch,
    t: number,
  ) {
    stretch.pending = true;
    // Until the answer, keys take the fast path and are only counted; the answer sets the wait.
    state.nextAskAt.set(artifact.key, t + EDIT_THROTTLE_MS);
    const sofar = { keys: stretch.keys, pasted: stretch.pasted, ms: t - stretch.startedAt };
    withJudging(
      async (j) => {
        let asked: Asked | null = null;
        try {
          asked = await j.edit(ctx, state, adapter, artifact, sofar);
        } finally {
          answered(state, adapter, artifact, stretch, asked, t);
        }
      },
      adapter,
      () => answered(state, adapter, artifact, stretch, null, t),
    );
  }

  function answered(
    state: PageState,
    adapter: PageAdapter,
    artifact: Artifact,
    stretch: EditStretch,
    asked: Asked | null,
    t: number,
  ) {
    stretch.pending = false;
    if (asked?.decision.action === 'touch') {
      stretch.threshold = asked.decision.threshold;
      stretch.touch = asked.signal;
      // A touch sets no wait: the next stretch on the item may ask at once.
      if (state === page) state.nextAskAt.delete(artifact.key);
      // The lead left (or navigated) while the answer was on its way: the stretch was a touch.
      if (stretch.ended) return sayTouch(stretch);
      if (state !== page) return;
      // Keys typed while the answer was on its way may have crossed it already.
      if (crossed(stretch) && state.stretch === stretch)
        ask(state, adapter, artifact, stretch, now());
      return;
    }
    if (state !== page) return;
    if (asked?.decision.action === 'feeding' || asked?.decision.action === 'overdue') wake();
    stretch.threshold = null;
    stretch.touch = null;
    state.nextAskAt.set(artifact.key, t + (asked?.settled ? QUIET_RECHECK_MS : EDIT_THROTTLE_MS));
  }

  /**
   * Counts one content-changing keystroke into the stretch on `key` (a new stretch on another
   * item, after a break, or after leaving the editor). Null: not an editing key (Figma's canvas
   * keys are judged per key).
   */
  function countKey(event: Event, key: string, t: number, adapter: PageAdapter) {
    let s = page.stretch;
    if (s && (s.key !== key || t - s.lastAt >= STRETCH_GAP_MS)) {
      endStretch();
      s = null;
    }
    if (event.type === 'keydown') {
      const el = targetOf(event);
      if (!el || !adapter.isContentEditor(el, event)) return s;
    }
    if (!s) {
      s = page.stretch = {
        key,
        keys: 0,
        pasted: false,
        startedAt: t,
        lastAt: t,
        target: event.target,
        before: false,
        pending: false,
        ended: false,
        threshold: null,
        touch: null,
        timer: undefined,
      };
      armGap(s);
    }
    s.lastAt = t;
    // `beforeinput` and `input` of one keystroke count once (an editor that cancels `beforeinput` sends no `input`).
    if (event.type === 'input' && s.before) {
      s.before = false;
      return s;
    }
    s.before = event.type === 'beforeinput';
    s.keys++;
    const inputType = (event as InputEvent).inputType;
    if (
      (inputType && PASTES.has(inputType)) ||
      (event.type === 'keydown' &&
        ((event as KeyboardEvent).ctrlKey || (event as KeyboardEvent).metaKey) &&
        (event as KeyboardEvent).key?.toLowerCase() === 'v')
    )
      s.pasted = true;
    return s;
  }

  /** One timer per stretch, checked at the gap's end and moved on if keys came meanwhile. */
  function armGap(s: EditStretch) {
    s.timer = setTimeout(
      () => {
        if (page.stretch !== s) return;
        if (now() - s.lastAt >= STRETCH_GAP_MS) endStretch();
        else armGap(s);
      },
      Math.max(0, s.lastAt + STRETCH_GAP_MS - now()),
    );
  }

  /** The stretch ended (a break, the editor left, another item, navigation): short of the threshold, it was a touch. */
  function endStretch() {
    const s = page.stretch;
    if (!s) return;
    page.stretch = null;
    s.ended = true;
    clearTimeout(s.timer);
    sayTouch(s);
  }

  /** A stretch that ended short of the threshold the background gave was a touch: said once. */
  function sayTouch(s: EditStretch) {
    if (!s.touch || crossed(s) || !deps.sendTouch) return;
    const touch = {
      ...s.touch,
      stretch: { keys: s.keys, pasted: false, ms: s.lastAt - s.startedAt },
    };
    s.touch = null;
    void deps.sendTouch(touch).catch(() => {});
  }

  /** Leaving the editor ends its stretch (blur, or focusout). */
  function onFocusOut(event: Event) {
    // Quiet lasts while focus stays in the editor: a key elsewhere may be a tool's shortcut.
    if (event.isTrusted) wake();
    const s = page.stretch;
    if (s && event.isTrusted && event.target === s.target) endStretch();
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
    key !== undefined && (page.nextAskAt.get(key) ?? 0) > now() && samePage();
  /** Still at the address the page state is for (known without a look where navigations are followed). */
  const samePage = () => deps.addressFollowed === true || doc.location.href === page.url;

  const options = { capture: true, passive: true } as const;
  // Typing on in the element last judged, while its artifact waits (the throttle, a cooldown, "mine"):
  // one constant check a key, no promise, nothing read from the page. Keys typed while an answer
  // is on its way are counted into the stretch; otherwise the page goes quiet (below).
  const edit = (e: Event) => {
    const last = page.lastEdit;
    if (last && e.target === last.target && editKind(e.type) === last.type) {
      if (!last.adapter) {
        if (samePage()) return hush();
      } else if (e.isTrusted && waiting(last.key)) {
        const s = page.stretch;
        if (s?.pending && s.key === last.key) countKey(e, s.key, now(), last.adapter);
        else hush(page.nextAskAt.get(last.key!));
        return;
      }
    }
    wake();
    onEdit(e);
  };
  /**
   * Quiet: while the item typed in waits and nothing is fed, each keystroke costs one listener
   * call (`beforeinput`, and an adapter's own edit events), not three: the keystroke's `input` and
   * the interaction `keydown` are left out. The first keystroke that is not waiting wakes them,
   * before its own `input` is dispatched; so do focus, navigation and an intervention starting.
   *
   * Where every navigation is followed (`addressFollowed`) and the wait has a known end (`until`),
   * a key typed on in the same editor can tell nothing new before that end: `beforeinput` is left
   * out too, and a timer wakes the page when the wait ends. Another editor means focus moves, and
   * a click may change what an element is: both wake it at once.
   */
  let quiet = false;
  let started = false;
  let deep = false;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  function hush(until?: number) {
    if (quiet || !started || page.feeding) return;
    quiet = true;
    if (!adapterEditTypes.includes('input')) doc.removeEventListener('input', edit, options);
    if (!adapterEditTypes.includes('keydown'))
      doc.removeEventListener('keydown', interaction, options);
    if (deps.addressFollowed && until !== undefined && !adapterEditTypes.includes('beforeinput')) {
      deep = true;
      doc.removeEventListener('beforeinput', edit, options);
      wakeTimer = setTimeout(wake, Math.min(Math.max(0, until - now()), MAX_TIMER_MS));
    }
    deps.onQuiet?.(true);
  }
  function wake() {
    if (!quiet) return;
    quiet = false;
    clearTimeout(wakeTimer);
    if (deep) doc.addEventListener('beforeinput', edit, options);
    deep = false;
    doc.addEventListener('input', edit, options);
    doc.addEventListener('keydown', interaction, options);
    deps.onQuiet?.(false);
  }
  // Every key, click and scroll passes here: nothing is fed (the usual case), nothing more runs;
  // while the fed artifact's heartbeat is throttled, one check.
  const interaction = (e: Event) => {
    // A click can change what an element is (Google Docs' suggesting mode): judge the next edit afresh.
    if (e.type === 'pointerdown') {
      page.lastEdit = null;
      wake();
    }
    if (page.feeding && !waiting(page.feeding.key)) onInteraction(e);
  };
  const listeners: Array<[string, (e: Event) => void]> = [
    ['focusin', onFocusIn],
    // Both: an editor removed as it loses focus (Jira's inline summary) gets a blur but no focusout.
    ['blur', onFocusOut],
    ['focusout', onFocusOut],
    ['pointerdown', interaction],
    ['keydown', interaction],
    ['wheel', interaction],
  ];
  /** Edit event types listened to: input events, and the page's adapter's `editEvents` (read at start). */
  let editTypes: string[] = [];
  /** The adapter's own edit events (never left out when quiet). */
  let adapterEditTypes: readonly string[] = [];
  let stopFrames: (() => void) | undefined;

  /** Navigation (to `url`, when known before it commits): abort pending lookups and forget the previous artifact. */
  function navigated(url = doc.location.href) {
    wake();
    endStretch();
    page.controller.abort();
    page = newPageState(url);
    deps.onNavigate();
  }

  function stop() {
    started = false;
    clearTimeout(page.stretch?.timer);
    clearTimeout(wakeTimer);
    quiet = deep = false;
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
      adapterEditTypes = adapter?.editEvents ?? [];
      editTypes = [...new Set([...INPUT_EVENTS, ...adapterEditTypes])];
      for (const type of editTypes) doc.addEventListener(type, edit, options);
      for (const [type, fn] of listeners) doc.addEventListener(type, fn, options);
      started = true;
      stopFrames = deps.listenInEditFrames?.(
        doc,
        () => deps.adapterFor(new URL(doc.location.href))?.editFrames,
        editTypes,
        edit,
        // Typing Pullback cannot hear: Adapter health says so, once per page.
        (problem) => {
          const tool = deps.adapterFor(new URL(doc.location.href))?.id;
          if (!tool || page.diagnosed.has(problem)) return;
          page.diagnosed.add(problem);
          deps.diagnose?.(tool, problem);
        },
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
      wake();
      page.feeding = { tool: adapter.id, key: artifact.key, artifact };
      page.nextAskAt.delete(artifact.key);
    },
    navigated,
    stop,
  };
}

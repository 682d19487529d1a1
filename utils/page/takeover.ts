/**
 * Taking over: the lead assigns a report's item to themself. No
 * text is typed, so the edit detector never sees it; this listens for the
 * assigning click or shortcut instead (passive capture listeners, nothing
 * else until such a click or key). The adapter says which clicks assign and to whom
 * (`PageAdapter.takeover`); the assignee is read from the page before the
 * tool handles the click (or, while a picker hides it, as seen when the lead
 * pressed to open the picker), so it is the one being replaced.
 *
 * Reassigning to anyone but the lead is planning: nothing is sent. An item
 * nobody had is not taken from anyone: nothing is sent. The background
 * decides, as for edits, whether the previous assignee is a report.
 *
 * Loaded with the lookups (entrypoints/page/lookup.ts), not with every page: until it is there,
 * the always-loaded trigger (utils/page/takeover-trigger.ts) keeps each press and click in the
 * adapter's `takeoverZone` with a copy of the assignee field, and the watcher judges them
 * (`replay`) as if it had seen them.
 */
import type { EditDecision, EditSignal } from '@/utils/protocol/messages';
import type { Artifact } from '@/utils/model/records';
import { normalizeIdentity, type Identity } from '@/utils/people/roster';
import {
  assigningKey,
  isTextEditable,
  type AssignTarget,
  type Ownership,
  type PageAdapter,
  type SiteAdapter,
} from '@/utils/sites/types';

export interface TakeoverDeps {
  /** The tool's adapter with its take-over controls (`SiteAdapter.takeover`). */
  adapterFor(url: URL): (PageAdapter & Pick<SiteAdapter, 'takeover'>) | null;
  /** Whose the item is (loaded on first need); without this, the adapter's own `ownership`. */
  ownership?(
    adapter: PageAdapter,
    artifact: Artifact,
    signal: AbortSignal,
  ): Promise<Ownership | null>;
  isOwnUi(el: Element): boolean;
  send(signal: EditSignal): Promise<EditDecision>;
  onDecision(decision: EditDecision, artifact: Artifact): void;
  diagnose?(tool: PageAdapter['id'], problem: string): void;
  /** Each judging of a click, until it is decided (entrypoints/page/in-hand.ts). */
  inHand?(work: Promise<unknown>): void;
}

/** A press or click the always-loaded script saw before the watcher was there. */
export interface EarlyGesture {
  type: 'pointerdown' | 'click' | 'keydown';
  target: Element;
  /** For a keydown: the assigning shortcut pressed (`TakeoverZone.keys`). */
  key?: string;
  /** The page's address then. */
  url: string;
  /** A copy of the adapter's `takeoverZone.assignee` elements as they were then. */
  assignee: ParentNode;
}

export type TakeoverWatcher = ReturnType<typeof createTakeoverWatcher>;

export function createTakeoverWatcher(doc: Document, deps: TakeoverDeps) {
  let controller = new AbortController();
  /**
   * The assignee as last seen on the page, by item. A picker replaces the assignee with its options
   * while open, and the API may already answer with the new assignee: the reading taken when the
   * lead pressed to open the picker is the one being replaced.
   */
  let lastSeen: { key: string; assignee: Identity } | null = null;

  const targetOf = (event: Event): Element | null => {
    const target = event.composedPath()[0] ?? event.target;
    return target && (target as Node).nodeType === 1 && !deps.isOwnUi(target as Element)
      ? (target as Element)
      : null;
  };

  /** A press, on the page at `url`, whose assignee field reads as `root` shows it. */
  function pressed(url: URL, root: ParentNode) {
    const adapter = deps.adapterFor(url);
    if (!adapter?.takeover) return;
    const key = adapter.artifact(url, doc)?.key;
    const assignee = adapter.takeover.assigneeOnPage(root);
    if (key && assignee) lastSeen = { key, assignee };
  }

  function onPointerDown(event: Event) {
    if (targetOf(event)) pressed(new URL(doc.location.href), doc);
  }

  /** A click on `target`, on the page at `url`, whose assignee field reads as `root` shows it (the page itself, or a copy from then). */
  function clicked(target: Element, url: URL, root: ParentNode) {
    const adapter = deps.adapterFor(url);
    const assigned = adapter?.takeover?.assignedBy(target);
    return adapter && assigned ? judge(adapter, assigned, url, root) : Promise.resolve();
  }

  /** An assigning shortcut pressed on the page at `url` (Linear's `I`), the assignee field as `root` shows it. */
  function keyed(key: string, url: URL, root: ParentNode) {
    const adapter = deps.adapterFor(url);
    if (!adapter?.takeover) return Promise.resolve();
    // A shortcut that opens the assignment menu: the assignee it shows now is the one a pick replaces.
    pressed(url, root);
    const assigned = adapter.takeover.assignedByKey?.(key, url);
    return assigned ? judge(adapter, assigned, url, root) : Promise.resolve();
  }

  /** Whether giving the item to `assigned` takes it from a report: ask the background, act on its answer. */
  async function judge(
    adapter: NonNullable<ReturnType<TakeoverDeps['adapterFor']>>,
    assigned: AssignTarget,
    url: URL,
    root: ParentNode,
  ) {
    const artifact = adapter.artifact(url, doc);
    if (!artifact)
      return deps.diagnose?.(
        adapter.id,
        'the item being reassigned could not be identified from this page',
      );
    // Read now, in the capture phase: the tool has not yet replaced the assignee on the page.
    const before =
      adapter.takeover?.assigneeOnPage(root) ??
      (lastSeen?.key === artifact.key ? lastSeen.assignee : null);
    if (before?.length === 0) return; // Nobody had it: taken from nobody.
    const signal = controller.signal;
    const lookup = deps.ownership
      ? deps.ownership(adapter, artifact, signal)
      : (adapter.ownership?.(artifact, doc, signal) ?? Promise.resolve(null));
    const ownership = await lookup.catch(() => null);
    if (signal.aborted) return;
    // The page's reading is the one from before the click; the API may already answer with the new assignee.
    const previous = before ?? ownership?.owner ?? null;
    if (!previous)
      return deps.diagnose?.(adapter.id, 'the assignee being replaced could not be read');
    if (previous.length === 0) return;
    const viewer = ownership?.viewer ?? [];
    if (assigned.to === 'person') {
      if (viewer.length === 0)
        return deps.diagnose?.(
          adapter.id,
          'who you are could not be read, so a reassignment to you could not be told apart',
        );
      const mine = new Set(viewer.map(normalizeIdentity));
      if (!assigned.identity.some((id) => mine.has(normalizeIdentity(id)))) return; // To someone else: planning.
    }
    const edit: EditSignal = {
      kind: 'takeover',
      tool: adapter.id,
      artifact: { ...artifact, title: artifact.title || ownership?.title || '' },
      owner: previous,
      viewer,
    };
    let decision: EditDecision;
    try {
      decision = await deps.send(edit);
    } catch {
      return;
    }
    if (!signal.aborted) deps.onDecision(decision, edit.artifact);
  }

  function onClick(event: Event) {
    const target = targetOf(event);
    return target ? clicked(target, new URL(doc.location.href), doc) : Promise.resolve();
  }

  function onKeyDown(event: Event) {
    const target = targetOf(event);
    const key = (event as KeyboardEvent).key;
    // Typing in a field (almost every keydown) stops here, before the page's address is read.
    if (!target || key?.length !== 1 || isTextEditable(target)) return Promise.resolve();
    const url = new URL(doc.location.href);
    const zone = deps.adapterFor(url)?.takeoverZone;
    const shortcut = zone ? assigningKey(event, target, zone) : null;
    return shortcut ? keyed(shortcut, url, doc) : Promise.resolve();
  }

  const listener = (e: Event) => (deps.inHand ? deps.inHand(onClick(e)) : void onClick(e));
  const keyListener = (e: Event) => {
    // Typing in a field (almost every keydown) stops here: no promise, nothing put in hand.
    if ((e as KeyboardEvent).key?.length !== 1) return;
    const target = targetOf(e);
    if (!target || isTextEditable(target)) return;
    if (deps.inHand) deps.inHand(onKeyDown(e));
    else void onKeyDown(e);
  };
  const options = { capture: true, passive: true } as const;
  return {
    /** Judges, in order, the presses and clicks seen before this watcher was there (same page: the trigger drops them on navigation). */
    async replay(gestures: readonly EarlyGesture[]) {
      const clicks: Promise<void>[] = [];
      for (const g of gestures) {
        if (deps.isOwnUi(g.target)) continue;
        if (g.type === 'pointerdown') pressed(new URL(g.url), g.assignee);
        else if (g.type === 'keydown') {
          if (g.key) clicks.push(keyed(g.key, new URL(g.url), g.assignee));
        } else clicks.push(clicked(g.target, new URL(g.url), g.assignee));
      }
      await Promise.all(clicks);
    },
    start() {
      doc.addEventListener('pointerdown', onPointerDown, options);
      doc.addEventListener('click', listener, options);
      doc.addEventListener('keydown', keyListener, options);
    },
    /**
     * While the page is quiet (the lead types on in an editor whose item waits), every keydown is
     * typing in a text field, never a shortcut: the key listener steps aside until it wakes.
     */
    quiet(quiet: boolean) {
      if (quiet) doc.removeEventListener('keydown', keyListener, options);
      else doc.addEventListener('keydown', keyListener, options);
    },
    /** Navigation: a pending read belongs to the previous item. */
    navigated() {
      controller.abort();
      controller = new AbortController();
      lastSeen = null;
    },
    stop() {
      doc.removeEventListener('pointerdown', onPointerDown, options);
      doc.removeEventListener('click', listener, options);
      doc.removeEventListener('keydown', keyListener, options);
      controller.abort();
    },
  };
}

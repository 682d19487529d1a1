/**
 * What the detector (utils/page/detector.ts) and the judging it loads later
 * (utils/page/edit-judge.ts) share: the detector's dependencies, its per-page
 * state and the judging's shape. Both import this file; neither imports the other.
 */
import type { listenInEditFrames } from '@/utils/page/edit-frames';
import type { EditDecision, EditSignal, Heartbeat } from '@/utils/protocol/messages';
import type { Artifact } from '@/utils/model/records';
import type { Ownership, PageAdapter } from '@/utils/sites/types';

export interface DetectorDeps {
  adapterFor(url: URL): PageAdapter | null;
  /** The judging of what the detector noticed (utils/page/edit-judge.ts), loaded on first need (at focus). */
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
  /** A stretch on a report's item stopped before it asked: a touch, said to the background. */
  sendTouch?(signal: EditSignal): Promise<unknown>;
  /** Interaction (not only typing) on an artifact with an active intervention. */
  sendHeartbeat(beat: Heartbeat): Promise<EditDecision>;
  onDecision(decision: EditDecision, artifact: Artifact): void;
  /** Called on every navigation, so the page's UI can drop the previous artifact's state. */
  onNavigate(): void;
  /**
   * The page went quiet (true: the item typed in waits, and the lead's focus stays in its editor)
   * or woke (false): other per-key listeners (the take-over watcher's) may step aside meanwhile.
   */
  onQuiet?(quiet: boolean): void;
  /**
   * True where every change of the page's address reaches the detector as `navigated(url)` (the
   * Navigation API, Chromium): a key typed while its item waits then reads nothing of the page.
   * Elsewhere (Firefox ESR) each such key compares the address, to notice a soft navigation.
   */
  addressFollowed?: boolean;
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
   * Listening inside the adapter's `editFrames` (utils/page/edit-frames.ts), passed only by the scripts
   * of tools that have such frames; without it, `editFrames` is not listened to.
   */
  listenInEditFrames?: typeof listenInEditFrames;
  now?: () => number;
}

/** What the detector knows of the page it is on; navigation replaces it. */
export type PageState = ReturnType<typeof newPageState>;

export function newPageState(url: string) {
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
    /** The stretch of editing under way (one item at a time): what the threshold counts. */
    stretch: null as EditStretch | null,
  };
}

/**
 * A stretch of editing on one item: content-changing keystrokes (typing, deleting, pasting) with
 * no break of STRETCH_GAP_MS and no leaving the editor. The background decides what the count
 * means (utils/background/edit-decision.ts); the page only counts and asks again at the threshold.
 */
export interface EditStretch {
  key: string;
  keys: number;
  pasted: boolean;
  startedAt: number;
  lastAt: number;
  /** The element typed in: leaving it ends the stretch. */
  target: EventTarget | null;
  /** `beforeinput` of this keystroke was counted: its `input` is the same keystroke. */
  before: boolean;
  /** An answer about this item is on its way: keys are counted meanwhile, nothing more is sent. */
  pending: boolean;
  /** The stretch is over (a break, the editor left, another item, navigation). */
  ended: boolean;
  /** Set once the background said "a touch so far": ask again from this many keys (or a paste). */
  threshold: number | null;
  /** The signal of the touch answer, for saying "touch" when the stretch ends short of it. */
  touch: EditSignal | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** The stretch has crossed the threshold the background gave (a paste or a drop always does). */
export const crossed = (s: EditStretch) =>
  s.threshold !== null && (s.pasted || s.keys >= s.threshold);

/** The background's answer to an edit, as the detector keeps it. */
export interface Asked {
  decision: EditDecision;
  /** The answer will not change soon ("mine", a cooldown, not a report): ask again much later. */
  settled: boolean;
  /** The edit as sent, without its stretch (for the touch the stretch may end in). */
  signal: EditSignal;
}

/** What the detector lends the judging: its dependencies and its state, which navigation replaces. */
export interface JudgeContext {
  doc: Document;
  deps: DetectorDeps;
  /** The page state now: a different one than the work started with means the page navigated. */
  page(): PageState;
  /** Stops the detector for good (the extension is gone). */
  retire(): void;
}

/** What the detector hands over to the judging, loaded with the lookups. */
export interface Judging {
  /** Focus in a content editor: start the owner lookup now, so the first keystroke's answer is quick. */
  focused(ctx: JudgeContext, state: PageState, adapter: PageAdapter, artifact: Artifact): void;
  /**
   * An edit of `artifact` in a stretch of `stretch` so far: tell the background, act on its answer,
   * and hand it back to the detector (null: nothing was asked).
   */
  edit(
    ctx: JudgeContext,
    state: PageState,
    adapter: PageAdapter,
    artifact: Artifact,
    stretch?: EditSignal['stretch'],
  ): Promise<Asked | null>;
  /** A heartbeat for the fed artifact (its throttle already taken by the detector). */
  heartbeat(
    ctx: JudgeContext,
    state: PageState,
    fed: NonNullable<PageState['feeding']>,
  ): Promise<void>;
  /** The item being edited could not be identified (the adapter's markup changed). */
  unidentified(ctx: JudgeContext, adapter: PageAdapter): void;
}

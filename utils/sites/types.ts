import type { Artifact, ToolId } from '@/utils/model/records';
import type { Identity } from '@/utils/people/roster';

/** Who owns the artifact and who is looking, as the tool itself says. */
export interface Ownership {
  /** null: the page has an owner the adapter could not read; `unread` says what was missing. */
  owner: Identity | null;
  viewer: Identity;
  /** The tool's own title when the page's heading was not found. */
  title?: string;
  /**
   * What the adapter looked for on this page and could not read (no page text, no names): each is
   * reported once to Adapter health, and the edit still goes on. For tools whose evidence is thin
   * (Figma, Google Docs draw on a canvas), so a change shows instead of going quiet.
   */
  unread?: string[];
}

/**
 * One tool. Answers three questions for the detector: what is this artifact,
 * whose is it, and is this element where its content is edited. Adapters do
 * no work until the lead edits (no observers, no polling).
 */
export interface SiteAdapter extends PageAdapter {
  ownership: OwnershipLookup;
  /**
   * Taking over: the controls that hand the item to someone, for tools that name
   * an assignee (with `takeoverZone`). Optional; without it no take-over is noticed on this tool.
   * Loaded with the lookups (entrypoints/page/lookup.ts), not with every page.
   */
  takeover?: TakeoverControls;
  /**
   * The selector lists the adapter reads the page with, by what they find ("title", "owner"), so
   * "Copy details" in the popup can say which matched on a page and which did not. Optional.
   */
  selectors?: Readonly<Record<string, readonly string[]>>;
}

/** Whose the artifact is, as the tool says (often a same-origin REST call). */
export type OwnershipLookup = (
  artifact: Artifact,
  doc: Document,
  signal: AbortSignal,
) => Promise<Ownership | null>;

/**
 * The part of an adapter the always-loaded content script carries: what a keystroke or a click
 * needs to decide at once. Its `ownership` is loaded when the lead focuses an editor
 * (entrypoints/page/lookup.ts); adapters whose lookup is trivial may carry it here.
 */
export interface PageAdapter {
  id: ToolId;
  /** Shown to the lead ("Jira"). */
  label: string;
  /** Match patterns for the manifest's content script and host permissions. */
  matches: string[];
  /** Narrower than `matches` where a host serves several tools (Jira and Confluence share atlassian.net). */
  appliesTo(url: URL): boolean;
  artifact(url: URL, doc: Document): Artifact | null;
  ownership?: OwnershipLookup;
  /**
   * True where typing changes the artifact's content; false for conversation (comments).
   * `event` is the edit event, for adapters that opt into `editEvents` (to tell an editing key from a panning one).
   */
  isContentEditor(el: Element, event?: Event): boolean;
  /**
   * Events that are edits on this tool besides `beforeinput` and `input`, e.g. `['keydown']` where
   * the editor cancels its keys and no input event follows (Figma's canvas). Optional.
   */
  editEvents?: readonly string[];
  /**
   * Selectors of same-origin frames that take the typing (Google Docs' text event target). The
   * content script runs in the top frame only, so the detector listens inside these frames too. Optional.
   */
  editFrames?: readonly string[];
  /**
   * Taking over, for tools that name an assignee: where it happens. The watcher and the
   * adapter's `takeover` controls load with the lookups; these two selectors are what the page
   * must know before they are there. Optional, with `SiteAdapter.takeover`.
   */
  takeoverZone?: TakeoverZone;
}

/** What the always-loaded script knows of taking over (utils/page/takeover-trigger.ts). */
export interface TakeoverZone {
  /** Every element an assigning click lands in (`TakeoverControls.assignedBy` is null outside it): a press, click or focus here loads the watcher. */
  clicks: string;
  /** Where the page shows the assignee (what `TakeoverControls.assigneeOnPage` reads), copied at a press or click here until the watcher is there. */
  assignee: readonly string[];
  /**
   * Keyboard shortcuts that assign or open the assignment menu (`KeyboardEvent.key`, lower case),
   * pressed with no modifier outside a text field: Linear's `i` and `a`. Such a press loads the
   * watcher and is judged by `TakeoverControls.assignedByKey`. Optional.
   */
  keys?: readonly string[];
}

/** Who an assigning click gives the item to: the lead ("Assign to me"), or the person picked. */
export type AssignTarget = { to: 'viewer' } | { to: 'person'; identity: Identity };

export interface TakeoverControls {
  /** For a click on `el`: null when it assigns nobody; else to whom it gives the item. */
  assignedBy(el: Element): AssignTarget | null;
  /** For one of `TakeoverZone.keys` pressed on the page at `url`: null when it assigns nobody (it opens a menu). */
  assignedByKey?(key: string, url: URL): AssignTarget | null;
  /**
   * The assignee as the page shows it right now (read before the tool handles the click), in the
   * document or in a copy of the `TakeoverZone.assignee` elements; null: unreadable.
   */
  assigneeOnPage(root: ParentNode): Identity | null;
}

/**
 * What the content script read on its page, for the popup's "On this page": no page text beyond
 * the item's key and title and the owner's identities. Its shape is the protocol's (checked there).
 */
export type { PageReading } from '@/utils/protocol/messages';

/** Text-entry elements: inputs that take typing, textareas, and rich-text editing hosts. */
export function isTextEditable(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    return !el.readOnly && !el.disabled && /^(text|search|url|email|number|tel|)$/.test(el.type);
  }
  return el instanceof HTMLElement && el.isContentEditable;
}

/**
 * The shortcut a keydown is, when it is one of `zone.keys` pressed with no modifier outside a text
 * field (where the tool takes it as a command, not as typing); else null.
 */
export function assigningKey(event: Event, target: Element, zone: TakeoverZone): string | null {
  if (!zone.keys?.length || event.type !== 'keydown') return null;
  const e = event as KeyboardEvent;
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.isComposing) return null;
  const key = e.key?.toLowerCase();
  if (!key || !zone.keys.includes(key) || isTextEditable(target)) return null;
  return key;
}

/** `el.closest` for a list of selectors, tried in order. */
export function closestOf(el: Element, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const hit = el.closest(s);
    if (hit) return hit;
  }
  return null;
}

export function firstText(doc: ParentNode, selectors: readonly string[]): string | null {
  for (const s of selectors) {
    const text = doc.querySelector(s)?.textContent?.trim();
    if (text) return text;
  }
  return null;
}

/** Text a person sees: skips `aria-hidden` parts (avatar initials, icons), collapses whitespace. */
export function visibleText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) text += node.textContent;
    else if (node.nodeType === 1 && (node as Element).getAttribute('aria-hidden') !== 'true')
      text += ` ${visibleText(node as Element)} `;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** A same-origin JSON API the page itself uses, with the lead's session; aborted on navigation. */
export async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, {
    signal,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`${res.status} from ${url}`);
  // Logged out, Atlassian answers 200 with its HTML login page (jira.md, Aug 2026): that is no answer.
  const type = res.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type))
    throw new Error(`${type || 'no content type'} (not JSON) from ${url}`);
  return res.json();
}

/**
 * An Atlassian user object (Jira's and Confluence's REST APIs) as identities:
 * names, email, account id. The anonymous user is nobody.
 */
export function atlassianUserIdentity(user: unknown): string[] {
  if (!user || typeof user !== 'object') return [];
  const u = user as Record<string, unknown>;
  if (u.type === 'anonymous') return [];
  const values = [
    u.displayName,
    u.publicName,
    u.emailAddress,
    u.email,
    u.accountId,
    u.name,
    u.username,
  ].filter((x): x is string => typeof x === 'string' && x.trim().length > 0);
  return [...new Set(values)];
}

/** The adapter, among `list`, for a page: the first whose `appliesTo` says yes. */
export function pickAdapter<A extends PageAdapter>(list: readonly A[], url: URL): A | null {
  return list.find((a) => a.appliesTo(url)) ?? null;
}

/**
 * What an edit on a surface of a tool means. Each adapter keeps one
 * table of its surfaces, each commented with the evidence it follows:
 * - content: the report's craft (title, description, page text, code): prompts;
 * - planning: the lead's job (status, priority, sprint, labels, estimate, due date,
 *   links, watchers, parent): never prompts, never logged;
 * - conversation: comments, reviews, discussions: never prompts.
 * Anything that matches no surface is silence: where a tool's markup cannot tell
 * content from planning, Pullback errs towards not prompting.
 */
export type SurfaceKind = 'content' | 'planning' | 'conversation';

export interface Surface {
  kind: SurfaceKind;
  /** A CSS selector of the surface's container (an editor sits inside it). */
  selector: string;
  /** What the lead would call it ("Summary", "Priority"). */
  what: string;
  /** Where the selector comes from: the real-markup file and the evidence's date. */
  evidence: string;
}

/**
 * The kind of the innermost surface around `el`, or null when none matches.
 * Innermost wins (a comment editor inside the activity panel is conversation);
 * at the same element, conversation beats planning beats content (silence first).
 */
export function surfaceKindOf(el: Element, surfaces: readonly Surface[]): SurfaceKind | null {
  const rank: Record<SurfaceKind, number> = { conversation: 3, planning: 2, content: 1 };
  let best: { node: Element; kind: SurfaceKind } | null = null;
  for (const surface of surfaces) {
    const node = el.closest(surface.selector);
    if (!node) continue;
    if (
      !best ||
      (best.node.contains(node) && best.node !== node) ||
      (best.node === node && rank[surface.kind] > rank[best.kind])
    ) {
      best = { node, kind: surface.kind };
    }
  }
  return best?.kind ?? null;
}

/** The selectors of one kind of surface, for `SiteAdapter.selectors` ("which matched on this page"). */
/* #__NO_SIDE_EFFECTS__ */
export function surfaceSelectors(surfaces: readonly Surface[], kind: SurfaceKind): string[] {
  return surfaces.filter((s) => s.kind === kind).map((s) => s.selector);
}

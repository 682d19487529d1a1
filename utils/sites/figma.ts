/**
 * Figma design files (`www.figma.com`).
 *
 * The artifact is the file, keyed by its file key from `/design/<key>/<name>`
 * or the older `/file/<key>/<name>` (which Figma redirects to `/design/`). A
 * branch (`/design/<key>/branch/<branchKey>/<name>`) is a file of its own:
 * its key is the branch key. The canonical URL is
 * `https://www.figma.com/design/<key>/` (a branch:
 * `…/design/<key>/branch/<branchKey>/`): no name segment (a rename would
 * change it), no `node-id` or other query, one URL for one file whichever
 * route opened it. Claims match by prefix, so a claim on a file covers its
 * branches, and `https://www.figma.com/design/` covers every design file.
 *
 * Figma's editor names no owner for a file, so ownership is always
 * `{ owner: [], viewer: [] }`: the lead's claim decides (utils/background/service.ts).
 *
 * Editing: the canvas is a <canvas>. Figma keeps keyboard focus in a hidden
 * key sink (`.focus-target`) and handles keys itself. Text typed into a text
 * layer reaches the sink as input events; shortcuts that change the file
 * (Delete, arrow nudges, ⌘D, ⌘V, …) arrive as keydowns that Figma cancels,
 * so no input event follows. The adapter therefore opts into `keydown` and
 * tells editing keys from tool, pan and zoom keys. The properties panel and
 * layer renames are ordinary inputs. Never an edit: a view-only file, Dev
 * Mode, comments, cursor chat, search.
 */
import type { Artifact } from '@/utils/model/records';
import {
  closestOf,
  firstText,
  isTextEditable,
  surfaceKindOf,
  type Ownership,
  type OwnershipLookup,
  type PageAdapter,
  type SiteAdapter,
  type Surface,
} from '@/utils/sites/types';
import { FIGMA_TOOL, toolInfo } from '@/utils/model/tools';

const HOSTS = new Set(['www.figma.com', 'figma.com']);
const ORIGIN = 'https://www.figma.com';
/** File keys are alphanumeric (22 characters today; older files have other lengths). */
const FILE_KEY = /^[A-Za-z0-9]{10,64}$/;
const FILE_PATH = /^\/(?:design|file)\/([^/?#]+)(?:\/branch\/([^/?#]+))?(?:\/([^/?#]*))?/;

/** The file's name in the editor, newest markup first (after `document.title`). */
const FILE_NAME_SELECTORS = [
  // The name's button in the left panel since Dec 2025, by test id (clockify 2026-03-10, Figma's own
  // code), docs/evidence/figma.md, The file name; the older toolbar's label (toggl 2024-03-18).
  '[data-testid="filename"]',
  'span[aria-label="File name"]',
  // CSS-module class of the name ("filename_view--title--<hash>"; the hash rotates; its container is "filename_view--titleWithToggleContainer--…").
  '[class*="filename_view--title--"]',
] as const;

/** The input Figma swaps in for the name while the lead renames the file (Enter renames). */
const FILE_RENAME_SELECTORS = ['input#filename', '[class*="filename_view--pageTitleInput"]'];

/** The hidden element Figma keeps focused while the canvas has the keyboard. */
const KEY_SINK_SELECTORS = [
  // A textarea (it also takes IME text for text layers).
  'textarea.focus-target',
  // Any other element carrying the class (a contenteditable in some builds).
  '.focus-target',
] as const;

/** The canvas Figma draws on (tempad 2026-01-04, docs/evidence/figma.md, The editor): its absence means the editor changed. */
const CANVAS_SELECTOR = '#fullscreen-root .gpu-view-content canvas';

/** Panels whose inputs change the file. */
const PANEL_SELECTORS = [
  // Left panel (layers, renamed in place): `#left-panel-container`, UI3's island (tempad 2026, figma.md, The editor).
  '#left-panel-container',
  '[class*="left_panel_island_container"]',
  // Right sidebar, Design tab: position, size, fills, strokes, text properties.
  '[data-testid="properties-panel"]',
  '[class*="properties_panel--"]',
  // Left sidebar: layers (renamed in place) and pages.
  '[data-testid="layers-panel"]',
  '[class*="objects_panel--"]',
  '[class*="object_row--"]',
  '[class*="pages_panel--"]',
] as const;

/** A file the lead can only look at: keys pan, zoom and select, they never edit. */
const VIEW_ONLY_SELECTORS = [
  // The toolbar's "View only" badge, by test id.
  '[data-testid="view-only-badge"]',
  // The same badge by its accessible name.
  '[aria-label="View only" i]',
  // CSS-module class names of the badge ("view_only_badge--…").
  '[class*="view_only" i]',
] as const;

/** Dev Mode: the toggle in the toolbar, pressed. */
const DEV_MODE_SELECTORS = [
  '[aria-label="Dev Mode" i][aria-pressed="true"]',
  '[aria-label="Dev Mode" i][aria-checked="true"]',
] as const;

const EVIDENCE = 'docs/evidence/figma.md';

/**
 * What an edit on each part of the editor means. Figma has no planning surface in the editor. The
 * canvas is drawn, not DOM: what reaches the key sink is all there is to read (figma.md, Not found in any public source), so the
 * adapter counts editing keys there and says what it could not read (ownership's `unread`).
 */
export const surfaces: readonly Surface[] = [
  // The key sink: keystrokes and IME text for the canvas go to `.focus-target` (tempad, since 2024-03-15).
  ...KEY_SINK_SELECTORS.map((selector) => ({
    kind: 'content' as const,
    selector,
    what: 'Canvas (editing keys, text layers)',
    evidence: `${EVIDENCE}, The editor (2024-03 to 2026-07)`,
  })),
  // Panels: layers renamed in place (left panel, evidenced), design properties (right panel, not evidenced).
  ...PANEL_SELECTORS.map((selector) => ({
    kind: 'content' as const,
    selector,
    what: 'Layers and properties panels',
    evidence: selector.includes('left')
      ? `${EVIDENCE}, The editor (2024-07 to 2025-12)`
      : `${EVIDENCE}: not evidenced (CSS-module names)`,
  })),
  // Renaming the file: the input that replaces the name's button (UI3-era code; rename scripts).
  {
    kind: 'content',
    selector: FILE_RENAME_SELECTORS.join(', '),
    what: 'File name (renaming)',
    evidence: `${EVIDENCE}, The file name (UI3 era, 2025-12)`,
  },
  // Comments and cursor chat: not evidenced in the DOM (figma.md, Not found in any public source); any part named comment or chat.
  {
    kind: 'conversation',
    selector: '[data-testid*="comment" i], [class*="comment" i], [aria-label*="comment" i]',
    what: 'Comments',
    evidence: `${EVIDENCE}, Not found in any public source`,
  },
  {
    kind: 'conversation',
    selector: '[class*="chat" i]',
    what: 'Cursor chat',
    evidence: `${EVIDENCE}, Not found in any public source`,
  },
];

/** Look-ups inside the panels: never an edit (not a kind of edit, just not one). */
const SEARCH_SELECTORS = [
  'input[type="search"]',
  '[role="search"]',
  '[class*="search" i]',
] as const;

/** Keys, with ⌘ or Ctrl, whose shortcut changes the file. */
const MOD_EDIT_KEYS = new Set(['d', 'v', 'x', 'z', 'y', 'g', 'e', 'b', 'i', 'u', '[', ']']);
/** Keys, with Shift alone, that change the file: auto layout, flip horizontal and vertical. */
const SHIFT_EDIT_KEYS = new Set(['a', 'h', 'v']);
/** Keys, with Option/Alt alone, that align the selection. */
const ALT_EDIT_CODES = new Set(['KeyA', 'KeyD', 'KeyW', 'KeyS', 'KeyH', 'KeyV']);

/**
 * A keydown on the canvas that changes the file. Plain letters choose tools,
 * Space pans, ⌘+/- zoom, ⌘C copies: none of those is an edit.
 */
export function isFigmaEditingKey(e: KeyboardEvent): boolean {
  if (e.isComposing) return false; // IME: the input events that follow say it.
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const mod = e.metaKey || e.ctrlKey;
  if (key === 'Backspace' || key === 'Delete') return !e.altKey;
  if (key.startsWith('Arrow')) return !mod && !e.altKey; // Nudge (Shift: by 10).
  if (mod) return MOD_EDIT_KEYS.has(key) || (e.altKey && e.code === 'KeyK'); // ⌥⌘K: create component.
  if (e.altKey) return ALT_EDIT_CODES.has(e.code); // Option changes e.key on macOS: use the physical key.
  if (e.shiftKey) return SHIFT_EDIT_KEYS.has(key);
  return false;
}

export function figmaFile(url: URL): { key: string; url: string; slug: string } | null {
  if (!HOSTS.has(url.hostname)) return null;
  const m = FILE_PATH.exec(url.pathname);
  if (!m || !FILE_KEY.test(m[1]!)) return null;
  const [, fileKey, branchKey, slug = ''] = m;
  if (branchKey !== undefined && !FILE_KEY.test(branchKey)) return null;
  const canonical = branchKey
    ? `${ORIGIN}/design/${fileKey}/branch/${branchKey}/`
    : `${ORIGIN}/design/${fileKey}/`;
  return { key: branchKey ?? fileKey!, url: canonical, slug };
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug).replace(/-+/g, ' ').trim();
  } catch {
    return '';
  }
}

const comparable = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The file's name: `document.title` ("Name – Figma") when it is this file's
 * (just after an in-app navigation it can still be the previous file's, so it
 * must agree with the URL's name segment), else the toolbar, else the URL.
 */
function fileName(doc: Document, slug: string): string {
  const fromUrl = decodeSlug(slug);
  const fromTitle = doc.title.replace(/\s+[–—-]\s*Figma\s*$/, '').trim();
  const titled = fromTitle !== doc.title.trim() && fromTitle.length > 0;
  if (titled && (!fromUrl || comparable(fromTitle) === comparable(fromUrl))) return fromTitle;
  const fromToolbar = firstText(doc, FILE_NAME_SELECTORS);
  if (fromToolbar && (!fromUrl || comparable(fromToolbar) === comparable(fromUrl)))
    return fromToolbar;
  return fromUrl || fromTitle || fromToolbar || '';
}

function isEditMode(doc: Document): boolean {
  if (new URL(doc.location.href).searchParams.get('m') === 'dev') return false;
  return (
    !VIEW_ONLY_SELECTORS.some((s) => doc.querySelector(s)) &&
    !DEV_MODE_SELECTORS.some((s) => doc.querySelector(s))
  );
}

export const figmaPageAdapter: PageAdapter = {
  ...toolInfo(FIGMA_TOOL),
  editEvents: ['keydown'],

  appliesTo: (url) => HOSTS.has(url.hostname),

  artifact(url, doc): Artifact | null {
    const file = figmaFile(url);
    if (!file) return null;
    return { key: file.key, title: fileName(doc, file.slug), url: file.url };
  },

  isContentEditor(el, event) {
    if (!isTextEditable(el) || closestOf(el, SEARCH_SELECTORS)) return false;
    if (surfaceKindOf(el, surfaces) !== 'content' || !isEditMode(el.ownerDocument)) return false;
    if (closestOf(el, KEY_SINK_SELECTORS)) {
      // Keys on the canvas: only those that change the file. Input events (text layers) always do.
      return event?.type === 'keydown' ? isFigmaEditingKey(event as KeyboardEvent) : true;
    }
    // Panels take ordinary typing; their keydowns are followed by input events.
    return event?.type !== 'keydown';
  },
};

/** Whose Figma file this is. Not in the always-loaded script: the page loads it when the lead focuses an editor (entrypoints/page/lookup.ts). */
export const figmaOwnership: OwnershipLookup = async (
  _artifact,
  doc,
): Promise<Ownership | null> => {
  // Figma shows no owner in the editor: nobody, so that a claim can say whose file it is. What the
  // adapter relies on and did not find is reported, so a Figma change shows in Adapter health.
  const unread: string[] = [];
  if (!doc.querySelector(CANVAS_SELECTOR))
    unread.push(`the canvas (${CANVAS_SELECTOR}) was not found: edits on the canvas may go unseen`);
  if (!KEY_SINK_SELECTORS.some((s) => doc.querySelector(s)))
    unread.push('the canvas key sink (.focus-target) was not found: edits on the canvas go unseen');
  return { owner: [], viewer: [], ...(unread.length ? { unread } : {}) };
};

export const figma: SiteAdapter = { ...figmaPageAdapter, ownership: figmaOwnership };

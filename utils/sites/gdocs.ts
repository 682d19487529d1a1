/**
 * Google Docs (`docs.google.com/document/...`).
 *
 * The artifact is the document, keyed by its id from `/document/d/<id>/…`
 * (also `/document/u/<n>/d/<id>/…`, a signed-in account's index). The
 * canonical URL is `https://docs.google.com/document/d/<id>/`: no account
 * index, no `/edit`, no query or heading anchor, so one document has one URL.
 *
 * The editor names no owner, so ownership is `{ owner: [], viewer: [] }` and
 * the lead's claim decides (utils/background/service.ts).
 *
 * Editing: Docs draws the document itself and routes keystrokes into a
 * hidden same-origin iframe (`.docs-texteventtarget-iframe`) whose
 * contentEditable body receives them. Its events never reach the top
 * document, and content scripts run in the top frame only, so the adapter
 * names that frame in `editFrames` and the detector listens inside it. The
 * title field is content too. Suggesting (and viewing) mode is conversation,
 * as are comments: nothing typed then is an edit.
 */
import type { Artifact } from '@/utils/model/records';
import {
  closestOf,
  isTextEditable,
  surfaceKindOf,
  type Ownership,
  type OwnershipLookup,
  type PageAdapter,
  type SiteAdapter,
  type Surface,
} from '@/utils/sites/types';
import { GDOCS_TOOL, toolInfo } from '@/utils/model/tools';

const ORIGIN = 'https://docs.google.com';
/** Document ids: URL-safe base64 (44 characters today). `/d/e/<id>/pub` (published copies) does not match. */
const DOC_PATH = /^\/document(?:\/u\/\d+)?\/d\/([A-Za-z0-9_-]{20,128})(?:[/?#]|$)/;

/** The frame that takes the typing, newest markup first. */
const TEXT_EVENT_FRAMES = [
  // The iframe carries the class itself; its document holds a contenteditable textbox named "Document content"
  // (Playwright against live Docs, 2026; docs/evidence/gdocs.md, Typing).
  'iframe.docs-texteventtarget-iframe',
  // A wrapper carries it.
  '.docs-texteventtarget-iframe iframe',
] as const;

/** The document's title. */
const TITLE_INPUT_SELECTORS = [
  // The rename field in the title bar (its value is the title).
  'input.docs-title-input',
  '.docs-title-input input',
] as const;
const TITLE_TEXT_SELECTORS = [
  // The label shown over the rename field.
  '#docs-title-input-label-inner',
  '.docs-title-input-label-inner',
] as const;

/** The toolbar's mode switcher (Editing / Suggesting / Viewing). */
const MODE_SWITCHER_SELECTORS = [
  '#docs-toolbar-mode-switcher',
  '.docs-toolbar-mode-switcher',
  // Narrow windows: the mode indicator in the title bar.
  '#titlebar-mode-indicator-container',
] as const;

const EVIDENCE = 'docs/evidence/gdocs.md';

/**
 * What an edit on each part of the editor means. Docs has no planning surface in the document. The
 * body is drawn on a canvas (since 2021): typing is read where it lands, the text event frame, and
 * what the adapter cannot read is reported (ownership's `unread`).
 */
export const surfaces: readonly Surface[] = [
  // The text event frame (its iframe element stands for the typing inside it): the document body.
  ...TEXT_EVENT_FRAMES.map((selector) => ({
    kind: 'content' as const,
    selector,
    what: 'Document text',
    evidence: `${EVIDENCE}, Typing (2023 to 2026-08)`,
  })),
  // The title's rename field: `input.docs-title-input` (toggl 2021-12, clockify 2024-01).
  {
    kind: 'content',
    selector: '.docs-title-input',
    what: 'Title',
    evidence: `${EVIDENCE}, The page around the canvas (2023-12 to 2026-02)`,
  },
  // The editor root, should Docs ever take typing there rather than in its text event frame.
  {
    kind: 'content',
    selector: '.kix-appview-editor',
    what: 'Document text',
    evidence: `${EVIDENCE}, Typing (the editor root; 2021 to 2026)`,
  },
  // Comments: the comment draft `[aria-label="Comment draft"]` (2026); the "docos" comment UI (older extensions).
  {
    kind: 'conversation',
    selector: '[aria-label="Comment draft" i]',
    what: 'Comment draft',
    evidence: `${EVIDENCE}, The page around the canvas (2026)`,
  },
  {
    kind: 'conversation',
    selector:
      '.docos-input-textarea, .docos-input-contenteditable, [class*="docos-"], .docs-comment-thread',
    what: 'Comments',
    evidence: `${EVIDENCE}, The page around the canvas ("docos" classes, 2026-02)`,
  },
];

/** Find and replace: a look-up, never an edit (docs/evidence/gdocs.md: the old find bar and the May 2026 dialog). */
const FIND_SELECTORS = [
  '[class*="docs-findinput"]',
  '#docs-findbar-id',
  '[aria-label="Find in document" i]',
] as const;

type Mode = 'editing' | 'suggesting' | 'viewing';

function modeFrom(text: string | null | undefined): Mode | null {
  if (!text) return null;
  if (/suggest/i.test(text)) return 'suggesting';
  if (/view/i.test(text)) return 'viewing';
  if (/edit/i.test(text)) return 'editing';
  return null;
}

/** The mode the toolbar shows; null when it cannot tell (then typing counts as editing). */
export function docsMode(doc: Document): Mode | null {
  for (const selector of MODE_SWITCHER_SELECTORS) {
    const sw = doc.querySelector(selector);
    if (!sw) continue;
    // Its own class (`edit-mode`, `suggest-mode`), its label ("Suggesting mode"), its icon, its caption.
    const ownClass = /\b(edit|suggest|view)-mode\b/.exec(sw.getAttribute('class') ?? '')?.[1];
    const icon = /\bdocs-icon-mode-(edit|suggest|view)\b/.exec(
      [...sw.querySelectorAll('[class*="docs-icon-mode-"]')]
        .map((e) => e.getAttribute('class'))
        .join(' '),
    )?.[1];
    const mode =
      modeFrom(ownClass) ??
      modeFrom(sw.getAttribute('aria-label')) ??
      modeFrom(sw.getAttribute('data-tooltip')) ??
      modeFrom(icon) ??
      modeFrom(sw.textContent);
    if (mode) return mode;
  }
  return null;
}

export function gdocsDocument(url: URL): { key: string; url: string } | null {
  if (url.hostname !== 'docs.google.com') return null;
  const id = DOC_PATH.exec(url.pathname)?.[1];
  return id ? { key: id, url: `${ORIGIN}/document/d/${id}/` } : null;
}

function title(doc: Document): string {
  for (const s of TITLE_INPUT_SELECTORS) {
    const value = (doc.querySelector(s) as HTMLInputElement | null)?.value?.trim();
    if (value) return value;
  }
  for (const s of TITLE_TEXT_SELECTORS) {
    const text = doc.querySelector(s)?.textContent?.trim();
    if (text) return text;
  }
  return doc.title.replace(/\s+-\s+Google Docs\s*$/, '').trim();
}

/** The iframe element whose document holds `el`, if any (same-origin frames only). */
function hostFrame(el: Element): Element | null {
  try {
    return el.ownerDocument.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

export const gdocsPageAdapter: PageAdapter = {
  ...toolInfo(GDOCS_TOOL),
  editFrames: TEXT_EVENT_FRAMES,

  appliesTo: (url) => url.hostname === 'docs.google.com' && url.pathname.startsWith('/document/'),

  artifact(url, doc): Artifact | null {
    const found = gdocsDocument(url);
    return found ? { key: found.key, title: title(doc), url: found.url } : null;
  },

  isContentEditor(el) {
    if (closestOf(el, FIND_SELECTORS)) return false;
    const frame = hostFrame(el);
    // The top document's toolbar says the mode, wherever the typing lands.
    const top = frame?.ownerDocument ?? el.ownerDocument;
    const mode = docsMode(top);
    if (mode === 'suggesting' || mode === 'viewing') return false;
    if (frame) {
      // Typing in the text event frame: its body (or an element in it) is the editing host.
      // Not `isTextEditable`: elements of the frame belong to the frame's realm.
      return (
        surfaceKindOf(frame, surfaces) === 'content' &&
        closestOf(frame, TEXT_EVENT_FRAMES) !== null &&
        (el as HTMLElement).isContentEditable === true
      );
    }
    return isTextEditable(el) && surfaceKindOf(el, surfaces) === 'content';
  },
};

/** Whose Google Doc this is. Not in the always-loaded script: the page loads it when the lead focuses an editor (entrypoints/page/lookup.ts). */
export const gdocsOwnership: OwnershipLookup = async (
  _artifact,
  doc,
): Promise<Ownership | null> => {
  // The editor shows no owner (gdocs.md, Whose document it is): nobody, so that a claim can say whose document it is.
  // The mode switcher is not in the evidence: without it suggestions cannot be told from edits, so say so.
  const unread =
    docsMode(doc) === null
      ? [
          'the editing mode (Editing, Suggesting, Viewing) could not be read: suggestions may prompt like edits',
        ]
      : [];
  return { owner: [], viewer: [], ...(unread.length ? { unread } : {}) };
};

export const gdocs: SiteAdapter = { ...gdocsPageAdapter, ownership: gdocsOwnership };

/**
 * Linear (`https://linear.app`).
 *
 * The artifact is the issue: its key from `/<workspace>/issue/KEY-123[/<slug>]`,
 * its URL that path without the slug (Linear redirects to the current slug).
 * The owner is the assignee, read from the Assignee property button in the
 * issue's properties panel; Linear's data API is on another origin
 * (client-api.linear.app), so nothing is fetched. The viewer is not in
 * Linear's markup in a form we can read reliably: empty (the roster's "me"
 * still applies).
 *
 * What counts is the `surfaces` table: the issue's title and description are
 * content; comments and replies are conversation; the properties (status,
 * priority, assignee, labels, cycle, estimate, due date) and their pickers are
 * planning. Overlays (the new-issue dialog, the command menu) edit another item.
 *
 * Linear's class names are generated (styled-components hashes), so every
 * selector below keys on ARIA attributes, data attributes or document order.
 */
import type { Artifact } from '@/utils/model/records';
import type { Identity } from '@/utils/people/roster';
import {
  closestOf,
  isTextEditable,
  surfaceKindOf,
  visibleText,
  type Ownership,
  type OwnershipLookup,
  type PageAdapter,
  type SiteAdapter,
  type Surface,
} from '@/utils/sites/types';
import { LINEAR_TOOL, toolInfo } from '@/utils/model/tools';

const ORIGIN = 'https://linear.app';
/** `/<workspace>/issue/KEY-123[/<slug>]`; team keys are letters and digits, starting with a letter. */
const ISSUE_PATH =
  /^\/([A-Za-z0-9_-]{1,100})\/issue\/([A-Za-z][A-Za-z0-9_]{0,19}-\d{1,9})(?:\/[^/]*)?\/?$/;

/** The issue title, newest markup first. */
const TITLE_SELECTORS = [
  // Issue view: the title's editing host, a single-line rich-text field with `role="textbox"`
  // (what time-tracking integrations read), or a textarea.
  '[aria-label="Issue title"]',
  // A title textarea that is named only by its placeholder.
  'textarea[placeholder="Issue title"]',
  // Issue view as other integrations read it: the first single-line contenteditable of the page,
  // its text in a <p>. Read only (not an editing selector): too broad to say "this is the title".
  // The sub-issue composer is one too, but empty, and titleElement skips empty fields.
  '[contenteditable="true"][aria-multiline="false"]',
] as const;

/** The Assignee property in the issue's properties panel, newest markup first. */
const ASSIGNEE_SELECTORS = [
  // Properties panel: each property is a button (`data-detail-button`) labelled by what it
  // changes, "Change status" (as time trackers find it), "Change priority", "Change assignee".
  'button[aria-label="Change assignee"]',
  '[aria-label="Change assignee"]',
  // Other labels of the same button: the wording of Linear's assign command, and a labelled property.
  '[aria-label="Assign to…"]',
  '[aria-label="Assign to..."]',
  '[aria-label="Assignee"][data-detail-button]',
] as const;

/** Values the Assignee button shows when nobody is assigned. */
const UNASSIGNED =
  /^(assign|assign to(…|\.\.\.)?|assignee|unassigned|no assignee|change assignee)$/i;

const EVIDENCE = 'real-markup/linear.md';

/**
 * What an edit on each part of a Linear issue means. Innermost wins (utils/sites/types.ts); an
 * editor no row names is silence, except the unnamed description (see isFirstEditorAfterTitle).
 */
export const surfaces: readonly Surface[] = [
  // Title: single-line editor `[aria-label="Issue title"]` inside `div[data-view-id="issue-view"]`
  // (toggl 2026-04-22, RTL userscript 2025-26); an older textarea named by its placeholder.
  {
    kind: 'content',
    selector: '[aria-label="Issue title"]',
    what: 'Title',
    evidence: `${EVIDENCE} §1 #1 (2026-04)`,
  },
  {
    kind: 'content',
    selector: 'textarea[placeholder="Issue title"]',
    what: 'Title',
    evidence: 'older Linear markup (before the evidence)',
  },
  // Description: ProseMirror `[aria-label="Issue description"]` (RTL userscript, 2025-26), or its empty placeholder.
  {
    kind: 'content',
    selector: '[aria-label="Issue description"]',
    what: 'Description',
    evidence: `${EVIDENCE} §1 #2 (2025-26)`,
  },
  {
    kind: 'content',
    selector: '[aria-placeholder^="Add description"]',
    what: 'Description',
    evidence: `${EVIDENCE} §1 #2: same editor while empty (placeholder not evidenced)`,
  },
  // Comments: thread containers, the composer's container, editors labelled "Comment" and "Reply" (RTL userscript, 2025-26).
  {
    kind: 'conversation',
    selector: '[data-comment-thread-container], [data-comment-input-editor-container]',
    what: 'Comments',
    evidence: `${EVIDENCE} §1 #2 (2025-26)`,
  },
  {
    kind: 'conversation',
    selector:
      '[aria-label="Comment"], [aria-label="Reply"], [aria-label*="comment" i], [aria-label*="reply" i]',
    what: 'Comment and reply editors',
    evidence: `${EVIDENCE} §1 #2 (2025-26)`,
  },
  {
    kind: 'conversation',
    selector:
      '[aria-placeholder*="comment" i], [aria-placeholder*="reply" i], [id^="comment-"], [data-comment-id]',
    what: 'Comments (older markup)',
    evidence: 'older Linear markup (before the evidence)',
  },
  // Properties: buttons labelled by what they change ("Change status", clockify 2025-06; priority,
  // assignee, labels, cycle, estimate, due date the same way) and the pickers they open (a menu or a
  // listbox with a filter box). Typing there re-plans the issue: the lead's job.
  {
    kind: 'planning',
    selector: '[aria-label^="Change "]',
    what: 'Properties (status, priority, assignee, labels, cycle, estimate, due date)',
    evidence: `${EVIDENCE} §1 #4 (2025-06)`,
  },
  {
    kind: 'planning',
    selector: '[role="menu"], [role="listbox"]',
    what: 'Property pickers',
    evidence: `${EVIDENCE} §4: picker markup not evidenced; ARIA roles`,
  },
];

/** A comment's container: everything inside it is conversation, whatever an editor there is labelled. */
const COMMENT_CONTAINERS = [
  '[data-comment-thread-container]',
  '[data-comment-input-editor-container]',
  '[id^="comment-"]',
  '[data-comment-id]',
] as const;

/** Overlays that edit another item (the new-issue dialog): not this issue, whatever their editors are named. */
const ELSEWHERE_SELECTORS = [
  '[role="dialog"]',
  '[aria-modal="true"]',
  '[role="menu"]',
  '[role="listbox"]',
] as const;

export function linearIssue(url: URL): { workspace: string; key: string } | null {
  if (url.hostname !== 'linear.app') return null;
  const match = ISSUE_PATH.exec(url.pathname);
  if (!match) return null;
  return { workspace: match[1]!, key: match[2]!.toUpperCase() };
}

/** A field's current text: the value of a textarea or input, the text of anything else. */
function valueOf(el: Element): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value.trim();
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function titleElement(doc: ParentNode): Element | null {
  for (const selector of TITLE_SELECTORS) {
    for (const el of doc.querySelectorAll(selector)) {
      if (closestOf(el, ELSEWHERE_SELECTORS)) continue; // the new-issue dialog's title
      if (valueOf(el)) return el;
    }
  }
  return null;
}

/** Text of an element without the parts hidden from assistive technology (avatar initials, icons). */

/** "Assignee: Alice Chen" or "Assigned to Alice Chen" in a label; a generic label gives nothing. */
function nameInLabel(label: string | null): string | null {
  const match = /^(?:assignee|assigned to)\s*[:\-–]?\s*(.+)$/i.exec(label?.trim() ?? '');
  return match ? match[1]!.trim() : null;
}

/** Who the Assignee button names: its text, its avatar's alt text, a name in its label. Null when there is no button. */
export function linearAssignee(doc: ParentNode): Identity | null {
  for (const selector of ASSIGNEE_SELECTORS) {
    const button = [...doc.querySelectorAll(selector)].find(
      (el) => !closestOf(el, ELSEWHERE_SELECTORS),
    );
    if (!button) continue;
    const values = [
      visibleText(button),
      // Each visible piece on its own too: "AC" initials beside "Alice Chen" must not glue into one name.
      ...[...button.querySelectorAll('*')]
        .filter((el) => !el.children.length && !el.closest('[aria-hidden="true"]'))
        .map(visibleText),
      nameInLabel(button.getAttribute('aria-label')),
      nameInLabel(button.getAttribute('title')) ?? button.getAttribute('title'),
      ...[...button.querySelectorAll('img[alt], [role="img"][aria-label], [title]')].flatMap(
        (el) => [el.getAttribute('alt'), el.getAttribute('aria-label'), el.getAttribute('title')],
      ),
    ];
    const names = values.map((s) => s?.trim() ?? '').filter((s) => s && !UNASSIGNED.test(s));
    return [...new Set(names)];
  }
  return null;
}

/** The editing host of an element: the outermost contenteditable around it, or the field itself. */
function editingHost(el: Element): Element {
  let host = el;
  for (
    let up = el.parentElement;
    up && (up as HTMLElement).isContentEditable;
    up = up.parentElement
  )
    host = up;
  return host;
}

/**
 * The description editor when it does not name itself: the first rich-text editor after the title
 * in document order (the description sits right under the title; sub-issues and the activity with
 * its comment composer come later).
 */
function isFirstEditorAfterTitle(host: Element, doc: Document): boolean {
  const title = titleElement(doc);
  if (!title || title === host || title.contains(host) || host.contains(title)) return false;
  for (const candidate of doc.querySelectorAll(
    '[contenteditable="true"], [contenteditable=""], .ProseMirror[contenteditable]',
  )) {
    if (!(title.compareDocumentPosition(candidate) & 4 /* DOCUMENT_POSITION_FOLLOWING */)) continue;
    if (title.contains(candidate) || closestOf(candidate, ELSEWHERE_SELECTORS)) continue;
    if (candidate.parentElement && (candidate.parentElement as HTMLElement).isContentEditable)
      continue; // nested in another editor
    return candidate === host;
  }
  return false;
}

export const linearPageAdapter: PageAdapter = {
  ...toolInfo(LINEAR_TOOL),

  appliesTo: (url) => url.protocol === 'https:' && url.hostname === 'linear.app',

  artifact(url, doc): Artifact | null {
    const issue = linearIssue(url);
    if (!issue) return null;
    const title = titleElement(doc);
    return {
      key: issue.key,
      title: title ? valueOf(title) : '',
      url: `${ORIGIN}/${issue.workspace}/issue/${issue.key}`,
    };
  },

  isContentEditor(el) {
    if (
      !isTextEditable(el) ||
      closestOf(el, ELSEWHERE_SELECTORS) ||
      closestOf(el, COMMENT_CONTAINERS)
    )
      return false;
    const kind = surfaceKindOf(el, surfaces);
    if (kind) return kind === 'content';
    // An editor no row names: only the description that lost its label (the first editor after the title).
    const host = editingHost(el);
    return (
      (host as HTMLElement).isContentEditable === true &&
      isFirstEditorAfterTitle(host, el.ownerDocument)
    );
  },
};

/** Whose Linear issue this is. Not in the always-loaded script: the page loads it when the lead focuses an editor (entrypoints/page/lookup.ts). */
export const linearOwnership: OwnershipLookup = async (
  _artifact,
  doc,
  signal,
): Promise<Ownership | null> => {
  signal.throwIfAborted();
  const owner = linearAssignee(doc);
  // No Assignee button at all: the markup changed (say so); a button naming nobody: nobody's issue.
  return owner ? { owner, viewer: [] } : null;
};

export const linear: SiteAdapter = { ...linearPageAdapter, ownership: linearOwnership };

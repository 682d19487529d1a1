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
  surfaceSelectors,
  type Ownership,
  type OwnershipLookup,
  type PageAdapter,
  type SiteAdapter,
  type Surface,
  type TakeoverControls,
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

/** The property rail's rows (status, priority, assignee, …): unlabelled buttons (docs/evidence/linear.md, 2026-08). */
const DETAIL_BUTTON = 'button[data-detail-button="true"]';

/** The Assignee button as older builds labelled it, kept as fallbacks after the rail's unlabelled buttons. */
const LABELLED_ASSIGNEE_SELECTORS = [
  'button[aria-label="Change assignee"]',
  '[aria-label="Change assignee"]',
  '[aria-label="Assign to…"]',
  '[aria-label="Assign to..."]',
  '[aria-label="Assignee"][data-detail-button]',
] as const;

/** An avatar a button shows: an image, or an element drawn as one and named (never an icon's svg). */
const AVATAR = 'img, :not(svg)[role="img"][aria-label]';

/** What the unassigned rail button reads (2026-08: "Assign"). */
const UNASSIGNED_RAIL = /^(assign|no assignee|unassigned)$/i;

/** Values a labelled Assignee button shows when nobody is assigned. */
const UNASSIGNED =
  /^(assign|assign to(…|\.\.\.)?|assignee|unassigned|no assignee|change assignee)$/i;

/** What Adapter health says when no button in the rail could be taken for the assignee. */
export const LINEAR_ASSIGNEE_UNREAD =
  'the assignee was not found among the issue’s property buttons (none reads “Assign” or shows an avatar)';

const EVIDENCE = 'docs/evidence/linear.md';

/**
 * What an edit on each part of a Linear issue means. Innermost wins (utils/sites/types.ts); an
 * editor no row names is silence, except the unnamed description (see isFirstEditorAfterTitle).
 */
export const surfaces: readonly Surface[] = [
  // Title: a single-line ProseMirror host `[aria-label="Issue title"]` with its text in a <p>.
  {
    kind: 'content',
    selector: '[aria-label="Issue title"]',
    what: 'Title',
    evidence: `${EVIDENCE}, The issue view (2026-04 to 2026-08)`,
  },
  {
    kind: 'content',
    selector: 'textarea[placeholder="Issue title"]',
    what: 'Title',
    evidence: 'older Linear markup (before the evidence)',
  },
  // Description: ProseMirror `[aria-label="Issue description"]`, also known by `data-editor-id="issue-<uuid>"`.
  {
    kind: 'content',
    selector: '[aria-label="Issue description"], [data-editor-id^="issue-"]',
    what: 'Description',
    evidence: `${EVIDENCE}, The issue view (2026-08)`,
  },
  {
    kind: 'content',
    selector: '[aria-placeholder^="Add description"]',
    what: 'Description',
    evidence: `${EVIDENCE}, The issue view: same editor while empty (placeholder not evidenced)`,
  },
  // Comments: the composer's container (its editor is unlabelled), existing comments
  // `div#comment-<id>-container`, older thread containers, editors labelled "Comment" and "Reply".
  {
    kind: 'conversation',
    selector:
      '[data-comment-input-editor-container], [data-comment-thread-container], div[id^="comment-"][id$="-container"]',
    what: 'Comments',
    evidence: `${EVIDENCE}, The issue view (2025-06 to 2026-08)`,
  },
  {
    kind: 'conversation',
    selector:
      '[aria-label="Comment"], [aria-label="Reply"], [aria-label*="comment" i], [aria-label*="reply" i], .InlineCommentThread',
    what: 'Comment and reply editors, inline comment threads',
    evidence: `${EVIDENCE}, The issue view (2025-26; 2026-08)`,
  },
  {
    kind: 'conversation',
    selector:
      '[aria-placeholder*="comment" i], [aria-placeholder*="reply" i], [data-empty-text*="comment" i], [id^="comment-"], [data-comment-id]',
    what: 'Comments (placeholders, older markup)',
    evidence: `${EVIDENCE}, The issue view (2026-08; older markup)`,
  },
  // Properties: the rail's unlabelled detail buttons and its sections, the labelled buttons of
  // older builds ("Change status"), and the pickers they open. Typing there re-plans the issue.
  {
    kind: 'planning',
    selector: `${DETAIL_BUTTON}, [data-details-pane-section-content], [aria-label^="Change "]`,
    what: 'Properties (status, priority, assignee, labels, project, cycle, estimate, due date)',
    evidence: `${EVIDENCE}, The property rail and the owner (2025-06 to 2026-08)`,
  },
  {
    kind: 'planning',
    selector: '[role="menu"], [role="listbox"]',
    what: 'Property pickers',
    evidence: `${EVIDENCE}, Taking over: menu markup not seen; ARIA roles`,
  },
];

/** A comment's container: everything inside it is conversation, whatever an editor there is labelled. */
const COMMENT_CONTAINERS = [
  '[data-comment-input-editor-container]',
  '[data-comment-thread-container]',
  'div[id^="comment-"][id$="-container"]',
  '[id^="comment-"]',
  '[data-comment-id]',
  '.InlineCommentThread',
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

/** "Assignee: Alice Chen" or "Assigned to Alice Chen" in a label; a generic label gives nothing. */
function nameInLabel(label: string | null): string | null {
  const match = /^(?:assignee|assigned to)\s*[:\-–]?\s*(.+)$/i.exec(label?.trim() ?? '');
  return match ? match[1]!.trim() : null;
}

/**
 * The text a button shows: visible text without icons (an svg's <title> is not what it shows) and
 * without an avatar's initials (its name is read from the avatar itself).
 */
function shownText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) text += node.textContent;
    else if (
      node.nodeType === 1 &&
      (node as Element).localName !== 'svg' &&
      (node as Element).getAttribute('role') !== 'img' &&
      (node as Element).getAttribute('aria-hidden') !== 'true'
    )
      text += ` ${shownText(node as Element)} `;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The rail's detail buttons on this issue (not those of a menu or dialog over it). */
function railButtons(root: ParentNode): Element[] {
  return [...root.querySelectorAll(DETAIL_BUTTON)].filter(
    (el) => !closestOf(el, ELSEWHERE_SELECTORS),
  );
}

/**
 * The Assignee button, found by what it shows: in the rail, the button reading "Assign" or the
 * one holding a person's avatar (status and priority show icons); else a labelled Assignee button
 * of older builds. Null when none is there.
 */
export function linearAssigneeButton(root: ParentNode): Element | null {
  const rail = railButtons(root);
  const shown =
    rail.find((b) => UNASSIGNED_RAIL.test(shownText(b))) ??
    rail.find((b) => b.querySelector(AVATAR) !== null);
  if (shown) return shown;
  for (const selector of LABELLED_ASSIGNEE_SELECTORS) {
    const button = [...root.querySelectorAll(selector)].find(
      (el) => !closestOf(el, ELSEWHERE_SELECTORS),
    );
    if (button) return button;
  }
  return null;
}

/** Who a person's button or option shows: its text, each visible piece, its avatar's name, a name in its label. */
export function linearNamesShown(el: Element): Identity {
  const values = [
    shownText(el),
    // Each visible piece on its own too: "AC" initials beside "Alice Chen" must not glue into one name.
    ...[...el.querySelectorAll('*')]
      .filter((c) => !c.children.length && !c.closest('[aria-hidden="true"], svg, [role="img"]'))
      .map(shownText),
    nameInLabel(el.getAttribute('aria-label')),
    nameInLabel(el.getAttribute('title')) ?? el.getAttribute('title'),
    ...[...el.querySelectorAll(`${AVATAR}, [title]`)].flatMap((c) => [
      c.getAttribute('alt'),
      c.getAttribute('aria-label'),
      c.getAttribute('title'),
    ]),
  ];
  const names = values.map((s) => s?.trim() ?? '').filter((s) => s && !UNASSIGNED.test(s));
  return [...new Set(names)];
}

/** Who the Assignee button names ([] for "Assign"); null when no button could be taken for it. */
export function linearAssignee(root: ParentNode): Identity | null {
  const button = linearAssigneeButton(root);
  if (!button) return null;
  const names = linearNamesShown(button);
  // An avatar naming nobody is a person we cannot read, not an unassigned issue.
  if (!names.length && !UNASSIGNED.test(shownText(button)) && button.querySelector(AVATAR))
    return null;
  return names;
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

/** A pick in a menu, listbox or dialog: what Linear's assignment menu is drawn with (its markup unseen). */
const MENU_OPTION =
  '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"]';
const MENU = '[role="menu"], [role="listbox"], [role="dialog"]';

/**
 * Where a take-over can happen on Linear (docs/evidence/linear.md, Taking over): the rail's
 * buttons, the menus they and the `A` shortcut open (rendered in a portal), the older labelled
 * Assignee button; and the shortcuts `I` (assign to yourself) and `A` (assignment menu).
 */
const TAKEOVER_CLICKS = [
  DETAIL_BUTTON,
  MENU,
  '#portalLayoutRoot',
  ...LABELLED_ASSIGNEE_SELECTORS,
].join(', ');
const TAKEOVER_KEYS = ['i', 'a'] as const;
/** What the always-loaded script copies at a press: the rail's first section (status, priority, assignee) and older labelled buttons. */
const ASSIGNEE_ON_PAGE = [
  '[data-details-pane-section-content]',
  ...LABELLED_ASSIGNEE_SELECTORS,
] as const;

/** Whether `menu` is the assignment menu: it says so (its name or filter box), or the Assignee button is the one open. */
function isAssignMenu(menu: Element): boolean {
  const named = (el: Element | null) =>
    /assign/i.test(
      `${el?.getAttribute('aria-label') ?? ''} ${el?.getAttribute('placeholder') ?? ''}`,
    );
  if (named(menu) || [...menu.querySelectorAll('input, [role="combobox"]')].some(named))
    return true;
  return linearAssigneeButton(menu.ownerDocument)?.getAttribute('aria-expanded') === 'true';
}

export const linearPageAdapter: PageAdapter = {
  ...toolInfo(LINEAR_TOOL),

  appliesTo: (url) => url.protocol === 'https:' && url.hostname === 'linear.app',

  takeoverZone: { clicks: TAKEOVER_CLICKS, keys: TAKEOVER_KEYS, assignee: ASSIGNEE_ON_PAGE },

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
  // No Assignee button could be told apart: the markup changed, say what; "Assign": nobody's issue.
  // The viewer is not on Linear's page ([]): the roster's "me" still applies.
  return owner
    ? { owner, viewer: [] }
    : { owner: null, viewer: [], unread: [LINEAR_ASSIGNEE_UNREAD] };
};

/** Taking over on Linear. Not in the always-loaded script: it loads with the lookups (entrypoints/page/lookup.ts). */
export const linearTakeover: TakeoverControls = {
  // `I` on an issue page assigns it to the lead; `A` only opens the assignment menu.
  assignedByKey: (key, url) => (key === 'i' && linearIssue(url) ? { to: 'viewer' } : null),
  // A pick in the assignment menu: "Assign to me" is the lead; a person is judged against who the
  // lead is (Linear's page does not say, so the watcher reports that in Adapter health).
  assignedBy(el) {
    const location = el.ownerDocument.location;
    if (!location || !linearIssue(new URL(location.href))) return null;
    const option = el.closest(MENU_OPTION);
    const menu = option?.closest(MENU);
    if (!option || !menu || !isAssignMenu(menu)) return null;
    const text = shownText(option);
    if (/^(no assignee|unassign(ed)?|remove assignee)$/i.test(text)) return null;
    if (/^(assign to me|me|myself)$|\(you\)$/i.test(text)) return { to: 'viewer' };
    const identity = linearNamesShown(option);
    return identity.length ? { to: 'person', identity } : null;
  },
  assigneeOnPage: (root) => linearAssignee(root),
};

/** The selector lists "Copy details" reports on (`SiteAdapter.selectors`). Not in the always-loaded script: it loads with the lookups. */
export const linearSelectors = selectorLists();

/* #__NO_SIDE_EFFECTS__ */ // So a script that imports this module for its page adapter leaves it out.
function selectorLists(): SiteAdapter['selectors'] {
  return {
    title: TITLE_SELECTORS,
    owner: [DETAIL_BUTTON, ...LABELLED_ASSIGNEE_SELECTORS],
    content: surfaceSelectors(surfaces, 'content'),
    conversation: surfaceSelectors(surfaces, 'conversation'),
  };
}

export const linear: SiteAdapter = {
  ...linearPageAdapter,
  ownership: linearOwnership,
  takeover: linearTakeover,
  selectors: linearSelectors,
};

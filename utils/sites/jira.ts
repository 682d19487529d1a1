/**
 * Jira Cloud (`*.atlassian.net`, outside `/wiki`). Follows docs/evidence/jira.md
 * (evidence up to 2026-10-06).
 *
 * The artifact is the work item: its key from `/browse/KEY` or the board and
 * backlog side panel's `?selectedIssue=KEY`. The owner is the assignee, from
 * the same-origin REST API the page itself uses (the lead's session cookie),
 * or, when that fails (logged out it answers 200 with an HTML login page), from
 * the assignee field on the page.
 */
import type { Artifact } from '@/utils/model/records';
import type { Identity } from '@/utils/people/roster';
import {
  atlassianUserIdentity,
  firstText,
  getJson,
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
import { JIRA_TOOL, toolInfo } from '@/utils/model/tools';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-\d{1,9}$/;
const EVIDENCE = 'docs/evidence/jira.md';

/** Work item title, newest markup first. */
const TITLE_SELECTORS = [
  // Issue view (2020-, still 2026-04 and 2026-10): the summary heading.
  'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  // Older issue view.
  '#summary-val',
] as const;

/** The assignee field (jira.md, Whose work item it is: a trimmed real capture, ~2026-07). */
const ASSIGNEE_FIELD = '[data-testid="issue.views.field.user.assignee"]';
const ASSIGNEE_AREA = '[data-testid="issue.issue-view-layout.issue-view-assignee-field.assignee"]';
/** Every person on the page sits in this trigger (reporter too): only ever read it inside the assignee field. */
const PERSON = '[data-testid="profilecard-next.ui.profilecard.profilecard-trigger"]';
const ASSIGN_TO_ME = '[data-testid="issue-view-layout-assignee-field.ui.assign-to-me"]';
/** Where an assigning click lands: "Assign to me" and the assignee field's picker (`jiraTakeover.assignedBy`). */
const TAKEOVER_CLICKS = `${ASSIGN_TO_ME}, ${ASSIGNEE_AREA}`;

/**
 * What an edit on each part of a work item means. Innermost wins;
 * at one element conversation beats planning beats content. Jira names its
 * fields `issue.views.field.<kind>.<field>`; only the rich-text ones are the
 * report's words. Priority, sprint, labels, estimates, dates, components and
 * custom pickers all share that pattern, so they are planning as a family:
 * their individual test ids are not in the evidence.
 */
export const surfaces: readonly Surface[] = [
  // Content: the report's words.
  {
    kind: 'content',
    what: 'Summary',
    selector: '[data-testid^="issue.views.issue-base.foundation.summary"]',
    evidence: `${EVIDENCE}, The work item's words (2026-02 to 2026-04)`,
  },
  {
    kind: 'content',
    what: 'Summary (inline edit, newer field)',
    selector: '[data-testid^="issue-field-summary"]',
    evidence: `${EVIDENCE}, The work item's words (userscripts 2024-2026)`,
  },
  {
    kind: 'content',
    what: 'Description (read view, clicked to edit)',
    selector: '[data-testid="issue.views.field.rich-text.description"]',
    evidence: `${EVIDENCE}, The work item's words (2026-09-17)`,
  },
  // In edit mode the read test id is gone; the editor sits in this container (ids inside are not unique).
  {
    kind: 'content',
    what: 'Description or another rich-text field, editing',
    selector: '[data-testid="issue.views.field.rich-text.editor-container"]',
    evidence: `${EVIDENCE}, The work item's words (2026-09-17)`,
  },
  {
    kind: 'content',
    what: 'Rich-text custom fields (acceptance criteria)',
    selector: '[data-testid^="issue.views.field.rich-text."]',
    evidence: `${EVIDENCE}, The work item's words (the rich-text test id pattern)`,
  },
  // Planning: the lead's job.
  {
    kind: 'planning',
    what: 'Status',
    selector: '[data-testid="issue.views.issue-base.foundation.status.status-field-wrapper"]',
    evidence: `${EVIDENCE}, Whose work item it is (~2026-07)`,
  },
  {
    kind: 'planning',
    what: 'Assignee (reassigning; taking over is noticed apart)',
    selector: ASSIGNEE_AREA,
    evidence: `${EVIDENCE}, Whose work item it is (~2026-07)`,
  },
  {
    kind: 'planning',
    what: 'Priority, sprint, labels, estimate, due date, components, parent and other fields',
    selector:
      '[data-testid^="issue.views.field."]:not([data-testid^="issue.views.field.rich-text"])',
    evidence: `${EVIDENCE}, Whose work item it is (field test id pattern, ~2026-07)`,
  },
  {
    kind: 'planning',
    what: 'Fields of the newer components (status button, pickers)',
    selector: '[data-testid^="issue-field-"]:not([data-testid^="issue-field-summary"])',
    evidence: `${EVIDENCE}, Whose work item it is (~2026-07)`,
  },
  {
    kind: 'planning',
    what: 'Linked work items',
    selector: '[data-testid*="issue-links" i]',
    evidence: `${EVIDENCE}, Where it changed ("Unlink work item", Aug 2026)`,
  },
  {
    kind: 'planning',
    what: 'Breadcrumbs (parent, epic)',
    selector: '[data-testid^="issue.views.issue-base.foundation.breadcrumbs"]',
    evidence: `${EVIDENCE}, Where it changed (Aug 2026)`,
  },
  // Conversation: how leads should talk.
  {
    kind: 'conversation',
    what: 'New comment',
    selector: '[data-testid="issue.activity.comment"]',
    evidence: `${EVIDENCE}, Conversation (2026-10-06)`,
  },
  {
    kind: 'conversation',
    what: 'Comments',
    selector: '[data-testid="issue.activity.comments-list"]',
    evidence: `${EVIDENCE}, Conversation (2026-10-06)`,
  },
  {
    kind: 'conversation',
    what: 'Any container named for comments',
    selector: '[data-testid*="comment" i]',
    evidence: `${EVIDENCE}, Conversation`,
  },
  // A comment's own editor reuses the rich-text container: inside a comment it stays conversation (a tie at that node).
  {
    kind: 'conversation',
    what: 'Editing a comment',
    selector:
      '[data-testid*="comment" i] [data-testid="issue.views.field.rich-text.editor-container"]',
    evidence: `${EVIDENCE}, Conversation (unmeasured there; assumed)`,
  },
  {
    kind: 'conversation',
    what: 'Comments (older view)',
    selector: '#addcomment, .activity-comment',
    evidence: 'older Jira',
  },
];

export function jiraIssueKey(url: URL): string | null {
  const browse = /^\/browse\/([^/?#]+)/.exec(url.pathname)?.[1];
  const candidate = (url.searchParams.get('selectedIssue') ?? browse ?? '').toUpperCase();
  return ISSUE_KEY.test(candidate) ? candidate : null;
}

/**
 * The assignee as the field shows them. The real field holds the name twice (avatar and text),
 * an "Assign to me" button and "More information about <name>": read the person's trigger, not
 * the field's whole text. `[]`: the field says "Unassigned"; null: no field, or no person readable in it.
 */
export function assigneeOnPage(root: ParentNode): Identity | null {
  const field = root.querySelector(ASSIGNEE_FIELD) ?? root.querySelector('#assignee-val');
  if (!field) return null;
  const person = field.querySelector(PERSON);
  if (person) {
    const label = person.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '';
    const fromLabel = /^More information about (.+)$/i.exec(label.trim())?.[1]?.trim();
    const shown = [...person.querySelectorAll('span')]
      .map((s) => s.textContent?.trim() ?? '')
      .find((t) => t && !isActionText(t));
    const name = fromLabel || shown;
    return name ? [name] : null;
  }
  // Older markup: an avatar's alt and the name; "Assign to me" is an action, not a person.
  const copy = field.cloneNode(true) as Element;
  // While its picker is open the field holds a search box and the options: none of them is the assignee.
  copy
    .querySelectorAll(
      `${ASSIGN_TO_ME}, button, [role="button"], input, [role="listbox"], [role="option"]`,
    )
    .forEach((b) => b.remove());
  const alt = copy.querySelector('img[alt]')?.getAttribute('alt')?.trim();
  const text = copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  if (/^unassigned$/i.test(text)) return [];
  const name = alt || text;
  return name ? [name] : null;
}

function isActionText(text: string): boolean {
  return /^(assign to me|unassigned)$/i.test(text);
}

export const jiraPageAdapter: PageAdapter = {
  ...toolInfo(JIRA_TOOL),

  appliesTo: (url) => url.hostname.endsWith('.atlassian.net') && !url.pathname.startsWith('/wiki'),

  artifact(url, doc): Artifact | null {
    const key = jiraIssueKey(url);
    if (!key) return null;
    // In a board side panel the heading belongs to the open work item; the key in the URL says which.
    const title = firstText(doc, TITLE_SELECTORS) ?? '';
    return { key, title, url: `${url.origin}/browse/${key}` };
  },

  isContentEditor(el) {
    return isTextEditable(el) && surfaceKindOf(el, surfaces) === 'content';
  },

  takeoverZone: { clicks: TAKEOVER_CLICKS, assignee: [ASSIGNEE_FIELD, '#assignee-val'] },
};

/** Taking over on Jira. Not in the always-loaded script: it loads with the lookups (entrypoints/page/lookup.ts). */
export const jiraTakeover: TakeoverControls = {
  assignedBy(el) {
    if (!el.closest(TAKEOVER_CLICKS)) return null;
    if (el.closest(ASSIGN_TO_ME)) return { to: 'viewer' };
    // A person picked in the assignee field's picker (its listbox renders inside the field).
    const option = el.closest('[role="option"]');
    if (!option || !option.closest(ASSIGNEE_AREA)) return null;
    const name =
      option.getAttribute('aria-label')?.trim() || option.textContent?.replace(/\s+/g, ' ').trim();
    if (!name || /^unassigned$/i.test(name)) return null;
    if (/^automatic$/i.test(name)) return null;
    return { to: 'person', identity: [name] };
  },
  assigneeOnPage,
};

/** The selector lists "Copy details" reports on (`SiteAdapter.selectors`). Not in the always-loaded script: it loads with the lookups. */
export const jiraSelectors = selectorLists();

/* #__NO_SIDE_EFFECTS__ */ // So a script that imports this module for its page adapter leaves it out.
function selectorLists(): SiteAdapter['selectors'] {
  return {
    title: TITLE_SELECTORS,
    owner: [ASSIGNEE_FIELD, `${ASSIGNEE_FIELD} ${PERSON}`, '#assignee-val'],
    content: surfaceSelectors(surfaces, 'content'),
    conversation: surfaceSelectors(surfaces, 'conversation'),
  };
}

/** Whose Jira work item this is. Not in the always-loaded script: the page loads it when the lead focuses an editor (entrypoints/page/lookup.ts). */
export const jiraOwnership: OwnershipLookup = async (
  artifact,
  doc,
  signal,
): Promise<Ownership | null> => {
  const origin = new URL(artifact.url).origin;
  const [issue, myself] = await Promise.allSettled([
    getJson(
      `${origin}/rest/api/3/issue/${encodeURIComponent(artifact.key)}?fields=assignee,reporter,summary`,
      signal,
    ),
    getJson(`${origin}/rest/api/3/myself`, signal),
  ]);
  signal.throwIfAborted();
  const viewer = myself.status === 'fulfilled' ? atlassianUserIdentity(myself.value) : [];
  if (issue.status === 'fulfilled') {
    const fields = (issue.value as { fields?: Record<string, unknown> })?.fields ?? {};
    const title = typeof fields.summary === 'string' ? fields.summary : undefined;
    // An unassigned work item is nobody's: no prompt, whoever reported it.
    return { owner: atlassianUserIdentity(fields.assignee), viewer, title };
  }
  const owner = assigneeOnPage(doc);
  return owner?.length ? { owner, viewer } : null;
};

export const jira: SiteAdapter = {
  ...jiraPageAdapter,
  ownership: jiraOwnership,
  selectors: jiraSelectors,
  takeover: jiraTakeover,
};

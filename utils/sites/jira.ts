/**
 * Jira Cloud (`*.atlassian.net`, outside `/wiki`).
 *
 * The artifact is the issue: its key from `/browse/KEY` or the board and
 * backlog modals' `?selectedIssue=KEY`. The owner is the assignee, from the
 * same-origin REST API the page itself uses (the lead's session cookie),
 * or, when that fails, from the assignee field on the page.
 */
import type { Artifact } from '../model';
import type { Identity } from '../roster';
import { atlassianUserIdentity, closestOf, firstText, getJson, isTextEditable, type Ownership, type SiteAdapter } from './types';
import { toolInfo } from './tools';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-\d{1,9}$/;

/** Issue title, newest markup first. */
const TITLE_SELECTORS = [
  // Issue view (2020-): the summary heading.
  'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  // Older issue view.
  '#summary-val',
] as const;

/** Assignee field in the issue view's details panel (API fallback). */
const ASSIGNEE_SELECTORS = [
  '[data-testid="issue.views.field.user.assignee"]',
  '#assignee-val',
] as const;

/** Containers of conversation: comments are how leads should talk, never an intervention. */
const CONVERSATION_SELECTORS = [
  // Activity/comment area: every container there carries "comment" in its test id.
  '[data-testid*="comment" i]',
  '#addcomment',
  '.activity-comment',
] as const;

/** Where the issue's own content is edited. */
const CONTENT_SELECTORS = [
  // Summary: an input or textarea replaces the heading while it is edited.
  '[data-testid^="issue.views.issue-base.foundation.summary"]',
  // Description's rich-text editor.
  '[data-testid="issue.views.field.rich-text.description"] .ProseMirror[contenteditable]',
  // Any other field editor of the issue (story points, labels, custom text fields).
  '[data-testid^="issue.views.field."]',
  '[data-testid^="issue-field-"]',
] as const;

export function jiraIssueKey(url: URL): string | null {
  const browse = /^\/browse\/([^/?#]+)/.exec(url.pathname)?.[1];
  const candidate = (url.searchParams.get('selectedIssue') ?? browse ?? '').toUpperCase();
  return ISSUE_KEY.test(candidate) ? candidate : null;
}



function assigneeFromPage(doc: Document): Identity {
  for (const selector of ASSIGNEE_SELECTORS) {
    const field = doc.querySelector(selector);
    if (!field) continue;
    const labels = [...field.querySelectorAll('[alt], [aria-label]')].flatMap((el) => [el.getAttribute('alt'), el.getAttribute('aria-label')]);
    const values = [field.textContent, ...labels].map((s) => s?.trim() ?? '').filter((s) => s && !/^unassigned$/i.test(s));
    if (values.length) return values;
  }
  return [];
}

export const jira: SiteAdapter = {
  ...toolInfo('jira'),

  appliesTo: (url) => url.hostname.endsWith('.atlassian.net') && !url.pathname.startsWith('/wiki'),
  selectors: { title: TITLE_SELECTORS, owner: ASSIGNEE_SELECTORS, content: CONTENT_SELECTORS },

  artifact(url, doc): Artifact | null {
    const key = jiraIssueKey(url);
    if (!key) return null;
    // In a board modal the heading belongs to the open issue; the key in the URL says which.
    const title = firstText(doc, TITLE_SELECTORS) ?? '';
    return { key, title, url: `${url.origin}/browse/${key}` };
  },

  async ownership(artifact, doc, signal): Promise<Ownership | null> {
    const origin = new URL(artifact.url).origin;
    const [issue, myself] = await Promise.allSettled([
      getJson(`${origin}/rest/api/3/issue/${encodeURIComponent(artifact.key)}?fields=assignee,reporter,summary`, signal),
      getJson(`${origin}/rest/api/3/myself`, signal),
    ]);
    signal.throwIfAborted();
    const viewer = myself.status === 'fulfilled' ? atlassianUserIdentity(myself.value) : [];
    if (issue.status === 'fulfilled') {
      const fields = (issue.value as { fields?: Record<string, unknown> })?.fields ?? {};
      const title = typeof fields.summary === 'string' ? fields.summary : undefined;
      // An unassigned issue is nobody's: no prompt, whoever reported it.
      return { owner: atlassianUserIdentity(fields.assignee), viewer, title };
    }
    const owner = assigneeFromPage(doc);
    return owner.length ? { owner, viewer } : null;
  },

  isContentEditor(el) {
    if (!isTextEditable(el)) return false;
    if (closestOf(el, CONVERSATION_SELECTORS)) return false;
    return closestOf(el, CONTENT_SELECTORS) !== null;
  },
};

// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assigneeOnPage, jira, jiraIssueKey, surfaces } from '@/utils/sites/jira';
import { surfaceKindOf } from '@/utils/sites/types';
import { adapterFor } from '@/utils/sites/registry';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/jira/issue.html'), 'utf8');
const ORIGIN = 'https://acme.atlassian.net';
const issueUrl = new URL(`${ORIGIN}/browse/PAY-142`);

const alice = {
  displayName: 'Alice Chen',
  emailAddress: 'alice@acme.test',
  accountId: '557058:a1',
  active: true,
};
const dana = { displayName: 'Dana Lead', emailAddress: 'dana@acme.test', accountId: '557058:d0' };

beforeEach(() => {
  document.body.innerHTML = fixture;
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const byId = (id: string) => document.getElementById(id)!;
const q = (selector: string) => document.querySelector(selector)!;

describe('jiraIssueKey', () => {
  it('reads the key from /browse/KEY', () => {
    expect(jiraIssueKey(new URL(`${ORIGIN}/browse/PAY-142`))).toBe('PAY-142');
    expect(jiraIssueKey(new URL(`${ORIGIN}/browse/PAY-142?focusedCommentId=10001`))).toBe(
      'PAY-142',
    );
    expect(jiraIssueKey(new URL(`${ORIGIN}/browse/AB_2-9`))).toBe('AB_2-9');
  });

  it("reads the key from a board's ?selectedIssue=", () => {
    expect(
      jiraIssueKey(new URL(`${ORIGIN}/jira/software/projects/PAY/boards/1?selectedIssue=PAY-7`)),
    ).toBe('PAY-7');
  });

  it('upper-cases a lowercase key', () => {
    expect(jiraIssueKey(new URL(`${ORIGIN}/browse/pay-142`))).toBe('PAY-142');
    expect(
      jiraIssueKey(new URL(`${ORIGIN}/jira/software/projects/PAY/boards/1?selectedIssue=pay-7`)),
    ).toBe('PAY-7');
  });

  it('returns null for pages that are not an issue, and for garbage', () => {
    for (const path of [
      '/jira/your-work',
      '/jira/software/projects/PAY/boards/1',
      '/browse/',
      '/browse/PAY',
      '/browse/PAY-',
      '/browse/142',
      '/browse/1PAY-142',
      '/browse/PAY-142-3',
      '/browse/%3Cscript%3E-1',
      '/issues/PAY-142',
    ]) {
      expect(jiraIssueKey(new URL(`${ORIGIN}${path}`)), path).toBeNull();
    }
  });
});

describe('appliesTo', () => {
  it('takes Jira on *.atlassian.net but not Confluence or lookalike hosts', () => {
    expect(adapterFor(issueUrl)).toBe(jira);
    expect(jira.appliesTo(new URL(`${ORIGIN}/wiki/spaces/PAY/pages/1`))).toBe(false);
    expect(jira.appliesTo(new URL('https://atlassian.net.evil.test/browse/PAY-1'))).toBe(false);
    expect(jira.appliesTo(new URL('https://evilatlassian.net/browse/PAY-1'))).toBe(false);
    expect(adapterFor(new URL('https://example.com/browse/PAY-1'))).toBeNull();
  });
});

describe('artifact', () => {
  it('reads key, title (from the summary heading) and a canonical URL', () => {
    expect(jira.artifact(new URL(`${ORIGIN}/browse/pay-142?focusedCommentId=3`), document)).toEqual(
      {
        key: 'PAY-142',
        title: 'Checkout button says "Submit" instead of "Pay now"',
        url: `${ORIGIN}/browse/PAY-142`,
      },
    );
  });

  it('in a board modal, points at the selected issue', () => {
    const artifact = jira.artifact(
      new URL(`${ORIGIN}/jira/software/projects/PAY/boards/1?selectedIssue=PAY-7`),
      document,
    );
    expect(artifact?.key).toBe('PAY-7');
    expect(artifact?.url).toBe(`${ORIGIN}/browse/PAY-7`);
  });

  it('has an empty title when the heading is not on the page', () => {
    q('h1').remove();
    expect(jira.artifact(issueUrl, document)).toEqual({
      key: 'PAY-142',
      title: '',
      url: `${ORIGIN}/browse/PAY-142`,
    });
  });

  it('is null off an issue', () => {
    expect(jira.artifact(new URL(`${ORIGIN}/jira/your-work`), document)).toBeNull();
  });
});

describe('isContentEditor', () => {
  it('is true for the summary editor that replaces the heading', () => {
    const textarea = document.createElement('textarea');
    textarea.setAttribute(
      'data-testid',
      'issue.views.issue-base.foundation.summary.heading.writeable.field',
    );
    q('h1').replaceWith(textarea);
    expect(jira.isContentEditor(textarea)).toBe(true);
  });

  it('is true for a plain input inside the summary container', () => {
    const input = document.createElement('input');
    q('[data-testid="issue.views.issue-base.foundation.summary.heading.container"]').append(input);
    expect(jira.isContentEditor(input)).toBe(true);
  });

  it("is true for the description's ProseMirror editor in edit mode (and text inside it)", () => {
    const editor = q('[data-testid="issue.views.field.rich-text.editor-container"] .ProseMirror');
    expect(jira.isContentEditor(editor)).toBe(true);
    expect(jira.isContentEditor(editor.querySelector('strong')!)).toBe(true);
  });

  // An estimate is the lead's planning, not the report's words (this said true before).
  it('is false for planning fields of the work item (story points, priority, labels)', () => {
    expect(jira.isContentEditor(byId('story-points'))).toBe(false);
    expect(jira.isContentEditor(byId('priority'))).toBe(false);
    expect(jira.isContentEditor(byId('labels'))).toBe(false);
  });

  it('is false for the comment editor: comments are conversation, though it shares the id #ak-editor-textarea', () => {
    expect(document.querySelectorAll('#ak-editor-textarea')).toHaveLength(2);
    expect(jira.isContentEditor(q('.comment-editor'))).toBe(false);
  });

  it('is false for a comment editor even inside an issue field (whatever the case of its test id)', () => {
    const description = q('[data-testid="issue.views.field.rich-text.editor-container"]');
    description.insertAdjacentHTML(
      'beforeend',
      '<div data-testid="inline-Comment-editor"><div id="inline" class="ProseMirror" contenteditable="true"></div></div>',
    );
    const inline = byId('inline');
    expect(jira.isContentEditor(inline)).toBe(false);
    // The same editor without the comment container would be content.
    inline.parentElement!.removeAttribute('data-testid');
    expect(jira.isContentEditor(inline)).toBe(true);
  });

  it('is false for the global search box outside the issue', () => {
    expect(jira.isContentEditor(byId('global-search'))).toBe(false);
  });

  it('is false for things that do not take typing: the heading, a read-only input, a checkbox, a disabled textarea', () => {
    expect(jira.isContentEditor(q('h1'))).toBe(false);
    expect(jira.isContentEditor(byId('readonly-field'))).toBe(false);
    const field = q('[data-testid="issue.views.issue-base.foundation.summary.heading.container"]');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    const disabled = document.createElement('textarea');
    disabled.disabled = true;
    field.append(checkbox, disabled);
    expect(jira.isContentEditor(checkbox)).toBe(false);
    expect(jira.isContentEditor(disabled)).toBe(false);
  });

  it('is false for a description editor that is not editable right now', () => {
    const editor = q('[data-testid="issue.views.field.rich-text.editor-container"] .ProseMirror');
    editor.setAttribute('contenteditable', 'false');
    expect(jira.isContentEditor(editor)).toBe(false);
  });
});

interface Route {
  status: number;
  body: unknown;
}

function stubJira(routes: { issue?: Route; myself?: Route }) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const path = new URL(url).pathname;
    const route =
      path === '/rest/api/3/myself'
        ? routes.myself
        : path.startsWith('/rest/api/3/issue/')
          ? routes.issue
          : undefined;
    if (!route) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(route.body), {
      status: route.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

const artifact = () => jira.artifact(issueUrl, document)!;

describe('ownership', () => {
  it("reads the assignee and the viewer from Jira's REST API", async () => {
    const calls = stubJira({
      issue: {
        status: 200,
        body: {
          key: 'PAY-142',
          fields: { summary: 'From the API', assignee: alice, reporter: dana },
        },
      },
      myself: { status: 200, body: dana },
    });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership).toEqual({
      owner: ['Alice Chen', 'alice@acme.test', '557058:a1'],
      viewer: ['Dana Lead', 'dana@acme.test', '557058:d0'],
      title: 'From the API',
    });
    const urls = calls.map((c) => c.url).sort();
    expect(urls).toEqual([
      `${ORIGIN}/rest/api/3/issue/PAY-142?fields=assignee,reporter,summary`,
      `${ORIGIN}/rest/api/3/myself`,
    ]);
    // The lead's own session, same origin only.
    for (const call of calls) expect(call.init?.credentials).toBe('same-origin');
  });

  it('an unassigned issue is owned by nobody, not by its reporter', async () => {
    stubJira({
      issue: { status: 200, body: { fields: { summary: 's', assignee: null, reporter: alice } } },
      myself: { status: 200, body: dana },
    });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership?.owner).toEqual([]);
  });

  it('an assignee without an email (privacy setting) is still identified by name and account id', async () => {
    stubJira({
      issue: {
        status: 200,
        body: { fields: { assignee: { displayName: 'Alice Chen', accountId: '557058:a1' } } },
      },
      myself: { status: 200, body: dana },
    });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership?.owner).toEqual(['Alice Chen', '557058:a1']);
    expect(ownership?.title).toBeUndefined();
  });

  it('falls back to the assignee field on the page when the REST API fails (500)', async () => {
    stubJira({
      issue: { status: 500, body: { errorMessages: ['oops'] } },
      myself: { status: 200, body: dana },
    });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership).not.toBeNull();
    expect(ownership!.owner!.length).toBeGreaterThan(0);
    expect(new Set(ownership!.owner!.map((s) => s.trim()))).toEqual(new Set(['Alice Chen']));
    expect(ownership!.viewer).toEqual(['Dana Lead', 'dana@acme.test', '557058:d0']);
  });

  it('falls back to the page with an empty viewer when both REST calls fail', async () => {
    stubJira({ issue: { status: 503, body: {} }, myself: { status: 503, body: {} } });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership?.owner).toContain('Alice Chen');
    expect(ownership?.viewer).toEqual([]);
  });

  it('falls back to the page when fetch itself throws (offline)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership?.owner).toContain('Alice Chen');
  });

  it('returns null when the API fails and the page shows "Unassigned"', async () => {
    stubJira({ issue: { status: 500, body: {} }, myself: { status: 500, body: {} } });
    q('[data-testid="issue.views.field.user.assignee"]').innerHTML =
      '<span> Unassigned </span><div role="button" data-testid="issue-view-layout-assignee-field.ui.assign-to-me">Assign to me</div>';
    expect(await jira.ownership(artifact(), document, new AbortController().signal)).toBeNull();
  });

  it('returns null when the API fails and there is no assignee field', async () => {
    stubJira({ issue: { status: 500, body: {} }, myself: { status: 500, body: {} } });
    q('[data-testid="issue.views.field.user.assignee"]').remove();
    expect(await jira.ownership(artifact(), document, new AbortController().signal)).toBeNull();
  });

  it('rejects when the signal is already aborted, without reading the page', async () => {
    stubJira({ issue: { status: 500, body: {} }, myself: { status: 500, body: {} } });
    const controller = new AbortController();
    controller.abort();
    await expect(jira.ownership(artifact(), document, controller.signal)).rejects.toThrow();
  });

  it('rejects when aborted while the requests are in flight (navigation)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_input: RequestInfo | URL, init?: RequestInit) =>
          new Promise((_, reject) => {
            init?.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          }),
      ),
    );
    const controller = new AbortController();
    const pending = jira.ownership(artifact(), document, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});

describe('surfaces: content, planning, conversation', () => {
  const kindAt = (selector: string) => surfaceKindOf(q(selector), surfaces);

  it('summary, description (read and edit mode) and rich-text custom fields are content', () => {
    expect(kindAt('h1[data-testid="issue.views.issue-base.foundation.summary.heading"]')).toBe(
      'content',
    );
    expect(
      kindAt('[data-testid="issue.views.field.rich-text.editor-container"] .ProseMirror'),
    ).toBe('content');
    q('section[aria-label="Description section"]').insertAdjacentHTML(
      'beforeend',
      '<div data-testid="issue.views.field.rich-text.description"><div class="ak-renderer-document" id="read-view"><p>x</p></div></div>' +
        '<div data-testid="issue.views.field.rich-text.customfield_10040"><div id="criteria" contenteditable="true"></div></div>',
    );
    expect(surfaceKindOf(byId('read-view'), surfaces)).toBe('content');
    expect(jira.isContentEditor(byId('criteria'))).toBe(true);
  });

  it('status, assignee, priority, labels, estimate, sprint, due date and breadcrumbs are planning', () => {
    expect(
      kindAt('[data-testid="issue-field-status.ui.status-view.status-button.status-button"]'),
    ).toBe('planning');
    expect(kindAt('[data-testid="issue-view-layout-assignee-field.ui.assign-to-me"]')).toBe(
      'planning',
    );
    for (const id of ['priority', 'labels', 'story-points'])
      expect(surfaceKindOf(byId(id), surfaces), id).toBe('planning');
    q('aside').insertAdjacentHTML(
      'beforeend',
      '<div data-testid="issue.views.field.sprint.customfield_10020"><input id="sprint"></div><div data-testid="issue.views.field.date-inline-edit.duedate"><input id="due"></div>',
    );
    expect(surfaceKindOf(byId('sprint'), surfaces)).toBe('planning');
    expect(surfaceKindOf(byId('due'), surfaces)).toBe('planning');
    expect(
      kindAt('[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]'),
    ).toBe('planning');
  });

  it('the comment composer and existing comments are conversation; the search box is nothing', () => {
    expect(kindAt('[data-testid="issue.activity.comment"] .ProseMirror')).toBe('conversation');
    expect(kindAt('[data-testid="issue-comment-base.ui.comment.ak-comment.10001-body"] p')).toBe(
      'conversation',
    );
    expect(kindAt('#global-search')).toBeNull();
  });

  it('a comment being edited in the rich-text container stays conversation', () => {
    q('[data-testid="issue-comment-base.ui.comment.ak-comment.10001-body"]').innerHTML =
      '<div data-testid="issue.views.field.rich-text.editor-container"><div id="comment-edit" class="ProseMirror" contenteditable="true"></div></div>';
    expect(jira.isContentEditor(byId('comment-edit'))).toBe(false);
  });

  it('every surface names what it is and the evidence it follows', () => {
    for (const s of surfaces) {
      expect(s.what.length, s.selector).toBeGreaterThan(0);
      expect(s.evidence, s.selector).toMatch(/docs\/evidence\/jira\.md|older Jira/);
      expect(() => document.querySelector(s.selector), s.selector).not.toThrow();
    }
  });
});

describe('the assignee on the page (the REST API down)', () => {
  it('reads the name once from the real field: not twice, not "Assign to me", not "More information about"', () => {
    expect(assigneeOnPage(document)).toEqual(['Alice Chen']);
  });

  it('never reads the reporter, whose person trigger is the same component', () => {
    q(
      '[data-testid="issue.views.field.user.assignee"] [data-testid="profilecard-next.ui.profilecard.profilecard-trigger"]',
    ).remove();
    expect(assigneeOnPage(document)).toBeNull();
  });

  it('reads an older field (avatar and name) without its buttons', () => {
    q('[data-testid="issue.views.field.user.assignee"]').innerHTML =
      '<div role="presentation"><img src="/a.png" alt="Alice Chen"><span>Alice Chen</span></div><button>Assign to me</button>';
    expect(assigneeOnPage(document)).toEqual(['Alice Chen']);
  });

  it('logged out, the REST API answers 200 with an HTML login page: the owner comes from the page', async () => {
    const html = vi.fn(
      async () =>
        new Response('<!doctype html><title>Log in with Atlassian account</title>', {
          status: 200,
          headers: { 'Content-Type': 'text/html;charset=UTF-8' },
        }),
    );
    vi.stubGlobal('fetch', html);
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership).toEqual({ owner: ['Alice Chen'], viewer: [] });
  });
});

describe('take-over controls', () => {
  it('"Assign to me" gives the item to the viewer', () => {
    expect(
      jira.takeover!.assignedBy(
        q('[data-testid="issue-view-layout-assignee-field.ui.assign-to-me"]'),
      ),
    ).toEqual({ to: 'viewer' });
  });

  it('a person picked in the assignee field gives it to that person; elsewhere nothing is assigned', () => {
    q('[data-testid="issue.views.field.user.assignee"]').insertAdjacentHTML(
      'beforeend',
      '<div role="listbox"><div role="option" id="opt-dana"><span>Dana Lead</span></div><div role="option" id="opt-none">Unassigned</div></div>',
    );
    expect(jira.takeover!.assignedBy(byId('opt-dana').firstElementChild!)).toEqual({
      to: 'person',
      identity: ['Dana Lead'],
    });
    expect(jira.takeover!.assignedBy(byId('opt-none'))).toBeNull();
    q('aside').insertAdjacentHTML(
      'beforeend',
      '<div role="listbox"><div role="option" id="opt-high">High</div></div>',
    );
    expect(jira.takeover!.assignedBy(byId('opt-high'))).toBeNull();
    expect(
      jira.takeover!.assignedBy(
        q('[data-testid="issue-field-status.ui.status-view.status-button.status-button"]'),
      ),
    ).toBeNull();
  });
});

describe('the assignee while its picker is open', () => {
  it('is unreadable on the page (the options are not the assignee): the API answers instead', () => {
    q('[data-testid="issue.views.field.user.assignee"]').innerHTML =
      '<input role="combobox" aria-label="Assignee"><div role="listbox"><div role="option">Unassigned</div><div role="option"><span>Dana Lead</span></div></div>' +
      '<div role="button" data-testid="issue-view-layout-assignee-field.ui.assign-to-me">Assign to me</div>';
    expect(assigneeOnPage(document)).toBeNull();
  });
});

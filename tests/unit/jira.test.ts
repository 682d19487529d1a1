import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jira, jiraIssueKey } from '@/utils/sites/jira';
import { adapterFor } from '@/utils/sites/registry';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/jira/issue.html'), 'utf8');
const ORIGIN = 'https://acme.atlassian.net';
const issueUrl = new URL(`${ORIGIN}/browse/PAY-142`);

const alice = { displayName: 'Alice Chen', emailAddress: 'alice@acme.test', accountId: '557058:a1', active: true };
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
    expect(jiraIssueKey(new URL(`${ORIGIN}/browse/PAY-142?focusedCommentId=10001`))).toBe('PAY-142');
    expect(jiraIssueKey(new URL(`${ORIGIN}/browse/AB_2-9`))).toBe('AB_2-9');
  });

  it("reads the key from a board's ?selectedIssue=", () => {
    expect(jiraIssueKey(new URL(`${ORIGIN}/jira/software/projects/PAY/boards/1?selectedIssue=PAY-7`))).toBe('PAY-7');
  });

  it('upper-cases a lowercase key', () => {
    expect(jiraIssueKey(new URL(`${ORIGIN}/browse/pay-142`))).toBe('PAY-142');
    expect(jiraIssueKey(new URL(`${ORIGIN}/jira/software/projects/PAY/boards/1?selectedIssue=pay-7`))).toBe('PAY-7');
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
    expect(jira.artifact(new URL(`${ORIGIN}/browse/pay-142?focusedCommentId=3`), document)).toEqual({
      key: 'PAY-142',
      title: 'Checkout button says "Submit" instead of "Pay now"',
      url: `${ORIGIN}/browse/PAY-142`,
    });
  });

  it('in a board modal, points at the selected issue', () => {
    const artifact = jira.artifact(new URL(`${ORIGIN}/jira/software/projects/PAY/boards/1?selectedIssue=PAY-7`), document);
    expect(artifact?.key).toBe('PAY-7');
    expect(artifact?.url).toBe(`${ORIGIN}/browse/PAY-7`);
  });

  it('has an empty title when the heading is not on the page', () => {
    q('h1').remove();
    expect(jira.artifact(issueUrl, document)).toEqual({ key: 'PAY-142', title: '', url: `${ORIGIN}/browse/PAY-142` });
  });

  it('is null off an issue', () => {
    expect(jira.artifact(new URL(`${ORIGIN}/jira/your-work`), document)).toBeNull();
  });
});

describe('isContentEditor', () => {
  it('is true for the summary editor that replaces the heading', () => {
    const textarea = document.createElement('textarea');
    textarea.setAttribute('data-testid', 'issue.views.issue-base.foundation.summary.heading.writeable.field');
    q('h1').replaceWith(textarea);
    expect(jira.isContentEditor(textarea)).toBe(true);
  });

  it('is true for a plain input inside the summary container', () => {
    const input = document.createElement('input');
    q('[data-testid="issue.views.issue-base.foundation.summary.heading.container"]').append(input);
    expect(jira.isContentEditor(input)).toBe(true);
  });

  it("is true for the description's ProseMirror editor (and text inside it)", () => {
    const editor = q('[data-testid="issue.views.field.rich-text.description"] .ProseMirror');
    expect(jira.isContentEditor(editor)).toBe(true);
    expect(jira.isContentEditor(editor.querySelector('strong')!)).toBe(true);
  });

  it('is true for another field editor of the issue (story points)', () => {
    expect(jira.isContentEditor(byId('story-points'))).toBe(true);
  });

  it('is false for the comment editor: comments are conversation', () => {
    expect(jira.isContentEditor(q('.comment-editor'))).toBe(false);
  });

  it('is false for a comment editor even inside an issue field (whatever the case of its test id)', () => {
    const description = q('[data-testid="issue.views.field.rich-text.description"]');
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
    const field = q('[data-testid="issue.views.field.number-inline-edit.story-points"]');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    const disabled = document.createElement('textarea');
    disabled.disabled = true;
    field.append(checkbox, disabled);
    expect(jira.isContentEditor(checkbox)).toBe(false);
    expect(jira.isContentEditor(disabled)).toBe(false);
  });

  it('is false for a description editor that is not editable right now', () => {
    const editor = q('[data-testid="issue.views.field.rich-text.description"] .ProseMirror');
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
    const route = path === '/rest/api/3/myself' ? routes.myself : path.startsWith('/rest/api/3/issue/') ? routes.issue : undefined;
    if (!route) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(route.body), { status: route.status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

const artifact = () => jira.artifact(issueUrl, document)!;

describe('ownership', () => {
  it("reads the assignee and the viewer from Jira's REST API", async () => {
    const calls = stubJira({
      issue: { status: 200, body: { key: 'PAY-142', fields: { summary: 'From the API', assignee: alice, reporter: dana } } },
      myself: { status: 200, body: dana },
    });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership).toEqual({
      owner: ['Alice Chen', 'alice@acme.test', '557058:a1'],
      viewer: ['Dana Lead', 'dana@acme.test', '557058:d0'],
      title: 'From the API',
    });
    const urls = calls.map((c) => c.url).sort();
    expect(urls).toEqual([`${ORIGIN}/rest/api/3/issue/PAY-142?fields=assignee,reporter,summary`, `${ORIGIN}/rest/api/3/myself`]);
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
      issue: { status: 200, body: { fields: { assignee: { displayName: 'Alice Chen', accountId: '557058:a1' } } } },
      myself: { status: 200, body: dana },
    });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership?.owner).toEqual(['Alice Chen', '557058:a1']);
    expect(ownership?.title).toBeUndefined();
  });

  it('falls back to the assignee field on the page when the REST API fails (500)', async () => {
    stubJira({ issue: { status: 500, body: { errorMessages: ['oops'] } }, myself: { status: 200, body: dana } });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership).not.toBeNull();
    expect(ownership!.owner.length).toBeGreaterThan(0);
    expect(new Set(ownership!.owner.map((s) => s.trim()))).toEqual(new Set(['Alice Chen']));
    expect(ownership!.viewer).toEqual(['Dana Lead', 'dana@acme.test', '557058:d0']);
  });

  it('falls back to the page with an empty viewer when both REST calls fail', async () => {
    stubJira({ issue: { status: 503, body: {} }, myself: { status: 503, body: {} } });
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership?.owner).toContain('Alice Chen');
    expect(ownership?.viewer).toEqual([]);
  });

  it('falls back to the page when fetch itself throws (offline)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const ownership = await jira.ownership(artifact(), document, new AbortController().signal);
    expect(ownership?.owner).toContain('Alice Chen');
  });

  it('returns null when the API fails and the page shows "Unassigned"', async () => {
    stubJira({ issue: { status: 500, body: {} }, myself: { status: 500, body: {} } });
    q('[data-testid="issue.views.field.user.assignee"]').innerHTML = '<span> Unassigned </span>';
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
            init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      ),
    );
    const controller = new AbortController();
    const pending = jira.ownership(artifact(), document, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});

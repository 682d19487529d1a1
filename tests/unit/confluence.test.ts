// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { confluence, confluencePageId } from '@/utils/sites/confluence';
import { jira } from '@/utils/sites/jira';
import { adapterFor } from '@/utils/sites/registry';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, `../fixtures/confluence/${name}.html`), 'utf8');
const viewHtml = fixture('view');
const editorHtml = fixture('editor');

const ORIGIN = 'https://acme.atlassian.net';
const viewUrl = new URL(`${ORIGIN}/wiki/spaces/ENG/pages/3342337/Payment+retries`);
const editUrl = new URL(`${ORIGIN}/wiki/spaces/ENG/pages/edit-v2/3342337`);

const alice = {
  type: 'known',
  accountId: '557058:a1',
  accountType: 'atlassian',
  email: 'alice@acme.test',
  publicName: 'alice.c',
  displayName: 'Alice Chen',
};
const bob = {
  type: 'known',
  accountId: '557058:b2',
  email: '',
  publicName: 'Bob Okafor',
  displayName: 'Bob Okafor',
};
const dana = {
  type: 'known',
  accountId: '557058:d0',
  email: 'dana@acme.test',
  publicName: 'Dana Lead',
  displayName: 'Dana Lead',
};

function load(html: string) {
  document.body.innerHTML = html;
}
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const byId = (id: string) => document.getElementById(id)!;
const q = (selector: string) => document.querySelector(selector)!;

describe('confluencePageId', () => {
  it('reads the id from a page view URL, with or without a title', () => {
    expect(confluencePageId(viewUrl)).toBe('3342337');
    expect(confluencePageId(new URL(`${ORIGIN}/wiki/spaces/ENG/pages/3342337`))).toBe('3342337');
    expect(confluencePageId(new URL(`${ORIGIN}/wiki/spaces/ENG/pages/3342337/`))).toBe('3342337');
    expect(
      confluencePageId(
        new URL(`${ORIGIN}/wiki/spaces/~557058a1/pages/98765/Notes?focusedCommentId=4#comment-4`),
      ),
    ).toBe('98765');
  });

  it('reads the id from the editor URL (edit-v2, and the older edit/)', () => {
    expect(confluencePageId(editUrl)).toBe('3342337');
    expect(
      confluencePageId(new URL(`${ORIGIN}/wiki/spaces/ENG/pages/edit-v2/3342337?draftShareId=abc`)),
    ).toBe('3342337');
    expect(confluencePageId(new URL(`${ORIGIN}/wiki/spaces/ENG/pages/edit/3342337`))).toBe(
      '3342337',
    );
  });

  it('reads blog posts, dated and not, and their editor', () => {
    expect(
      confluencePageId(new URL(`${ORIGIN}/wiki/spaces/ENG/blog/2026/11/02/4455667/Launch+notes`)),
    ).toBe('4455667');
    expect(confluencePageId(new URL(`${ORIGIN}/wiki/spaces/ENG/blog/4455667`))).toBe('4455667');
    expect(confluencePageId(new URL(`${ORIGIN}/wiki/spaces/ENG/blog/edit-v2/4455667`))).toBe(
      '4455667',
    );
  });

  it('reads ?pageId= (viewpage.action, editpage.action) and resumedraft.action?draftId=', () => {
    expect(confluencePageId(new URL(`${ORIGIN}/wiki/pages/viewpage.action?pageId=3342337`))).toBe(
      '3342337',
    );
    expect(confluencePageId(new URL(`${ORIGIN}/wiki/pages/editpage.action?pageId=3342337`))).toBe(
      '3342337',
    );
    expect(
      confluencePageId(
        new URL(`${ORIGIN}/wiki/pages/resumedraft.action?draftId=3342400&draftShareId=x`),
      ),
    ).toBe('3342400');
  });

  it('returns null for pages that are not a page, and for garbage', () => {
    for (const path of [
      '/wiki/home',
      '/wiki/spaces/ENG/overview',
      '/wiki/spaces/ENG/pages',
      '/wiki/spaces/ENG/pages/abc/Title',
      '/wiki/spaces/ENG/pages/12ab',
      '/wiki/spaces/ENG/pages/0',
      '/wiki/spaces/ENG/whiteboard/3342337',
      '/wiki/spaces/ENG/pages/123456789012345678901',
      '/wiki/pages/viewpage.action?pageId=%3Cscript%3E',
      '/wiki/pages/viewpage.action?pageId=-1',
      '/wiki/search?draftId=3342337',
      '/browse/PAY-142?pageId=3342337',
      '/spaces/ENG/pages/3342337',
    ]) {
      expect(confluencePageId(new URL(`${ORIGIN}${path}`)), path).toBeNull();
    }
  });
});

describe('appliesTo', () => {
  it('takes /wiki on *.atlassian.net; Jira keeps the rest of the host', () => {
    expect(adapterFor(viewUrl)).toBe(confluence);
    expect(adapterFor(editUrl)).toBe(confluence);
    expect(adapterFor(new URL(`${ORIGIN}/wiki`))).toBe(confluence);
    expect(adapterFor(new URL(`${ORIGIN}/browse/PAY-142`))).toBe(jira);
    expect(confluence.appliesTo(new URL(`${ORIGIN}/browse/PAY-142`))).toBe(false);
    expect(confluence.appliesTo(new URL(`${ORIGIN}/wikipedia/spaces/ENG/pages/1`))).toBe(false);
  });

  it('refuses lookalike hosts', () => {
    expect(
      confluence.appliesTo(new URL('https://atlassian.net.evil.test/wiki/spaces/ENG/pages/1')),
    ).toBe(false);
    expect(confluence.appliesTo(new URL('https://evilatlassian.net/wiki/spaces/ENG/pages/1'))).toBe(
      false,
    );
    expect(adapterFor(new URL('https://example.com/wiki/spaces/ENG/pages/1'))).toBeNull();
  });

  it('shares its match pattern with Jira (the registry lists it once)', async () => {
    const { allSiteMatches } = await import('@/utils/sites/registry');
    expect(confluence.matches).toEqual(['https://*.atlassian.net/*']);
    expect(allSiteMatches.filter((m) => m === 'https://*.atlassian.net/*')).toHaveLength(1);
  });
});

describe('artifact', () => {
  it('in the page view: the id as key, the heading as title, the view URL', () => {
    load(viewHtml);
    expect(confluence.artifact(viewUrl, document)).toEqual({
      key: '3342337',
      title: 'Payment retries: design',
      url: `${ORIGIN}/wiki/spaces/ENG/pages/3342337`,
    });
  });

  it('in the editor: the same key, the title as typed so far, and the view URL (not the editor)', () => {
    load(editorHtml);
    const title = q('textarea[name="editpages-title"]') as HTMLTextAreaElement;
    title.value = 'Payment retries: design v2';
    expect(confluence.artifact(editUrl, document)).toEqual({
      key: '3342337',
      title: 'Payment retries: design v2',
      url: `${ORIGIN}/wiki/spaces/ENG/pages/3342337`,
    });
  });

  it('a live doc: the title as typed in its livepages-title textarea (either spelling), inside #editor-title-id', () => {
    for (const attr of ['id="livepages-title-3342337"', 'name="livepages-title"']) {
      load(
        `<div id="editor-title-id"><textarea ${attr} placeholder="Give this page a title">Incident log</textarea></div>` +
          '<div data-testid="byline-single-line">Owned by <a href="/wiki/people/557058:a1">Alice Chen</a></div>',
      );
      const title = q('textarea') as HTMLTextAreaElement;
      title.value = 'Incident log (Sev 2)';
      expect(confluence.artifact(viewUrl, document)?.title, attr).toBe('Incident log (Sev 2)');
      expect(confluence.isContentEditor(title), attr).toBe(true);
    }
  });

  it('falls back to #title-text, the wrapped editor title and the legacy #content-title', () => {
    load('<h1 id="title-text"><a href="/x">Old heading</a></h1>');
    expect(confluence.artifact(viewUrl, document)?.title).toBe('Old heading');
    load('<div data-testid="editor-title"><textarea>Wrapped</textarea></div>');
    expect(confluence.artifact(editUrl, document)?.title).toBe('Wrapped');
    load('<input id="content-title" value="Legacy" />');
    expect(confluence.artifact(editUrl, document)?.title).toBe('Legacy');
  });

  it('a URL without a space key gives the same key and a viewpage URL', () => {
    load(viewHtml);
    expect(
      confluence.artifact(new URL(`${ORIGIN}/wiki/pages/viewpage.action?pageId=3342337`), document),
    ).toEqual({
      key: '3342337',
      title: 'Payment retries: design',
      url: `${ORIGIN}/wiki/pages/viewpage.action?pageId=3342337`,
    });
  });

  it('a blog post (dated URL or its editor) gets the same key and a viewpage URL', () => {
    load(viewHtml);
    const expected = `${ORIGIN}/wiki/pages/viewpage.action?pageId=4455667`;
    expect(
      confluence.artifact(
        new URL(`${ORIGIN}/wiki/spaces/ENG/blog/2026/11/02/4455667/Launch+notes`),
        document,
      )?.url,
    ).toBe(expected);
    expect(
      confluence.artifact(new URL(`${ORIGIN}/wiki/spaces/ENG/blog/edit-v2/4455667`), document),
    ).toMatchObject({ key: '4455667', url: expected });
  });

  it('keeps a personal space key (~accountid) in the view URL', () => {
    load(viewHtml);
    expect(
      confluence.artifact(
        new URL(`${ORIGIN}/wiki/spaces/~712020fe37/pages/edit-v2/98765`),
        document,
      )?.url,
    ).toBe(`${ORIGIN}/wiki/spaces/~712020fe37/pages/98765`);
  });

  it('has an empty title when no title is on the page', () => {
    load('<main></main>');
    expect(confluence.artifact(viewUrl, document)).toEqual({
      key: '3342337',
      title: '',
      url: `${ORIGIN}/wiki/spaces/ENG/pages/3342337`,
    });
  });

  it('is null off a page', () => {
    load(viewHtml);
    expect(confluence.artifact(new URL(`${ORIGIN}/wiki/spaces/ENG/overview`), document)).toBeNull();
  });
});

describe('isContentEditor', () => {
  it("is true for the editor's body (the ProseMirror host and text inside it, a table cell included)", () => {
    load(editorHtml);
    const body = byId('ak-editor-textarea');
    expect(confluence.isContentEditor(body)).toBe(true);
    expect(confluence.isContentEditor(body.querySelector('strong')!)).toBe(true);
    expect(confluence.isContentEditor(byId('cell'))).toBe(true);
  });

  it('is true for text under an inline comment mark in the body: that is still the page', () => {
    load(editorHtml);
    expect(confluence.isContentEditor(q('[data-mark-type="annotation"]'))).toBe(true);
  });

  it("is true for the editor's title textarea, and for the legacy title input", () => {
    load(editorHtml);
    expect(confluence.isContentEditor(q('textarea[name="editpages-title"]'))).toBe(true);
    load('<form id="editpageform"><input type="text" id="content-title" value="Legacy" /></form>');
    expect(confluence.isContentEditor(byId('content-title'))).toBe(true);
  });

  it('is true for a ProseMirror body identified only by the content area (no #ak-editor-textarea)', () => {
    load(
      '<div class="ak-editor-content-area"><div id="pm" class="ProseMirror" contenteditable="true"></div></div>',
    );
    expect(confluence.isContentEditor(byId('pm'))).toBe(true);
  });

  it('is false for the footer comment editor, even though it is #ak-editor-textarea', () => {
    load(viewHtml);
    expect(confluence.isContentEditor(byId('ak-editor-textarea'))).toBe(false);
  });

  it('is false for an inline comment reply in the sidebar', () => {
    load(viewHtml);
    expect(confluence.isContentEditor(byId('inline-reply'))).toBe(false);
  });

  it('is false for the footer reply editor by its container alone (footer-reply-container)', () => {
    load(
      '<div data-testid="footer-reply-container"><div class="ak-editor-content-area"><div id="r" class="ProseMirror" contenteditable="true"></div></div></div>',
    );
    expect(confluence.isContentEditor(byId('r'))).toBe(false);
  });

  it('is false for a comment editor known only by its class or id, whatever the case', () => {
    load(
      '<div class="InlineCommentEditor"><div class="ak-editor-content-area"><div id="a" class="ProseMirror" contenteditable="true"></div></div></div>',
    );
    expect(confluence.isContentEditor(byId('a'))).toBe(false);
    load(
      '<div id="Comment-42"><div class="ak-editor-content-area"><div id="b" class="ProseMirror" contenteditable="true"></div></div></div>',
    );
    expect(confluence.isContentEditor(byId('b'))).toBe(false);
    // The same editor without the comment container would be content.
    byId('Comment-42').removeAttribute('id');
    expect(confluence.isContentEditor(byId('b'))).toBe(true);
  });

  it('is false for the search box and the toolbar find box', () => {
    load(viewHtml);
    expect(confluence.isContentEditor(byId('global-search'))).toBe(false);
    load(editorHtml);
    expect(confluence.isContentEditor(byId('global-search'))).toBe(false);
    expect(confluence.isContentEditor(byId('find-box'))).toBe(false);
  });

  it('is false for things that do not take typing: the rendered page, the heading, a read-only or disabled title', () => {
    load(viewHtml);
    expect(confluence.isContentEditor(q('.ak-renderer-document p'))).toBe(false);
    expect(confluence.isContentEditor(q('h1'))).toBe(false);
    load(editorHtml);
    const title = q('textarea[name="editpages-title"]') as HTMLTextAreaElement;
    title.readOnly = true;
    expect(confluence.isContentEditor(title)).toBe(false);
    title.readOnly = false;
    title.disabled = true;
    expect(confluence.isContentEditor(title)).toBe(false);
    const body = byId('ak-editor-textarea');
    body.setAttribute('contenteditable', 'false');
    expect(confluence.isContentEditor(body)).toBe(false);
  });
});

interface Route {
  status: number;
  body: unknown;
}

function stubConfluence(routes: { content?: Route; current?: Route; v2?: Route; v2Blog?: Route }) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const path = new URL(url).pathname;
    const route =
      path === '/wiki/rest/api/user/current'
        ? routes.current
        : path.startsWith('/wiki/rest/api/content/')
          ? routes.content
          : path.startsWith('/wiki/api/v2/pages/')
            ? routes.v2
            : path.startsWith('/wiki/api/v2/blogposts/')
              ? routes.v2Blog
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

function page(history: Record<string, unknown>, title = 'From the API') {
  return {
    id: '3342337',
    type: 'page',
    status: 'current',
    title,
    history: { latest: true, createdDate: '2026-10-01T09:00:00.000Z', ...history },
  };
}

const viewArtifact = () => {
  load(viewHtml);
  return confluence.artifact(viewUrl, document)!;
};
const signal = () => new AbortController().signal;

describe('ownership', () => {
  it("reads the creator and the viewer from Confluence's REST API, same origin, with the lead's session", async () => {
    const calls = stubConfluence({
      content: { status: 200, body: page({ createdBy: alice }) },
      current: { status: 200, body: dana },
    });
    const ownership = await confluence.ownership(viewArtifact(), document, signal());
    expect(ownership).toEqual({
      owner: ['Alice Chen', 'alice.c', 'alice@acme.test', '557058:a1'],
      viewer: ['Dana Lead', 'dana@acme.test', '557058:d0'],
      title: 'From the API',
    });
    expect(calls.map((c) => c.url).sort()).toEqual([
      `${ORIGIN}/wiki/rest/api/content/3342337?expand=history,history.ownedBy`,
      `${ORIGIN}/wiki/rest/api/user/current`,
    ]);
    for (const call of calls) expect(call.init?.credentials).toBe('same-origin');
  });

  it('a page handed over to a new owner belongs to the owner, not the creator', async () => {
    stubConfluence({
      content: { status: 200, body: page({ createdBy: alice, ownedBy: bob }) },
      current: { status: 200, body: dana },
    });
    const ownership = await confluence.ownership(viewArtifact(), document, signal());
    // Bob hides his email: he is still known by name and account id (duplicates dropped).
    expect(ownership?.owner).toEqual(['Bob Okafor', '557058:b2']);
  });

  it('the anonymous viewer is no identity', async () => {
    stubConfluence({
      content: { status: 200, body: page({ createdBy: alice }) },
      current: {
        status: 200,
        body: { type: 'anonymous', displayName: 'Anonymous', publicName: 'Anonymous' },
      },
    });
    expect((await confluence.ownership(viewArtifact(), document, signal()))?.viewer).toEqual([]);
  });

  it('falls back to the first person in the byline (name and account id) when the REST API fails (500)', async () => {
    stubConfluence({
      content: { status: 500, body: { message: 'oops' } },
      current: { status: 200, body: dana },
    });
    const ownership = await confluence.ownership(viewArtifact(), document, signal());
    // Alice owns it; Bob only updated it last.
    expect(ownership).toEqual({
      owner: ['Alice Chen', '557058:a1'],
      viewer: ['Dana Lead', 'dana@acme.test', '557058:d0'],
    });
  });

  it('falls back to the byline with an empty viewer when both calls fail, and when fetch throws (offline)', async () => {
    stubConfluence({ content: { status: 503, body: {} }, current: { status: 503, body: {} } });
    expect(await confluence.ownership(viewArtifact(), document, signal())).toEqual({
      owner: ['Alice Chen', '557058:a1'],
      viewer: [],
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect((await confluence.ownership(viewArtifact(), document, signal()))?.owner).toContain(
      'Alice Chen',
    );
  });

  it('falls back to the byline when the API answers without a creator', async () => {
    stubConfluence({
      content: { status: 200, body: { id: '3342337', title: 't' } },
      current: { status: 200, body: dana },
    });
    expect((await confluence.ownership(viewArtifact(), document, signal()))?.owner).toEqual([
      'Alice Chen',
      '557058:a1',
    ]);
  });

  it("reads a byline without a profile link from its avatar's label, or from its text", async () => {
    stubConfluence({ content: { status: 404, body: {} }, current: { status: 404, body: {} } });
    const artifact = viewArtifact();
    q('[data-testid="byline-owner"] a').replaceWith('Alice Chen');
    expect((await confluence.ownership(artifact, document, signal()))?.owner).toEqual([
      'Alice Chen',
    ]);
    load(
      '<div class="page-metadata"><span class="author">Created by Alice Chen, last modified by Bob Okafor on Nov 02, 2026</span></div>',
    );
    expect((await confluence.ownership(artifact, document, signal()))?.owner).toEqual([
      'Alice Chen',
    ]);
    load(
      '<div data-testid="content-byline">Owned by Alice Chen · Last updated: Nov 02, 2026</div>',
    );
    expect((await confluence.ownership(artifact, document, signal()))?.owner).toEqual([
      'Alice Chen',
    ]);
  });

  it('returns null when the API fails in the editor (no byline there)', async () => {
    stubConfluence({ content: { status: 500, body: {} }, current: { status: 500, body: {} } });
    load(editorHtml);
    const artifact = confluence.artifact(editUrl, document)!;
    expect(await confluence.ownership(artifact, document, signal())).toBeNull();
  });

  it('rejects when the signal is already aborted, without reading the page', async () => {
    stubConfluence({ content: { status: 500, body: {} }, current: { status: 500, body: {} } });
    const controller = new AbortController();
    controller.abort();
    await expect(
      confluence.ownership(viewArtifact(), document, controller.signal),
    ).rejects.toThrow();
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
    const pending = confluence.ownership(viewArtifact(), document, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});

describe('ownership from the v2 pages API (account ids only)', () => {
  const v2Page = (ids: Record<string, string>) => ({
    id: '3342337',
    status: 'current',
    title: 'From v2',
    spaceId: '98306',
    ...ids,
  });

  it('when the v1 content API fails, the owner is the v2 ownerId, named from the byline when it links that account', async () => {
    stubConfluence({
      content: { status: 410, body: {} },
      current: { status: 200, body: { accountId: '557058:d0', displayName: 'Dana Lead' } },
      v2: { status: 200, body: v2Page({ ownerId: '557058:a1', authorId: '557058:b2' }) },
    });
    const ownership = await confluence.ownership(viewArtifact(), document, signal());
    expect(ownership).toEqual({
      owner: ['557058:a1', 'Alice Chen'],
      viewer: ['Dana Lead', '557058:d0'],
      title: 'From v2',
    });
  });

  it('an owner the byline does not link is the account id alone (the roster needs it as an alias)', async () => {
    stubConfluence({
      content: { status: 500, body: {} },
      current: { status: 500, body: {} },
      v2: { status: 200, body: v2Page({ ownerId: '557058:zz' }) },
    });
    expect((await confluence.ownership(viewArtifact(), document, signal()))?.owner).toEqual([
      '557058:zz',
    ]);
  });

  it('without an ownerId the authorId is the owner', async () => {
    stubConfluence({
      content: { status: 500, body: {} },
      current: { status: 500, body: {} },
      v2: { status: 200, body: v2Page({ authorId: '557058:b2' }) },
    });
    expect((await confluence.ownership(viewArtifact(), document, signal()))?.owner).toEqual([
      '557058:b2',
    ]);
  });
});

describe('ownership of a blog post from the v2 API (an author, no owner)', () => {
  const setUrl = (url: string) => (window as any).happyDOM.setURL(url);
  afterEach(() => setUrl('about:blank'));
  const v2Blog = {
    id: '4455667',
    status: 'current',
    title: 'Launch notes',
    spaceId: '98306',
    authorId: '557058:b2',
  };
  // As Confluence answers: the pages path knows no blog post.
  const pagesSayNo = { status: 404, body: { errors: [{ status: 404 }] } };
  const v1Fails = { status: 410, body: {} };

  it('in a blog post’s editor, v1 failing: the author from /wiki/api/v2/blogposts/{id}, the pages path never asked', async () => {
    const url = `${ORIGIN}/wiki/spaces/ENG/blog/edit-v2/4455667`;
    setUrl(url);
    load(editorHtml);
    const calls = stubConfluence({
      content: v1Fails,
      current: { status: 200, body: dana },
      v2: pagesSayNo,
      v2Blog: { status: 200, body: v2Blog },
    });
    const artifact = confluence.artifact(new URL(url), document)!;
    expect(await confluence.ownership(artifact, document, signal())).toEqual({
      owner: ['557058:b2'],
      viewer: ['Dana Lead', 'dana@acme.test', '557058:d0'],
      title: 'Launch notes',
    });
    const asked = calls.map((c) => new URL(c.url).pathname);
    expect(asked).toContain('/wiki/api/v2/blogposts/4455667');
    expect(asked).not.toContain('/wiki/api/v2/pages/4455667');
  });

  it('on a page’s address, only the pages path is asked (a blog post’s id there is no blog post)', async () => {
    setUrl(`${ORIGIN}/wiki/spaces/ENG/pages/edit-v2/3342337`);
    load(editorHtml);
    const calls = stubConfluence({
      content: v1Fails,
      v2: { status: 200, body: { id: '3342337', ownerId: '557058:a1', authorId: '557058:b2' } },
      v2Blog: { status: 200, body: v2Blog },
    });
    const artifact = confluence.artifact(editUrl, document)!;
    expect((await confluence.ownership(artifact, document, signal()))?.owner).toEqual([
      '557058:a1',
    ]);
    expect(calls.map((c) => new URL(c.url).pathname)).not.toContain(
      '/wiki/api/v2/blogposts/3342337',
    );
  });

  it('where the address does not say (viewpage.action), a 404 from the pages path is followed by the blog posts path', async () => {
    const url = `${ORIGIN}/wiki/pages/viewpage.action?pageId=4455667`;
    setUrl(url);
    load(editorHtml);
    const calls = stubConfluence({
      content: v1Fails,
      v2: pagesSayNo,
      v2Blog: { status: 200, body: v2Blog },
    });
    const artifact = confluence.artifact(new URL(url), document)!;
    expect((await confluence.ownership(artifact, document, signal()))?.owner).toEqual([
      '557058:b2',
    ]);
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(
      expect.arrayContaining(['/wiki/api/v2/pages/4455667', '/wiki/api/v2/blogposts/4455667']),
    );
  });
});

/**
 * Serves a Confluence Cloud site on its real origin
 * (https://<site>.atlassian.net/wiki/...) through Playwright's routing: the
 * pages (tests/fixtures/confluence), the REST answers the extension reads
 * (v1 content with history.ownedBy; v2 pages with ownerId/authorId as account
 * ids only, docs/evidence/confluence.md, Whose page it is, 2024-2026), and nothing else. Only `/wiki/**` is routed, so a fake Jira on the same
 * origin (registered before this) keeps the rest of the host.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureScript } from './fixture-script';
import type { BrowserContext, Route } from 'playwright-core';

const fixtureDir = fileURLToPath(new URL('../fixtures/confluence/', import.meta.url));
const siteHtml = readFileSync(`${fixtureDir}site.html`, 'utf8');
const siteJs = fixtureScript(fixtureDir);

/** A user as Confluence Cloud's REST API returns one (email may be hidden: ""). */
export interface ConfluenceUser {
  accountId: string;
  displayName: string;
  publicName?: string;
  email?: string;
}

export interface FakeConfluencePage {
  title: string;
  space: string;
  /** The page's owner (history.ownedBy), shown in the byline. */
  owner: ConfluenceUser;
  /** Who created it (history.createdBy), when ownership was handed over; else the owner. */
  createdBy?: ConfluenceUser;
  /** A live doc: the editor in place on the view URL, under the byline. */
  live?: boolean;
  /** A blog post: under /blog/ in its space; the v2 API has it at /blogposts/{id}, with an author and no owner (`owner` is its author). */
  blog?: boolean;
  body?: string;
}

export interface FakeConfluenceOptions {
  origin?: string;
  currentUser: ConfluenceUser;
  pages: Record<string, FakeConfluencePage>;
  /** When true, the REST API answers 503: the extension must read the byline instead. */
  apiDown?: boolean;
}

export interface FakeConfluence {
  origin: string;
  /** The page view, `/wiki/spaces/KEY/pages/ID/Title` (a blog post's: `/wiki/spaces/KEY/blog/YYYY/MM/DD/ID/Title`). */
  url(id: string): string;
  /** The editor, `/wiki/spaces/KEY/pages/edit-v2/ID` (a blog post's: `/wiki/spaces/KEY/blog/edit-v2/ID`). */
  editUrl(id: string): string;
  /** REST calls seen (path and query), for tests that check what the extension asked. */
  restCalls: string[];
  setApiDown(down: boolean): void;
  /** The v1 content API gone (410), as Atlassian retires it: only the v2 pages API answers. */
  setV1Gone(gone: boolean): void;
}

const restUser = (u: ConfluenceUser) => ({
  type: 'known',
  accountId: u.accountId,
  accountType: 'atlassian',
  email: u.email ?? '',
  publicName: u.publicName ?? u.displayName,
  displayName: u.displayName,
});

export async function serveFakeConfluence(
  context: BrowserContext,
  options: FakeConfluenceOptions,
): Promise<FakeConfluence> {
  const origin = options.origin ?? 'https://acme.atlassian.net';
  let apiDown = options.apiDown ?? false;
  let v1Gone = false;
  const restCalls: string[] = [];
  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const titlePath = (p: FakeConfluencePage) => encodeURIComponent(p.title).replace(/%20/g, '+');

  await context.route(`${origin}/wiki/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/wiki/rest/')) {
      restCalls.push(url.pathname + url.search);
      if (apiDown) return json(route, { statusCode: 503, message: 'Service unavailable' }, 503);
      if (url.pathname === '/wiki/rest/api/user/current')
        return json(route, restUser(options.currentUser));
      const id = /^\/wiki\/rest\/api\/content\/(\d+)$/.exec(url.pathname)?.[1];
      if (id && v1Gone)
        return json(route, { statusCode: 410, message: 'This API is no longer available' }, 410);
      const page = id && options.pages[id];
      if (!page)
        return json(route, { statusCode: 404, message: 'No content found with id: ' + id }, 404);
      // As the real API: ownedBy is present only when expanded; otherwise it is listed as expandable.
      const expand = (url.searchParams.get('expand') ?? '').split(',');
      const history: Record<string, unknown> = {
        latest: true,
        createdBy: restUser(page.createdBy ?? page.owner),
        createdDate: '2026-10-01T09:00:00.000Z',
        _expandable: expand.includes('history.ownedBy') ? {} : { ownedBy: '' },
      };
      if (expand.includes('history.ownedBy')) history.ownedBy = restUser(page.owner);
      return json(route, {
        id,
        type: page.blog ? 'blogpost' : 'page',
        status: 'current',
        title: page.title,
        space: { key: page.space },
        history,
      });
    }
    // v2 API (docs/evidence/confluence.md, Whose page it is): people by account id only; pages at
    // /pages/{id} with an owner and an author, blog posts at /blogposts/{id} with an author alone.
    // Each path answers 404 for the other type's ids.
    const v2 = /^\/wiki\/api\/v2\/(pages|blogposts)\/(\d+)$/.exec(url.pathname);
    if (v2) {
      restCalls.push(url.pathname + url.search);
      const [, kind, v2Id] = v2 as unknown as [string, string, string];
      const page = options.pages[v2Id];
      const found = page && (kind === 'blogposts') === (page.blog ?? false);
      if (apiDown || !found)
        return json(route, { errors: [{ status: apiDown ? 503 : 404 }] }, apiDown ? 503 : 404);
      const author = (page.createdBy ?? page.owner).accountId;
      return json(route, {
        id: v2Id,
        status: 'current',
        title: page.title,
        spaceId: '98306',
        authorId: author,
        ...(page.blog ? {} : { ownerId: page.owner.accountId, lastOwnerId: null }),
      });
    }
    if (url.pathname === '/wiki/__fixture__/confluence.js')
      return route.fulfill({ contentType: 'text/javascript', body: siteJs });
    // The app's own data (Confluence renders from server state), whatever the REST API answers.
    if (url.pathname === '/wiki/__fixture__/site.json')
      return json(route, { pages: options.pages });
    // Any other path is the single-page app's shell.
    return route.fulfill({ contentType: 'text/html', body: siteHtml });
  });

  return {
    origin,
    url: (id) => {
      const page = options.pages[id]!;
      return page.blog
        ? `${origin}/wiki/spaces/${page.space}/blog/2026/11/02/${id}/${titlePath(page)}`
        : `${origin}/wiki/spaces/${page.space}/pages/${id}/${titlePath(page)}`;
    },
    editUrl: (id) => {
      const page = options.pages[id]!;
      return `${origin}/wiki/spaces/${page.space}/${page.blog ? 'blog' : 'pages'}/edit-v2/${id}`;
    },
    restCalls,
    setApiDown: (down) => {
      apiDown = down;
    },
    setV1Gone: (gone) => {
      v1Gone = gone;
    },
  };
}

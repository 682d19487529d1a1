/**
 * Serves a Jira Cloud site on its real origin (https://<site>.atlassian.net)
 * through Playwright's routing: the work item pages (tests/fixtures/jira), the
 * REST answers the page and the extension read and write, and nothing else.
 * Follows docs/evidence/jira.md, Addresses and the REST API (Aug 2026): `GET /rest/api/3/issue/{KEY}`
 * with `fields.assignee.accountId/displayName`, `/rest/api/3/myself`, and,
 * logged out, HTTP 200 text/html (the login page) instead of 401.
 */
import { fixtureScript } from './fixture-script';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FulfilledRoute as Route, RouteHost } from './route-host';

const fixtureDir = fileURLToPath(new URL('../fixtures/jira/', import.meta.url));
const siteHtml = readFileSync(`${fixtureDir}site.html`, 'utf8');
const siteJs = fixtureScript(fixtureDir);

export interface JiraUser {
  displayName: string;
  emailAddress?: string;
  accountId: string;
}

export interface FakeJiraIssue {
  summary: string;
  assignee: JiraUser | null;
  status?: string;
  priority?: { name: string };
  labels?: string[];
  sprint?: string;
  comments?: Array<{ author: string; body: string }>;
}

/** How the REST API answers: as signed in, failing (503), or logged out (200 with the HTML login page). */
export type JiraApiAnswer = 'ok' | 'down' | 'login-page';

export interface FakeJiraOptions {
  origin?: string;
  myself: JiraUser;
  issues: Record<string, FakeJiraIssue>;
  /** Others the assignee picker offers besides the lead and the assignees. */
  people?: JiraUser[];
  /** When true, the REST API answers 503: the extension must read the page instead. */
  apiDown?: boolean;
  /** The compact layout (Feb 2026) instead of the full one. */
  layout?: 'full' | 'compact';
  /**
   * A Content-Security-Policy header on the app's pages: a hostile or locked-down page (not what
   * Jira Cloud sends), to check what Pullback does where frames are forbidden.
   */
  contentSecurityPolicy?: string;
}

export interface FakeJira {
  origin: string;
  url(key: string): string;
  boardUrl(key: string): string;
  /** REST calls seen, for tests that check what the extension asked. */
  restCalls: string[];
  /** The work items as they are now (the page's writes applied). */
  issues: Record<string, FakeJiraIssue>;
  setApiDown(down: boolean): void;
  setApiAnswer(answer: JiraApiAnswer): void;
}

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Log in with Atlassian account</title></head><body><div id="root">Log in to continue</div></body></html>';

export async function serveFakeJira(
  context: RouteHost,
  options: FakeJiraOptions,
): Promise<FakeJira> {
  const origin = options.origin ?? 'https://acme.atlassian.net';
  let answer: JiraApiAnswer = options.apiDown ? 'down' : 'ok';
  const restCalls: string[] = [];
  const issues: Record<string, FakeJiraIssue> = structuredClone(options.issues);
  const people = (): JiraUser[] => {
    const all = [
      options.myself,
      ...(options.people ?? []),
      ...Object.values(issues)
        .map((i) => i.assignee)
        .filter((u): u is JiraUser => !!u),
    ];
    return [...new Map(all.map((u) => [u.accountId, u])).values()];
  };
  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const noContent = (route: Route) => route.fulfill({ status: 204, body: '' });

  async function rest(route: Route, url: URL) {
    restCalls.push(url.pathname + url.search);
    if (answer === 'down') return json(route, { errorMessages: ['Service unavailable'] }, 503);
    if (answer === 'login-page')
      return route.fulfill({
        status: 200,
        contentType: 'text/html;charset=UTF-8',
        body: LOGIN_PAGE,
      });
    const method = route.request().method();
    if (url.pathname === '/rest/api/3/myself') return json(route, options.myself);
    if (url.pathname === '/rest/api/3/user/assignable/search') {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      return json(
        route,
        people().filter((p) => p.displayName.toLowerCase().includes(query)),
      );
    }
    const m = /^\/rest\/api\/3\/issue\/([^/]+)(\/assignee|\/transitions)?$/.exec(url.pathname);
    const key = m ? decodeURIComponent(m[1]!) : '';
    const issue = issues[key];
    if (!issue)
      return json(
        route,
        { errorMessages: ['Work item does not exist or you do not have permission to see it.'] },
        404,
      );
    const body = method === 'GET' ? null : (route.request().postDataJSON() as Record<string, any>);
    if (m![2] === '/assignee' && method === 'PUT') {
      issue.assignee = body!.accountId
        ? (people().find((p) => p.accountId === body!.accountId) ?? null)
        : null;
      return noContent(route);
    }
    if (m![2] === '/transitions' && method === 'POST') {
      issue.status = body!.transition.name;
      return noContent(route);
    }
    if (method === 'PUT') {
      Object.assign(issue, body!.fields);
      return noContent(route);
    }
    return json(route, { key, fields: { ...issue, reporter: options.myself } });
  }

  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/rest/')) return rest(route, url);
    if (url.pathname === '/__fixture__/jira.js')
      return route.fulfill({ contentType: 'text/javascript', body: siteJs });
    if (url.pathname === '/__fixture__/links.json') {
      return json(
        route,
        Object.keys(issues).map((key) => ({ href: `/browse/${key}`, text: key })),
      );
    }
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 404, body: '' });
    // Any other path is the single-page app's shell. With the API unavailable, the page
    // carries its own data (as Jira's server-rendered state does).
    const state = [
      options.layout === 'compact' ? `window.__FIXTURE_LAYOUT__="compact";` : '',
      answer === 'ok'
        ? ''
        : `window.__FIXTURE_FALLBACK__=${JSON.stringify(Object.fromEntries(Object.entries(issues).map(([k, i]) => [k, { fields: i }])))};`,
    ].join('');
    const head = state ? `<script>${state.replace(/</g, '\\u003c')}</script></head>` : '</head>';
    return route.fulfill({
      contentType: 'text/html',
      headers: options.contentSecurityPolicy
        ? { 'Content-Security-Policy': options.contentSecurityPolicy }
        : {},
      body: siteHtml.replace('</head>', head),
    });
  });

  return {
    origin,
    url: (key) => `${origin}/browse/${key}`,
    boardUrl: (key) =>
      `${origin}/jira/software/c/projects/${key.split('-')[0]}/boards/1?selectedIssue=${key}`,
    restCalls,
    issues,
    setApiDown: (down) => {
      answer = down ? 'down' : 'ok';
    },
    setApiAnswer: (next) => {
      answer = next;
    },
  };
}

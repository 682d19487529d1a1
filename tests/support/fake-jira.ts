/**
 * Serves a Jira Cloud site on its real origin (https://<site>.atlassian.net)
 * through Playwright's routing: the issue pages (tests/fixtures/jira), the
 * REST answers the page and the extension read, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureScript } from './fixture-script';
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
}

export interface FakeJiraOptions {
  origin?: string;
  myself: JiraUser;
  issues: Record<string, FakeJiraIssue>;
  /** When true, the REST API answers 503: the extension must read the page instead. */
  apiDown?: boolean;
}

export interface FakeJira {
  origin: string;
  url(key: string): string;
  boardUrl(key: string): string;
  /** REST calls seen, for tests that check what the extension asked. */
  restCalls: string[];
  setApiDown(down: boolean): void;
}

export async function serveFakeJira(context: RouteHost, options: FakeJiraOptions): Promise<FakeJira> {
  const origin = options.origin ?? 'https://acme.atlassian.net';
  let apiDown = options.apiDown ?? false;
  const restCalls: string[] = [];
  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/rest/')) {
      restCalls.push(url.pathname + url.search);
      if (apiDown) return json(route, { errorMessages: ['Service unavailable'] }, 503);
      if (url.pathname === '/rest/api/3/myself') return json(route, options.myself);
      const key = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(url.pathname)?.[1];
      const issue = key && options.issues[decodeURIComponent(key)];
      if (!issue) return json(route, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] }, 404);
      return json(route, { key, fields: { summary: issue.summary, assignee: issue.assignee, reporter: options.myself } });
    }
    if (url.pathname === '/__fixture__/jira.js') return route.fulfill({ contentType: 'text/javascript', body: siteJs });
    if (url.pathname === '/__fixture__/links.json') {
      return json(route, Object.keys(options.issues).map((key) => ({ href: `/browse/${key}`, text: key })));
    }
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 404, body: '' });
    // Any other path is the single-page app's shell. With the API down, the page
    // carries its own data (as Jira's server-rendered state does).
    const fallback = apiDown
      ? `<script>window.__FIXTURE_FALLBACK__=${JSON.stringify(
          Object.fromEntries(Object.entries(options.issues).map(([k, i]) => [k, { fields: i }])),
        ).replace(/</g, '\\u003c')}</script>`
      : '';
    return route.fulfill({ contentType: 'text/html', body: siteHtml.replace('</head>', `${fallback}</head>`) });
  });

  return {
    origin,
    url: (key) => `${origin}/browse/${key}`,
    boardUrl: (key) => `${origin}/jira/software/projects/${key.split('-')[0]}/boards/1?selectedIssue=${key}`,
    restCalls,
    setApiDown: (down) => {
      apiDown = down;
    },
  };
}

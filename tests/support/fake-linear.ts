/**
 * Serves Linear on its real origin (https://linear.app) through Playwright's
 * routing: the stand-in app (tests/fixtures/linear) with the issues a test
 * needs, and nothing else. Linear's own data API lives on another origin and
 * the adapter reads only the page, so no API is faked.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureScript } from './fixture-script';
import type { BrowserContext } from 'playwright-core';

const fixtureDir = fileURLToPath(new URL('../fixtures/linear/', import.meta.url));
const siteHtml = readFileSync(`${fixtureDir}site.html`, 'utf8');
const siteJs = fixtureScript(fixtureDir);

export const LINEAR_ORIGIN = 'https://linear.app';

export interface LinearAssignee {
  /** Full name (the avatar's initials come from it). */
  name: string;
  /** What the Assignee button shows, when it is not the full name (Linear can show usernames). */
  shown?: string;
  /** false: the button shows the name with no avatar (a rail Pullback cannot tell apart). */
  avatar?: false;
}

export interface FakeLinearIssue {
  title: string;
  assignee: LinearAssignee | null;
  description?: string;
  comments?: Array<{ author: string; body: string }>;
}

export interface FakeLinearOptions {
  workspace?: string;
  /** By key: `ENG-123`. */
  issues: Record<string, FakeLinearIssue>;
}

export interface FakeLinear {
  workspace: string;
  /** The issue's page, with a slug as Linear links it. */
  url(key: string): string;
  /** The issue's canonical URL (what the prompt records). */
  canonicalUrl(key: string): string;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export async function serveFakeLinear(
  context: BrowserContext,
  options: FakeLinearOptions,
): Promise<FakeLinear> {
  const workspace = options.workspace ?? 'acme';
  const data = { workspace, issues: options.issues };
  const head = `<script type="application/json" id="fixture-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
  const page = siteHtml.replace('<!--FIXTURE_HEAD-->', head);

  await context.route(`${LINEAR_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/__fixture__/linear.js')
      return route.fulfill({ contentType: 'text/javascript', body: siteJs });
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 404, body: '' });
    // Every other path is the single-page app's shell; it renders from the embedded issues.
    return route.fulfill({ contentType: 'text/html', body: page });
  });

  return {
    workspace,
    url: (key) =>
      `${LINEAR_ORIGIN}/${workspace}/issue/${key}/${slug(options.issues[key]?.title ?? key)}`,
    canonicalUrl: (key) => `${LINEAR_ORIGIN}/${workspace}/issue/${key}`,
  };
}

/**
 * Serves github.com on its real origin through Playwright's routing: the
 * stand-in app (tests/fixtures/github, following docs/evidence/github.md,
 * evidence 2025-08 to 2026-09) with the viewer's meta tags and the issues,
 * pull requests and files a test needs, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureScript } from './fixture-script';
import type { BrowserContext } from 'playwright-core';

const fixtureDir = fileURLToPath(new URL('../fixtures/github/', import.meta.url));
const siteHtml = readFileSync(`${fixtureDir}site.html`, 'utf8');
const siteJs = fixtureScript(fixtureDir);

export const GITHUB_ORIGIN = 'https://github.com';

export interface FakeComment {
  author: string;
  body: string;
}

export interface FakeIssue {
  title: string;
  /** Login of whoever opened it. */
  author: string;
  /** Logins; `Copilot` is Copilot's coding agent (an app, shown as one). */
  assignees: string[];
  labels?: string[];
  body?: string;
  comments?: FakeComment[];
}

export interface FakePull {
  title: string;
  author: string;
  assignees?: string[];
  reviewers?: string[];
  body?: string;
  /** Review comments in the timeline. */
  comments?: FakeComment[];
  /** The header: legacy (Rails) or the React one rolled out from Feb 2026 (docs/evidence/github.md). */
  header?: 'legacy' | 'react';
  /** Merged, by this login: the React header then names the merger, not the author. */
  mergedBy?: string;
}

export interface FakeGitHubOptions {
  /** The signed-in user's login (`<meta name="user-login">`). */
  viewer: string;
  /** By key: `owner/repo#12`. */
  issues: Record<string, FakeIssue>;
  pulls?: Record<string, FakePull>;
  /** File contents by key: `owner/repo@branch:path`. */
  files?: Record<string, string>;
  /** People's names by login, shown beside the login in the pickers' options. */
  names?: Record<string, string>;
}

export interface FakeGitHub {
  issueUrl(key: string): string;
  pullUrl(key: string): string;
  /** The web editor's URL for a file key `owner/repo@branch:path`. */
  editUrl(key: string): string;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export async function serveFakeGitHub(
  context: BrowserContext,
  options: FakeGitHubOptions,
): Promise<FakeGitHub> {
  const data = {
    issues: options.issues,
    pulls: options.pulls ?? {},
    files: options.files ?? {},
    names: options.names ?? {},
  };
  const head = [
    `<meta name="user-login" content="${escapeAttr(options.viewer)}">`,
    `<meta name="octolytics-actor-login" content="${escapeAttr(options.viewer)}">`,
    `<script type="application/json" id="fixture-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
  ].join('\n    ');
  const page = siteHtml.replace('<!--FIXTURE_HEAD-->', head);

  await context.route(`${GITHUB_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/__fixture__/github.js')
      return route.fulfill({ contentType: 'text/javascript', body: siteJs });
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 404, body: '' });
    // GitHub renders every page on the server; the stand-in app renders from the embedded items.
    return route.fulfill({ contentType: 'text/html', body: page });
  });

  return {
    issueUrl: (key) => `${GITHUB_ORIGIN}/${key.replace('#', '/issues/')}`,
    pullUrl: (key) => `${GITHUB_ORIGIN}/${key.replace('#', '/pull/')}`,
    editUrl: (key) => {
      const [nwo = '', rest = ''] = key.split('@');
      const [branch = '', path = ''] = rest.split(/:(.*)/s);
      return `${GITHUB_ORIGIN}/${nwo}/edit/${branch}/${path}`;
    },
  };
}

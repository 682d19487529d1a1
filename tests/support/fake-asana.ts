/**
 * Serves Asana on its real origin (https://app.asana.com) through
 * Playwright's routing: the stand-in app (tests/fixtures/asana) with the
 * projects and tasks a test needs, and nothing else. The adapter reads only
 * the page, so no API is faked.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureScript } from './fixture-script';
import type { BrowserContext } from 'playwright-core';

const fixtureDir = fileURLToPath(new URL('../fixtures/asana/', import.meta.url));
const siteHtml = readFileSync(`${fixtureDir}site.html`, 'utf8');
const siteJs = fixtureScript(fixtureDir);

export const ASANA_ORIGIN = 'https://app.asana.com';

export interface FakeAsanaTask {
  name: string;
  /** The project's gid (a key of `projects`). */
  project: string;
  /** The assignee's name as Asana shows it, or null for "No assignee". */
  assignee: string | null;
  description?: string;
  comments?: Array<{ author: string; body: string }>;
  /** Which URL scheme the app's links use for this task: `/0/<project>/<task>` (default) or `/1/<workspace>/project/<p>/task/<t>`. */
  scheme?: 0 | 1;
  /** The lead's access short of editing: the name is text (read-only, or comment-only), the description takes no typing. */
  access?: 'read-only' | 'comment-only';
}

export interface FakeAsanaOptions {
  workspace?: string;
  /** Project names by gid. */
  projects: Record<string, string>;
  /** Tasks by gid. */
  tasks: Record<string, FakeAsanaTask>;
}

export interface FakeAsana {
  workspace: string;
  /** The task open in its project: `/0/<project>/<task>`. */
  url(task: string): string;
  /** The task full screen: `/0/<project>/<task>/f`. */
  fullScreenUrl(task: string): string;
  /** The task in the newer scheme: `/1/<workspace>/project/<project>/task/<task>`. */
  v1Url(task: string): string;
}

export async function serveFakeAsana(
  context: BrowserContext,
  options: FakeAsanaOptions,
): Promise<FakeAsana> {
  const workspace = options.workspace ?? '1100000000000001';
  const data = { workspace, projects: options.projects, tasks: options.tasks };
  const head = `<script type="application/json" id="fixture-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
  const page = siteHtml.replace('<!--FIXTURE_HEAD-->', head);

  await context.route(`${ASANA_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/__fixture__/asana.js')
      return route.fulfill({ contentType: 'text/javascript', body: siteJs });
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 404, body: '' });
    // Every other path is the single-page app's shell; it renders from the embedded tasks.
    return route.fulfill({ contentType: 'text/html', body: page });
  });

  const projectOf = (task: string) => options.tasks[task]?.project ?? '0';
  return {
    workspace,
    url: (task) => `${ASANA_ORIGIN}/0/${projectOf(task)}/${task}`,
    fullScreenUrl: (task) => `${ASANA_ORIGIN}/0/${projectOf(task)}/${task}/f`,
    v1Url: (task) => `${ASANA_ORIGIN}/1/${workspace}/project/${projectOf(task)}/task/${task}`,
  };
}

/**
 * Serves Figma (https://www.figma.com), Notion (https://app.notion.com; the old
 * https://www.notion.so addresses redirect there, as they do since June 2026) and
 * Google Docs (https://docs.google.com) on their real origins through
 * Playwright's routing: each tool's page is its shell (site.html) with the
 * saved editor markup the unit tests read (file.html, page.html,
 * document.html) in the body, the test's data in window.__FIXTURE__, and the
 * tool's stand-in script (site.js). Nothing else on those origins answers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FulfilledRoute as Route, RouteHost } from './route-host';

type Tool = 'figma' | 'notion' | 'gdocs';

const BODY_FILE: Record<Tool, string> = {
  figma: 'file.html',
  notion: 'page.html',
  gdocs: 'document.html',
};

function fixture(tool: Tool) {
  const dir = fileURLToPath(new URL(`../fixtures/${tool}/`, import.meta.url));
  return {
    shell: readFileSync(`${dir}site.html`, 'utf8'),
    body: readFileSync(`${dir}${BODY_FILE[tool]}`, 'utf8'),
    script: readFileSync(`${dir}site.js`, 'utf8'),
  };
}

export interface FakeFigmaFile {
  name: string;
  /** A branch of that file (its key is then the branch key). */
  branchOf?: string;
  /** The lead may only view the file: the toolbar shows "View only". */
  viewOnly?: boolean;
}

export interface FakeNotionPage {
  title: string;
  /** Shown as the page's "Created by" property. */
  createdBy?: string;
  /** A database: its entries (page ids), which open in a side peek (?p=). */
  rows?: string[];
}

export interface FakeGoogleDoc {
  title: string;
  /** The toolbar's mode switcher carries another id (a Docs release the adapter does not know). */
  modeSwitcherRenamed?: boolean;
  /** The text event frame is of an opaque origin (a Docs release whose frame Pullback cannot read). */
  textFrameUnreadable?: boolean;
}

export interface FakeSitesOptions {
  /** Files by key (22 alphanumerics, as Figma's). */
  figma?: Record<string, FakeFigmaFile>;
  /** Pages by id (32 hex digits) in one workspace. */
  notion?: { workspace: string; pages: Record<string, FakeNotionPage> };
  /** Documents by id. */
  gdocs?: Record<string, FakeGoogleDoc>;
}

export interface FakeSites {
  figmaUrl(key: string): string;
  /** The page on app.notion.com: `/p/<Title>-<id>`. */
  notionUrl(id: string): string;
  /** The page's pre-June-2026 address (`www.notion.so/<workspace>/<Title>-<id>`): redirects to notionUrl. */
  legacyNotionUrl(id: string): string;
  notionPeekUrl(databaseId: string, pageId: string): string;
  docUrl(id: string): string;
}

const FIGMA = 'https://www.figma.com';
const NOTION = 'https://app.notion.com';
const OLD_NOTION = 'https://www.notion.so';
const DOCS = 'https://docs.google.com';

const slug = (title: string) => title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

function page(tool: Tool, data: unknown): string {
  const { shell, body } = fixture(tool);
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return shell
    .replace('<!--BODY-->', body)
    .replace('<!--DATA-->', `<script>window.__FIXTURE__ = ${json};</script>`);
}

export async function serveFakeSites(
  context: RouteHost,
  options: FakeSitesOptions,
): Promise<FakeSites> {
  const figmaFiles = options.figma ?? {};
  const notion = options.notion ?? { workspace: 'acme', pages: {} };
  const docs = options.gdocs ?? {};

  const sites: FakeSites = {
    figmaUrl(key) {
      const file = figmaFiles[key];
      const name = slug(file?.name ?? 'Untitled');
      return file?.branchOf
        ? `${FIGMA}/design/${file.branchOf}/branch/${key}/${name}`
        : `${FIGMA}/design/${key}/${name}`;
    },
    notionUrl: (id) => `${NOTION}/p/${slug(notion.pages[id]?.title ?? 'Untitled')}-${id}`,
    legacyNotionUrl: (id) =>
      `${OLD_NOTION}/${notion.workspace}/${slug(notion.pages[id]?.title ?? 'Untitled')}-${id}`,
    notionPeekUrl: (databaseId, pageId) => `${sites.notionUrl(databaseId)}?p=${pageId}&pm=s`,
    docUrl: (id) => `${DOCS}/document/d/${id}/edit`,
  };
  const links = (urls: Array<[string, string]>) =>
    urls.map(([href, text]) => ({ href: new URL(href).pathname + new URL(href).search, text }));

  const serve =
    (tool: Tool, isPage: (url: URL) => boolean, data: () => unknown) => async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/__fixture__/site.js')
        return route.fulfill({ contentType: 'text/javascript', body: fixture(tool).script });
      if (!isPage(url))
        return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
      return route.fulfill({ contentType: 'text/html', body: page(tool, data()) });
    };

  await context.route(
    `${FIGMA}/**`,
    serve(
      'figma',
      (url) => /^\/(design|file)\//.test(url.pathname),
      () => ({
        files: Object.fromEntries(
          Object.entries(figmaFiles).map(([k, f]) => [
            k,
            { name: f.name, viewOnly: f.viewOnly ?? false },
          ]),
        ),
        links: links(Object.entries(figmaFiles).map(([k, f]) => [sites.figmaUrl(k), f.name])),
      }),
    ),
  );
  await context.route(
    `${NOTION}/**`,
    serve(
      'notion',
      (url) => url.pathname.startsWith('/p/'),
      () => ({
        workspace: notion.workspace,
        pages: notion.pages,
        links: links(Object.entries(notion.pages).map(([id, p]) => [sites.notionUrl(id), p.title])),
      }),
    ),
  );
  // The old host sends every page on to app.notion.com/p/<last segment>, as Notion does. Notion answers
  // with an HTTP redirect; Playwright cannot fulfil a navigation with one (Chromium then fails the
  // navigation), so the stand-in redirects from the page instead.
  await context.route(`${OLD_NOTION}/**`, async (route) => {
    const url = new URL(route.request().url());
    const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
    const target = JSON.stringify(`${NOTION}/p/${last}${url.search}`).replace(/</g, '\\u003c');
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Notion</title><script>location.replace(${target})</script>`,
    });
  });
  await context.route(
    `${DOCS}/**`,
    serve(
      'gdocs',
      (url) => url.pathname.startsWith('/document/d/'),
      () => ({
        docs,
        links: links(Object.entries(docs).map(([id, d]) => [sites.docUrl(id), d.title])),
      }),
    ),
  );
  return sites;
}

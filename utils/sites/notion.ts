/**
 * Notion (`app.notion.com`; `www.notion.so` until June 2026, still redirecting there).
 *
 * The artifact is the page, keyed by its id (32 hex digits, dashes removed,
 * lower case) from the end of the path (`/p/<Title>-<id>`, `/p/<id>` on
 * app.notion.com; `/<workspace>/<Title>-<id>`, `/<id>` on the old host), or
 * from `?p=<id>` when a page is open in a peek over a database (side or
 * centre peek): the peek is the page being edited. The canonical URL is
 * `https://app.notion.com/p/<id>` whichever host or route opened it: no title
 * slug (renames change it), no workspace (today's URLs carry none), no query.
 * A claim on `https://app.notion.com/p/` covers every Notion page.
 *
 * Notion names no owner of a page; a database page may show a "Created by"
 * property, which is used when it is on screen. Otherwise the owner is
 * nobody and the lead's claim decides (utils/background/service.ts).
 *
 * What counts is the `surfaces` table below: the page's blocks and its title
 * are content; database views inside a page and the page's properties are
 * planning; discussions, comments and Notion AI's prompt are conversation.
 */
import type { Artifact } from '@/utils/model/records';
import {
  isTextEditable,
  surfaceKindOf,
  type Ownership,
  type OwnershipLookup,
  type PageAdapter,
  type SiteAdapter,
  type Surface,
} from '@/utils/sites/types';
import { NOTION_TOOL, toolInfo } from '@/utils/model/tools';

/** Today's host first (docs/evidence/notion.md, Addresses: app.notion.com since June 2026; notion.so redirects there). */
const HOSTS = new Set(['app.notion.com', 'www.notion.so', 'notion.so']);
const ORIGIN = 'https://app.notion.com';
/** A page id at the end of a path segment or as a query value: 32 hex digits, possibly dashed 8-4-4-4-12. */
const PAGE_ID =
  /(?:^|[^0-9a-f])([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})$/i;
const EVIDENCE = 'docs/evidence/notion.md';

/**
 * What an edit on each part of a Notion page means. Innermost wins (utils/sites/types.ts).
 * Anything outside these (sidebar, topbar, search) matches nothing: silence.
 */
export const surfaces: readonly Surface[] = [
  // Blocks: `.notion-page-content > div[data-block-id].notion-selectable.notion-<type>-block`, text in
  // `[data-content-editable-leaf][contenteditable="true"]` leaves.
  {
    kind: 'content',
    selector: '.notion-page-content',
    what: 'Page text',
    evidence: `${EVIDENCE}, The page (markup 2022-2023, selectors in use 2026)`,
  },
  // Title: `h1[contenteditable]` or `h1[aria-roledescription="page title"]` (toggl 2026-03-10), in the title block.
  {
    kind: 'content',
    selector: '.notion-page-block',
    what: 'Title',
    evidence: `${EVIDENCE}, The page (2026-03)`,
  },
  {
    kind: 'content',
    selector: 'h1[contenteditable]',
    what: 'Title',
    evidence: `${EVIDENCE}, The page (2026-03)`,
  },
  {
    kind: 'content',
    selector: 'h1[aria-roledescription="page title"]',
    what: 'Title',
    evidence: `${EVIDENCE}, The page (2026-03)`,
  },
  // A database inside a page (inline table or board, `notion-collection_view-block`): its cells are
  // tasks' status, assignee, dates: planning, not the page's text.
  {
    kind: 'planning',
    selector: '.notion-collection_view-block',
    what: 'Database cells',
    evidence: `${EVIDENCE}, The page (the notion-<type>-block class scheme)`,
  },
  // A database page's properties (Status, Assignee, Due). Not in the evidence (docs/evidence/notion.md, Not found in any public source): they sit
  // outside every content surface, so they are silent whether or not this selector still matches.
  {
    kind: 'planning',
    selector: '[aria-label="Page properties"]',
    what: 'Properties',
    evidence: `${EVIDENCE}, Not found in any public source (silent either way)`,
  },
  {
    kind: 'planning',
    selector: '.notion-collection-property-row',
    what: 'Properties',
    evidence: `${EVIDENCE}, Not found in any public source (silent either way)`,
  },
  // Discussions and comments (page top, inline, margin). Their markup is not in the evidence: these
  // keep the composer silent where it is nested in a block (margin comments).
  {
    kind: 'conversation',
    selector: '.notion-discussion, .notion-page-view-discussion, .notion-margin-discussion-item',
    what: 'Discussion',
    evidence: `${EVIDENCE}, Not found in any public source`,
  },
  {
    kind: 'conversation',
    selector: '[class*="discussion" i], [class*="comment" i]',
    what: 'Comments',
    evidence: `${EVIDENCE}, Not found in any public source`,
  },
  {
    kind: 'conversation',
    selector: '[aria-label*="comment" i], [placeholder*="comment" i], [placeholder^="Reply" i]',
    what: 'Comment composer',
    evidence: `${EVIDENCE}, Not found in any public source`,
  },
  // Notion AI's prompt box: a request to the assistant, not the page.
  {
    kind: 'conversation',
    selector: '[class*="notion-ai" i]',
    what: 'Notion AI prompt',
    evidence: `${EVIDENCE}, Not found in any public source`,
  },
];

/** The peek (a page opened over a database with `?p=`), newest markup first. */
const PEEK_SELECTORS = [
  // Side and centre peek's renderer (toggl 2026-03-10, notion.md, The page).
  '.notion-peek-renderer',
  // Older test ids.
  '[data-testid="peek-renderer"]',
  '[data-testid="side-peek"]',
] as const;

/** The page's title, inside the page (or the peek), newest markup first. */
const TITLE_SELECTORS = [
  // Title heading (toggl 2026-03-10, notion.md, The page).
  'h1[contenteditable]',
  'h1[aria-roledescription="page title"]',
  '.notion-page-block h1',
  // Older title block: a contenteditable leaf with the "Untitled" placeholder.
  '.notion-page-block [data-content-editable-leaf="true"]',
  '[placeholder="Untitled"][contenteditable]',
] as const;

/** The topbar breadcrumb's last item names the page too (notion.md, The page: toggl 2026-03-10). */
const BREADCRUMB_TITLE = '.notion-topbar div > .notranslate';

/** The main page (outside any peek): `main.notion-frame` (notion.md, The page). */
const FRAME_SELECTORS = ['main.notion-frame', '.notion-frame', 'main'] as const;

/** Page property rows (database pages), where "Created by" may be shown. */
const PROPERTY_ROW_SELECTORS = [
  // Property table under the title: each property is a row, its name the row header.
  '[role="table"] [role="row"]',
  '[role="row"]',
  // Older markup: property rows by class.
  '.notion-collection-property-row',
] as const;

function pageId(value: string | null | undefined): string | null {
  const m = value ? PAGE_ID.exec(value) : null;
  return m ? m[1]!.replace(/-/g, '').toLowerCase() : null;
}

export function notionPage(
  url: URL,
): { key: string; url: string; peek: boolean; slug: string } | null {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const last = segments.at(-1) ?? '';
  const fromPeek = pageId(url.searchParams.get('p'));
  const fromPath = pageId(last);
  const key = fromPeek ?? fromPath;
  if (!key) return null;
  const slug =
    !fromPeek && fromPath
      ? last.slice(0, last.length - (last.match(PAGE_ID)?.[1]?.length ?? 0)).replace(/-+$/, '')
      : '';
  return { key, url: `${ORIGIN}/p/${key}`, peek: fromPeek !== null, slug };
}

function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const hit = root.querySelector(s);
    if (hit) return hit;
  }
  return null;
}

/** Where the artifact is shown: the peek when one is open (and the URL says so), else the page. */
function scopeOf(doc: Document, peek: boolean): ParentNode | null {
  if (peek) return firstOf(doc, PEEK_SELECTORS);
  return firstOf(doc, FRAME_SELECTORS) ?? doc;
}

const clean = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() ?? '';

function titleIn(scope: ParentNode): string | null {
  for (const s of TITLE_SELECTORS) {
    const text = clean(scope.querySelector(s)?.textContent);
    if (text) return text;
  }
  return null;
}

/** "Created by" in the page's properties, when shown: the names and avatars' labels in that row. */
function createdBy(scope: ParentNode): string[] {
  for (const selector of PROPERTY_ROW_SELECTORS) {
    for (const row of scope.querySelectorAll(selector)) {
      const header = row.querySelector('[role="rowheader"]') ?? row.firstElementChild;
      if (!header || !/^created by$/i.test(header.textContent?.trim() ?? '')) continue;
      const values: string[] = [];
      for (const cell of [...row.children].filter((c) => c !== header)) {
        values.push(cell.textContent ?? '');
        for (const el of cell.querySelectorAll('[alt], [aria-label]'))
          values.push(el.getAttribute('alt') ?? '', el.getAttribute('aria-label') ?? '');
      }
      const names = [...new Set(values.map(clean).filter(Boolean))];
      if (names.length) return names;
    }
  }
  return [];
}

export const notionPageAdapter: PageAdapter = {
  ...toolInfo(NOTION_TOOL),

  appliesTo: (url) => url.protocol === 'https:' && HOSTS.has(url.hostname),

  artifact(url, doc): Artifact | null {
    const page = notionPage(url);
    if (!page) return null;
    const scope = scopeOf(doc, page.peek);
    // The tab's title and the breadcrumb are the main page's, never the peek's.
    const fromDocTitle = page.peek ? '' : doc.title.replace(/\s+[|–—-]\s*Notion\s*$/, '').trim();
    const fromBreadcrumb = page.peek
      ? ''
      : clean([...doc.querySelectorAll(BREADCRUMB_TITLE)].at(-1)?.textContent);
    const title =
      (scope && titleIn(scope)) ||
      fromDocTitle ||
      fromBreadcrumb ||
      page.slug.replace(/-+/g, ' ').trim();
    return { key: page.key, title, url: page.url };
  },

  isContentEditor(el) {
    if (!isTextEditable(el) || surfaceKindOf(el, surfaces) !== 'content') return false;
    // With a peek open the artifact is the peek's page: typing behind it (side peek) is not attributed to it.
    const page = notionPage(new URL(el.ownerDocument.location.href));
    const peek = page?.peek ? firstOf(el.ownerDocument, PEEK_SELECTORS) : null;
    return !peek || peek.contains(el);
  },
};

/** Whose Notion page this is. Not in the always-loaded script: the page loads it when the lead focuses an editor (entrypoints/page/lookup.ts). */
export const notionOwnership: OwnershipLookup = async (
  _artifact,
  doc,
): Promise<Ownership | null> => {
  const scope = scopeOf(doc, notionPage(new URL(doc.location.href))?.peek ?? false);
  // Nobody unless the page shows its creator: a claim says whose page it is.
  return { owner: scope ? createdBy(scope) : [], viewer: [] };
};

export const notion: SiteAdapter = { ...notionPageAdapter, ownership: notionOwnership };

/**
 * Notion (`www.notion.so`).
 *
 * The artifact is the page, keyed by its id (32 hex digits, dashes removed,
 * lower case) from the end of the path (`/<workspace>/<Title>-<id>`,
 * `/<Title>-<id>`, `/<id>`), or from `?p=<id>` when a page is open in a
 * peek over a database (side or centre peek): the peek is the page being
 * edited. The canonical URL is `https://www.notion.so/<workspace>/<id>`
 * (`https://www.notion.so/<id>` where the URL names no workspace): no title
 * slug (renames change it) and no query, the same for a page opened
 * directly or in a peek. A claim on `https://www.notion.so/<workspace>/`
 * covers the workspace.
 *
 * Notion names no owner of a page; a database page may show a "Created by"
 * property, which is used when it is on screen. Otherwise the owner is
 * nobody and the lead's claim decides (utils/service.ts).
 *
 * Editing is typing in the page's blocks or its title. Comments and
 * discussions (page-level, inline and margin) and Notion AI's prompt are not.
 */
import type { Artifact } from '../model';
import { closestOf, isTextEditable, type Ownership, type SiteAdapter } from './types';

const HOSTS = new Set(['www.notion.so', 'notion.so']);
const ORIGIN = 'https://www.notion.so';
/** A page id at the end of a path segment or as a query value: 32 hex digits, possibly dashed 8-4-4-4-12. */
const PAGE_ID = /(?:^|[^0-9a-f])([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})$/i;
/** Workspace path segments are domain-like names. */
const WORKSPACE = /^[a-z0-9][a-z0-9_-]{0,62}$/i;

/** The peek (a page opened over a database with `?p=`), newest markup first. */
const PEEK_SELECTORS = [
  // The peek's renderer (side and centre peek).
  '.notion-peek-renderer',
  // The same container by test id.
  '[data-testid="peek-renderer"]',
  '[data-testid="side-peek"]',
] as const;

/** The page's title, inside the page (or the peek). */
const TITLE_SELECTORS = [
  // Title block: an editable heading.
  '.notion-page-block h1[contenteditable]',
  '.notion-page-block h1',
  // Older title block: a contenteditable leaf with the "Untitled" placeholder.
  '.notion-page-block [data-content-editable-leaf="true"]',
  '[placeholder="Untitled"][contenteditable]',
  // Any editable heading (a page without the block classes).
  'h1[contenteditable]',
] as const;

/** The main page (outside any peek). */
const FRAME_SELECTORS = ['.notion-frame', 'main'] as const;

/** Page property rows (database pages), where "Created by" may be shown. */
const PROPERTY_ROW_SELECTORS = [
  // Property table under the title: each property is a row, its name the row header.
  '[role="table"] [role="row"]',
  '[role="row"]',
  // Older markup: property rows by class.
  '.notion-page-block ~ * .notion-collection-property-row',
] as const;

/** Conversation: discussions, comments and their composers; Notion AI's prompt. */
const CONVERSATION_SELECTORS = [
  // Page discussions and comment threads (top of page, inline, margin).
  '.notion-discussion',
  '.notion-page-view-discussion',
  '.notion-discussion-container',
  '.notion-margin-discussion-item',
  '[class*="discussion" i]',
  '[class*="comment" i]',
  // Comment composers, by their label or placeholder ("Add a comment…", "Reply…").
  '[aria-label*="comment" i]',
  '[placeholder*="comment" i]',
  '[placeholder^="Reply" i]',
  // Notion AI's prompt box: a request to the assistant, not the page.
  '[class*="notion-ai" i]',
] as const;

/** Where the page's own content is edited. */
const CONTENT_SELECTORS = [
  // The page's blocks.
  '.notion-page-content',
  // The title block.
  '.notion-page-block',
  // A title heading outside the block classes.
  'h1[contenteditable]',
] as const;

function pageId(value: string | null | undefined): string | null {
  const m = value ? PAGE_ID.exec(value) : null;
  return m ? m[1]!.replace(/-/g, '').toLowerCase() : null;
}

export function notionPage(url: URL): { key: string; url: string; peek: boolean; slug: string } | null {
  if (!HOSTS.has(url.hostname)) return null;
  const segments = url.pathname.split('/').filter(Boolean).map((s) => {
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
  // A workspace segment precedes the page's segment: `/<workspace>/<Title>-<id>`.
  const workspace = segments.length >= 2 && WORKSPACE.test(segments[0]!) && !pageId(segments[0]) ? segments[0] : null;
  const slug = !fromPeek && fromPath ? last.slice(0, last.length - (last.match(PAGE_ID)?.[1]?.length ?? 0)).replace(/-+$/, '') : '';
  return { key, url: `${ORIGIN}/${workspace ? `${encodeURIComponent(workspace)}/` : ''}${key}`, peek: fromPeek !== null, slug };
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

function titleIn(scope: ParentNode): string | null {
  for (const s of TITLE_SELECTORS) {
    const text = scope.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim();
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
        values.push(cell.textContent?.trim() ?? '');
        for (const el of cell.querySelectorAll('[alt], [aria-label]')) values.push(el.getAttribute('alt') ?? '', el.getAttribute('aria-label') ?? '');
      }
      const names = [...new Set(values.map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean))];
      if (names.length) return names;
    }
  }
  return [];
}

export const notion: SiteAdapter = {
  id: 'notion',
  label: 'Notion',
  matches: ['https://www.notion.so/*', 'https://notion.so/*'],

  appliesTo: (url) => HOSTS.has(url.hostname),

  artifact(url, doc): Artifact | null {
    const page = notionPage(url);
    if (!page) return null;
    const scope = scopeOf(doc, page.peek);
    // The tab's title is the main page's, never the peek's.
    const fromDocTitle = page.peek ? '' : doc.title.replace(/\s+[|–—-]\s*Notion\s*$/, '').trim();
    const title = (scope && titleIn(scope)) || fromDocTitle || page.slug.replace(/-+/g, ' ').trim();
    return { key: page.key, title, url: page.url };
  },

  async ownership(_artifact, doc): Promise<Ownership | null> {
    const scope = scopeOf(doc, notionPage(new URL(doc.location.href))?.peek ?? false);
    // Nobody unless the page shows its creator: a claim says whose page it is.
    return { owner: scope ? createdBy(scope) : [], viewer: [] };
  },

  isContentEditor(el) {
    if (!isTextEditable(el)) return false;
    if (closestOf(el, CONVERSATION_SELECTORS)) return false;
    // With a peek open the artifact is the peek's page: typing behind it (side peek) is not attributed to it.
    const page = notionPage(new URL(el.ownerDocument.location.href));
    const peek = page?.peek ? firstOf(el.ownerDocument, PEEK_SELECTORS) : null;
    if (peek && !peek.contains(el)) return false;
    return closestOf(el, CONTENT_SELECTORS) !== null;
  },
};

/**
 * Confluence Cloud (`*.atlassian.net/wiki/...`).
 *
 * The artifact is the page (or blog post). Its key is the bare content id
 * (`3342337`), not `SPACE/3342337`: the id is unique within a site and
 * survives renames, moves to another space and space-key changes, and the
 * URL forms without a space (`?pageId=`, `resumedraft.action?draftId=`) give
 * the same key as `/wiki/spaces/KEY/pages/ID/Title` and its editor
 * (`/wiki/spaces/KEY/pages/edit-v2/ID`). The title carries the readable part.
 *
 * The owner is the page's owner (Confluence Cloud lets the creator hand a
 * page over; `history.ownedBy`), else its creator (`history.createdBy`),
 * from the same-origin REST API the page itself can use (the lead's session
 * cookie); when v1 fails, the v2 API for the content's type (a page's
 * `ownerId`, else its `authorId`; a blog post has only `authorId`); then the
 * first person in the page byline ("Owned by …" / "Created by …"). The editor
 * shows no byline, so with both APIs down only pages whose byline is on
 * screen (view mode, live docs) can be attributed; elsewhere the owner is
 * unread, which Adapter health and the popup say (and a claim can answer).
 */
import type { Artifact } from '@/utils/model/records';
import { normalizeIdentity, type Identity } from '@/utils/people/roster';
import {
  atlassianUserIdentity,
  getJson,
  isTextEditable,
  surfaceKindOf,
  surfaceSelectors,
  type Ownership,
  type OwnershipLookup,
  type PageAdapter,
  type SiteAdapter,
  type Surface,
} from '@/utils/sites/types';
import { CONFLUENCE_TOOL, toolInfo } from '@/utils/model/tools';

/** Confluence content ids are positive integers (long in the API). */
const CONTENT_ID = /^\d{1,20}$/;

/** Page title: the editor's title field first (what the lead is typing), then the page view's heading. */
const TITLE_SELECTORS = [
  // Editor (edit-v2): a textarea named editpages-title (docs/evidence/confluence.md, The editor, 2026-06 to 2026-09).
  'textarea[name="editpages-title"]',
  // Live docs: a textarea whose id starts livepages-title- (one source: named livepages-title), in #editor-title-id.
  'textarea[id^="livepages-title-"]',
  'textarea[name="livepages-title"]',
  '#editor-title-id textarea',
  // Older editor builds: the title textarea by test id, on itself or its wrapper (data-test-id spelled with a hyphen).
  'textarea[data-testid="editor-title"]',
  '[data-testid="editor-title"] textarea',
  'textarea[data-test-id="editor-title"]',
  // Page view (2026-09): h1#heading-title-text in span#content-title-id (The page view).
  '#heading-title-text',
  '#content-title-id h1',
  // Page view, older markup (2026-07 notes) and the space overview: #title-text, by id or test id.
  '[data-testid="title-text"]',
  '#title-text',
  // Live docs' title box in the 2026-07 notes: the wrapper itself.
  '#editor-title-id',
  '[data-testid="editor-title-container"]',
  // Legacy (TinyMCE) editor: an input.
  '#content-title',
] as const;

/** Page byline (API fallback): the first person named there is the owner or creator. */
const BYLINE_SELECTORS = [
  // docs/evidence/confluence.md, Whose page it is (2026-07).
  '[data-testid="byline-single-line"]',
  '[data-testid="page-byline"]',
  '[data-testid="content-byline"]',
  '[data-testid*="byline" i]',
  // Older view: "Created by <a class="url fn">…</a>, last modified by …".
  '.page-metadata',
] as const;

const EVIDENCE = 'docs/evidence/confluence.md';
/**
 * Comments: footer comments (`object-comment-wrapper`), their reply editor (`footer-reply-container`),
 * rendered comments (`.ak-renderer-wrapper.is-comment`), and anything else named for comments.
 */
const COMMENTISH = [
  '[data-testid*="comment" i]',
  '[data-testid="footer-reply-container"]',
  '[id*="comment" i]',
  '[class*="comment" i]',
];
const EDITOR_AREAS = ['.ak-editor-content-area', '#ak-editor-textarea'];

/**
 * What an edit on each part of a page means, innermost wins. The body is the Atlaskit
 * editor, the same component inline and footer comments use (down to `#ak-editor-textarea`), so an
 * editor area inside anything named for comments is conversation at that very node (a tie, which
 * conversation wins). Confluence's comment markup is not in the evidence; the page has no planning
 * fields on its edit surface (labels and owner are set elsewhere).
 */
export const surfaces: readonly Surface[] = [
  {
    kind: 'content',
    what: 'Page body (full-page editor)',
    selector: '[data-testid="ak-editor-fp-content-area"], [data-testid="ak-editor-container"]',
    evidence: `${EVIDENCE}, The editor (Atlaskit source, 2026)`,
  },
  {
    kind: 'content',
    what: 'Page body (editor area)',
    selector: EDITOR_AREAS.join(', '),
    evidence: `${EVIDENCE}, The editor (Atlaskit source, 2026)`,
  },
  {
    kind: 'content',
    what: 'Title (editor and live docs: a textarea)',
    selector:
      'textarea[name="editpages-title"], textarea[id^="livepages-title-"], textarea[name="livepages-title"]',
    evidence: `${EVIDENCE}, The editor (2026-06 to 2026-09)`,
  },
  {
    kind: 'content',
    what: 'Title (live docs: its box)',
    selector: '#editor-title-id, [data-testid="editor-title-container"]',
    evidence: `${EVIDENCE}, The page view (2026-07)`,
  },
  {
    kind: 'content',
    what: 'Title (older editor builds)',
    selector:
      'textarea[data-testid="editor-title"], [data-testid="editor-title"], textarea[data-test-id="editor-title"], #content-title',
    evidence: `${EVIDENCE}, The editor (user scripts, undated)`,
  },
  {
    kind: 'conversation',
    what: 'Inline and footer comments',
    selector: COMMENTISH.join(', '),
    evidence: `${EVIDENCE}, The page view (comment containers, 2024-06 and undated); composer not found`,
  },
  {
    kind: 'conversation',
    what: "A comment's own editor (the same editor as the page body)",
    selector: COMMENTISH.flatMap((c) => EDITOR_AREAS.map((e) => `${c} ${e}`)).join(', '),
    evidence: `${EVIDENCE}, The editor (the comment editors are the body's editor)`,
  },
];

/**
 * The content id in a Confluence URL, or null:
 * - `/wiki/spaces/KEY/pages/ID[/Title]` and `/wiki/spaces/KEY/pages/edit-v2/ID` (also `edit/ID`)
 * - `/wiki/spaces/KEY/blog/[YYYY/MM/DD/]ID[/Title]` and `/wiki/spaces/KEY/blog/edit-v2/ID`
 * - `?pageId=ID` (viewpage.action, editpage.action)
 * - `/wiki/pages/resumedraft.action?draftId=ID` (the draft's content id; when the API will not
 *   return a draft and no byline is shown, nothing is attributed and nothing prompts)
 */
export function confluencePageId(url: URL): string | null {
  if (!url.pathname.startsWith('/wiki/')) return null;
  const path = url.pathname;
  const fromPath =
    /^\/wiki\/spaces\/[^/]+\/pages\/(?:edit(?:-v2)?\/)?(\d+)(?:\/|$)/.exec(path)?.[1] ??
    /^\/wiki\/spaces\/[^/]+\/blog\/(?:edit(?:-v2)?\/|\d{4}\/\d{2}\/\d{2}\/)?(\d+)(?:\/|$)/.exec(
      path,
    )?.[1];
  const fromQuery =
    url.searchParams.get('pageId') ??
    (/\/resumedraft\.action$/.test(path) ? url.searchParams.get('draftId') : null);
  const candidate = fromPath ?? fromQuery ?? '';
  return CONTENT_ID.test(candidate) && !/^0+$/.test(candidate) ? candidate : null;
}

/** The space of a page URL (`/wiki/spaces/KEY/pages/…`); null for blog posts and the `.action` forms. */
function pageSpace(url: URL): string | null {
  const key = /^\/wiki\/spaces\/([^/]+)\/pages\//.exec(url.pathname)?.[1];
  return key ? decodeURIComponent(key) : null;
}

/** The title the lead sees: a form field's current value, else an element's text. */
function titleOf(doc: Document): string {
  for (const selector of TITLE_SELECTORS) {
    const el = doc.querySelector(selector);
    const text =
      el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement
        ? el.value
        : el?.textContent;
    if (text?.trim()) return text.trim();
  }
  return '';
}

/** Account id from a profile link: `/wiki/people/<accountId>` (Cloud) or `/people/<accountId>`. */
function accountIdFromHref(href: string | null): string | null {
  const id = href && /\/people\/([^/?#]+)/.exec(href)?.[1];
  return id ? decodeURIComponent(id) : null;
}

/** Marks of a person in a byline: profile links and avatars. */
const PERSON_MARKS = 'a[href*="/people/"], img[alt], [role="img"][aria-label]';

/**
 * The first person in the byline, in reading order ("Owned by Alice · Last
 * updated by Bob" is Alice's): a profile link's text and the account id in
 * its href, merged with an avatar of the same person just before it; else
 * the English "Owned by"/"Created by" text.
 */
function bylineOwner(doc: Document): Identity {
  for (const selector of BYLINE_SELECTORS) {
    const byline = doc.querySelector(selector);
    if (!byline) continue;
    const person: string[] = [];
    for (const mark of byline.querySelectorAll(PERSON_MARKS)) {
      const isLink = mark.matches('a');
      const name = (
        isLink ? mark.textContent : mark.getAttribute('alt') || mark.getAttribute('aria-label')
      )
        ?.replace(/\s+/g, ' ')
        .trim();
      if (!name) continue;
      if (person.length && normalizeIdentity(person[0]!) !== normalizeIdentity(name)) break; // The next person.
      if (!person.length) person.push(name);
      const accountId = isLink ? accountIdFromHref(mark.getAttribute('href')) : null;
      if (accountId && !person.includes(accountId)) person.push(accountId);
      if (isLink) break;
    }
    if (person.length) return person;
    // Plain text, English only: "Owned by Alice Chen · Last updated …", "Created by Alice Chen, last modified …".
    const text = byline.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const named = /\b(?:Owned|Created) by (.+?)(?=\s*[,·•|]| [Ll]ast | on |$)/
      .exec(text)?.[1]
      ?.trim();
    if (named) return [named];
  }
  return [];
}

export const confluencePageAdapter: PageAdapter = {
  ...toolInfo(CONFLUENCE_TOOL),

  appliesTo: (url) =>
    url.hostname.endsWith('.atlassian.net') &&
    (url.pathname === '/wiki' || url.pathname.startsWith('/wiki/')),

  artifact(url, doc): Artifact | null {
    const id = confluencePageId(url);
    if (!id) return null;
    const space = pageSpace(url);
    // A view URL, never the editor's: the record should open the page, not an edit session.
    // Blog posts and the `.action` forms use viewpage.action, which takes any content id.
    const canonical = space
      ? `${url.origin}/wiki/spaces/${encodeURIComponent(space)}/pages/${id}`
      : `${url.origin}/wiki/pages/viewpage.action?pageId=${id}`;
    return { key: id, title: titleOf(doc), url: canonical };
  },

  isContentEditor(el) {
    return isTextEditable(el) && surfaceKindOf(el, surfaces) === 'content';
  },
};

/** The selector lists "Copy details" reports on (`SiteAdapter.selectors`). Not in the always-loaded script: it loads with the lookups. */
export const confluenceSelectors = selectorLists();

/* #__NO_SIDE_EFFECTS__ */ // So a script that imports this module for its page adapter leaves it out.
function selectorLists(): SiteAdapter['selectors'] {
  return {
    title: TITLE_SELECTORS,
    owner: BYLINE_SELECTORS,
    content: surfaceSelectors(surfaces, 'content'),
    conversation: surfaceSelectors(surfaces, 'conversation'),
  };
}

type ContentType = 'page' | 'blogpost';

/** What the address says the content is: a page, a blog post, or (the `.action` forms) it does not say. */
function contentTypeOf(doc: Document): ContentType | null {
  const path = doc.location.pathname;
  if (/^\/wiki\/spaces\/[^/]+\/blog\//.test(path)) return 'blogpost';
  if (/^\/wiki\/spaces\/[^/]+\/pages\//.test(path)) return 'page';
  return null;
}

/** The v2 API's path for each type: each answers 404 for the other's ids. */
const V2_PATH: Record<ContentType, string> = { page: 'pages', blogpost: 'blogposts' };

/**
 * The content as the v2 API has it (docs/evidence/confluence.md, Whose page it is): at the path
 * for its type, or, when the address does not say, as a page and then as a blog post.
 */
async function v2Content(
  origin: string,
  id: string,
  type: ContentType | null,
  signal: AbortSignal,
): Promise<{ ownerId?: unknown; authorId?: unknown; title?: unknown } | null> {
  for (const each of type ? [type] : (['page', 'blogpost'] as const)) {
    const found = await getJson(
      `${origin}/wiki/api/v2/${V2_PATH[each]}/${encodeURIComponent(id)}`,
      signal,
    ).catch(() => null);
    signal.throwIfAborted();
    if (found && typeof found === 'object') return found;
  }
  return null;
}

/** Whose Confluence page this is. Not in the always-loaded script: the page loads it when the lead focuses an editor (entrypoints/page/lookup.ts). */
export const confluenceOwnership: OwnershipLookup = async (
  artifact,
  doc,
  signal,
): Promise<Ownership | null> => {
  const origin = new URL(artifact.url).origin;
  const [content, current] = await Promise.allSettled([
    getJson(
      `${origin}/wiki/rest/api/content/${encodeURIComponent(artifact.key)}?expand=history,history.ownedBy`,
      signal,
    ),
    getJson(`${origin}/wiki/rest/api/user/current`, signal),
  ]);
  signal.throwIfAborted();
  const viewer = current.status === 'fulfilled' ? atlassianUserIdentity(current.value) : [];
  if (content.status === 'fulfilled') {
    const page = (content.value ?? {}) as {
      title?: unknown;
      history?: { ownedBy?: unknown; createdBy?: unknown };
    };
    const owned = atlassianUserIdentity(page.history?.ownedBy);
    const owner = owned.length ? owned : atlassianUserIdentity(page.history?.createdBy);
    const title = typeof page.title === 'string' && page.title ? page.title : undefined;
    if (owner.length) return { owner, viewer, title };
  }
  const byline = bylineOwner(doc);
  const v2 = await v2Content(origin, artifact.key, contentTypeOf(doc), signal);
  signal.throwIfAborted();
  // A page names its owner (else its author); a blog post has an author and no owner.
  const accountId = [v2?.ownerId, v2?.authorId].find(
    (id): id is string => typeof id === 'string' && id.trim().length > 0,
  );
  if (accountId) {
    // v2 names people by account id only: the byline adds the name when it links the same account.
    const owner = byline.includes(accountId) ? [...new Set([accountId, ...byline])] : [accountId];
    const title = typeof v2?.title === 'string' && v2.title ? v2.title : undefined;
    return { owner, viewer, ...(title ? { title } : {}) };
  }
  return byline.length ? { owner: byline, viewer } : null;
};

export const confluence: SiteAdapter = {
  ...confluencePageAdapter,
  ownership: confluenceOwnership,
  selectors: confluenceSelectors,
};

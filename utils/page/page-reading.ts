/**
 * What an adapter reads on its page right now, for the popup's "On this page"
 * (asked by the popup, never pushed): the item, the owner's identities as the
 * tool gives them, and which of the adapter's selectors match here. Runs in
 * the content script; sends no page text beyond the item's key and title and
 * the owner's identities.
 */
import type { ToolId } from '@/utils/model/constants';
import type { PageReading, SiteAdapter } from '@/utils/sites/types';

/** How long the popup waits for the owner (a same-origin REST call) before saying it could not be read. */
export const READ_OWNER_TIMEOUT_MS = 4_000;

export async function readPage(adapter: SiteAdapter, doc: Document): Promise<PageReading> {
  const url = new URL(doc.location.href);
  const artifact = adapter.artifact(url, doc);
  let owner: PageReading['owner'] = null;
  let viewer: PageReading['viewer'] = [];
  let title = artifact?.title ?? '';
  if (artifact) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), READ_OWNER_TIMEOUT_MS);
    const ownership = await adapter.ownership(artifact, doc, controller.signal).catch(() => null);
    clearTimeout(timer);
    if (ownership) {
      owner = ownership.owner;
      viewer = ownership.viewer;
      title ||= ownership.title ?? '';
    }
  }
  return {
    tool: adapter.id,
    toolLabel: adapter.label,
    artifact: artifact && { ...artifact, title },
    owner,
    viewer,
    urlShape: urlShape(url, adapter.id),
    selectors: selectorsOn(adapter, doc),
  };
}

/**
 * The words of each tool's own addresses (routes, never data): in an address's shape every other
 * path segment becomes ":id", so a workspace, a user name or a page's title never leaves the page.
 * Lower case, as the tools write them.
 */
const PATH_WORDS: Record<ToolId, readonly string[]> = {
  jira: [
    'browse',
    'jira',
    'software',
    'c',
    'projects',
    'project',
    'issues',
    'boards',
    'board',
    'backlog',
    'list',
    'timeline',
    'summary',
    'servicedesk',
    'queues',
    'core',
    'secure',
    'rapidboard.jspa',
    'forms',
    'settings',
  ],
  confluence: [
    'wiki',
    'spaces',
    'pages',
    'blog',
    'edit',
    'edit-v2',
    'viewpage.action',
    'display',
    'overview',
    'folder',
    'whiteboard',
    'database',
    'home',
  ],
  github: [
    'issues',
    'pull',
    'pulls',
    'edit',
    'blob',
    'tree',
    'wiki',
    'discussions',
    'files',
    'commits',
    'commit',
    'compare',
    'projects',
    'new',
    'users',
    'orgs',
  ],
  linear: [
    'issue',
    'issues',
    'project',
    'projects',
    'team',
    'view',
    'views',
    'inbox',
    'my-issues',
    'cycle',
    'cycles',
    'active',
    'backlog',
    'all',
    'triage',
    'settings',
    'document',
  ],
  figma: [
    'design',
    'file',
    'files',
    'proto',
    'board',
    'slides',
    'branch',
    'project',
    'team',
    'recent',
  ],
  notion: ['p'],
  asana: ['0', '1', 'f', 'task', 'project', 'list', 'board', 'overview', 'home', 'inbox', 'search'],
  gdocs: ['document', 'd', 'u', 'edit', 'view', 'preview'],
  custom: [],
};

/**
 * An address's structure with nothing that could name a thing or a person: a path segment that is
 * not one of the tool's own words becomes ":id", query values become ":value", the hash goes.
 */
export function urlShape(url: URL, tool: ToolId): string {
  const words = PATH_WORDS[tool] ?? [];
  const path = url.pathname
    .split('/')
    .map((part) => (part === '' || words.includes(part) ? part : ':id'))
    .join('/');
  // forEach, not keys(): in Firefox's content scripts that iterator is not iterable (found by tests/firefox).
  const keys = new Set<string>();
  url.searchParams.forEach((_value, key) => keys.add(key));
  const query = [...keys]
    .map((k) => `${/^[a-zA-Z_]{1,30}$/.test(k) ? k : ':key'}=:value`)
    .join('&');
  return `${url.origin}${path}${query ? `?${query}` : ''}`;
}

/** "title: h1[…]" for each selector the adapter lists, split by whether it matches on this page. */
export function selectorsOn(adapter: SiteAdapter, doc: ParentNode): PageReading['selectors'] {
  const matched: string[] = [];
  const missed: string[] = [];
  for (const [what, list] of Object.entries(adapter.selectors ?? {})) {
    for (const selector of list) {
      let hit = false;
      try {
        hit = doc.querySelector(selector) !== null;
      } catch {
        // A selector this browser cannot parse matches nothing.
      }
      (hit ? matched : missed).push(`${what}: ${selector}`);
    }
  }
  return { matched, missed };
}

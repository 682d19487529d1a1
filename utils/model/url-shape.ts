/**
 * An address as its structure only, for Copy details and adapter diagnostics: enough for whoever
 * maintains an adapter to see which kind of page it was, and nothing that names a thing or a person.
 */
import type { ToolId } from '@/utils/model/constants';

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

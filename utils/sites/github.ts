/**
 * GitHub (`https://github.com`): issues, pull requests, and files edited in
 * the web editor.
 *
 * - Issue `/owner/repo/issues/N` and pull request `/owner/repo/pull/N[/files…]`:
 *   key `owner/repo#N`. An issue is its assignees' work (none assigned: nobody's,
 *   whoever opened it); a pull request is its author's.
 * - File in the web editor `/owner/repo/edit/BRANCH/PATH`: key
 *   `owner/repo@BRANCH:PATH`, URL the file's `/blob/` page. GitHub names no
 *   owner for a file (the last committer is not its owner), so the owner is
 *   empty: no prompt, unless the lead has claimed the repo or the file
 *   ("This belongs to…"), which the background applies to an owner-less edit.
 *   A branch with a slash in its name is read as branch + directory (the URL
 *   alone cannot tell them apart); the key stays stable either way.
 *
 * Everything is read from the page (GitHub's markup carries the owner and the
 * viewer): no network calls. Every read uses the URL it is given, so Turbo and
 * React soft navigations never carry one item's key to the next.
 */
import type { Artifact } from '@/utils/model/records';
import type { Identity } from '@/utils/people/roster';
import {
  closestOf,
  firstText,
  isTextEditable,
  surfaceKindOf,
  surfaceSelectors,
  type Ownership,
  type OwnershipLookup,
  type PageAdapter,
  type SiteAdapter,
  type Surface,
  type TakeoverControls,
} from '@/utils/sites/types';
import { GITHUB_TOOL, toolInfo } from '@/utils/model/tools';

const ORIGIN = 'https://github.com';
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})';
const REPO = '[A-Za-z0-9._-]{1,100}';
const CONVERSATION_PATH = new RegExp(`^/(${OWNER})/(${REPO})/(issues|pull)/(\\d{1,9})(?:/.*)?$`);
const EDIT_PATH = new RegExp(`^/(${OWNER})/(${REPO})/edit/([^/]+)/(.+?)/?$`);

/** Title of an issue or pull request, newest markup first. */
const TITLE_SELECTORS = [
  // Issues (React view, 2024-).
  '[data-testid="issue-title"]',
  // Issues and pull requests in Primer's PageHeader.
  'h1[data-component="PH_Title"] .markdown-title',
  // Pull requests (React header, 2025-): the same PageHeader, matched by its class.
  'h1[class*="PageHeader-Title"] .markdown-title',
  // Legacy (Rails) header, still on pull requests.
  '.js-issue-title',
] as const;

/**
 * A pull request's author. The first match wins. Never the React header (Feb 2026): on a
 * merged pull request its only user link is the merger, not the author (github.md §3).
 */
const PR_AUTHOR_SELECTORS = [
  // React views: the opening post's author.
  'a[data-testid="issue-body-header-author"]',
  // Timeline: the author of the description (first post).
  '.js-command-palette-pull-body a.author',
] as const;

/** Where an issue's assignees are listed (the link per person carries the login). */
const ASSIGNEE_SECTIONS = [
  // React issue view, 2024-.
  '[data-testid="sidebar-assignees-section"]',
  // Legacy sidebar.
  '.js-issue-assignees',
] as const;

/**
 * Where an assigning click lands: the sidebar's assignees section and the assignee picker, which
 * in 2026 is a Primer SelectPanel rendered in Primer's portal (`#__primerPortalRoot__`), not in the
 * section; any dialog or listbox is let in here and `isAssigneePicker` says which is the picker.
 */
const TAKEOVER_CLICKS =
  '[aria-label*="assignee" i], [data-testid="sidebar-assignees-section"], #__primerPortalRoot__, [role="dialog"], [role="listbox"]';

/** An overlay that lists people to pick. */
const PICKER = '[role="dialog"], [role="listbox"], [role="menu"]';
/** A filter box for assignees ("Filter assignees"): in 2026 the only part of the picker that names itself so. */
const ASSIGNEE_FILTER =
  'input[aria-label*="assignee" i], input[placeholder*="assignee" i], [role="combobox"][aria-label*="assignee" i]';
/** A picker option's parts in Primer's ActionList: the login (label) and the person's name (description). */
const OPTION_PARTS =
  '[class*="ItemLabel"], [class*="Description"], [data-component="ActionList.Description"]';

const EVIDENCE = 'docs/evidence/github.md';

/**
 * What an edit on each part of an issue or pull request means, innermost wins.
 * Content: title and description. Planning: the sidebar (assignees, labels, projects,
 * milestone, development, type) and every picker overlay. Conversation: comments and reviews.
 */
export const surfaces: readonly Surface[] = [
  // Content.
  // The title field (`input[placeholder="Title"]`) exists only while editing; a new sub-issue's dialog has one too.
  {
    kind: 'content',
    what: 'Issue title (field only while editing)',
    selector: '[data-testid="issue-header"]',
    evidence: `${EVIDENCE}, The issue page (2024-10 to 2026-08)`,
  },
  {
    kind: 'content',
    what: 'Pull request title (React header, Feb 2026; rotating class hashes)',
    selector: '[class*="PageLayout-Header"]',
    evidence: `${EVIDENCE}, The pull request page (2026-02 to 2026-09)`,
  },
  {
    kind: 'content',
    what: 'Title (legacy header form)',
    selector:
      '#issue_title, input[name="issue[title]"], input[name="pull_request[title]"], #pull_request_title',
    evidence: `${EVIDENCE}, The pull request page (legacy)`,
  },
  {
    kind: 'content',
    what: 'Issue description',
    selector:
      '.react-issue-body, [data-testid="issue-body"], [data-testid="issue-viewer-issue-container"]',
    evidence: `${EVIDENCE}, The issue page (2025-08 to 2026-08)`,
  },
  {
    kind: 'content',
    what: 'Pull request description (first post, legacy timeline)',
    selector:
      '.js-command-palette-pull-body, textarea[name="pull_request[body]"], textarea[name="issue[body]"]',
    evidence: `${EVIDENCE}, The pull request page (legacy, still on pull requests)`,
  },
  // Planning: the sidebar and its pickers.
  {
    kind: 'planning',
    what: 'Sidebar: assignees, labels, projects, milestone, type, development',
    selector:
      '[data-testid="issue-viewer-metadata-container"], [data-testid="issue-viewer-metadata-pane"], [data-testid^="sidebar-"]',
    evidence: `${EVIDENCE}, The issue page (2025-08 to 2026-08)`,
  },
  {
    kind: 'planning',
    what: 'Pull request sidebar (legacy)',
    selector: '#partial-discussion-sidebar, .discussion-sidebar-item',
    evidence: `${EVIDENCE}, The assignee picker (legacy pull request sidebar)`,
  },
  {
    kind: 'planning',
    what: 'Pickers and other overlays (assignees, labels, new sub-issue)',
    selector: '[role="dialog"], [role="menu"], [role="listbox"]',
    evidence: `${EVIDENCE}, The assignee picker (2026; other overlays by ARIA role)`,
  },
  // Conversation.
  {
    kind: 'conversation',
    what: 'New comment (React issue view)',
    selector:
      '#react-issue-comment-composer, [data-testid="comment-composer"], textarea[aria-labelledby="comment-composer-heading"]',
    evidence: `${EVIDENCE}, The issue page (2024-10 to 2026-08)`,
  },
  {
    kind: 'conversation',
    what: 'Comments and their edit boxes',
    selector:
      '[data-testid="issue-viewer-comments-container"], .react-issue-comment, [data-timeline-event-id]',
    evidence: `${EVIDENCE}, The issue page (2025-08 to 2026-08)`,
  },
  {
    kind: 'conversation',
    what: 'Review comments (files view)',
    selector: 'div[class*="AddCommentEditor"], [data-testid="review-thread"]',
    evidence: `${EVIDENCE}, The pull request page (refined-github, 2026)`,
  },
  {
    kind: 'conversation',
    what: 'Comments, reviews and replies (legacy views)',
    selector:
      '#new_comment_field, #issue-comment-box, .js-new-comment-form, textarea[name="comment[body]"], textarea[name="issue_comment[body]"], textarea[name="pull_request_review[body]"], textarea[name="pull_request_review_comment[body]"], #pull_request_review_body, .review-comment, .inline-comments, .js-inline-comment-form, .js-resolvable-timeline-thread-container',
    evidence: `${EVIDENCE}, The pull request page (legacy comment box)`,
  },
];

/** The web editor's file content and name (`/edit/` pages only). */
const FILE_EDITOR_SELECTORS = [
  // CodeMirror 6 (React editor, 2023-).
  '.cm-editor .cm-content',
  // File name field in the editor's breadcrumb.
  'input[aria-label="File name"]',
  // Legacy editor (CodeMirror 5) and its file name field.
  '.CodeMirror',
  'input.js-blob-filename',
] as const;

type GitHubPage =
  | { kind: 'issues' | 'pull'; owner: string; repo: string; number: string }
  | { kind: 'edit'; owner: string; repo: string; branch: string; path: string; rawRef: string };

/** What a github.com URL points at, or null for every other page (lists, new issue, settings). */
export function githubPage(url: URL): GitHubPage | null {
  if (url.hostname !== 'github.com') return null;
  const conversation = CONVERSATION_PATH.exec(url.pathname);
  if (conversation) {
    const [, owner, repo, kind, number] = conversation as unknown as [
      string,
      string,
      string,
      'issues' | 'pull',
      string,
    ];
    if (repo === '.' || repo === '..') return null;
    return { kind, owner, repo, number: String(Number(number)) };
  }
  const edit = EDIT_PATH.exec(url.pathname);
  if (edit) {
    const [, owner, repo, rawBranch, rawPath] = edit as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const branch = decode(rawBranch);
    const path = decode(rawPath);
    if (repo === '.' || repo === '..' || !branch || !path) return null;
    return { kind: 'edit', owner, repo, branch, path, rawRef: `${rawBranch}/${rawPath}` };
  }
  return null;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * `owner/repo` as GitHub spells it: the page's repository meta tag when it
 * names the same repository (URLs are case-insensitive), else the URL's.
 */
function repoName(doc: Document, owner: string, repo: string): string {
  const typed = `${owner}/${repo}`;
  const meta = doc
    .querySelector('meta[name="octolytics-dimension-repository_nwo"]')
    ?.getAttribute('content')
    ?.trim();
  return meta && meta.toLowerCase() === typed.toLowerCase() ? meta : typed;
}

/**
 * The browser tab's title: "Title · Issue #12 · owner/repo" or
 * "Title by alice · Pull Request #12 · owner/repo". Used only when it names
 * the same item (after a soft navigation it may still be the previous one's).
 */
function fromDocumentTitle(
  doc: Document,
  page: GitHubPage,
): { title: string; author: string | null } | null {
  if (page.kind === 'edit') return null;
  // Real tab titles end in " · GitHub" (github.md); older captures and some tabs do not.
  const m = /^(.*?)(?: by (\S+))? · (Issue|Pull Request) #(\d+) · (\S+\/\S+?)(?: · GitHub)?$/.exec(
    doc.title.trim(),
  );
  if (!m) return null;
  const [, title = '', author, type, number, nwo = ''] = m;
  if (number !== page.number || nwo.toLowerCase() !== `${page.owner}/${page.repo}`.toLowerCase())
    return null;
  if ((type === 'Pull Request') !== (page.kind === 'pull')) return null;
  return { title: title.trim(), author: author ?? null };
}

/** A login from a profile link: `/alice`, `https://github.com/alice`, `/users/alice/hovercard`. */
function loginFromPath(value: string | null): string | null {
  if (!value) return null;
  let path: string;
  try {
    path = new URL(value, ORIGIN).pathname;
  } catch {
    return null;
  }
  const m =
    /^\/(?:users\/)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?)(?:\/hovercard)?\/?$/.exec(path);
  return m?.[1] ?? null;
}

/** What the page shows for one person: login (link text, href, hovercard), display name, avatar's alt. */
function personIdentity(el: Element): string[] {
  const values = [
    el.textContent,
    loginFromPath(el.getAttribute('data-hovercard-url')),
    loginFromPath(el.getAttribute('href')),
    ...[...el.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt')),
  ];
  return values
    .map((v) => (v ?? '').trim().replace(/\s+/g, ' ').replace(/^@/, ''))
    .filter((v) => v.length > 0 && v.length <= 100);
}

function unique(values: string[]): Identity {
  return [...new Set(values)];
}

/** A link to a person's profile (not to a label, a team or "assign yourself"). */
function isPersonLink(a: Element): boolean {
  const hovercard = a.getAttribute('data-hovercard-url');
  if (hovercard) return /^\/users\//.test(hovercard);
  return loginFromPath(a.getAttribute('href')) !== null;
}

/**
 * A bot or an agent (GitHub's `assignedActors` include them, 2026): a link to an app, a
 * `[bot]` login, a hovercard GitHub marks as a bot's or an app's, or Copilot's coding agent.
 * Never a person whose work the item is.
 */
export function isBotOrAgent(link: Element): boolean {
  const href = link.getAttribute('href') ?? '';
  const hovercard = link.getAttribute('data-hovercard-url') ?? '';
  if ([href, hovercard].some((v) => /^(?:https:\/\/github\.com)?\/apps\//i.test(v))) return true;
  if (/^(bot|app|copilot)$/i.test(link.getAttribute('data-hovercard-type') ?? '')) return true;
  const login = loginFromPath(hovercard) ?? loginFromPath(href) ?? '';
  return /\[bot\]$/i.test(login) || /^copilot$/i.test(login);
}

function assignees(root: ParentNode): Identity | null {
  for (const selector of ASSIGNEE_SECTIONS) {
    const section = root.querySelector(selector);
    if (!section) continue;
    // An empty section ("No one assigned") is an answer: nobody's. So is one listing only agents.
    return unique(
      [...section.querySelectorAll('a[href]')]
        .filter((a) => isPersonLink(a) && !isBotOrAgent(a))
        .flatMap(personIdentity),
    );
  }
  return null;
}

/** The accessible name an overlay gets from `aria-label` or the elements `aria-labelledby` names. */
function overlayName(el: Element): string {
  const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '');
  return [el.getAttribute('aria-label') ?? '', ...labelledBy].join(' ');
}

/**
 * Whether `option` is in an issue's assignee picker, wherever it renders (Primer's portal, or
 * inside the sidebar): an overlay around it named for assignees ("Select assignees", through
 * `aria-labelledby`) or holding the "Filter assignees" box; older pickers sit under an element
 * labelled for assignees.
 */
function isAssigneePicker(option: Element): boolean {
  for (let box = option.closest(PICKER); box; box = box.parentElement?.closest(PICKER) ?? null) {
    if (/assignee/i.test(overlayName(box)) || box.querySelector(ASSIGNEE_FILTER)) return true;
  }
  return (
    option.closest('[aria-label*="assignee" i], [data-testid="sidebar-assignees-section"]') !== null
  );
}

/**
 * Who a picker option names, each part read on its own: the login and the name sit side by side
 * with no space between them ("dana-leadDana Lead"), so the option's whole text is no identity.
 */
export function optionIdentity(option: Element): Identity {
  const slots = [...option.querySelectorAll(OPTION_PARTS)];
  // A wrapper holding both slots would glue them again: only the innermost slots.
  const parts: (string | null)[] = slots
    .filter((el) => !slots.some((other) => other !== el && el.contains(other)))
    .map((el) => el.textContent);
  if (!parts.length) {
    // No ActionList slots: each piece of text on its own.
    const walker = option.ownerDocument.createTreeWalker(option, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement?.closest('[aria-hidden="true"], svg')) parts.push(node.textContent);
  }
  const avatars = [...option.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt'));
  return unique(
    [...parts, ...avatars]
      .map((v) => (v ?? '').trim().replace(/\s+/g, ' ').replace(/^@/, ''))
      .filter((v) => v.length > 0 && v.length <= 100),
  );
}

function pullAuthor(doc: Document, page: GitHubPage): Identity | null {
  for (const selector of PR_AUTHOR_SELECTORS) {
    const link = doc.querySelector(selector);
    if (link && isBotOrAgent(link)) return []; // Opened by a bot or an agent: nobody's work.
    const identity = link ? personIdentity(link) : [];
    if (identity.length) return unique(identity);
  }
  // The tab's title: "Title by alice · Pull Request #12 · owner/repo · GitHub".
  const author = fromDocumentTitle(doc, page)?.author;
  if (author) return [author];
  // Legacy header "alice wants to merge…"; once merged it reads "bob merged…" (the merger): not read then.
  const meta = doc.querySelector('.gh-header-meta');
  const link =
    meta && !meta.querySelector('.State--merged') ? meta.querySelector('a.author') : null;
  return link ? unique(personIdentity(link)) : null;
}

function viewerOf(doc: Document): Identity {
  const logins = ['user-login', 'octolytics-actor-login'].map(
    (name) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() ?? '',
  );
  return unique(logins.filter(Boolean));
}

export const githubPageAdapter: PageAdapter = {
  ...toolInfo(GITHUB_TOOL),

  appliesTo: (url) => url.protocol === 'https:' && url.hostname === 'github.com',

  artifact(url, doc): Artifact | null {
    const page = githubPage(url);
    if (!page) return null;
    const repo = repoName(doc, page.owner, page.repo);
    if (page.kind === 'edit') {
      return {
        key: `${repo}@${page.branch}:${page.path}`,
        title: page.path,
        url: `${ORIGIN}/${repo}/blob/${page.rawRef}`,
      };
    }
    // While the title is being edited its heading may be gone: the tab's title still has it.
    const title = firstText(doc, TITLE_SELECTORS) ?? fromDocumentTitle(doc, page)?.title ?? '';
    return {
      key: `${repo}#${page.number}`,
      title,
      url: `${ORIGIN}/${repo}/${page.kind}/${page.number}`,
    };
  },

  isContentEditor(el) {
    if (!isTextEditable(el)) return false;
    const location = el.ownerDocument.location;
    const page = location ? githubPage(new URL(location.href)) : null;
    if (!page) return false;
    if (page.kind === 'edit') return closestOf(el, FILE_EDITOR_SELECTORS) !== null;
    return surfaceKindOf(el, surfaces) === 'content';
  },

  takeoverZone: { clicks: TAKEOVER_CLICKS, assignee: ASSIGNEE_SECTIONS },
};

/** Taking over on GitHub. Not in the always-loaded script: it loads with the lookups (entrypoints/page/lookup.ts). */
export const githubTakeover: TakeoverControls = {
  // An issue's assignee picker: an unselected person picked. A pull request is its author's:
  // assigning it is planning.
  assignedBy(el) {
    const location = el.ownerDocument.location;
    if (!location || githubPage(new URL(location.href))?.kind !== 'issues') return null;
    const option = el.closest('[role="option"], [role="menuitemcheckbox"]');
    if (!option || !isAssigneePicker(option)) return null;
    if (
      option.getAttribute('aria-selected') === 'true' ||
      option.getAttribute('aria-checked') === 'true'
    )
      return null;
    const identity = optionIdentity(option);
    return identity.length ? { to: 'person', identity } : null;
  },
  assigneeOnPage: (root) => assignees(root),
};

/** The selector lists "Copy details" reports on (`SiteAdapter.selectors`). Not in the always-loaded script: it loads with the lookups. */
export const githubSelectors = selectorLists();

/* #__NO_SIDE_EFFECTS__ */ // So a script that imports this module for its page adapter leaves it out.
function selectorLists(): SiteAdapter['selectors'] {
  return {
    title: TITLE_SELECTORS,
    owner: [...PR_AUTHOR_SELECTORS, ...ASSIGNEE_SECTIONS],
    content: surfaceSelectors(surfaces, 'content'),
    conversation: surfaceSelectors(surfaces, 'conversation'),
  };
}

/** Whose GitHub item this is. Not in the always-loaded script: the page loads it when the lead focuses an editor (entrypoints/page/lookup.ts). */
export const githubOwnership: OwnershipLookup = async (
  artifact,
  doc,
  signal,
): Promise<Ownership | null> => {
  signal.throwIfAborted();
  const viewer = viewerOf(doc);
  // A file's artifact URL is its /blob/ page: GitHub names no owner for it; the lead's claims decide.
  const page = githubPage(new URL(artifact.url));
  if (!page || page.kind === 'edit') return { owner: [], viewer };
  const owner = page.kind === 'pull' ? pullAuthor(doc, page) : assignees(doc);
  return owner ? { owner, viewer } : null;
};

export const github: SiteAdapter = {
  ...githubPageAdapter,
  ownership: githubOwnership,
  selectors: githubSelectors,
  takeover: githubTakeover,
};

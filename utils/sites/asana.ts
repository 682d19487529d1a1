/**
 * Asana (`https://app.asana.com`).
 *
 * The artifact is the task open in the task pane (or full screen): its id
 * (Asana's numeric gid) from the URL, in either of Asana's URL schemes:
 *
 * - `/0/<project>/<task>`, `/0/<project>/<task>/f` (full screen); the
 *   "project" is any container, My Tasks included, and `0` for none;
 * - `/1/<workspace>/project/<project>/task/<task>`, `/1/<workspace>/task/<task>`
 *   and other `/1/…/task/<task>` views.
 *
 * Where the URL names no task (the inbox, search) but a task pane is open,
 * the pane's own `data-task-id` says which task it is. The artifact's URL is
 * the URL's task path (the project stays in it, so a claim on a project
 * covers its tasks).
 *
 * The owner is the task pane's assignee token. Everything is read from the
 * page: no network calls. The viewer is not in the markup in a form we can
 * read reliably (the avatars show initials): empty, the roster's "me" applies.
 *
 * What counts is the `surfaces` table: the task's name and description are
 * content; assignee, due date, projects, tags and custom fields are planning;
 * the comment composer and the story feed are conversation. Asana moves its
 * components to hashed CSS-module class names over time, so the last
 * selectors of each list match a class name's stable prefix.
 */
import type { Artifact } from '@/utils/model/records';
import type { Identity } from '@/utils/people/roster';
import {
  closestOf,
  isTextEditable,
  surfaceKindOf,
  visibleText,
  type Ownership,
  type OwnershipLookup,
  type PageAdapter,
  type SiteAdapter,
  type Surface,
} from '@/utils/sites/types';
import { ASANA_TOOL, toolInfo } from '@/utils/model/tools';

const ORIGIN = 'https://app.asana.com';
const GID = '(\\d{1,20})';
/** `/0/<container>/<task>` and `/0/<container>/<task>/f`: both segments numeric (`/0/home/<id>`, `/0/inbox/<id>` are not tasks). */
const V0_TASK = new RegExp(`^/0/${GID}/${GID}(?:/f)?/?$`);
/** `/1/<workspace>/…/task/<task>[/f]`: the task is the id after the last `task` segment. */
const V1_TASK = new RegExp(`^(/1/${GID}(?:/[^/]+)*?/task/${GID})(?:/f)?/?$`);

/** The task pane when it does not say which task it shows (no `data-task-id`), newest markup first. */
const PANE_SELECTORS = [
  // Task pane: `<article class="TaskPane" data-task-id="…">`, side pane or full screen.
  '.TaskPane',
  // Single-task pane (older markup).
  '.SingleTaskPane',
] as const;

/** The task name field, newest markup first. Read as the field's value (a textarea). */
const TITLE_SELECTORS = [
  // Task pane, "Sol" markup (TMetric 2026-03, Asana-Link-Copier 2024-12): the title input's textarea,
  // `.SimpleTextarea`, no longer labelled "Task Name".
  '.TitleInput textarea',
  '.TitleInput-objectName textarea',
  // Task pane (as Toggl's integration reads it, 2026-04): the title block's textarea.
  '.TaskPaneTitle textarea',
  // Task pane as Clockify's integration reads it (2026-03): the heading's textarea in the pane body.
  '.TaskPaneBody-main [role="heading"] textarea',
  '.TaskPane [role="heading"] textarea',
  // Task pane as saved in 2022-2023: the title row's autogrowing textarea, labelled "Task Name".
  '.TaskPane textarea[aria-label="Task Name"]',
  '.TaskPane-titleRow textarea',
  // Single-task pane (older markup, as Clockify's integration reads it).
  '.SingleTaskTitleInput-taskName textarea',
  '.SingleTaskPane-titleRowInput textarea',
  // Hashed CSS-module class names of the title block.
  '[class*="TaskPaneTitle"] textarea',
  // Without edit rights the name is text, not a field: read-only, and comment-only access.
  '.ReadOnlyTitleInput-name',
  '.CommentOnlyTaskTitleRow-name',
] as const;

/** Containers of the task name: typing there renames the task. */
const TITLE_EDITOR_SELECTORS = [
  '.TitleInput',
  '.TaskPaneTitle',
  '.TaskPane [role="heading"]',
  '.TaskPane textarea[aria-label="Task Name"]',
  '.TaskPane-titleRow',
  '.SingleTaskTitleInput-taskName',
  '.SingleTaskPane-titleRowInput',
  '[class*="TaskPaneTitle"]',
] as const;

/** Containers of the description's rich-text editor (ProseMirror). */
const DESCRIPTION_SELECTORS = [
  // Task pane: the description block.
  '.TaskPaneDescription',
  // Task pane as saved in 2022-2023: the description block and its editor view.
  '.TaskDescription',
  '#TaskDescriptionView',
  '.TaskPaneFields-taskDescription',
  // The editor itself names the task it describes: "Edit description for <task name>".
  '.ProseMirror[aria-label^="Edit description for"]',
  // Hashed CSS-module class names.
  '[class*="TaskPaneDescription"]',
  '[class*="TaskDescription"]',
] as const;

/** The assignee token in the task pane's fields, newest markup first. */
const ASSIGNEE_SELECTORS = [
  // Task pane: the token itself, `#task_pane_assignee_input.AssigneeToken` (docs/evidence/asana.md, Whose task it is:
  // 2022-11 markup, 2025-08 code), its remove button inside; an older wrapper around it.
  '#task_pane_assignee_input',
  '.TaskPaneAssigneeToken',
  '.TaskPaneFields-assigneeContainer',
  // Single-task pane (older markup).
  '.SingleTaskPane .AssigneeToken',
  // Hashed CSS-module class names.
  '[class*="TaskPaneAssigneeToken"]',
] as const;

/** Where a token shows the assignee's name (the rest is an avatar with initials and a remove button). */
const ASSIGNEE_NAME_SELECTORS = [
  '.AssigneeToken-userNameLabel',
  '.AssigneeTokenButton-label',
  '.AssigneeToken-label',
  '[class*="userNameLabel"]',
] as const;

/** What the token says when nobody is assigned (or the remove button's label). */
const UNASSIGNED = /^(no assignee|unassigned|assignee|assign|remove assignee|remove)$/i;

/** Conversation: comments are how a lead should talk, never an intervention. */
const CONVERSATION_SELECTORS = [
  // The task pane's comment composer (its editor is labelled "Edit comment").
  '.TaskPane-commentComposer',
  '.CommentComposer',
  '.CommentComposerEditor',
  // The story feed: comments, and a comment's editor while it is edited.
  '.TaskStoryFeed',
  '.TaskPane-feed',
  '.BlockStory',
  // Hashed CSS-module class names of the same components.
  '[class*="CommentComposer"]',
  '[class*="StoryFeed"]',
] as const;

const EVIDENCE = 'docs/evidence/asana.md';

/**
 * What an edit on each part of a task means. Innermost wins (utils/sites/types.ts); anything no row
 * names (list rows, subtasks, the project's name, search) is silence.
 */
export const surfaces: readonly Surface[] = [
  // Task name: `.TitleInput textarea` (TMetric 2026-03), `.TaskPaneTitle textarea` (toggl 2026-04-03),
  // `[role="heading"] textarea` in the pane body (clockify 2026-03-10), and the older title rows. A
  // read-only name is text in the same block: nothing there takes typing, so nothing is an edit.
  ...TITLE_EDITOR_SELECTORS.map((selector) => ({
    kind: 'content' as const,
    selector,
    what: 'Task name',
    evidence: `${EVIDENCE}, The task's words (2024-12 to 2026-06)`,
  })),
  // Description: `div.ProsemirrorEditor…ProseMirror[aria-label="Edit description for <task>"]` (real paste, ~2023)
  // and its containers.
  ...DESCRIPTION_SELECTORS.map((selector) => ({
    kind: 'content' as const,
    selector,
    what: 'Description',
    evidence: `${EVIDENCE}, The task's words (2022-11 markup, 2026-06 selector)`,
  })),
  // Assignee token and its typeahead: `#task_pane_assignee_input.TaskPaneAssigneeToken-assigneeToken` (real paste
  // 2022-11, remove button class still used 2025-08). Reassigning is planning (take-over is another signal).
  {
    kind: 'planning',
    selector:
      '#task_pane_assignee_input, [class*="TaskPaneAssigneeToken"], .TaskPaneFields-assigneeContainer',
    what: 'Assignee',
    evidence: `${EVIDENCE}, Whose task it is (2022-11 markup, 2025-08 code)`,
  },
  // Due date: `#task_pane_due_date_input`, `.TaskDueDateToken` (toggl/apiology 2025-2026).
  {
    kind: 'planning',
    selector: '#task_pane_due_date_input, .TaskDueDateToken, [class*="DueDate"]',
    what: 'Due date',
    evidence: `${EVIDENCE}, Planning and conversation (2025-2026)`,
  },
  // Projects: `.TaskPaneFields-projectHeader`, project pills, `#task_pane_projects_input<gid>` (2025-08, 2026-04).
  {
    kind: 'planning',
    selector:
      '[id^="task_pane_projects_input"], .TaskPaneFields-projectHeader, [class*="TaskProjectTokenPill"], [class*="TaskProjects"]',
    what: 'Projects and sections',
    evidence: `${EVIDENCE}, Planning and conversation (2025-08, 2026-04)`,
  },
  // Tags: `.TaskTagTokenPills-potPill` (toggl 2026-04-03).
  {
    kind: 'planning',
    selector: '[class*="TaskTagTokenPills"]',
    what: 'Tags',
    evidence: `${EVIDENCE}, Planning and conversation (toggl 2026-04-03)`,
  },
  // Custom fields (priority, status, estimate) and dependencies: not in the evidence; by Asana's class naming.
  {
    kind: 'planning',
    selector:
      '[class*="CustomPropertyRow"], [class*="TaskPaneCustomFields"], [class*="Dependencies"]',
    what: 'Custom fields, dependencies',
    evidence: `${EVIDENCE}, Planning and conversation: not evidenced`,
  },
  // Comments: the composer and the story feed (the feed is evidenced, 2026-06; the composer is not: names from older saved markup).
  ...CONVERSATION_SELECTORS.map((selector) => ({
    kind: 'conversation' as const,
    selector,
    what: 'Comments',
    evidence: `${EVIDENCE}, Planning and conversation: not evidenced`,
  })),
];

export interface AsanaTask {
  id: string;
  /** The task's URL path (no `/f`, query or hash). */
  path: string;
}

/** The task a URL names, or null (project lists, home, inbox, search, goals). */
export function asanaTask(url: URL): AsanaTask | null {
  if (url.hostname !== 'app.asana.com') return null;
  const v0 = V0_TASK.exec(url.pathname);
  if (v0) return { id: v0[2]!, path: `/0/${v0[1]}/${v0[2]}` };
  const v1 = V1_TASK.exec(url.pathname);
  if (v1) return { id: v1[3]!, path: v1[1]! };
  return null;
}

/**
 * Where task `id` is shown: its pane; else, when no pane says which task it shows, the first task
 * pane or the whole page. Null when the panes on the page show other tasks (a stale pane while
 * Asana swaps tasks): reading them would name the wrong task's assignee.
 */
function paneFor(doc: Document, id: string): ParentNode | null {
  const exact =
    doc.querySelector(`.TaskPane[data-task-id="${id}"]`) ??
    doc.querySelector(`article[data-task-id="${id}"]`);
  if (exact) return exact;
  if (doc.querySelector('.TaskPane[data-task-id], article[data-task-id]')) return null;
  for (const selector of PANE_SELECTORS) {
    const pane = doc.querySelector(selector);
    if (pane) return pane;
  }
  return doc;
}

/** A task pane open where the URL names no task (inbox, search): `/0/0/<task>` opens it anywhere. */
function paneFallback(doc: Document): AsanaTask | null {
  const pane =
    doc.querySelector('.TaskPane[data-task-id]') ?? doc.querySelector('article[data-task-id]');
  const id = pane?.getAttribute('data-task-id') ?? '';
  return /^\d{1,20}$/.test(id) ? { id, path: `/0/0/${id}` } : null;
}

function fieldValue(el: Element): string {
  const raw =
    el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement
      ? el.value
      : (el.textContent ?? '');
  return raw
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstValue(root: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    for (const el of root.querySelectorAll(selector)) {
      const value = fieldValue(el);
      if (value) return value;
    }
  }
  return null;
}

/** Text of an element without the parts hidden from assistive technology (avatar initials, icons). */

/** Who the assignee token names. Null when there is no token (the markup changed); empty when nobody is assigned. */
export function asanaAssignee(root: ParentNode): Identity | null {
  for (const selector of ASSIGNEE_SELECTORS) {
    const token = root.querySelector(selector);
    if (!token) continue;
    // An empty token ("No assignee") carries Asana's `--empty` modifier.
    if (
      token.matches('[class*="--empty"]') ||
      token.querySelector('.AssigneeTokenButton--empty, .SubtleTokenButton--empty')
    )
      return [];
    const named = [...token.querySelectorAll(ASSIGNEE_NAME_SELECTORS.join(','))].map(visibleText);
    const label = /^assignee\s*[:\-–]\s*(.+)$/i.exec(token.getAttribute('aria-label') ?? '')?.[1];
    const values = named.length ? named : [visibleText(token)];
    const names = [...values, label]
      .map((s) => s?.replace(/\u00a0/g, ' ').trim() ?? '')
      .filter((s) => s && !UNASSIGNED.test(s));
    return [...new Set(names)];
  }
  return null;
}

export const asanaPageAdapter: PageAdapter = {
  ...toolInfo(ASANA_TOOL),

  appliesTo: (url) => url.protocol === 'https:' && url.hostname === 'app.asana.com',

  artifact(url, doc): Artifact | null {
    const fromUrl = asanaTask(url);
    const task = fromUrl ?? (url.hostname === 'app.asana.com' ? paneFallback(doc) : null);
    if (!task) return null;
    const pane = paneFor(doc, task.id);
    const title = (pane && firstValue(pane, TITLE_SELECTORS)) ?? '';
    return { key: task.id, title, url: `${ORIGIN}${task.path}` };
  },

  isContentEditor(el) {
    if (!isTextEditable(el)) return false;
    // A comment editor is conversation wherever it sits (Asana nests comment editors in description-like blocks).
    if (closestOf(el, CONVERSATION_SELECTORS)) return false;
    return surfaceKindOf(el, surfaces) === 'content';
  },
};

/** Whose Asana task this is. Not in the always-loaded script: the page loads it when the lead focuses an editor (entrypoints/page/lookup.ts). */
export const asanaOwnership: OwnershipLookup = async (
  artifact,
  doc,
  signal,
): Promise<Ownership | null> => {
  signal.throwIfAborted();
  const pane = paneFor(doc, artifact.key);
  const owner = pane && asanaAssignee(pane);
  return owner ? { owner, viewer: [] } : null;
};

export const asana: SiteAdapter = { ...asanaPageAdapter, ownership: asanaOwnership };

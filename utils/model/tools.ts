/**
 * Every supported tool, once: its id, the name the lead sees, where it runs
 * and which content script carries its adapter. No adapter code here, so the
 * extension's pages (summary, options, popup) and wxt.config.ts read labels
 * and match patterns without bundling any adapter.
 *
 * Adding a tool: one line here, one adapter file in this folder (spread its
 * `toolInfo` so id, label and matches come from this line), one line in
 * registry.ts, an `entrypoints/<contentScript>.content.ts`, a fixture folder
 * `tests/fixtures/<id>/`, and e2e files declaring a prompting and a quiet case
 * for it. tests/unit/tools.test.ts fails while any of these is missing.
 *
 * Order is the order tools are listed to the lead (options page, summary).
 */
// One constant a line, so a content script that spreads its own tool's line carries only that line.
export const JIRA_TOOL = {
  id: 'jira',
  label: 'Jira',
  matches: ['https://*.atlassian.net/*'],
  contentScript: 'atlassian',
} as const;
export const GITHUB_TOOL = {
  id: 'github',
  label: 'GitHub',
  matches: ['https://github.com/*'],
  contentScript: 'github',
} as const;
export const LINEAR_TOOL = {
  id: 'linear',
  label: 'Linear',
  matches: ['https://linear.app/*'],
  contentScript: 'linear',
} as const;
export const FIGMA_TOOL = {
  id: 'figma',
  label: 'Figma',
  matches: ['https://www.figma.com/*'],
  contentScript: 'figma',
} as const;
// Confluence shares Jira's host; each adapter's appliesTo picks by path, one content script carries both.
export const CONFLUENCE_TOOL = {
  id: 'confluence',
  label: 'Confluence',
  matches: ['https://*.atlassian.net/*'],
  contentScript: 'atlassian',
} as const;
// Notion serves its app from app.notion.com since June 2026; notion.so still redirects there (docs/evidence/notion.md).
export const NOTION_TOOL = {
  id: 'notion',
  label: 'Notion',
  matches: ['https://app.notion.com/*', 'https://www.notion.so/*', 'https://notion.so/*'],
  contentScript: 'notion',
} as const;
export const ASANA_TOOL = {
  id: 'asana',
  label: 'Asana',
  matches: ['https://app.asana.com/*'],
  contentScript: 'asana',
} as const;
export const GDOCS_TOOL = {
  id: 'gdocs',
  label: 'Google Docs',
  matches: ['https://docs.google.com/document/*'],
  contentScript: 'gdocs',
} as const;

export const SITE_TOOLS = [
  JIRA_TOOL,
  GITHUB_TOOL,
  LINEAR_TOOL,
  FIGMA_TOOL,
  CONFLUENCE_TOOL,
  NOTION_TOOL,
  ASANA_TOOL,
  GDOCS_TOOL,
] as const satisfies readonly ToolInfo[];

export interface ToolInfo {
  id: string;
  /** Shown to the lead ("Jira"). */
  label: string;
  /** Match patterns of the manifest's content script and host permissions. */
  matches: readonly string[];
  /** The content script that runs this tool's adapter: `entrypoints/<contentScript>.content.ts`. */
  contentScript: string;
}

export type SiteToolId = (typeof SITE_TOOLS)[number]['id'];

/** Sites the lead adds on the options page: one id for all of them, no static matches. */
export const CUSTOM_TOOL = {
  id: 'custom',
  label: 'your custom site',
  contentScript: 'custom',
} as const;

export const SITE_TOOL_IDS = /* @__PURE__ */ SITE_TOOLS.map((t) => t.id) as SiteToolId[];

/** The static match patterns: only the supported tools, never all sites. */
export const allSiteMatches: string[] = /* @__PURE__ */ (() => [
  ...new Set(SITE_TOOLS.flatMap((t) => t.matches)),
])();

/** A tool's line, for an adapter to spread (`...toolInfo(JIRA_TOOL)`): it takes the line, not the id, so a content script carries no other tool's line. */
export function toolInfo<T extends ToolInfo & { id: SiteToolId }>(
  tool: T,
): { id: T['id']; label: string; matches: string[] } {
  return { id: tool.id, label: tool.label, matches: [...tool.matches] };
}

/** Every content script's name (entrypoints/<name>.content.ts, and its entrypoints/<name>-lookup.ts). */
export function contentScriptNames(): Set<string> {
  return new Set([...SITE_TOOLS.map((t) => t.contentScript), CUSTOM_TOOL.contentScript]);
}

/** The name the lead sees for a tool id; an id this version does not know is shown as it is. */
export function toolLabel(id: string): string {
  if (id === CUSTOM_TOOL.id) return CUSTOM_TOOL.label;
  return SITE_TOOLS.find((t) => t.id === id)?.label ?? id;
}

/**
 * A claim on a whole workspace of Notion's old host (`www.notion.so/acme/`): the workspace's name,
 * else null. Notion's addresses name no workspace since June 2026 (docs/evidence/notion.md), so
 * such a claim matches no page; the options page offers to re-point it to `NOTION_PAGES_PREFIX`.
 */
export function oldNotionWorkspace(prefix: string): string | null {
  const workspace = /^https:\/\/(?:www\.)?notion\.so\/([^/?#]+)\/?$/i.exec(prefix)?.[1];
  // A segment ending in a page id is a page (it has a new address), not a workspace.
  return workspace && !/[0-9a-f]{32}$/i.test(workspace.replace(/-/g, ''))
    ? decodeURIComponent(workspace)
    : null;
}

/** Every Notion page, at today's addresses. */
export const NOTION_PAGES_PREFIX = 'https://app.notion.com/p/';

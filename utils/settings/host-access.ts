/**
 * Whether Pullback may still read each tool's pages. Both browsers let the
 * lead withdraw a site's access after install (Firefox: the add-on's
 * Permissions tab; Chrome: "Site access"). Without it the tool's content
 * script never runs and edits there go unnoticed, silently, so the popup and
 * the welcome page say which tools lost access and ask again, per tool, from
 * the lead's click (permissions.request needs one).
 */
import { browser } from 'wxt/browser';
import { SITE_TOOLS } from '@/utils/model/tools';

/** Tools that need the same sites are asked for together (Jira and Confluence share atlassian.net). */
export interface ToolAccess {
  toolIds: string[];
  /** "Jira and Confluence". */
  label: string;
  /** The match patterns to hold (the manifest's host permissions for these tools). */
  origins: string[];
}

const joinLabels = (labels: string[]) =>
  labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;

/** A site the lead added, as the access notice needs it. */
export interface AddedSite {
  origin: string;
  label: string;
}

/** Every tool's access need, grouped by identical sites, in the tools' order. */
export function accessNeeds(): ToolAccess[] {
  const groups = new Map<string, { toolIds: string[]; labels: string[]; origins: string[] }>();
  for (const tool of SITE_TOOLS) {
    const key = [...tool.matches].sort().join(' ');
    const group = groups.get(key) ?? { toolIds: [], labels: [], origins: [...tool.matches] };
    group.toolIds.push(tool.id);
    group.labels.push(tool.label);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    toolIds: g.toolIds,
    label: joinLabels(g.labels),
    origins: g.origins,
  }));
}

/**
 * The tools whose access was withdrawn, leaving out tools the lead switched
 * off (they do not want Pullback there anyway).
 */
export async function withdrawnAccess(
  switchedOff: readonly string[] = [],
  contains = (origins: string[]) => browser.permissions.contains({ origins }),
  /** Sites the lead added: one that came from another browser through sync has no access here yet. */
  addedSites: readonly AddedSite[] = [],
): Promise<ToolAccess[]> {
  const added = addedSites.map((site) => ({
    toolIds: ['custom'],
    label: site.label,
    origins: [`${site.origin}/*`],
  }));
  const needs = [
    ...accessNeeds().filter((need) => need.toolIds.some((id) => !switchedOff.includes(id))),
    ...added,
  ];
  const held = await Promise.all(needs.map((need) => contains(need.origins).catch(() => true)));
  return needs.filter((_, i) => !held[i]);
}

/** Asks the browser for a tool's sites again; call only from the lead's click. */
export function askForAccess(need: ToolAccess): Promise<boolean> {
  return browser.permissions.request({ origins: need.origins });
}

/** Calls `listener` whenever access is given or withdrawn (in the browser's settings or here). */
export function onAccessChange(listener: () => void): () => void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}

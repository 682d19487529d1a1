/**
 * Every supported tool, one adapter each. Adding a tool is one file in this
 * folder, one line here, and its fixture test.
 */
import { jira } from './jira';
import { confluence } from './confluence';
import { github } from './github';
import { figma } from './figma';
import { notion } from './notion';
import { gdocs } from './gdocs';
import { linear } from './linear';
import { asana } from './asana';
import { pickAdapter, type SiteAdapter } from './types';

export const adapters: readonly SiteAdapter[] = [jira, confluence, github, figma, notion, gdocs, linear, asana];

/** The static match patterns: only the supported tools, never all sites. */
export const allSiteMatches: string[] = [...new Set(adapters.flatMap((a) => a.matches))];

export function adapterFor(url: URL): SiteAdapter | null {
  return pickAdapter(adapters, url);
}

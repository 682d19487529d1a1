/**
 * Every supported tool, one adapter each. Adding a tool is one file in this
 * folder, one line here, and its fixture test.
 */
import { jira } from './jira';
import type { SiteAdapter } from './types';

export const adapters: readonly SiteAdapter[] = [jira];

/** The static match patterns: only the supported tools, never all sites. */
export const allSiteMatches: string[] = [...new Set(adapters.flatMap((a) => a.matches))];

export function adapterFor(url: URL): SiteAdapter | null {
  return adapters.find((a) => a.appliesTo(url)) ?? null;
}

/**
 * Every supported tool's adapter, keyed by its line in tools.ts (a tool
 * listed there without an adapter here does not type-check). Only the
 * background and tests import this; extension pages read tools.ts.
 */
import { jira } from './jira';
import { confluence } from './confluence';
import { github } from './github';
import { figma } from './figma';
import { notion } from './notion';
import { gdocs } from './gdocs';
import { linear } from './linear';
import { asana } from './asana';
import { SITE_TOOLS, type SiteToolId } from './tools';
import { pickAdapter, type SiteAdapter } from './types';

const byId: Record<SiteToolId, SiteAdapter> = {
  jira,
  confluence,
  github,
  figma,
  notion,
  gdocs,
  linear,
  asana,
};

/** In tools.ts order. */
export const adapters: readonly SiteAdapter[] = SITE_TOOLS.map((t) => byId[t.id]);

export { allSiteMatches } from './tools';

export function adapterFor(url: URL): SiteAdapter | null {
  return pickAdapter(adapters, url);
}

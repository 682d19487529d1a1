/**
 * Every supported tool's adapter, keyed by its line in tools.ts (a tool
 * listed there without an adapter here does not type-check). Only the
 * background and tests import this; extension pages read tools.ts.
 */
import { jira } from '@/utils/sites/jira';
import { confluence } from '@/utils/sites/confluence';
import { github } from '@/utils/sites/github';
import { figma } from '@/utils/sites/figma';
import { notion } from '@/utils/sites/notion';
import { gdocs } from '@/utils/sites/gdocs';
import { linear } from '@/utils/sites/linear';
import { asana } from '@/utils/sites/asana';
import { SITE_TOOLS, type SiteToolId } from '@/utils/model/tools';
import { pickAdapter, type SiteAdapter } from '@/utils/sites/types';

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

export { allSiteMatches } from '@/utils/model/tools';

export function adapterFor(url: URL): SiteAdapter | null {
  return pickAdapter(adapters, url);
}

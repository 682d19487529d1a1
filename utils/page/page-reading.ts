/**
 * What an adapter reads on its page right now, for the popup's "On this page"
 * (asked by the popup, never pushed): the item, the owner's identities as the
 * tool gives them, and which of the adapter's selectors match here. Runs in
 * the content script; sends no page text beyond the item's key and title and
 * the owner's identities.
 */
import { urlShape } from '@/utils/model/url-shape';
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

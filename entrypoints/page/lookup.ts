/**
 * The lookup half of a tool's content script: the adapters' owner lookups and
 * the popup's "On this page" reader. Not in the always-loaded script: the
 * background injects `<contentScript>-lookup.js` (scripting.executeScript,
 * the content script's isolated world, nothing exposed to web pages) when
 * the lead first focuses an editor, clicks to reassign, or opens the popup.
 */
import type { ToolId } from '@/utils/model';
import { readPage } from '@/utils/page-reading';
import type { OwnershipLookup, PageAdapter } from '@/utils/sites/types';
import { LOOKUP_GLOBAL, type PageLookup } from './lookup-api';

/** Leaves the lookups of `contentScript`'s tools where that content script finds them. */
export function provideLookup(contentScript: string, owners: Partial<Record<ToolId, OwnershipLookup>>): void {
  const full = (adapter: PageAdapter) => ({ ...adapter, ownership: adapter.ownership ?? owners[adapter.id] ?? (async () => null) });
  const lookup: PageLookup = {
    ownership: (adapter, artifact, doc, signal) => full(adapter).ownership(artifact, doc, signal),
    readPage: (adapter, doc) => readPage(full(adapter), doc),
  };
  (globalThis[LOOKUP_GLOBAL] ??= {})[contentScript] ??= lookup;
}

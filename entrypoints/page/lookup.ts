/**
 * The lookup half of a tool's content script: the adapters' owner lookups,
 * the judging of a noticed edit (utils/edit-judge.ts), the popup's "On this
 * page" reader and, for tools that name an assignee, the take-over watcher
 * with the adapters' take-over controls. Not in the
 * always-loaded script: the background injects `<contentScript>-lookup.js`
 * (scripting.executeScript, the content script's isolated world, nothing
 * exposed to web pages) when the lead first focuses an editor, presses, clicks
 * or focuses where an item is assigned, or opens the popup.
 */
import { judging } from '@/utils/edit-judge';
import type { ToolId } from '@/utils/model';
import { readPage } from '@/utils/page-reading';
import type { OwnershipLookup, PageAdapter, SiteAdapter, TakeoverControls } from '@/utils/sites/types';
import type { createTakeoverWatcher } from '@/utils/takeover';
import { LOOKUP_GLOBAL, type PageLookup } from './lookup-api';

/** The take-over part of a lookup script: the watcher and each tool's controls. */
export interface TakeoverParts {
  watch: typeof createTakeoverWatcher;
  controls: Partial<Record<ToolId, TakeoverControls>>;
}

/** Leaves the lookups of `contentScript`'s tools where that content script finds them. */
export function provideLookup(contentScript: string, owners: Partial<Record<ToolId, OwnershipLookup>>, takeovers?: TakeoverParts): void {
  const full = (adapter: PageAdapter): SiteAdapter => ({
    ...adapter,
    ownership: adapter.ownership ?? owners[adapter.id] ?? (async () => null),
    takeover: takeovers?.controls[adapter.id],
  });
  const lookup: PageLookup = {
    judging,
    ownership: (adapter, artifact, doc, signal) => full(adapter).ownership(artifact, doc, signal),
    readPage: (adapter, doc) => readPage(full(adapter), doc),
  };
  if (takeovers) {
    lookup.watchTakeovers = (doc, deps) =>
      takeovers.watch(doc, {
        ...deps,
        adapterFor: (url) => {
          const adapter = deps.adapterFor(url);
          return adapter && full(adapter);
        },
      });
  }
  (globalThis[LOOKUP_GLOBAL] ??= {})[contentScript] ??= lookup;
}

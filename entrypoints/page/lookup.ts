/**
 * The lookup half of a tool's content script: the adapters' owner lookups,
 * the judging of a noticed edit (utils/page/edit-judge.ts), the popup's "On this
 * page" reader and, for tools that name an assignee, the take-over watcher
 * with the adapters' take-over controls. Not in the
 * always-loaded script: the background injects `<contentScript>-lookup.js`
 * (scripting.executeScript, the content script's isolated world, nothing
 * exposed to web pages) when the lead first focuses an editor, presses, clicks
 * or focuses where an item is assigned, or opens the popup.
 */
import { judging } from '@/utils/page/edit-judge';
import type { ToolId } from '@/utils/model/records';
import { readPage } from '@/utils/page/page-reading';
import type {
  OwnershipLookup,
  PageAdapter,
  SiteAdapter,
  TakeoverControls,
} from '@/utils/sites/types';
import type { createTakeoverWatcher } from '@/utils/page/takeover';
import { LOOKUP_GLOBAL, type PageLookup } from '@/entrypoints/page/lookup-api';

/** What else a lookup script carries for its tools, where they have it. */
export interface LookupParts {
  /** The take-over watcher, for scripts whose tools name an assignee. */
  watchTakeovers?: typeof createTakeoverWatcher;
  /** Each tool's take-over controls (`SiteAdapter.takeover`). */
  takeover?: Partial<Record<ToolId, TakeoverControls>>;
  /** Each tool's selector lists for "Copy details" (`SiteAdapter.selectors`). */
  selectors?: Partial<Record<ToolId, SiteAdapter['selectors']>>;
}

/** Leaves the lookups of `contentScript`'s tools where that content script finds them. */
export function provideLookup(
  contentScript: string,
  owners: Partial<Record<ToolId, OwnershipLookup>>,
  parts: LookupParts = {},
): void {
  const full = (adapter: PageAdapter): SiteAdapter => ({
    ...adapter,
    ownership: adapter.ownership ?? owners[adapter.id] ?? (async () => null),
    takeover: parts.takeover?.[adapter.id],
    selectors: parts.selectors?.[adapter.id],
  });
  const lookup: PageLookup = {
    // The judging and the watcher get each page adapter with its tool's owner lookup (`full`).
    judging: {
      ...judging,
      focused: (ctx, state, adapter, artifact) =>
        judging.focused(ctx, state, full(adapter), artifact),
      edit: (ctx, state, adapter, artifact, t) =>
        judging.edit(ctx, state, full(adapter), artifact, t),
    },
    ownership: (adapter, artifact, doc, signal) => full(adapter).ownership(artifact, doc, signal),
    readPage: (adapter, doc) => readPage(full(adapter), doc),
  };
  const watch = parts.watchTakeovers;
  if (watch) {
    lookup.watchTakeovers = (doc, deps) =>
      watch(doc, {
        ...deps,
        adapterFor: (url) => {
          const adapter = deps.adapterFor(url);
          return adapter && full(adapter);
        },
      });
  }
  (globalThis[LOOKUP_GLOBAL] ??= {})[contentScript] ??= lookup;
}

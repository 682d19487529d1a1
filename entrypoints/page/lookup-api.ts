/**
 * What the always-loaded content script and its tool's on-demand lookup
 * script (entrypoints/<tool>-lookup.ts, built by entrypoints/page/lookup.ts)
 * share: names and types only, so importing this costs the content script nothing.
 */
import type { Artifact } from '@/utils/model/records';
import type { Ownership, PageAdapter, PageReading } from '@/utils/sites/types';
import type { TakeoverDeps, TakeoverWatcher } from '@/utils/page/takeover';
import type { Judging } from '@/utils/page/edit-judge';

/**
 * Where a lookup script leaves its functions: a global of the extension's isolated world, which
 * content scripts and scripts the background injects share and the page cannot see.
 */
export const LOOKUP_GLOBAL = '__pullbackLookup';

/** What loads only when needed: the owner lookups (REST calls, page reading) and the popup's "On this page" reader. */
export interface PageLookup {
  /** Whose the artifact is, by the adapter's tool (null: this script has no lookup for that tool). */
  ownership(
    adapter: PageAdapter,
    artifact: Artifact,
    doc: Document,
    signal: AbortSignal,
  ): Promise<Ownership | null>;
  /** What follows an edit the detector noticed (utils/page/edit-judge.ts). */
  judging: Judging;
  /** The popup's "On this page" (utils/page/page-reading.ts). */
  readPage(adapter: PageAdapter, doc: Document): Promise<PageReading>;
  /**
   * The take-over watcher (utils/page/takeover.ts) over this script's tools, for scripts whose tools
   * name an assignee; `deps.adapterFor` gives page adapters, to which it adds their take-over controls.
   */
  watchTakeovers?(doc: Document, deps: TakeoverDeps): TakeoverWatcher;
}

declare global {
  var __pullbackLookup: Record<string, PageLookup | undefined> | undefined;
}

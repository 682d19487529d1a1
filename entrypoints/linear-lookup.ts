// Linear's owner lookups, "On this page" and the take-over watcher, injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from '@/entrypoints/page/lookup';
import { linearOwnership, linearSelectors, linearTakeover } from '@/utils/sites/linear';
import { createTakeoverWatcher } from '@/utils/page/takeover';

const parts = {
  watchTakeovers: createTakeoverWatcher,
  takeover: { linear: linearTakeover },
  selectors: { linear: linearSelectors },
};

export default defineUnlistedScript(() =>
  provideLookup('linear', { linear: linearOwnership }, parts),
);

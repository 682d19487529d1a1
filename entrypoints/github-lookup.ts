// GitHub's owner lookups, "On this page" and the take-over watcher, injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from '@/entrypoints/page/lookup';
import { githubOwnership, githubSelectors, githubTakeover } from '@/utils/sites/github';
import { createTakeoverWatcher } from '@/utils/page/takeover';

const parts = {
  watchTakeovers: createTakeoverWatcher,
  takeover: { github: githubTakeover },
  selectors: { github: githubSelectors },
};

export default defineUnlistedScript(() =>
  provideLookup('github', { github: githubOwnership }, parts),
);

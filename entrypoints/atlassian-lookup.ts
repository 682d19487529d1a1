// Jira's and Confluence's owner lookups, "On this page" and Jira's take-over watcher, injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from '@/entrypoints/page/lookup';
import { confluenceOwnership, confluenceSelectors } from '@/utils/sites/confluence';
import { jiraOwnership, jiraSelectors, jiraTakeover } from '@/utils/sites/jira';
import { createTakeoverWatcher } from '@/utils/page/takeover';

const parts = {
  watchTakeovers: createTakeoverWatcher,
  takeover: { jira: jiraTakeover },
  selectors: { jira: jiraSelectors, confluence: confluenceSelectors },
};

export default defineUnlistedScript(() =>
  provideLookup('atlassian', { jira: jiraOwnership, confluence: confluenceOwnership }, parts),
);

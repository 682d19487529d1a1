// Jira's and Confluence's owner lookups and "On this page", injected by the background on first need (entrypoints/page/lookup.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLookup } from './page/lookup';
import { confluenceOwnership } from '@/utils/sites/confluence';
import { jiraOwnership } from '@/utils/sites/jira';

export default defineUnlistedScript(() => provideLookup('atlassian', { jira: jiraOwnership, confluence: confluenceOwnership }));

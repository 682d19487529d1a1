// Jira and Confluence share *.atlassian.net; each adapter's appliesTo picks by path.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { createTakeoverTrigger } from '@/utils/page/takeover-trigger';
import { confluencePageAdapter } from '@/utils/sites/confluence';
import { jiraPageAdapter } from '@/utils/sites/jira';

export default defineContentScript(
  contentScriptFor([jiraPageAdapter, confluencePageAdapter], 'atlassian', {
    watchTakeovers: createTakeoverTrigger,
  }),
);

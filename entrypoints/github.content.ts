// GitHub issues, pull requests and web-editor file edits.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { createTakeoverTrigger } from '@/utils/page/takeover-trigger';
import { githubPageAdapter } from '@/utils/sites/github';

export default defineContentScript(
  contentScriptFor([githubPageAdapter], 'github', { watchTakeovers: createTakeoverTrigger }),
);

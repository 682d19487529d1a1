// Linear issues.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { createTakeoverTrigger } from '@/utils/page/takeover-trigger';
import { linearPageAdapter } from '@/utils/sites/linear';

export default defineContentScript(
  contentScriptFor([linearPageAdapter], 'linear', { watchTakeovers: createTakeoverTrigger }),
);

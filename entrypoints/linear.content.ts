// Linear issues.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from './page/content-script';
import { createTakeoverTrigger } from '@/utils/takeover-trigger';
import { linearPageAdapter } from '@/utils/sites/linear';

export default defineContentScript(
  contentScriptFor([linearPageAdapter], 'linear', { watchTakeovers: createTakeoverTrigger }),
);

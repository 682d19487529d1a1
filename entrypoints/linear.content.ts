// Linear issues.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { linearPageAdapter } from '@/utils/sites/linear';

export default defineContentScript(contentScriptFor([linearPageAdapter], 'linear'));

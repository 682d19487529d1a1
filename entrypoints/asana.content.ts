// Asana tasks.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { asanaPageAdapter } from '@/utils/sites/asana';

export default defineContentScript(contentScriptFor([asanaPageAdapter], 'asana'));

// Figma files (owners come from claims).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { figmaPageAdapter } from '@/utils/sites/figma';

export default defineContentScript(contentScriptFor([figmaPageAdapter], 'figma'));

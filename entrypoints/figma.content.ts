// Figma files (owners come from claims).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from './page/content-script';
import { figma } from '@/utils/sites/figma';

export default defineContentScript(contentScriptFor([figma]));

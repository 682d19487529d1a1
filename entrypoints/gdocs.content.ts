// Google Docs (owners come from claims).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from './page/content-script';
import { gdocsPageAdapter } from '@/utils/sites/gdocs';

export default defineContentScript(contentScriptFor([gdocsPageAdapter], 'gdocs'));

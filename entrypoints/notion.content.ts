// Notion pages (owners from claims or "Created by").
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { notionPageAdapter } from '@/utils/sites/notion';

export default defineContentScript(contentScriptFor([notionPageAdapter], 'notion'));

// Google Docs (owners come from claims).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { listenInEditFrames } from '@/utils/page/edit-frames';
import { gdocsPageAdapter } from '@/utils/sites/gdocs';

// Typing lands in Docs' text event frame: this script alone carries the frame listening.
export default defineContentScript(
  contentScriptFor([gdocsPageAdapter], 'gdocs', { listenInEditFrames }),
);

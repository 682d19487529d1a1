// The in-page prompt, its styles and the closing questions: loaded into a
// tool's page only when a prompt may show (the lead focused a content editor,
// or the background asks). The background injects it with
// scripting.executeScript into the content script's isolated world, so no
// extension file is exposed to web pages (no web-accessible resources).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPromptHost } from '@/components/prompt/PromptHost';
import { PROMPT_GLOBAL } from '@/components/prompt/prompt-api';

export default defineUnlistedScript(() => {
  globalThis[PROMPT_GLOBAL] ??= createPromptHost;
});

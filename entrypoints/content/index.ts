/**
 * One content script for every supported tool: it picks the adapter for the
 * page, runs the edit detector, and shows the prompt when the background
 * (the one that decides) asks for it.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createDetector } from '@/utils/detect';
import { onMessage, sendMessage } from '@/utils/messages';
import { adapterFor, allSiteMatches } from '@/utils/sites/registry';
import { createPromptHost, PROMPT_HOST_TAG } from './prompt-host';

export default defineContentScript({
  matches: allSiteMatches,
  runAt: 'document_idle',
  main(ctx) {
    const prompt = createPromptHost(ctx);
    const detector = createDetector(document, {
      adapterFor,
      send: (signal) => sendMessage('edit', signal),
      isOwnUi: (el) => el.closest(PROMPT_HOST_TAG) !== null,
      onDecision(decision, artifact) {
        if (decision.action !== 'prompt') return;
        const adapter = adapterFor(new URL(location.href));
        void prompt.show({ promptId: decision.promptId, report: decision.report, artifact, toolLabel: adapter?.label ?? '' });
      },
      onNavigate: () => prompt.hide(),
    });
    detector.start();
    ctx.onInvalidated(() => detector.stop());
    // Single-page apps change the artifact without a load (Jira's board modal, soft navigation).
    ctx.addEventListener(window, 'wxt:locationchange', () => detector.navigated());
    const stopListening = onMessage('focusPrompt', () => prompt.focus());
    ctx.onInvalidated(stopListening);
  },
});

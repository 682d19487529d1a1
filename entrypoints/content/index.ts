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
      sendHeartbeat: (beat) => sendMessage('heartbeat', beat),
      isOwnUi: (el) => el.closest(PROMPT_HOST_TAG) !== null,
      onDecision(decision, artifact) {
        const toolLabel = adapterFor(new URL(location.href))?.label ?? '';
        if (decision.action === 'prompt') {
          void prompt.show({ kind: 'ask', promptId: decision.promptId, report: decision.report, artifact, toolLabel });
        } else if (decision.action === 'overdue') {
          void prompt.show({ kind: 'overdue', intervention: decision.intervention, report: decision.report, artifact, toolLabel });
        }
      },
      onNavigate: () => prompt.reset(),
      diagnose: (tool, problem) => void sendMessage('reportDiagnostic', { tool, problem, where: location.origin + location.pathname }).catch(() => {}),
    });
    detector.start();
    ctx.onInvalidated(() => detector.stop());
    // Single-page apps change the artifact without a load (Jira's board modal, soft navigation).
    ctx.addEventListener(window, 'wxt:locationchange', () => detector.navigated());
    ctx.onInvalidated(onMessage('focusPrompt', () => prompt.focus()));
    ctx.onInvalidated(onMessage('currentArtifact', () => detector.currentArtifact()));
  },
});

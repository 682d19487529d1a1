/**
 * What every tool's content script does: pick the adapter for the page, run
 * the edit detector, and show the prompt when the background (the one that
 * decides) asks for it. Each tool has its own small entrypoint
 * (entrypoints/<tool>.content.ts), so a page loads only its own adapters.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPromptHost, PROMPT_HOST_TAG } from '@/components/PromptHost';
import { createDetector } from './detect';
import { readPage } from './page-reading';
import { onMessage, sendMessage } from './messages';
import { pickAdapter, type SiteAdapter } from './sites/types';

export function contentScriptFor(adapters: readonly SiteAdapter[]) {
  const adapterFor = (url: URL) => pickAdapter(adapters, url);
  return {
    matches: [...new Set(adapters.flatMap((a) => a.matches))],
    runAt: 'document_idle' as const,
    main(ctx: ContentScriptContext) {
      const prompt = createPromptHost(ctx, { onStarted: (artifact) => detector.interventionStarted(artifact) });
      const detector = createDetector(document, {
        isAlive: () => ctx.isValid,
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
        diagnose: (tool, problem) =>
          void sendMessage('reportDiagnostic', { tool, problem, where: location.origin + location.pathname }).catch(() => {}),
      });
      detector.start();
      ctx.onInvalidated(() => detector.stop());
      // Single-page apps change the artifact without a load (Jira's board modal, soft navigation).
      ctx.addEventListener(window, 'wxt:locationchange', () => detector.navigated());
      ctx.onInvalidated(onMessage('focusPrompt', () => prompt.focus()));
      ctx.onInvalidated(onMessage('currentArtifact', () => detector.currentArtifact()));
      // The popup's "On this page": read afresh on each ask; a roster change there re-judges the next edit.
      ctx.onInvalidated(onMessage('describePage', () => {
        const adapter = adapterFor(new URL(location.href));
        return adapter ? readPage(adapter, document) : null;
      }));
      ctx.onInvalidated(onMessage('rereadPage', () => detector.navigated()));
    },
  };
}

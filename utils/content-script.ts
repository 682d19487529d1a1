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
import { onMessage, sendMessage, type EditDecision } from './messages';
import type { Artifact } from './model';
import { pickAdapter, type SiteAdapter } from './sites/types';
import { createTakeoverWatcher } from './takeover';

export function contentScriptFor(adapters: readonly SiteAdapter[]) {
  const adapterFor = (url: URL) => pickAdapter(adapters, url);
  return {
    matches: [...new Set(adapters.flatMap((a) => a.matches))],
    runAt: 'document_idle' as const,
    main(ctx: ContentScriptContext) {
      const prompt = createPromptHost(ctx, { onStarted: (artifact) => detector.interventionStarted(artifact) });
      const onDecision = (decision: EditDecision, artifact: Artifact) => {
        const toolLabel = adapterFor(new URL(location.href))?.label ?? '';
        if (decision.action === 'prompt') {
          const takeover = decision.kind === 'takeover' ? { takeover: true } : {};
          void prompt.show({ kind: 'ask', promptId: decision.promptId, report: decision.report, artifact, toolLabel, ...takeover });
        } else if (decision.action === 'overdue') {
          void prompt.show({ kind: 'overdue', intervention: decision.intervention, report: decision.report, artifact, toolLabel });
        }
      };
      const detector = createDetector(document, {
        isAlive: () => ctx.isValid,
        adapterFor,
        send: (signal) => sendMessage('edit', signal),
        sendHeartbeat: (beat) => sendMessage('heartbeat', beat),
        isOwnUi: (el) => el.closest(PROMPT_HOST_TAG) !== null,
        onDecision,
        onNavigate: () => prompt.reset(),
        diagnose: (tool, problem) =>
          void sendMessage('reportDiagnostic', { tool, problem, where: location.origin + location.pathname }).catch(() => {}),
      });
      detector.start();
      ctx.onInvalidated(() => detector.stop());
      // Assigning a report's item to oneself: no typing, its own listener (issue 11).
      const takeovers = createTakeoverWatcher(document, {
        adapterFor,
        isOwnUi: (el) => el.closest(PROMPT_HOST_TAG) !== null,
        send: (signal) => sendMessage('edit', signal),
        onDecision,
        diagnose: (tool, problem) =>
          void sendMessage('reportDiagnostic', { tool, problem, where: location.origin + location.pathname }).catch(() => {}),
      });
      takeovers.start();
      ctx.onInvalidated(() => takeovers.stop());
      // Single-page apps change the artifact without a load (Jira's board modal, soft navigation).
      ctx.addEventListener(window, 'wxt:locationchange', () => {
        detector.navigated();
        takeovers.navigated();
      });
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

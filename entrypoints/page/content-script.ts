/**
 * What every tool's content script does: pick the adapter for the page, run
 * the edit detector, and show the prompt when the background (the one that
 * decides) asks for it. Each tool has its own small entrypoint
 * (entrypoints/<tool>.content.ts), so a page loads only its own adapters.
 *
 * Kept small because it loads with every page of every tool: the prompt
 * itself (entrypoints/prompt.ts) is injected by the background only when one
 * may show, and the owner lookups with the popup's page reader and the
 * take-over watcher (entrypoints/<tool>-lookup.ts) when the lead focuses an
 * editor, presses, clicks or focuses where an item is assigned, or opens the
 * popup. Nothing runs per DOM mutation and no timer runs while idle.
 */
import { browser } from 'wxt/browser';
import { PROMPT_GLOBAL, PROMPT_HOST_TAG, type PromptHost } from '@/components/prompt/prompt-api';
import type { PromptRequest } from '@/components/prompt/InterventionPrompt';
import { createDetector } from '@/utils/page/detector';
import { inHandCounter } from '@/entrypoints/page/in-hand';
import { onMessage, sendMessage } from '@/entrypoints/page/messaging';
import type { EditDecision } from '@/utils/protocol/messages';
import type { Artifact } from '@/utils/model/records';
import type { PageAdapter } from '@/utils/sites/types';
import { pickAdapter } from '@/utils/sites/types';
import { LOOKUP_GLOBAL, type PageLookup } from '@/entrypoints/page/lookup-api';
import type { createTakeoverTrigger } from '@/utils/page/takeover-trigger';
import type { listenInEditFrames } from '@/utils/page/edit-frames';

/** True while the extension that started this script is installed and enabled (a page cannot fake this). */
const extensionAlive = () => browser.runtime?.id !== undefined;

/** An element inside Pullback's own UI (its shadow root's host), not the page's. */
function isOwnUi(el: Element): boolean {
  const root = el.getRootNode();
  const outer = 'host' in root ? (root as ShadowRoot).host : el;
  return outer.closest(PROMPT_HOST_TAG) !== null;
}

const navigation = (globalThis as { navigation?: EventTarget }).navigation;
/** Whether this browser tells of every change of the page's address (the Navigation API). */
const navigationFollowed = typeof navigation?.addEventListener === 'function';

/** The Navigation API where the browser has it (no polling); elsewhere the detector notices a changed URL on the next input. */
function onNavigate(listener: (url: string) => void): () => void {
  if (!navigation || !navigationFollowed) return () => {};
  const handler = (e: Event) => {
    const url = (e as Event & { destination?: { url: string } }).destination?.url;
    if (url && url !== location.href) listener(url);
  };
  navigation.addEventListener('navigate', handler);
  return () => navigation.removeEventListener('navigate', handler);
}

export interface ContentScriptParts {
  /**
   * Taking over: the trigger that loads the watcher (utils/page/takeover-trigger.ts), passed only by the
   * scripts of tools that name an assignee (their adapters have `takeoverZone`), so the other
   * tools' pages do not carry it. The watcher itself comes with the lookups.
   */
  watchTakeovers?: typeof createTakeoverTrigger;
  /** Listening inside same-origin edit frames (utils/page/edit-frames.ts), passed only by tools whose adapter names them (`editFrames`). */
  listenInEditFrames?: typeof listenInEditFrames;
}

/**
 * `contentScript` names this script (entrypoints/<contentScript>.content.ts); its lookups are in
 * entrypoints/<contentScript>-lookup.ts.
 */
export function contentScriptFor(
  adapters: readonly PageAdapter[],
  contentScript: string,
  parts: ContentScriptParts = {},
) {
  const adapterFor = (url: URL) => pickAdapter(adapters, url);
  return {
    matches: [...new Set(adapters.flatMap((a) => a.matches))],
    runAt: 'document_idle' as const,
    main() {
      const inHand = inHandCounter();
      let host: PromptHost | null = null;
      let loading: Promise<PromptHost | null> | null = null;
      /** The prompt script, injected by the background on first need (once per page). */
      function promptHost(): Promise<PromptHost | null> {
        loading ??= (async () => {
          if (!globalThis[PROMPT_GLOBAL]) await sendMessage('loadPrompt', undefined);
          const create = globalThis[PROMPT_GLOBAL];
          host = create
            ? create({ onStarted: (artifact) => detector.interventionStarted(artifact) })
            : null;
          return host;
        })().catch(() => (loading = null));
        return loading;
      }
      let lookupLoading: Promise<PageLookup> | null = null;
      /** The owner lookups and the page reader, injected by the background on first need (once per page). */
      function lookup(): Promise<PageLookup> {
        lookupLoading ??= (async () => {
          if (!globalThis[LOOKUP_GLOBAL]?.[contentScript])
            await sendMessage('loadLookup', { contentScript });
          const loaded = globalThis[LOOKUP_GLOBAL]?.[contentScript];
          if (!loaded) throw new Error('The owner lookup did not load.');
          trigger?.lookupsLoaded(loaded);
          return loaded;
        })();
        lookupLoading.catch(() => (lookupLoading = null)); // Tried again on the next need.
        return lookupLoading;
      }

      async function show(request: PromptRequest) {
        await (await promptHost())?.show(request);
      }

      function onDecision(decision: EditDecision, artifact: Artifact) {
        const toolLabel = adapterFor(new URL(location.href))?.label ?? '';
        if (decision.action === 'prompt') {
          // A take-over asks its own question in the same dialog.
          const takeover = decision.kind === 'takeover' ? { takeover: true } : {};
          const { joinable, checkIn, workdayEndsAt, plannedMinutes } = decision;
          inHand(
            show({
              kind: 'ask',
              promptId: decision.promptId,
              report: decision.report,
              artifact,
              toolLabel,
              ...takeover,
              context: { joinable, checkIn, workdayEndsAt, plannedMinutes },
            }),
          );
        } else if (decision.action === 'overdue') {
          inHand(
            show({
              kind: 'overdue',
              intervention: decision.intervention,
              report: decision.report,
              artifact,
              toolLabel,
              ...(decision.keepUntil ? { keepUntil: decision.keepUntil } : {}),
            }),
          );
        }
      }
      const diagnose = (tool: PageAdapter['id'], problem: string) =>
        void sendMessage('reportDiagnostic', {
          tool,
          problem,
          where: location.origin + location.pathname,
        }).catch(() => {});

      const detector = createDetector(document, {
        adapterFor,
        // What follows a noticed edit (owner, the background's answer, heartbeats) comes with the lookups.
        // The lookups hand it each tool's owner lookup.
        judging: () => lookup().then((l) => l.judging),
        send: (signal) => sendMessage('edit', signal),
        sendTouch: (signal) => sendMessage('touch', signal),
        sendHeartbeat: (beat) => sendMessage('heartbeat', beat),
        isOwnUi,
        isAlive: extensionAlive,
        // The lead is in a content editor: have the prompt ready before the first keystroke's answer.
        onEditorFocus: () => void promptHost(),
        onDecision,
        inHand,
        onNavigate: () => host?.reset(),
        // Typing on while the item waits: the take-over watcher's key listener steps aside too.
        onQuiet: (quiet) => trigger?.quiet(quiet),
        addressFollowed: navigationFollowed,
        diagnose,
        // The extension was reloaded, updated or removed: this script retires for good.
        onRetired: () => stops.forEach((stop) => stop()),
        listenInEditFrames: parts.listenInEditFrames,
      });
      // Assigning a report's item to oneself: no typing, its own listeners (utils/page/takeover-trigger.ts, then utils/page/takeover.ts).
      const trigger = parts.watchTakeovers?.(document, {
        adapterFor,
        isOwnUi,
        send: (signal) => sendMessage('edit', signal),
        onDecision,
        diagnose,
        inHand,
        load: lookup,
      });
      const stops = [
        () => trigger?.stop(),
        () => detector.stop(),
        () => host?.hide(),
        // Single-page apps change the artifact without a load (Jira's board modal, soft navigation).
        onNavigate((url) => {
          detector.navigated(url);
          trigger?.navigated();
        }),
        onMessage('focusPrompt', () => host?.focus() ?? false),
        onMessage('currentArtifact', () => detector.currentArtifact()),
        // The popup's "On this page": read afresh on each ask; a roster change there re-judges the next edit.
        onMessage('describePage', async () => {
          const adapter = adapterFor(new URL(location.href));
          return adapter ? (await lookup()).readPage(adapter, document) : null;
        }),
        onMessage('rereadPage', () => detector.navigated()),
      ];
      detector.start();
      trigger?.start();
    },
  };
}

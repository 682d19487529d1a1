/**
 * Hosts the prompt in an open shadow root, created on first need and reused
 * for every later prompt on this page. Key and pointer events stay inside
 * it, so the host's shortcuts and click-outside handlers never see them.
 */
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createInterventionPrompt, type InterventionPromptView, type LifecycleActions, type PromptRequest } from './InterventionPrompt';
import { sendMessage } from '@/utils/messages';
import css from './prompt.css?inline';

export const PROMPT_HOST_TAG = 'pullback-prompt';

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'click', 'focusin', 'focusout'];

const lifecycle: LifecycleActions = {
  end: (id) => sendMessage('endIntervention', { id }),
  extend: (id, minutes) => sendMessage('extendIntervention', { id, minutes }),
  recordClosing: (id, answers) => sendMessage('recordClosing', { id, ...answers }),
};

export interface PromptHostEvents {
  /** The lead said Yes: hands-on time on this artifact counts from now on. */
  onStarted(artifact: PromptRequest['artifact']): void;
}

export function createPromptHost(ctx: ContentScriptContext, events: PromptHostEvents) {
  let ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
  let current: PromptRequest | null = null;
  /** Each prompt (and each overdue reminder) is shown once per page, whatever the edits that follow. */
  const shown = new Set<string>();
  const idOf = (r: PromptRequest) => (r.kind === 'ask' ? r.promptId : `overdue:${r.intervention.id}:${r.intervention.plannedEndAt}`);
  let view: InterventionPromptView | null = null;
  /** Where the keyboard was before the lead moved into the prompt, to give it back. */
  let returnTo: HTMLElement | null = null;

  const getUi = () =>
    (ui ??= createShadowRootUi(ctx, {
      name: PROMPT_HOST_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css,
      isolateEvents: ISOLATED_EVENTS,
      onMount: () => {},
    }).then((created) => {
      created.mount();
      return created;
    }));

  /** Puts the current request's prompt in the shadow root (or nothing), replacing the previous one. */
  async function draw() {
    const { uiContainer, shadowHost } = await getUi();
    if (!shadowHost.isConnected) document.body.append(shadowHost); // The host page rebuilt its body.
    view?.destroy();
    view = null;
    if (!current) return;
    const request = current;
    view = createInterventionPrompt({
      request,
      onAnswer: async (answer, options) => {
        const result = await sendMessage('answerPrompt', { promptId: idOf(request), answer, ...options });
        if (result.intervention?.status === 'active') events.onStarted(request.artifact);
        return result;
      },
      lifecycle,
      onClose: hide,
    });
    uiContainer.append(view.element);
  }

  /** Alt+Shift+P reaches the prompt even where the browser's command shortcut is taken. */
  function onShortcut(e: KeyboardEvent) {
    if (e.altKey && e.shiftKey && e.code === 'KeyP') {
      e.preventDefault();
      focus();
    }
  }

  function hide() {
    const hadFocus = ui !== undefined && document.activeElement?.tagName.toLowerCase() === PROMPT_HOST_TAG;
    current = null;
    window.removeEventListener('keydown', onShortcut, true);
    void draw();
    if (hadFocus && returnTo?.isConnected) returnTo.focus();
    returnTo = null;
  }

  function focus(): boolean {
    if (!current) return false;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.tagName.toLowerCase() !== PROMPT_HOST_TAG) returnTo = active;
    view?.focus();
    return true;
  }

  return {
    async show(request: PromptRequest) {
      if (shown.has(idOf(request))) return;
      shown.add(idOf(request));
      current = request;
      window.addEventListener('keydown', onShortcut, true);
      await draw();
    },
    hide,
    /** Navigation: a new artifact, so whatever was shown may be shown again later. */
    reset() {
      shown.clear();
      hide();
    },
    focus,
  };
}

/**
 * Hosts the prompt in an open shadow root, created on first need and reused
 * for every later prompt on this page. Key and pointer events stay inside
 * it, so the host's shortcuts and click-outside handlers never see them.
 *
 * Part of the prompt script (entrypoints/prompt.ts), which the page loads
 * only when a prompt may show: the always-loaded content script stays small.
 */
import {
  createInterventionPrompt,
  type InterventionPromptView,
  type LifecycleActions,
  type PromptRequest,
} from '@/components/prompt/InterventionPrompt';
import {
  PROMPT_HOST_TAG,
  type PromptHost,
  type PromptHostEvents,
} from '@/components/prompt/prompt-api';
import { sendMessage } from '@/utils/protocol/messages';
import css from '@/components/prompt/prompt.css?inline';

const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'click',
  'focusin',
  'focusout',
];

const lifecycle: LifecycleActions = {
  end: (id) => sendMessage('endIntervention', { id }),
  extend: (id, minutes) => sendMessage('extendIntervention', { id, minutes }),
  recordClosing: (id, answers) => sendMessage('recordClosing', { id, ...answers }),
};

/** The host element and its open shadow root; the page's styles stop at `all: initial`. */
function createShadowHost() {
  const host = document.createElement(PROMPT_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const container = document.createElement('div');
  // Present before any prompt, so its text is announced when a prompt appears.
  const announcer = document.createElement('p');
  announcer.className = 'announcer';
  announcer.setAttribute('role', 'status');
  announcer.setAttribute('aria-live', 'polite');
  shadow.append(style, announcer, container);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  return { host, shadow, container, announcer };
}

/** Where the caret was in an editor, to put it back there. */
function caretOf(el: HTMLElement): () => void {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const { selectionStart, selectionEnd, selectionDirection } = el;
    return () => {
      try {
        if (selectionStart !== null && selectionEnd !== null)
          el.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
      } catch {
        // Inputs without a text selection (number, email) keep the browser's own.
      }
    };
  }
  const selection = document.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  return () => {
    if (range && selection && el.contains(range.startContainer)) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
  };
}

/**
 * Moves focus without the page's editor noticing that it lost it: its blur and focusout
 * stop at the window (capture phase, ahead of the page's own handlers). Jira's inline
 * summary editor closes on blur; reaching the prompt must not close it.
 */
function focusQuietly(editor: HTMLElement, move: () => void) {
  const hush = (e: Event) => {
    if (e.target === editor) e.stopImmediatePropagation();
  };
  window.addEventListener('blur', hush, true);
  window.addEventListener('focusout', hush, true);
  try {
    move(); // Focus events fire synchronously, inside this call.
  } finally {
    window.removeEventListener('blur', hush, true);
    window.removeEventListener('focusout', hush, true);
  }
}

export function createPromptHost(events: PromptHostEvents): PromptHost {
  let ui: ReturnType<typeof createShadowHost> | undefined;
  let current: PromptRequest | null = null;
  /** Each prompt (and each overdue reminder) is shown once per page, whatever the edits that follow. */
  const shown = new Set<string>();
  const idOf = (r: PromptRequest) =>
    r.kind === 'ask' ? r.promptId : `overdue:${r.intervention.id}:${r.intervention.plannedEndAt}`;
  let view: InterventionPromptView | null = null;
  /** Where the keyboard was before the lead moved into the prompt (and its caret), to give it back. */
  let returnTo: { el: HTMLElement; caret: () => void } | null = null;
  /** The lead's keyboard is in the prompt (Alt+Shift+P), not elsewhere in the page. */
  let keyboardIn = false;

  /** Puts the current request's prompt in the shadow root (or nothing), replacing the previous one. */
  function draw() {
    ui ??= createShadowHost();
    if (!ui.host.isConnected) document.body.append(ui.host); // First use, or the host page rebuilt its body.
    view?.destroy();
    view = null;
    if (!current) return;
    const request = current;
    view = createInterventionPrompt({
      request,
      onAnswer: async (answer, options) => {
        const result = await sendMessage('answerPrompt', {
          promptId: idOf(request),
          answer,
          ...options,
        });
        if (result.intervention?.status === 'active') events.onStarted(request.artifact);
        return result;
      },
      lifecycle,
      onClose: hide,
      onAnswered: giveBack,
    });
    ui.container.append(view.element);
  }

  /** The keyboard goes back to the editor the lead came from, caret where it was (if the keyboard is in the prompt). */
  function giveBack() {
    const target = returnTo;
    returnTo = null;
    if (!keyboardIn) return;
    keyboardIn = false;
    if (!target?.el.isConnected) return;
    target.el.focus();
    target.caret();
  }

  /** The lead moved the keyboard elsewhere in the page themselves: nothing to give back. */
  function onPageFocus(e: FocusEvent) {
    if (e.isTrusted && e.target !== ui?.host && keyboardIn) {
      keyboardIn = false;
      returnTo = null;
    }
  }

  /** Alt+Shift+P reaches the prompt even where the browser's command shortcut is taken. */
  function onShortcut(e: KeyboardEvent) {
    if (e.isTrusted && e.altKey && e.shiftKey && e.code === 'KeyP') {
      e.preventDefault();
      focus();
    }
  }

  function hide() {
    current = null;
    window.removeEventListener('keydown', onShortcut, true);
    document.removeEventListener('focusin', onPageFocus, true);
    if (ui) ui.announcer.textContent = '';
    draw();
    giveBack();
  }

  function focus(): boolean {
    if (!current || !view) return false;
    const active = document.activeElement;
    if (active === ui?.host) return true; // Already there (the page's key and the browser's command both ask).
    const prompt = view;
    if (active instanceof HTMLElement && active !== ui?.host && active !== document.body) {
      returnTo = { el: active, caret: caretOf(active) };
      focusQuietly(active, () => prompt.focus());
    } else {
      prompt.focus();
    }
    keyboardIn = true;
    return true;
  }

  return {
    async show(request: PromptRequest) {
      if (shown.has(idOf(request))) return;
      shown.add(idOf(request));
      current = request;
      window.addEventListener('keydown', onShortcut, true);
      document.addEventListener('focusin', onPageFocus, true);
      draw();
      // Said once, politely, after the dialog is in place (a live region announces changes, not content).
      const { announcer } = ui!;
      announcer.textContent = '';
      setTimeout(
        () =>
          (announcer.textContent =
            'A Pullback question is waiting. Press Alt+Shift+P to answer it; Esc there means Not now.'),
        100,
      );
    },
    hide,
    reset() {
      shown.clear();
      hide();
    },
    focus,
  };
}

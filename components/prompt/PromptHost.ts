/**
 * Shows the prompt on a tool's page in a frame of the extension's own (entrypoints/prompt-frame),
 * created on first need and reused for every later prompt on this page. The page sees a host
 * element whose shadow root holds only that frame: no text, no names, nothing the lead types; the
 * frame's src is the extension page's address and nothing else. The prompt itself travels by
 * runtime messaging: staged with the background, claimed by the frame, answered from the frame.
 *
 * Where the page forbids frames (a `frame-src` or `child-src` CSP the browser applies to ours),
 * the question moves to the toolbar (badge and popup): never a fallback the page could read.
 *
 * Part of the prompt script (entrypoints/prompt.ts), which the page loads only when a prompt may
 * show: the always-loaded content script stays small.
 */
import { browser } from 'wxt/browser';
import {
  onMessage,
  sendMessage,
  type PromptFrameEvent,
  type PromptRequest,
} from '@/utils/protocol/messages';
import {
  PROMPT_HOST_TAG,
  type PromptHost,
  type PromptHostEvents,
} from '@/components/prompt/prompt-api';
import { PROMPT_FRAME_PAGE, PROMPT_NUDGE } from '@/utils/protocol/frame';

/**
 * How long a staged prompt waits for its frame before it moves to the toolbar, when the browser
 * blocked the frame without saying so (a CSP violation report moves it at once).
 */
export const FRAME_WAIT_MS = 5_000;

/** The frame's box: bottom right, above everything; the page's styles stop at `all: initial`. */
const FRAME_CSS = `:host{all:initial !important;}
iframe{position:fixed;right:16px;bottom:16px;z-index:2147483647;box-sizing:border-box;
width:min(380px,calc(100vw - 32px));height:0;max-height:calc(100vh - 32px);border:0;margin:0;padding:0;
border-radius:10px;background:transparent;color-scheme:normal;visibility:hidden;pointer-events:none;
box-shadow:0 8px 28px rgba(20,30,50,.18);}
iframe.shown{visibility:visible;pointer-events:auto;}`;

/** The host element and the prompt's frame in its shadow root. */
function createFrameHost() {
  const host = document.createElement(PROMPT_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = FRAME_CSS;
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL(PROMPT_FRAME_PAGE);
  // The product's name only, for screen readers (a frame needs a name); never the report's or the lead's words.
  frame.title = 'Pullback';
  shadow.append(style, frame);
  const { protocol, origin } = new URL(frame.src);
  /** Chromium loads the dynamic address, then may show the page at the extension's fixed one. */
  const origins = [...new Set([origin, `${protocol}//${browser.runtime.id}`])];
  /** "Ask the background what to show": no data, and only to the extension's own page. */
  const nudge = () => origins.forEach((o) => frame.contentWindow?.postMessage(PROMPT_NUDGE, o));
  return { host, frame, origin, nudge };
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

/** The browser refused to load `url` in a frame on this page (its CSP). */
const blocks = (e: SecurityPolicyViolationEvent, origin: string) =>
  e.blockedURI.startsWith(origin) || /^(chrome|moz)-extension/.test(e.blockedURI);

export function createPromptHost(events: PromptHostEvents): PromptHost {
  let ui: ReturnType<typeof createFrameHost> | undefined;
  /** The prompt staged for the frame now, and the showing it is (`seq`). */
  let current: { request: PromptRequest; seq: number } | null = null;
  /** The frame is visible with the current prompt in it. */
  let visible = false;
  /** The browser blocked the frame on this page: every prompt goes to the toolbar. */
  let blocked = false;
  /** Settles `show()`: the prompt is on screen, in the frame or in the toolbar. */
  let waiting: { seq: number; done(): void } | null = null;
  /** Each prompt (and each overdue reminder) is shown once per page, whatever the edits that follow. */
  const shown = new Set<string>();
  const idOf = (r: PromptRequest) =>
    r.kind === 'ask' ? r.promptId : `overdue:${r.intervention.id}:${r.intervention.plannedEndAt}`;
  /** Where the keyboard was before the lead moved into the prompt (and its caret), to give it back. */
  let returnTo: { el: HTMLElement; caret: () => void } | null = null;
  /** The lead's keyboard is in the prompt (Alt+Shift+P), not elsewhere in the page. */
  let keyboardIn = false;

  function frameHost() {
    ui ??= createFrameHost();
    // First use, or the host page rebuilt its body.
    if (!ui.host.isConnected) (document.body ?? document.documentElement).append(ui.host);
    return ui;
  }

  /** The question goes to the toolbar (badge and popup) instead of the page. */
  function toToolbar(request: PromptRequest) {
    if (!current || current.request !== request) return;
    const settle = waiting;
    waiting = null;
    void sendMessage('promptToToolbar', { request })
      .catch(() => {})
      .finally(() => settle?.done());
  }

  function onViolation(e: SecurityPolicyViolationEvent) {
    if (!ui || !blocks(e, ui.origin)) return;
    blocked = true;
    if (current && !visible) toToolbar(current.request);
  }
  document.addEventListener('securitypolicyviolation', onViolation, true);

  function setHeight(height: number) {
    if (ui) ui.frame.style.height = `${Math.max(0, Math.round(height))}px`;
  }

  function onFrameEvent(event: PromptFrameEvent) {
    if (!current || event.seq !== current.seq || !ui) return;
    switch (event.event) {
      case 'shown':
        setHeight(event.height);
        ui.frame.classList.add('shown');
        visible = true;
        if (waiting?.seq === event.seq) {
          waiting.done();
          waiting = null;
        }
        return;
      case 'resized':
        return setHeight(event.height);
      case 'answered':
        return giveBack();
      case 'started':
        return events.onStarted(current.request.artifact);
      case 'closed':
        return hide(true);
    }
  }
  // Passed on by the background from the prompt's frame (a page cannot reach this listener).
  onMessage('promptFrameEvent', ({ data, sender }) => {
    if (sender.id === browser.runtime.id) onFrameEvent(data);
  });

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

  /**
   * A click in the prompt moves the keyboard into its frame: the page's editor must not hear
   * that it lost it (Jira's inline summary editor closes on blur).
   */
  function hushBlurIntoFrame(e: FocusEvent) {
    if (ui && e.relatedTarget === ui.host) e.stopImmediatePropagation();
  }

  /** `fromFrame`: the frame closed itself; else the frame is told to empty itself too. */
  function hide(fromFrame = false) {
    const was = current;
    current = null;
    visible = false;
    waiting?.done();
    waiting = null;
    window.removeEventListener('keydown', onShortcut, true);
    window.removeEventListener('blur', hushBlurIntoFrame, true);
    window.removeEventListener('focusout', hushBlurIntoFrame, true);
    document.removeEventListener('focusin', onPageFocus, true);
    ui?.frame.classList.remove('shown');
    setHeight(0);
    giveBack();
    if (was && !fromFrame && ui) {
      void sendMessage('unstagePrompt', undefined)
        .then(ui.nudge)
        .catch(() => {});
    }
  }

  function focus(): boolean {
    if (!current || !visible || !ui) return false;
    const { host, frame } = ui;
    const active = document.activeElement;
    if (active === host) return true; // Already there (the page's key and the browser's command both ask).
    if (active instanceof HTMLElement && active !== document.body) {
      returnTo = { el: active, caret: caretOf(active) };
      focusQuietly(active, () => frame.focus());
    } else {
      frame.focus();
    }
    keyboardIn = true;
    return true;
  }

  // Ready before the first prompt: the frame loads while the lead is still typing. Whatever this
  // tab staged before (the page reloaded) is withdrawn first, so the new frame never shows it.
  void sendMessage('unstagePrompt', undefined).catch(() => {});
  frameHost();

  return {
    async show(request: PromptRequest) {
      if (shown.has(idOf(request))) return;
      shown.add(idOf(request));
      const { nudge } = frameHost();
      const { seq } = await sendMessage('stagePrompt', { request });
      waiting?.done();
      current = { request, seq };
      visible = false;
      window.addEventListener('keydown', onShortcut, true);
      window.addEventListener('blur', hushBlurIntoFrame, true);
      window.addEventListener('focusout', hushBlurIntoFrame, true);
      document.addEventListener('focusin', onPageFocus, true);
      if (blocked) return toToolbar(request);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => toToolbar(request), FRAME_WAIT_MS);
        waiting = { seq, done: () => (clearTimeout(timer), resolve()) };
        // No data: the frame asks the background for what was staged (a frame still loading asks on load).
        nudge();
      });
    },
    hide: () => hide(),
    reset() {
      shown.clear();
      hide();
    },
    focus,
  };
}

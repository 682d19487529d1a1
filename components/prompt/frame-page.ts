/**
 * The prompt inside its own frame (entrypoints/prompt-frame): an extension page, so the tool's
 * page around it can neither read nor change it. It asks the background what to show when it
 * loads and whenever its content script nudges it (a message with no data: the lead's data only
 * ever travels by runtime messaging), sends answers to the background, and tells the content
 * script of its tab and frame what to do with the frame (show it, its height, give the keyboard
 * back, hide it).
 */
import {
  createInterventionPrompt,
  type InterventionPromptView,
} from '@/components/prompt/InterventionPrompt';
import { sendMessage, type PromptFrameEvent, type StagedPrompt } from '@/utils/protocol/messages';
import { PROMPT_NUDGE } from '@/utils/protocol/frame';
import css from '@/components/prompt/prompt.css?inline';
import { answerThroughBackground, lifecycleThroughBackground } from '@/components/prompt/lifecycle';

const ANNOUNCEMENT =
  'A Pullback question is waiting. Press Alt+Shift+P to answer it; Esc there means Not now.';

export function mountPromptFrame(doc: Document = document): void {
  const style = doc.createElement('style');
  style.textContent = css;
  // Present before any prompt, so its text is announced when a prompt appears.
  const announcer = doc.createElement('p');
  announcer.className = 'announcer';
  announcer.setAttribute('role', 'status');
  announcer.setAttribute('aria-live', 'polite');
  const container = doc.createElement('div');
  doc.body.append(style, announcer, container);

  let staged: StagedPrompt | null = null;
  let view: InterventionPromptView | null = null;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  // Through the background: Firefox gives an extension frame inside a web page no tabs API.
  const tell = (event: PromptFrameEvent, to = staged) =>
    to &&
    void sendMessage('relayPromptFrameEvent', { frameId: to.frameId, event }).catch(
      () => {}, // The tab navigated or closed: nobody is left to tell.
    );
  const height = () => (view ? Math.ceil(view.element.getBoundingClientRect().height) : 0);

  function close() {
    const was = staged;
    view?.destroy();
    view = null;
    announcer.textContent = '';
    clearTimeout(announceTimer);
    if (was) tell({ seq: was.seq, event: 'closed' }, was);
  }

  function draw(next: StagedPrompt) {
    view?.destroy();
    staged = next;
    const { request, seq } = next;
    view = createInterventionPrompt({
      request,
      onAnswer: async (answer, options) => {
        const result = await answerThroughBackground(request, answer, options);
        if (result.intervention?.status === 'active') tell({ seq, event: 'started' });
        return result;
      },
      lifecycle: lifecycleThroughBackground,
      onClose: close,
      onAnswered: () => tell({ seq, event: 'answered' }),
    });
    container.replaceChildren(view.element);
    // Measured now, while the frame is still hidden (a hidden frame gets no resize callbacks).
    tell({ seq, event: 'shown', height: height() });
    // Said once, politely, after the dialog is in place (a live region announces changes, not content).
    announcer.textContent = '';
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => (announcer.textContent = ANNOUNCEMENT), 100);
  }

  async function claim() {
    const next = await sendMessage('claimPrompt', undefined).catch(() => null);
    if (!next) {
      // Withdrawn (the lead moved on): nothing stays drawn, even hidden.
      view?.destroy();
      view = null;
      staged = null;
      return;
    }
    if (next.seq !== staged?.seq) draw(next);
  }

  new ResizeObserver(() => {
    if (view && staged) tell({ seq: staged.seq, event: 'resized', height: height() });
  }).observe(container);
  // The content script's nudge: something new may be staged for this tab. Not checked for its
  // sender (Firefox names a content script's window differently): a nudge carries nothing, and
  // what is shown is only ever what the background holds for this tab.
  window.addEventListener('message', (e) => {
    if (e.data === PROMPT_NUDGE) void claim();
  });
  // The keyboard arrived (Alt+Shift+P focuses the frame): it goes to the prompt's first control.
  window.addEventListener('focus', () =>
    setTimeout(() => {
      if (view && (doc.activeElement === doc.body || !doc.activeElement)) view.focus();
    }),
  );
  void claim();
}

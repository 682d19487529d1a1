/**
 * The in-page question: is this a deliberate, temporary intervention?
 *
 * It never takes focus on its own: mouse presses on its buttons are
 * cancelled so the caret stays in the host's editor, and the keyboard
 * reaches it only when the lead asks (Alt+Shift+P). Everything it shows is
 * text (a title with markup in it stays text). Plain DOM: it runs inside
 * other products' pages, where every kilobyte is theirs.
 */
import { EXTEND_MINUTES } from '@/utils/model/durations';
import type { AnswerResult, PromptChoice, PromptRequest } from '@/utils/protocol/messages';
// The plain values, not utils/model/records.ts: its schemas stay out of the content script.
import { LIMITS, PURPOSE_LABELS, PURPOSES, RANGES, type Purpose } from '@/utils/model/constants';
import type { Closing, Intervention } from '@/utils/model/records';
import { createClosingQuestions } from '@/components/prompt/ClosingQuestions';
import { append, fragment, h, trusted, type Child } from '@/components/prompt/dom';

export type { PromptRequest };

/** What the overdue prompt can do, through the background. */
export interface LifecycleActions {
  end(id: string): Promise<Intervention>;
  extend(id: string, minutes: number): Promise<Intervention>;
  recordClosing(id: string, answers: Pick<Closing, 'saidFramework' | 'ownerNow'>): Promise<unknown>;
}

export interface AnswerOptions {
  purpose?: Purpose;
  plannedMinutes?: number;
  /** The lead's few words on Yes: what the report should learn, or the framework used. */
  intent?: string;
}

export interface InterventionPromptProps {
  request: PromptRequest;
  onAnswer(answer: PromptChoice, options: AnswerOptions): Promise<AnswerResult>;
  lifecycle: LifecycleActions;
  /** Hide the prompt (and give the keyboard back to the page's editor if the prompt had it). */
  onClose(): void;
  /**
   * An answer was given (Yes, No, End it, 15 more minutes, a closing answer, Done): if the
   * keyboard was in the prompt, it goes back to the page's editor, caret where it was.
   */
  onAnswered?(): void;
}

export interface InterventionPromptView {
  element: HTMLElement;
  /** Move the keyboard into the prompt (the lead asked for it). */
  focus(): void;
  destroy(): void;
}

type DurationChoice = '15' | '60' | 'today' | 'custom';
const DURATIONS: Array<[DurationChoice, string]> = [
  ['15', '15 min'],
  ['60', '1 h'],
  ['today', 'Today'],
  ['custom', 'Custom'],
];
const MAX_CUSTOM_MINUTES = RANGES.durationMinutes.max;
const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

/** Minutes left until local midnight, at least one. */
export function minutesUntilEndOfDay(now = new Date()): number {
  const end = new Date(now);
  end.setHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 60_000));
}

const keepFocus = (e: MouseEvent) => e.preventDefault();
const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createInterventionPrompt({
  request,
  onAnswer,
  lifecycle,
  onClose,
  onAnswered = () => {},
}: InterventionPromptProps): InterventionPromptView {
  const { report, artifact } = request;
  let purpose: Purpose = 'back-on-track';
  let duration: DurationChoice = '15';
  let busy = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Parts that change without rebuilding the phase (so the caret stays in the minutes field). */
  let refresh = () => {};

  const body = h('div', {});
  const hint = h('p', { class: 'hint' });
  const root = h(
    'div',
    {
      class: 'prompt',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': 'pullback-prompt-title',
      'aria-describedby': 'pullback-prompt-body',
    },
    h('p', { class: 'brand', 'aria-hidden': 'true' }, 'Pullback'),
    body,
    hint,
  );
  /** Esc is mentioned only where it means “Not now”. */
  const setHint = (escIsNotNow: boolean) =>
    (hint.textContent = `Keyboard: Alt+Shift+P to reach this prompt${escIsNotNow ? ', Esc for “Not now”' : ''}; after an answer, your keys go back to where you were typing.`);

  const whose = () =>
    fragment(
      h('strong', {}, report.name),
      `’s ${request.toolLabel} `,
      h('span', { class: 'key' }, artifact.key),
      artifact.title ? fragment(' “', h('span', { class: 'title' }, artifact.title), '”') : null,
    );
  const button = (label: string, onClick: () => void, cls?: string) =>
    h('button', { type: 'button', class: cls, onMousedown: keepFocus, onClick }, label);

  /** Shows a phase: its title, its text, its controls. Keeps keyboard focus inside if it was there. */
  function show(title: string, text: Child, ...rest: Child[]) {
    const hadFocus = root.contains(
      root.getRootNode() instanceof ShadowRoot
        ? (root.getRootNode() as ShadowRoot).activeElement
        : document.activeElement,
    );
    refresh = () => {};
    body.replaceChildren();
    append(body, [h('h2', { id: 'pullback-prompt-title' }, title), text, ...rest]);
    if (hadFocus) focus();
  }

  function showAsk() {
    const purposeButtons = PURPOSES.map(
      (p) => [p, button(PURPOSE_LABELS[p], () => ((purpose = p), refresh()))] as const,
    );
    const durationButtons = DURATIONS.map(
      ([value, label]) => [value, button(label, () => ((duration = value), refresh()))] as const,
    );
    const minutes = h('input', { type: 'number', min: 1, max: MAX_CUSTOM_MINUTES, value: '30' });
    const intent = h('input', {
      type: 'text',
      maxlength: LIMITS.intentLength,
      placeholder: 'e.g. check the edge cases first; RACI',
      autocomplete: 'off',
    });
    const intentLabel = h(
      'label',
      { class: 'intent' },
      h(
        'span',
        {},
        'If Yes, in a few words: what should they learn, or which framework are you using? (optional)',
      ),
      intent,
    );
    minutes.addEventListener(
      'input',
      trusted(() => refresh()),
    );
    const customLabel = h('label', { class: 'custom' }, 'Minutes', minutes);
    const error = h(
      'p',
      { id: 'pullback-custom-error', class: 'error' },
      `Enter a whole number of minutes from 1 to ${MAX_CUSTOM_MINUTES}.`,
    );
    const yes = button('Yes, start the intervention', () => void answer('deliberate'), 'primary');
    const no = button('No, I’ll hand it back', () => void answer('stepped-back'));
    const notNow = button('Not now', () => void answer('dismissed'), 'quiet');

    const custom = () => Number(minutes.value);
    const customInvalid = () =>
      duration === 'custom' &&
      !(Number.isInteger(custom()) && custom() >= 1 && custom() <= MAX_CUSTOM_MINUTES);
    const plannedMinutes = () =>
      duration === 'today'
        ? minutesUntilEndOfDay()
        : duration === 'custom'
          ? custom()
          : Number(duration);

    async function answer(choice: PromptChoice) {
      if (busy || (choice === 'deliberate' && customInvalid())) return;
      busy = true;
      refresh();
      try {
        const words = intent.value.trim();
        const result = await onAnswer(
          choice,
          choice === 'deliberate'
            ? { purpose, plannedMinutes: plannedMinutes(), ...(words ? { intent: words } : {}) }
            : {},
        );
        if (choice === 'dismissed') return onClose();
        if (choice === 'stepped-back') showSteppedBack();
        else showStarted(result.intervention?.plannedEndAt ?? '');
        onAnswered();
      } catch (e) {
        showError(errorMessage(e));
      } finally {
        busy = false;
        refresh();
      }
    }
    escape = () => void answer('dismissed');
    setHint(true);

    show(
      'Is this a deliberate, temporary intervention?',
      request.kind === 'ask' && request.takeover
        ? h(
            'p',
            { id: 'pullback-prompt-body' },
            `You are taking this over from ${report.name}: deliberate, and until when? `,
            whose(),
            '.',
          )
        : h('p', { id: 'pullback-prompt-body' }, 'You are editing ', whose(), '.'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Why you are stepping in'),
        h('div', { class: 'choices' }, ...purposeButtons.map(([, b]) => b)),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Pull back after'),
        h('div', { class: 'choices' }, ...durationButtons.map(([, b]) => b)),
        customLabel,
        error,
      ),
      intentLabel,
      h('div', { class: 'actions' }, yes, no, notNow),
    );
    refresh = () => {
      for (const [p, b] of purposeButtons) b.setAttribute('aria-pressed', String(purpose === p));
      for (const [d, b] of durationButtons) b.setAttribute('aria-pressed', String(duration === d));
      const invalid = customInvalid();
      customLabel.hidden = duration !== 'custom';
      error.hidden = !invalid;
      minutes.setAttribute('aria-invalid', String(invalid));
      if (invalid) minutes.setAttribute('aria-describedby', 'pullback-custom-error');
      else minutes.removeAttribute('aria-describedby');
      yes.disabled = busy || invalid;
      no.disabled = notNow.disabled = busy;
    };
    refresh();
  }

  function showOverdue(record: Intervention) {
    const step = (run: () => Promise<void>) => async () => {
      if (busy) return;
      busy = true;
      try {
        await run();
        onAnswered();
      } catch (e) {
        showError(errorMessage(e));
      } finally {
        busy = false;
      }
    };
    escape = onClose;
    setHint(true);
    show(
      'Time to pull back from this intervention?',
      h(
        'p',
        { id: 'pullback-prompt-body' },
        'You planned to be done with ',
        whose(),
        ` by ${clock.format(new Date(record.plannedEndAt))}.`,
      ),
      h(
        'div',
        { class: 'actions' },
        button(
          'End it',
          step(async () => showClosing(await lifecycle.end(record.id))),
          'primary',
        ),
        button(
          `${EXTEND_MINUTES} more minutes`,
          step(async () => (await lifecycle.extend(record.id, EXTEND_MINUTES), onClose())),
        ),
        button('Not now', onClose, 'quiet'),
      ),
    );
  }

  function showClosing(record: Intervention) {
    escape = onClose;
    setHint(false);
    show(
      'Intervention ended: hand it back',
      createClosingQuestions({
        record: { ...record, reportName: report.name },
        keepFocus,
        onSave: (answers) => lifecycle.recordClosing(record.id, answers),
        onDone: onClose,
        onAnswered,
      }),
    );
  }

  function showStarted(plannedEndAt: string) {
    escape = onClose;
    setHint(false);
    show(
      'Intervention started',
      h(
        'p',
        { id: 'pullback-prompt-body' },
        'On ',
        whose(),
        `. Say the framework you are using out loud, then pull back${plannedEndAt ? ` by ${clock.format(new Date(plannedEndAt))}` : ''}.`,
      ),
      h('div', { class: 'actions' }, button('Close', onClose)),
    );
    // A confirmation needs no answer: it goes by itself.
    closeTimer = setTimeout(onClose, 6000);
  }

  function showSteppedBack() {
    escape = onClose;
    setHint(false);
    show(
      'Good catch: no intervention',
      h(
        'p',
        { id: 'pullback-prompt-body' },
        `Hand this detail back to ${report.name}: undo your change, and say what you noticed in a comment or your next 1:1, so they make the call.`,
      ),
      h('div', { class: 'actions' }, button('Close', onClose)),
    );
  }

  function showError(message: string) {
    escape = onClose;
    setHint(false);
    show(
      'Pullback could not save that intervention answer',
      h('p', { id: 'pullback-prompt-body', role: 'alert' }, message),
      h('div', { class: 'actions' }, button('Close', onClose)),
    );
  }

  let escape: () => void = onClose;
  root.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      escape();
    }),
  );

  function focus() {
    root.querySelector<HTMLElement>('button:not([disabled]), input')?.focus();
  }

  if (request.kind === 'overdue') showOverdue(request.intervention);
  else showAsk();

  return {
    element: root,
    focus,
    destroy() {
      clearTimeout(closeTimer);
      root.remove();
    },
  };
}

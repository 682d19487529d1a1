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
import { errorText } from '@/utils/model/error-text';

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
  /** Until the working day's end the lead set (the background reads it). */
  until?: 'end-of-day';
  /** "Add to ...": the open intervention this item joins. */
  join?: string;
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

type DurationChoice = '15' | '60' | 'end-of-day' | 'custom';
const MAX_CUSTOM_MINUTES = RANGES.durationMinutes.max;
const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

/** The plan's lengths; "End of day" names the clock time the lead set (today's, or tomorrow's once passed). */
function durations(workdayEndsAt: string | undefined): Array<[DurationChoice, string]> {
  const end = workdayEndsAt ? new Date(workdayEndsAt) : null;
  const tomorrow = end && end.toDateString() !== new Date().toDateString();
  return [
    ['15', '15 min'],
    ['60', '1 h'],
    [
      'end-of-day',
      end ? `End of day (${tomorrow ? 'tomorrow ' : ''}${clock.format(end)})` : 'End of day',
    ],
    ['custom', 'Custom'],
  ];
}

const keepFocus = (e: MouseEvent) => e.preventDefault();

export function createInterventionPrompt({
  request,
  onAnswer,
  lifecycle,
  onClose,
  onAnswered = () => {},
}: InterventionPromptProps): InterventionPromptView {
  const { report, artifact } = request;
  const context = request.kind === 'ask' ? request.context : undefined;
  // The purpose that fits where the lead last put this report (changeable).
  let purpose: Purpose = context?.checkIn?.purpose ?? 'back-on-track';
  // The lead's default plan length is the first choice: one of the buttons, or the custom minutes.
  const planned = context?.plannedMinutes ?? 15;
  let duration: DurationChoice = planned === 15 ? '15' : planned === 60 ? '60' : 'custom';
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
    const durationButtons = durations(context?.workdayEndsAt).map(
      ([value, label]) => [value, button(label, () => ((duration = value), refresh()))] as const,
    );
    const minutes = h('input', {
      type: 'number',
      min: 1,
      max: MAX_CUSTOM_MINUTES,
      value: duration === 'custom' ? String(planned) : '30',
    });
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
    const joinable = context?.joinable;
    // One stretch of work, one intervention: this item joins the report's open one in one click.
    const join = joinable
      ? button(
          `Add to ${joinable.artifact.key}`,
          () => void answer('deliberate', joinable.interventionId),
          'primary',
        )
      : null;

    const custom = () => Number(minutes.value);
    const customInvalid = () =>
      duration === 'custom' &&
      !(Number.isInteger(custom()) && custom() >= 1 && custom() <= MAX_CUSTOM_MINUTES);
    const plan = (): Pick<AnswerOptions, 'plannedMinutes' | 'until'> =>
      duration === 'end-of-day'
        ? { until: 'end-of-day' }
        : { plannedMinutes: duration === 'custom' ? custom() : Number(duration) };

    async function answer(choice: PromptChoice, joinId?: string) {
      if (busy || (choice === 'deliberate' && !joinId && customInvalid())) return;
      busy = true;
      refresh();
      try {
        const words = intent.value.trim();
        const result = await onAnswer(
          choice,
          joinId
            ? { join: joinId }
            : choice === 'deliberate'
              ? { purpose, ...plan(), ...(words ? { intent: words } : {}) }
              : {},
        );
        if (choice === 'dismissed') return onClose();
        if (choice === 'stepped-back') showSteppedBack();
        else if (joinId) showJoined(result.intervention);
        else showStarted(result.intervention?.plannedEndAt ?? '');
        onAnswered();
      } catch (e) {
        showError(errorText(e));
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
      h('div', { class: 'actions' }, join, yes, no, notNow),
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
      if (join) join.disabled = busy;
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
        showError(errorText(e));
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

  function showJoined(record: Intervention | null) {
    escape = onClose;
    setHint(false);
    show(
      'Added to your open intervention',
      h(
        'p',
        { id: 'pullback-prompt-body' },
        whose(),
        ` counts toward your intervention on ${record?.artifact.key ?? 'their work'}${record ? `; pull back by ${clock.format(new Date(record.plannedEndAt))}` : ''}.`,
      ),
      h('div', { class: 'actions' }, button('Close', onClose)),
    );
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

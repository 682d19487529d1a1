/**
 * The in-page question: is this a deliberate, temporary intervention?
 *
 * It never takes focus on its own: mouse presses on its buttons are
 * cancelled so the caret stays in the host's editor, and the keyboard
 * reaches it only when the lead asks (Alt+Shift+P). Everything it shows is
 * text (a title with markup in it stays text). Plain DOM: it runs inside
 * other products' pages, where every kilobyte is theirs.
 */
import {
  EXTEND_MINUTES,
  formatDateClock,
  formatDayClock,
  formatDuration,
} from '@/utils/model/durations';
import type {
  AnswerResult,
  PromptChoice,
  PromptContext,
  PromptRequest,
} from '@/utils/protocol/messages';
// The plain values, not utils/model/records.ts: its schemas stay out of the content script.
import {
  LIMITS,
  PURPOSE_LABELS,
  PURPOSES,
  RANGES,
  type KeepUntil,
  type PlannedUntil,
  type Purpose,
} from '@/utils/model/constants';
import type { Closing, Intervention } from '@/utils/model/records';
import { createClosingQuestions } from '@/components/prompt/ClosingQuestions';
import { append, fragment, h, trusted, type Child } from '@/components/prompt/dom';
import { errorText } from '@/utils/model/error-text';

export type { PromptRequest };

/** What the overdue prompt can do, through the background. */
export interface LifecycleActions {
  end(id: string): Promise<Intervention>;
  extend(id: string, minutes: number): Promise<Intervention>;
  /** A take-over kept on by its plan: to the next working day's end, or until it is done. */
  keep(id: string, until: KeepUntil): Promise<Intervention>;
  recordClosing(id: string, answers: Pick<Closing, 'saidFramework' | 'ownerNow'>): Promise<unknown>;
  /** The step after Yes: why the lead stepped in and their few words. */
  annotate(id: string, notes: { purpose?: Purpose; intent?: string }): Promise<unknown>;
  /** The lead's remembered closing line for the hand-back note ('' for none). */
  closingLine(): Promise<string>;
}

export interface AnswerOptions {
  purpose?: Purpose;
  plannedMinutes?: number;
  /** Until the working day's end the lead set, a day's end (`untilDay`), or done (the background reads the clock). */
  until?: PlannedUntil;
  /** For `until: 'day'`: "YYYY-MM-DD", local. */
  untilDay?: string;
  /** "Add to ...": the open intervention this item joins. */
  join?: string;
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

const MAX_CUSTOM_MINUTES = RANGES.durationMinutes.max;
const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat([], { month: 'short', day: 'numeric' });
const weekday = new Intl.DateTimeFormat([], { weekday: 'short', month: 'short', day: 'numeric' });
/** The plan lengths offered beside Yes (minutes); the lead's own default joins them. */
const PLAN_MINUTES = [15, 30, 60, 120];

/** "End of day (18:00)": the clock time the lead set, today's, or tomorrow's once passed. */
function endOfDayLabel(workdayEndsAt: string | undefined): string {
  const end = workdayEndsAt ? new Date(workdayEndsAt) : null;
  if (!end) return 'End of day';
  const tomorrow = end.toDateString() !== new Date().toDateString();
  return `End of day (${tomorrow ? 'tomorrow ' : ''}${clock.format(end)})`;
}

/** "YYYY-MM-DD" of a local day. */
function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Where the lead last put this report, in a few words; where the quadrant says keep out of the
 * details (Full support), said plainly, once.
 */
function checkInLine(
  checkIn: NonNullable<PromptContext['checkIn']>,
  name: string,
): { text: string; keepOut: boolean } {
  const when = dayMonth.format(new Date(checkIn.at));
  return checkIn.quadrant === 'support'
    ? {
        text: `You last rated ${name} ${checkIn.label} (${when}): details are theirs.`,
        keepOut: true,
      }
    : { text: `Check-in: ${checkIn.label} (${when}).`, keepOut: false };
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
  // The lead's default plan length is the plan shown beside Yes.
  const planned = context?.plannedMinutes ?? 15;
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

  /** The check-in's few words, when the report has one. */
  const checkIn = () => {
    if (!context?.checkIn) return null;
    const line = checkInLine(context.checkIn, report.name);
    return h('p', { class: line.keepOut ? 'checkin keep-out' : 'checkin' }, line.text);
  };

  /**
   * Sends an answer (once at a time); `then` shows what follows. Errors show in the card; a
   * dismissal closes it.
   */
  async function send(
    choice: PromptChoice,
    options: AnswerOptions,
    then: (result: AnswerResult) => void,
  ) {
    if (busy) return;
    busy = true;
    refresh();
    try {
      const result = await onAnswer(choice, options);
      if (choice === 'dismissed' || choice === 'not-takeover') return onClose();
      then(result);
      onAnswered();
    } catch (e) {
      showError(errorText(e));
    } finally {
      busy = false;
      refresh();
    }
  }

  /**
   * The light card: Yes with its plan in place, No, Not now, and for a report with open work
   * "Add to <key>". Why and the few words come after Yes.
   */
  function showAsk() {
    const options: Array<[string, string]> = [
      ...[...new Set([...PLAN_MINUTES, planned])]
        .sort((a, b) => a - b)
        .map((m): [string, string] => [
          String(m),
          formatDuration(m * 60_000).replace(' 00 min', ''),
        ]),
      ['end-of-day', endOfDayLabel(context?.workdayEndsAt)],
      ['custom', 'Custom…'],
    ];
    const plan = h(
      'select',
      { 'aria-label': 'Pull back after', class: 'plan' },
      ...options.map(([value, label]) =>
        h('option', { value, ...(value === String(planned) ? { selected: true } : {}) }, label),
      ),
    );
    plan.value = String(planned);
    const minutes = h('input', { type: 'number', min: 1, max: MAX_CUSTOM_MINUTES, value: '30' });
    // Redrawing only (showing the minutes, their error): no answer is sent from here, so a
    // scripted change (a select's events are dispatched, not typed) may redraw too.
    for (const el of [plan, minutes]) el.addEventListener('input', () => refresh());
    plan.addEventListener('change', () => refresh());
    const customLabel = h('label', { class: 'custom' }, 'Minutes', minutes);
    const error = h(
      'p',
      { id: 'pullback-custom-error', class: 'error' },
      `Enter a whole number of minutes from 1 to ${MAX_CUSTOM_MINUTES}.`,
    );
    const custom = () => Number(minutes.value);
    const customInvalid = () =>
      plan.value === 'custom' &&
      !(Number.isInteger(custom()) && custom() >= 1 && custom() <= MAX_CUSTOM_MINUTES);
    const chosenPlan = (): AnswerOptions =>
      plan.value === 'end-of-day'
        ? { until: 'end-of-day' }
        : { plannedMinutes: plan.value === 'custom' ? custom() : Number(plan.value) };

    const yes = button(
      'Yes, start the intervention',
      () =>
        !customInvalid() &&
        void send('deliberate', { purpose, ...chosenPlan() }, (r) => showStarted(r.intervention)),
      'primary',
    );
    const no = button(
      'No, I’ll hand it back',
      () => void send('stepped-back', {}, showSteppedBack),
    );
    const notNow = button('Not now', () => void send('dismissed', {}, () => {}), 'quiet');
    const joinable = context?.joinable;
    // One stretch of work, one intervention: this item joins the report's open one in one click.
    const join = joinable
      ? button(
          `Add to ${joinable.artifact.key}`,
          () =>
            void send('deliberate', { join: joinable.interventionId }, (r) =>
              showJoined(r.intervention),
            ),
        )
      : null;
    escape = () => void send('dismissed', {}, () => {});
    setHint(true);

    show(
      'Is this a deliberate, temporary intervention?',
      h('p', { id: 'pullback-prompt-body' }, 'You are editing ', whose(), '.'),
      checkIn(),
      h(
        'div',
        { class: 'actions' },
        h('span', { class: 'yes-plan' }, yes, h('span', { 'aria-hidden': 'true' }, 'for'), plan),
        join,
        no,
        notNow,
      ),
      customLabel,
      error,
    );
    refresh = () => {
      const invalid = customInvalid();
      customLabel.hidden = plan.value !== 'custom';
      error.hidden = !invalid;
      minutes.setAttribute('aria-invalid', String(invalid));
      if (invalid) minutes.setAttribute('aria-describedby', 'pullback-custom-error');
      else minutes.removeAttribute('aria-describedby');
      yes.disabled = busy || invalid;
      plan.disabled = no.disabled = notNow.disabled = busy;
      if (join) join.disabled = busy;
    };
    refresh();
  }

  /**
   * Taking over is its own question: until the day's end, a day the lead picks, until it is done
   * (no planned end: a weekly reminder), or not a take-over at all.
   */
  function showTakeover() {
    const takeUntil = (options: AnswerOptions) =>
      void send('deliberate', { purpose, ...options }, (r) => showTakenOver(r.intervention));
    const endOfDay = button(endOfDayLabel(context?.workdayEndsAt), () =>
      takeUntil({ until: 'end-of-day' }),
    );
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const day = h('input', { type: 'date', min: localDay(new Date()), value: localDay(tomorrow) });
    const dayLabel = h('label', { class: 'custom' }, 'Until', day);
    const dayError = h(
      'p',
      { id: 'pullback-day-error', class: 'error' },
      'Pick a day whose working day has not ended yet.',
    );
    dayError.hidden = true;
    /** The day's working-day end, at the clock time the lead set, is still ahead (else it is refused here, nothing lost). */
    const dayAhead = () => {
      const [y, m, d] = day.value.split('-').map(Number);
      if (!y || !m || !d) return false;
      const at = context?.workdayEndsAt ? new Date(context.workdayEndsAt) : null;
      const end = new Date(y, m - 1, d, at?.getHours() ?? 23, at?.getMinutes() ?? 59);
      return end.getTime() > Date.now();
    };
    const untilDay = button('Keep it until then', () => {
      const ok = dayAhead();
      dayError.hidden = ok;
      day.setAttribute('aria-invalid', String(!ok));
      if (ok) takeUntil({ until: 'day', untilDay: day.value });
      else day.setAttribute('aria-describedby', 'pullback-day-error');
    });
    const dayRow = h('div', { class: 'actions day-row' }, dayLabel, untilDay);
    dayRow.hidden = true;
    const aDay = button('Until a day…', () => {
      aDay.hidden = true;
      dayRow.hidden = false;
      day.focus();
    });
    const done = button('Until it is done', () => takeUntil({ until: 'done' }));
    const notTakeover = button('Not a take-over', () => void send('not-takeover', {}, () => {}));
    const notNow = button('Not now', () => void send('dismissed', {}, () => {}), 'quiet');
    escape = () => void send('dismissed', {}, () => {});
    setHint(true);
    show(
      `Are you taking this over from ${report.name}?`,
      h(
        'p',
        { id: 'pullback-prompt-body' },
        'You assigned ',
        whose(),
        ' to yourself. Until when is it yours?',
      ),
      checkIn(),
      h('div', { class: 'actions' }, endOfDay, aDay, done, notTakeover, notNow),
      dayRow,
      dayError,
    );
    refresh = () => {
      for (const b of [endOfDay, aDay, done, notTakeover, notNow, untilDay]) b.disabled = busy;
      day.disabled = busy;
    };
    refresh();
  }

  function showTakenOver(record: Intervention | null) {
    escape = onClose;
    setHint(false);
    const end = record ? new Date(record.plannedEndAt) : null;
    const until =
      !record || !end
        ? ''
        : record.plannedUntil === 'done'
          ? ' until it is done; Pullback asks once a week whether it still is'
          : record.plannedUntil === 'day'
            ? ` until ${weekday.format(end)}, ${clock.format(end)}`
            : ` until ${clock.format(end)}`;
    show(
      'Taking it over: noted',
      h('p', { id: 'pullback-prompt-body' }, whose(), ` is yours${until}.`),
      h('div', { class: 'actions' }, button('Close', onClose)),
    );
    closeTimer = setTimeout(onClose, 6000);
  }

  /** One answer of an overdue card at a time; an error shows in the card. */
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

  function showOverdue(record: Intervention, keepUntil?: string) {
    if (record.kind === 'takeover') return showTakeoverOverdue(record, keepUntil);
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

  /**
   * A take-over past its planned end asks in its own words, by its plan, never by minutes: hand it
   * back (then the closing questions, as End it), keep it until the next working day's end, or
   * until it is done.
   */
  function showTakeoverOverdue(record: Intervention, keepUntil?: string) {
    escape = onClose;
    setHint(true);
    const keepLabel = keepUntil
      ? `Keep it until ${formatDayClock(new Date(keepUntil))}`
      : 'Keep it until the end of the next working day';
    show(
      'Still taking this over?',
      h(
        'p',
        { id: 'pullback-prompt-body' },
        'You planned to hand ',
        h('span', { class: 'key' }, artifact.key),
        ' back to ',
        h('strong', {}, report.name),
        ` by ${formatDateClock(new Date(record.plannedEndAt))}.`,
      ),
      h(
        'div',
        { class: 'actions' },
        button(
          'Hand it back',
          step(async () => showClosing(await lifecycle.end(record.id))),
          'primary',
        ),
        button(
          keepLabel,
          step(async () => showTakenOver(await lifecycle.keep(record.id, 'next-workday-end'))),
        ),
        button(
          'Until it is done',
          step(async () => showTakenOver(await lifecycle.keep(record.id, 'done'))),
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
        closingLine: lifecycle.closingLine,
        onDone: onClose,
        onAnswered,
      }),
    );
  }

  /**
   * After Yes, the same card: why the lead stepped in (pre-selected from the check-in) and their
   * few words. The intervention already started; this only annotates it. Skip, Esc or leaving it
   * alone closes it.
   */
  function showStarted(record: Intervention | null) {
    const plannedEndAt = record?.plannedEndAt ?? '';
    const purposeButtons = PURPOSES.map(
      (p) => [p, button(PURPOSE_LABELS[p], () => ((purpose = p), refresh()))] as const,
    );
    const intent = h('input', {
      type: 'text',
      maxlength: LIMITS.intentLength,
      placeholder: 'e.g. check the edge cases first; RACI',
      autocomplete: 'off',
    });
    const chosen = purpose;
    const save = button(
      'Done',
      () => {
        if (busy || !record) return onClose();
        const words = intent.value.trim();
        if (purpose === chosen && !words) return onClose();
        busy = true;
        refresh();
        void lifecycle
          .annotate(record.id, { purpose, ...(words ? { intent: words } : {}) })
          .then(() => (onAnswered(), onClose()))
          .catch((e) => showError(errorText(e)))
          .finally(() => ((busy = false), refresh()));
      },
      'primary',
    );
    const skip = button('Skip', onClose, 'quiet');
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
      h(
        'fieldset',
        {},
        h('legend', {}, 'Why you are stepping in (optional)'),
        h('div', { class: 'choices' }, ...purposeButtons.map(([, b]) => b)),
      ),
      h(
        'label',
        { class: 'intent' },
        h(
          'span',
          {},
          'In a few words: what should they learn, or which framework are you using? (optional)',
        ),
        intent,
      ),
      h('div', { class: 'actions' }, save, skip),
    );
    refresh = () => {
      for (const [p, b] of purposeButtons) b.setAttribute('aria-pressed', String(purpose === p));
      save.disabled = busy;
    };
    refresh();
    // Never in the way: left alone, it goes by itself; once the lead is in it, it waits for them.
    closeTimer = setTimeout(onClose, 20_000);
    const stay = () => clearTimeout(closeTimer);
    root.addEventListener('pointerdown', stay, { once: true });
    root.addEventListener('focusin', stay, { once: true });
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

  if (request.kind === 'overdue') showOverdue(request.intervention, request.keepUntil);
  else if (request.takeover) showTakeover();
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

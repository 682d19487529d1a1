/**
 * The in-page question: is this a deliberate, temporary intervention?
 *
 * It never takes focus on its own: mouse presses on its buttons are
 * cancelled so the caret stays in the host's editor, and the keyboard
 * reaches it only when the lead asks (Alt+Shift+P). Everything it shows is
 * text (a title with markup in it stays text).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { EXTEND_MINUTES } from '../utils/durations';
import type { AnswerResult, PromptChoice, ReportRef } from '../utils/messages';
import { PURPOSE_LABELS, PURPOSES, type Artifact, type Closing, type Intervention, type Purpose } from '../utils/model';
import { ClosingQuestions } from './ClosingQuestions';

export type PromptRequest =
  /** Editing a report's artifact: is this deliberate? */
  | { kind: 'ask'; promptId: string; report: ReportRef; artifact: Artifact; toolLabel: string }
  /** Back on an artifact whose intervention is past its planned end. */
  | { kind: 'overdue'; intervention: Intervention; report: ReportRef; artifact: Artifact; toolLabel: string };

/** What the overdue prompt can do, through the background. */
export interface LifecycleActions {
  end(id: string): Promise<Intervention>;
  extend(id: string, minutes: number): Promise<Intervention>;
  recordClosing(id: string, answers: Pick<Closing, 'saidFramework' | 'ownerNow'>): Promise<unknown>;
}

export interface AnswerOptions {
  purpose?: Purpose;
  plannedMinutes?: number;
}

export interface InterventionPromptProps {
  request: PromptRequest;
  onAnswer(answer: PromptChoice, options: AnswerOptions): Promise<AnswerResult>;
  lifecycle: LifecycleActions;
  /** Hide the prompt (and give the keyboard back to the page's editor if the prompt had it). */
  onClose(): void;
  /** Bumped by the content script to move focus into the prompt on request. */
  focusRequest: number;
}

type DurationChoice = '15' | '60' | 'today' | 'custom';
const DURATIONS: Array<[DurationChoice, string]> = [
  ['15', '15 min'],
  ['60', '1 h'],
  ['today', 'Today'],
  ['custom', 'Custom'],
];
const MAX_CUSTOM_MINUTES = 24 * 60;

/** Minutes left until local midnight, at least one. */
export function minutesUntilEndOfDay(now = new Date()): number {
  const end = new Date(now);
  end.setHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 60_000));
}

const keepFocus = (e: MouseEvent) => e.preventDefault();

type Phase =
  | { kind: 'ask' }
  | { kind: 'started'; plannedEndAt: string }
  | { kind: 'stepped-back' }
  | { kind: 'overdue' }
  | { kind: 'closing'; record: Intervention }
  | { kind: 'error'; message: string };

export function InterventionPrompt({ request, onAnswer, lifecycle, onClose, focusRequest }: InterventionPromptProps) {
  const [purpose, setPurpose] = useState<Purpose>('back-on-track');
  const [duration, setDuration] = useState<DurationChoice>('15');
  const [customMinutes, setCustomMinutes] = useState('30');
  const [phase, setPhase] = useState<Phase>({ kind: request.kind });
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const { report, artifact } = request;

  useEffect(() => {
    if (focusRequest > 0) dialogRef.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, [focusRequest]);

  const custom = Number(customMinutes);
  const customInvalid = duration === 'custom' && !(Number.isInteger(custom) && custom >= 1 && custom <= MAX_CUSTOM_MINUTES);
  const plannedMinutes = duration === 'today' ? minutesUntilEndOfDay() : duration === 'custom' ? custom : Number(duration);

  async function answer(choice: PromptChoice) {
    if (busy || (choice === 'deliberate' && customInvalid)) return;
    setBusy(true);
    try {
      const result = await onAnswer(choice, choice === 'deliberate' ? { purpose, plannedMinutes } : {});
      if (choice === 'dismissed') onClose();
      else if (choice === 'stepped-back') setPhase({ kind: 'stepped-back' });
      else setPhase({ kind: 'started', plannedEndAt: result.intervention?.plannedEndAt ?? '' });
    } catch (e) {
      setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  async function lifecycleStep(step: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await step();
    } catch (e) {
      setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }
  const endNow = (id: string) => lifecycleStep(async () => setPhase({ kind: 'closing', record: await lifecycle.end(id) }));
  const extendNow = (id: string) =>
    lifecycleStep(async () => {
      await lifecycle.extend(id, EXTEND_MINUTES);
      onClose();
    });

  // A confirmation needs no answer: it goes by itself.
  useEffect(() => {
    if (phase.kind !== 'started') return;
    const timer = setTimeout(onClose, 6000);
    return () => clearTimeout(timer);
  }, [phase.kind]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (phase.kind === 'ask') void answer('dismissed');
      else onClose();
    }
  }

  const whose = (
    <>
      <strong>{report.name}</strong>’s {request.toolLabel} <span class="key">{artifact.key}</span>
      {artifact.title ? <> “<span class="title">{artifact.title}</span>”</> : null}
    </>
  );

  return (
    <div
      ref={dialogRef}
      class="prompt"
      role="dialog"
      aria-modal="false"
      aria-labelledby="pullback-prompt-title"
      aria-describedby="pullback-prompt-body"
      onKeyDown={onKeyDown}
    >
      <p class="brand" aria-hidden="true">Pullback</p>
      {phase.kind === 'ask' && (
        <>
          <h2 id="pullback-prompt-title">Is this a deliberate, temporary intervention?</h2>
          <p id="pullback-prompt-body">You are editing {whose}.</p>
          <fieldset>
            <legend>Why you are stepping in</legend>
            <div class="choices">
              {PURPOSES.map((p) => (
                <button type="button" aria-pressed={purpose === p} onMouseDown={keepFocus} onClick={() => setPurpose(p)}>
                  {PURPOSE_LABELS[p]}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Pull back after</legend>
            <div class="choices">
              {DURATIONS.map(([value, label]) => (
                <button type="button" aria-pressed={duration === value} onMouseDown={keepFocus} onClick={() => setDuration(value)}>
                  {label}
                </button>
              ))}
            </div>
            {duration === 'custom' && (
              <label class="custom">
                Minutes
                <input
                  type="number"
                  min={1}
                  max={MAX_CUSTOM_MINUTES}
                  value={customMinutes}
                  aria-invalid={customInvalid}
                  aria-describedby={customInvalid ? 'pullback-custom-error' : undefined}
                  onInput={(e) => setCustomMinutes((e.target as HTMLInputElement).value)}
                />
              </label>
            )}
            {customInvalid && (
              <p id="pullback-custom-error" class="error">
                Enter a whole number of minutes from 1 to {MAX_CUSTOM_MINUTES}.
              </p>
            )}
          </fieldset>
          <div class="actions">
            <button type="button" class="primary" disabled={busy || customInvalid} onMouseDown={keepFocus} onClick={() => answer('deliberate')}>
              Yes, start the intervention
            </button>
            <button type="button" disabled={busy} onMouseDown={keepFocus} onClick={() => answer('stepped-back')}>
              No, I’ll hand it back
            </button>
            <button type="button" class="quiet" disabled={busy} onMouseDown={keepFocus} onClick={() => answer('dismissed')}>
              Not now
            </button>
          </div>
        </>
      )}
      {phase.kind === 'overdue' && request.kind === 'overdue' && (
        <>
          <h2 id="pullback-prompt-title">Time to pull back from this intervention?</h2>
          <p id="pullback-prompt-body">
            You planned to be done with {whose} by {new Date(request.intervention.plannedEndAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
          </p>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onMouseDown={keepFocus} onClick={() => endNow(request.intervention.id)}>
              End it
            </button>
            <button type="button" disabled={busy} onMouseDown={keepFocus} onClick={() => extendNow(request.intervention.id)}>
              {EXTEND_MINUTES} more minutes
            </button>
            <button type="button" class="quiet" disabled={busy} onMouseDown={keepFocus} onClick={onClose}>
              Not now
            </button>
          </div>
        </>
      )}
      {phase.kind === 'closing' && (
        <>
          <h2 id="pullback-prompt-title">Intervention ended: hand it back</h2>
          <ClosingQuestions
            record={{ ...phase.record, reportName: report.name }}
            keepFocus={keepFocus}
            onSave={(answers) => lifecycle.recordClosing(phase.record.id, answers)}
            onDone={onClose}
          />
        </>
      )}
      {phase.kind === 'started' && (
        <>
          <h2 id="pullback-prompt-title">Intervention started</h2>
          <p id="pullback-prompt-body">
            On {whose}. Say the framework you are using out loud, then pull back
            {phase.plannedEndAt ? ` by ${new Date(phase.plannedEndAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : ''}.
          </p>
          <div class="actions">
            <button type="button" onMouseDown={keepFocus} onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
      {phase.kind === 'stepped-back' && (
        <>
          <h2 id="pullback-prompt-title">Good catch: no intervention</h2>
          <p id="pullback-prompt-body">
            Hand this detail back to {report.name}: undo your change, and say what you noticed in a comment or your next 1:1, so
            they make the call.
          </p>
          <div class="actions">
            <button type="button" onMouseDown={keepFocus} onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
      {phase.kind === 'error' && (
        <>
          <h2 id="pullback-prompt-title">Pullback could not save that intervention answer</h2>
          <p id="pullback-prompt-body" role="alert">
            {phase.message}
          </p>
          <div class="actions">
            <button type="button" onMouseDown={keepFocus} onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
      <p class="hint">Keyboard: Alt+Shift+P to reach this prompt, Esc for “Not now”.</p>
    </div>
  );
}

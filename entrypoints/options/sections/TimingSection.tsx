/**
 * How long an intervention is planned for unless I say otherwise, when Pullback asks again, when I
 * count as away, when an intervention left alone ends by itself.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/model/records';
import { planMinutes, RANGES } from '@/utils/model/constants';
import { saver } from '@/entrypoints/options/autosave';

type Field = 'defaultPlanMinutes' | 'cooldownMinutes' | 'idleMinutes' | 'lapseHours';

/** What a field holds now; the plan length is unset until the lead sets it (its default shows). */
const valueOf = (settings: Settings, field: Field): number =>
  field === 'defaultPlanMinutes' ? planMinutes(settings) : settings[field];

/** A whole number within bounds, saved as typed; anything else is held back with its reason. */
function WholeNumber({
  field,
  settings,
  label,
  min,
  max,
  problem,
}: {
  field: Field;
  settings: Settings;
  label: string;
  min: number;
  max: number;
  problem: string;
}) {
  const [text, setText] = useState(String(valueOf(settings, field)));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!saver.isPending(field) && Number(text) !== valueOf(settings, field))
      setText(String(valueOf(settings, field)));
  }, [valueOf(settings, field)]);

  function change(value: string) {
    setText(value);
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      setError(`${problem} Not saved yet.`);
      saver.hold(field, problem);
      return;
    }
    setError(null);
    saver.schedule(field, (s) => ({ ...s, [field]: n }));
  }

  const errorId = `${field}-error`;
  return (
    <label>
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={text}
        onInput={(e) => change(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        style={{ width: '8em' }}
      />
      {error && (
        <span id={errorId} class="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

export function TimingSection({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="prompt-heading">
      <h2 id="prompt-heading">Prompt and timing</h2>
      <WholeNumber
        field="defaultPlanMinutes"
        settings={settings}
        label="Plan an intervention for this long unless I choose otherwise (minutes; the prompt starts on it, and re-planning overdue ones gives them this long again)"
        {...RANGES.durationMinutes}
        problem={`The default plan length must be a whole number of minutes from ${RANGES.durationMinutes.min} to ${RANGES.durationMinutes.max}.`}
      />
      <WholeNumber
        field="cooldownMinutes"
        settings={settings}
        label="After any answer, do not ask again about the same item for (minutes)"
        {...RANGES.cooldownMinutes}
        problem={`The pause before asking again must be a whole number of minutes from ${RANGES.cooldownMinutes.min} to ${RANGES.cooldownMinutes.max}.`}
      />
      <WholeNumber
        field="idleMinutes"
        settings={settings}
        label="Count me as away after this many minutes without input (no hands-on time while away)"
        {...RANGES.idleMinutes}
        problem={`The away time must be a whole number of minutes from ${RANGES.idleMinutes.min} to ${RANGES.idleMinutes.max}.`}
      />
      <WholeNumber
        field="lapseHours"
        settings={settings}
        label="If I never come back to an intervention, end it by itself after this many hours without activity (Pullback then closes it at its last activity)"
        {...RANGES.lapseHours}
        problem={`The time before an intervention ends by itself must be a whole number of hours from ${RANGES.lapseHours.min} to ${RANGES.lapseHours.max}.`}
      />
    </section>
  );
}

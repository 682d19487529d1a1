/**
 * Pause prompts (pairing, a demo, a planning session): for an hour, until
 * tomorrow, or until resumed. The background keeps the pause and ends it by
 * itself; this control shows it and follows it as it changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/protocol/messages';
import {
  activePause,
  describePauseEnd,
  pauseEnd,
  pauseItem,
  type Pause,
  type PauseChoice,
} from '@/utils/background/pause';
import { errorText } from '@/utils/model/error-text';

const CHOICES: Array<[PauseChoice, string]> = [
  ['hour', '1 hour'],
  ['tomorrow', 'Until tomorrow'],
  ['resumed', 'Until I resume'],
];

export function PauseControl({ onChanged }: { onChanged(): void }) {
  const [pause, setPause] = useState<Pause | null | undefined>(undefined);
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    void pauseItem.getValue().then(setPause);
    return pauseItem.watch((value) => setPause(value));
  }, []);
  // A pause ends by itself: show that when it happens, without waiting for the next refresh.
  useEffect(() => {
    setNow(new Date());
    if (!pause?.until) return;
    const left = Date.parse(pause.until) - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => (setNow(new Date()), onChanged()), left + 300);
    return () => clearTimeout(timer);
  }, [pause]);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
      setChoosing(false);
      setPause(await pauseItem.getValue());
      onChanged();
    } catch (e) {
      setError(`Could not change the pause: ${errorText(e)}`);
    }
  }

  if (pause === undefined) return null;
  const inForce = activePause(pause, now);
  return (
    <div class="pause">
      {inForce ? (
        <div class="paused-bar">
          <p role="status">
            <strong>Prompts paused {describePauseEnd(inForce.until, now)}.</strong> Active
            interventions keep counting your hands-on time.
          </p>
          <button
            type="button"
            class="primary"
            onClick={() => run(() => sendMessage('resumePrompts'))}
          >
            Resume prompts
          </button>
        </div>
      ) : (
        <>
          <button type="button" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
            Pause prompts
          </button>
          {choosing && (
            <div role="group" aria-label="Pause prompts for" class="pause-choices">
              {CHOICES.map(([choice, label]) => (
                <button
                  type="button"
                  key={choice}
                  onClick={() =>
                    run(() => sendMessage('pausePrompts', { until: pauseEnd(choice, new Date()) }))
                  }
                >
                  {label}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
    </div>
  );
}

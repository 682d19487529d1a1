/** When Pullback asks (how much editing before the question) and when the lead's working day ends. */
import type { Settings } from '@/utils/model/records';
import { SETTING_DEFAULTS } from '@/utils/model/constants';
import { saver } from '@/entrypoints/options/autosave';

/** The thresholds offered, in plain words; any other stored number shows as itself. */
const CHOICES: Array<[number, string]> = [
  [1, 'On my first keystroke'],
  [4, 'Once I have changed a few characters (a typo fix never asks)'],
  [12, 'Once I have changed more than a word or two'],
];

export function AskingSection({ settings }: { settings: Settings }) {
  const keys = settings.askAfterKeys ?? SETTING_DEFAULTS.askAfterKeys;
  const choices = CHOICES.some(([n]) => n === keys)
    ? CHOICES
    : [...CHOICES, [keys, `After ${keys} keystrokes`] as [number, string]];
  const end = settings.workdayEnd ?? SETTING_DEFAULTS.workdayEnd;
  const changeEnd = (time: string) => {
    // An emptied time field is not a time: keep the stored one until a full time is typed.
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
      return saver.hold('workdayEnd', 'The end of your working day needs a time like 18:00.');
    saver.schedule('workdayEnd', (s) => ({ ...s, workdayEnd: time }), 0);
  };
  return (
    <section aria-labelledby="asking-heading">
      <h2 id="asking-heading">When to ask</h2>
      <fieldset>
        <legend>Ask whether an edit of a report’s work is deliberate</legend>
        {choices.map(([n, label]) => (
          <label class="inline">
            <input
              type="radio"
              name="askAfterKeys"
              checked={keys === n}
              onChange={() => saver.schedule('askAfterKeys', (s) => ({ ...s, askAfterKeys: n }), 0)}
            />{' '}
            {label}
          </label>
        ))}
        <p class="muted">
          A paste or a drop asks at once. Smaller changes that stop (you leave the field, or type
          nothing for 10 seconds) never ask; they are counted as touches in your weekly summary.
        </p>
      </fieldset>
      <label>
        <span>My working day ends at (what “End of day” means when you plan an intervention)</span>
        <input
          type="time"
          value={end}
          required
          onChange={(e) => changeEnd(e.currentTarget.value)}
        />
      </label>
    </section>
  );
}

/** The weekly "look at my week" notification: on or off, which day, what time. */
import type { Settings, WeeklyDigest } from '@/utils/model/records';
import { saver } from '@/entrypoints/options/autosave';

/** Day names in the lead's language, Sunday first (as Date#getDay counts). */
const WEEKDAYS = Array.from({ length: 7 }, (_, day) =>
  new Date(2026, 10, 22 + day).toLocaleDateString(undefined, { weekday: 'long' }),
);

export function WeeklySection({ settings }: { settings: Settings }) {
  const digest = settings.weeklyDigest;
  const change = (patch: Partial<WeeklyDigest>) => {
    // An emptied time field is not a time: keep the stored one until a full time is typed.
    if (patch.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(patch.time))
      return saver.hold('weekly', 'The weekly reminder needs a time like 16:00.');
    saver.schedule('weekly', (s) => ({ ...s, weeklyDigest: { ...s.weeklyDigest, ...patch } }), 0);
  };
  return (
    <section aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">Weekly summary</h2>
      <label class="inline">
        <input
          type="checkbox"
          checked={digest.enabled}
          onChange={(e) => change({ enabled: e.currentTarget.checked })}
        />{' '}
        Remind me to look at my week
      </label>
      <div class="row">
        <label>
          <span>Day</span>
          <select
            value={String(digest.day)}
            onChange={(e) => change({ day: Number(e.currentTarget.value) })}
            disabled={!digest.enabled}
          >
            {WEEKDAYS.map((name, day) => (
              <option value={String(day)}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          <span>Time</span>
          <input
            type="time"
            value={digest.time}
            required
            onChange={(e) => change({ time: e.currentTarget.value })}
            disabled={!digest.enabled}
          />
        </label>
      </div>
    </section>
  );
}

/** Moving between weeks: the one before, the one after, any day's week, and back to the current one. */
import { format } from 'date-fns';
import { shiftWeek, weekIdOf, weekRange, type WeekId } from '@/utils/model/week';

export function WeekNav({ week, go }: { week: WeekId; go(week: WeekId): void }) {
  const current = weekIdOf(new Date());
  return (
    <nav class="week-nav" aria-label="Week">
      <button type="button" onClick={() => go(shiftWeek(week, -1))}>
        ← Previous week
      </button>
      <label>
        <span>Week of</span>
        <input
          type="date"
          value={format(weekRange(week).start, 'yyyy-MM-dd')}
          max={format(new Date(), 'yyyy-MM-dd')}
          onChange={(e) => {
            const day = e.currentTarget.valueAsDate;
            // valueAsDate is midnight UTC of the chosen day: its calendar date, read in UTC.
            if (day)
              go(weekIdOf(new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())));
          }}
        />
      </label>
      <button type="button" onClick={() => go(shiftWeek(week, 1))} disabled={week >= current}>
        Next week →
      </button>
      {week !== current && (
        <button type="button" onClick={() => go(current)}>
          Current week
        </button>
      )}
    </nav>
  );
}

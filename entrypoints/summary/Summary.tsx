/**
 * The weekly summary: the pattern behind the log. Which reports' work did I step into, did I
 * pull back when I meant to, and where does each report stand on alignment x confidence. The
 * heading names the week viewed; "This week" only for the current one.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Settings } from '@/utils/model/records';
import { reportNameMap } from '@/utils/people/roster';
import { settingsItem } from '@/utils/settings/store';
import { summarizeWeek } from '@/utils/reports/summary';
import { parseWeekId, weekIdOf, weekLabel, type WeekId } from '@/utils/model/week';
import { useWeekWindow } from '@/entrypoints/summary/useWeekWindow';
import { FirstRun } from '@/entrypoints/summary/week/EmptyStates';
import { WeekNav } from '@/entrypoints/summary/week/WeekNav';
import { WeekView } from '@/entrypoints/summary/week/WeekView';

function weekFromHash(): WeekId {
  return parseWeekId(location.hash) ?? weekIdOf(new Date());
}

export function Summary() {
  const [week, setWeek] = useState<WeekId>(weekFromHash);
  const [settings, setSettings] = useState<Settings | null>(null);
  const { data, complete, error, reload } = useWeekWindow(week, { weekFirst: true });

  // Read before the first paint, like the records (useWeekWindow).
  useLayoutEffect(() => {
    // A 1:1 address (week/report) is SummaryRouter's to show, not a week to fall back from.
    const onHash = () => !location.hash.includes('/') && setWeek(weekFromHash());
    window.addEventListener('hashchange', onHash);
    void settingsItem.getValue().then(setSettings);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const current = week === weekIdOf(new Date());
  const label = weekLabel(week);
  useEffect(() => {
    if (location.hash !== `#${week}`) history.replaceState(null, '', `#${week}`);
    document.title = `Pullback — ${current ? 'this week' : `week of ${label}`}`;
  }, [week]);

  const summary = useMemo(
    () =>
      data && settings
        ? summarizeWeek({
            week,
            now: new Date(),
            reports: settings.reports,
            ...data,
            earlierRead: complete,
          })
        : null,
    [data, complete, settings, week],
  );

  useEffect(() => {
    if (summary && performance.getEntriesByName('pullback:data-loaded').length) {
      const records = data ? data.interventions.length + data.prompts.length : 0;
      performance.measure('pullback:render', {
        start: 'pullback:data-loaded',
        detail: { records },
      });
      performance.clearMarks('pullback:data-loaded');
    }
    // npm run bench times the first screen from navigation to here: the week drawn, then painted.
    if (summary && !performance.getEntriesByName('pullback:first-screen').length)
      requestAnimationFrame(() => performance.mark('pullback:first-screen'));
    // ... and to the weeks before it filled in (sparklines, averages).
    if (summary?.earlierRead && !performance.getEntriesByName('pullback:window-filled').length)
      requestAnimationFrame(() => performance.mark('pullback:window-filled'));
  }, [summary]);

  return (
    <main class="summary">
      <header class="summary-head">
        <h1>
          {current ? (
            <>
              This week <span>· {label}</span>
            </>
          ) : (
            label
          )}
        </h1>
        <WeekNav week={week} go={setWeek} />
      </header>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {!summary ? (
        <p class="muted">Loading…</p>
      ) : settings && settings.reports.length === 0 ? (
        <FirstRun />
      ) : (
        <WeekView
          summary={summary}
          data={data!}
          onChanged={reload}
          reportName={(id) => reportNameMap(settings!).get(id) ?? 'a former report'}
        />
      )}
    </main>
  );
}

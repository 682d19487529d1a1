/**
 * The eight weeks ending with a week, read from the log: the one way the summary and the 1:1
 * page get their records. An answer that arrives after the page moved on to another week (or
 * after a newer read of the same week) is dropped, so a slow read never shows one week's
 * records under another week's heading. A reload keeps the records shown until the new ones
 * arrive, so rating a report does not flash "Loading".
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/utils/model/error-text';
import { sendMessage, type SummaryData } from '@/utils/protocol/messages';
import { WINDOW_WEEKS } from '@/utils/reports/summary';
import { shiftWeek, weekRange, type WeekId } from '@/utils/model/week';

export interface WeekWindow {
  /** The records for `week`, never another week's; null until they arrive. */
  data: SummaryData | null;
  error: string | null;
  reload(): void;
}

export function useWeekWindow(week: WeekId | null): WeekWindow {
  const [loaded, setLoaded] = useState<{ week: WeekId; data: SummaryData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!week) return;
    const request = ++latest.current;
    const first = shiftWeek(week, -(WINDOW_WEEKS - 1));
    sendMessage('summaryData', {
      fromIso: weekRange(first).start.toISOString(),
      toIso: weekRange(week).end.toISOString(),
      fromWeek: first,
      toWeek: week,
    }).then(
      (data) => {
        if (request !== latest.current) return;
        performance.mark('pullback:data-loaded'); // npm run bench measures render time from here.
        setLoaded({ week, data });
        setError(null);
      },
      (e) => {
        if (request !== latest.current) return;
        setError(`Pullback could not read its log: ${errorText(e)}`);
      },
    );
  }, [week, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data: loaded && loaded.week === week ? loaded.data : null, error, reload };
}

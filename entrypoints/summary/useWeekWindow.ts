/**
 * The eight weeks ending with a week, read from the log: the one way the summary and the 1:1
 * page get their records. An answer that arrives after the page moved on to another week (or
 * after a newer read of the same week) is dropped, so a slow read never shows one week's
 * records under another week's heading. A reload keeps the records shown until the new ones
 * arrive, so rating a report does not flash "Loading".
 *
 * With `weekFirst` (the summary), the current week is read first and handed out alone
 * (`complete: false`) so its first screen is drawn, then the weeks before it are read and joined
 * (entrypoints/summary/week-first.ts). A past week is read whole: what was still open at its end
 * may have started in the weeks before it, so its week alone would not be right.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/utils/model/error-text';
import { sendMessage, type SummaryData } from '@/utils/protocol/messages';
import { weekIdOf, type WeekId } from '@/utils/model/week';
import { joinWeekFirst, weekFirstRanges, windowRange } from '@/entrypoints/summary/week-first';

export interface WeekWindow {
  /** The records for `week`, never another week's; null until they arrive. */
  data: SummaryData | null;
  /** False while `data` holds the current week alone and the weeks before it are being read. */
  complete: boolean;
  error: string | null;
  reload(): void;
}

type Loaded = { week: WeekId; data: SummaryData; complete: boolean };

export function useWeekWindow(
  week: WeekId | null,
  { weekFirst = false }: { weekFirst?: boolean } = {},
): WeekWindow {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  const shown = useRef<Loaded | null>(null);
  shown.current = loaded;

  // Asked before the page's first paint (a layout effect), not a frame after it.
  useLayoutEffect(() => {
    if (!week) return;
    const request = ++latest.current;
    const show = (data: SummaryData, complete: boolean) => {
      if (request !== latest.current) return false;
      performance.mark('pullback:data-loaded'); // npm run bench measures render time from here.
      setLoaded({ week, data, complete });
      setError(null);
      return true;
    };
    const failed = (e: unknown) => {
      if (request !== latest.current) return;
      setError(`Pullback could not read its log: ${errorText(e)}`);
    };
    // A reload of a week already shown whole reads it whole again: no step back to the week alone.
    const again = shown.current?.week === week && shown.current.complete;
    if (!weekFirst || again || week !== weekIdOf(new Date())) {
      sendMessage('summaryData', windowRange(week)).then((data) => show(data, true), failed);
      return;
    }
    const ranges = weekFirstRanges(week);
    void (async () => {
      try {
        const first = await sendMessage('summaryData', ranges.week);
        if (!show(first, false)) return;
        // After the first screen is painted: reading 13,000 records would compete with drawing it.
        await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
        if (request !== latest.current) return;
        const earlier = await sendMessage('summaryData', ranges.earlier);
        show(joinWeekFirst(week, first, earlier), true);
      } catch (e) {
        failed(e);
      }
    })();
  }, [week, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const mine = loaded && loaded.week === week ? loaded : null;
  return { data: mine?.data ?? null, complete: mine?.complete ?? false, error, reload };
}

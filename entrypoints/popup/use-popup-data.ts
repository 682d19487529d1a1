/**
 * What the popup shows, read in one go and again every 15 s: the active interventions (overdue
 * first), those waiting for their closing questions, the recent log, the settings.
 */
import { useEffect, useState } from 'preact/hooks';
import { isOverdue } from '@/utils/model/durations';
import { sendMessage, type InterventionView } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/model/records';
import { pauseLogItem } from '@/utils/background/pause';
import { settingsItem } from '@/utils/settings/store';
import { errorText } from '@/utils/model/error-text';
import { LOG_ROWS, toLog, type LogEntry } from '@/entrypoints/popup/log-entries';

export interface PopupData {
  active: InterventionView[] | null;
  closing: InterventionView[];
  log: LogEntry[];
  settings: Settings | null;
  now: Date;
  error: string | null;
  refresh(): Promise<void>;
  /** Runs an action, then reads everything again; a failure is said in the popup's alert. */
  act(what: string, action: () => Promise<unknown>): Promise<boolean>;
}

/** Overdue first (the ones to act on), then by planned end, soonest first. */
function byUrgency(now: Date) {
  return (a: InterventionView, b: InterventionView) =>
    Number(isOverdue(b, now)) - Number(isOverdue(a, now)) ||
    a.plannedEndAt.localeCompare(b.plannedEndAt);
}

export function usePopupData(): PopupData {
  const [active, setActive] = useState<InterventionView[] | null>(null);
  const [closing, setClosing] = useState<InterventionView[]>([]);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());

  async function refresh() {
    try {
      const [list, awaiting, recent, stored, pauses] = await Promise.all([
        sendMessage('listActive'),
        sendMessage('listAwaitingClosing'),
        sendMessage('listLog', { limit: LOG_ROWS }),
        settingsItem.getValue(),
        pauseLogItem.getValue(),
      ]);
      const at = new Date();
      setActive([...list].sort(byUrgency(at)));
      setClosing(awaiting);
      // Same settings as before: keep the object, so "On this page" is not judged again for nothing.
      setSettings((before) =>
        before && JSON.stringify(before) === JSON.stringify(stored) ? before : stored,
      );
      setLog(toLog(recent.interventions, recent.prompts, pauses));
      setNow(at);
      setError(null);
    } catch (e) {
      setError(`Pullback could not read its log: ${errorText(e)}`);
    }
  }

  async function act(what: string, action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      await refresh();
      return true;
    } catch (e) {
      setError(`Could not ${what}: ${errorText(e)}`);
      return false;
    }
  }

  useEffect(() => {
    // npm run bench times the popup's opening up to here: the first render with the lists in it.
    if (active !== null && !performance.getEntriesByName('pullback:popup-rendered').length)
      performance.mark('pullback:popup-rendered');
  }, [active]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 15_000);
    return () => clearInterval(timer);
  }, []);

  return { active, closing, log, settings, now, error, refresh, act };
}

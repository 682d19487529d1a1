/** The popup's Recent log: one row per event (prompts, interventions' starts and ends, pauses). */
import { formatClock, formatTime } from '@/components/ui/format';
import { formatDuration, overrunMs, spanMs } from '@/utils/model/durations';
import type { InterventionView, PromptView } from '@/utils/protocol/messages';
import { PURPOSE_LABELS } from '@/utils/model/records';
import { describePauseEnd, type PauseEvent } from '@/utils/background/pause';

const ANSWER_LABELS: Record<PromptView['answer'], string> = {
  deliberate: 'started an intervention',
  'stepped-back': 'caught myself and stepped back',
  dismissed: 'not now',
  unanswered: 'left unanswered',
  'not-takeover': 'not a take-over',
};

/** A row of the log; `record` is what deleting the row removes (pauses are not records). */
export type LogEntry = {
  at: string;
  id: string;
  text: string;
  /** The report named in `text`, kept whole on its line. */
  name?: string;
  record?: { store: 'interventions' | 'prompts'; id: string; what: string };
};

const PAUSE_TEXT: Record<PauseEvent['kind'], (e: PauseEvent) => string> = {
  // Worded without "paused", so that word on the popup always means a pause in force.
  paused: (e) =>
    `Pause started, prompts silent ${describePauseEnd(e.until ?? null, new Date(e.at))}`,
  resumed: () => 'Resumed prompts',
  ended: () => 'Pause ended by itself; prompts are back',
};

export const LOG_ROWS = 30;

export function toLog(
  interventions: InterventionView[],
  prompts: PromptView[],
  pauses: PauseEvent[] = [],
): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const r of interventions) {
    if (r.endedAt) {
      entries.push({
        record: interventionRecord(r),
        id: `${r.id}-end`,
        at: r.endedAt,
        name: r.reportName,
        text: `${r.status === 'lapsed' ? 'Closed when the work went quiet:' : r.kind === 'takeover' ? 'Handed back' : 'Pulled back from'} ${r.artifact.key} (${r.reportName}) after ${formatDuration(spanMs(r, new Date(r.endedAt)))}, hands-on ${formatDuration(r.activeMs)}${overrunMs(r, Date.parse(r.endedAt)) === 0 ? ', on time' : `, planned end was ${formatClock(r.plannedEndAt)}`}`,
      });
    }
    entries.push({
      record: interventionRecord(r),
      id: `${r.id}-start`,
      at: r.startedAt,
      name: r.reportName,
      text:
        r.kind === 'takeover'
          ? `Took over ${r.artifact.key} (${r.reportName})${r.plannedUntil === 'done' ? ', until done' : ''}`
          : `Started on ${r.artifact.key} (${r.reportName}): ${PURPOSE_LABELS[r.purpose]}`,
    });
  }
  const listed = new Set(interventions.map((r) => r.id));
  for (const p of prompts) {
    // "Yes" and the start of its intervention are one event: the start's row says it.
    if (p.answer === 'deliberate' && p.interventionId && listed.has(p.interventionId)) continue;
    entries.push({
      record: {
        store: 'prompts',
        id: p.id,
        what: `the prompt on ${p.artifact.key} (${p.reportName}) from ${formatTime(p.at)}, answered “${ANSWER_LABELS[p.answer]}”`,
      },
      id: p.id,
      at: p.answeredAt ?? p.at,
      name: p.reportName,
      text: `Asked on ${p.artifact.key} (${p.reportName}): ${ANSWER_LABELS[p.answer]}`,
    });
  }
  for (const e of pauses)
    entries.push({ id: `pause-${e.id}`, at: e.at, text: PAUSE_TEXT[e.kind](e) });
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, LOG_ROWS);
}

function interventionRecord(r: InterventionView): NonNullable<LogEntry['record']> {
  return {
    store: 'interventions',
    id: r.id,
    what: `the intervention on ${r.artifact.key} (${r.reportName}) started ${formatTime(r.startedAt)}, with its hands-on time and closing answers`,
  };
}

/**
 * A week's summary, in the order a lead reads it: the digest, the check-in and the per-report
 * view first, then the figures, the reflections, the notes to reports and the week's log.
 */
import { useMemo } from 'preact/hooks';
import type { SummaryData } from '@/utils/protocol/messages';
import type { WeekSummary } from '@/utils/reports/summary';
import { CheckIn } from '@/entrypoints/summary/CheckIn';
import { useReveal, WeekRecords } from '@/entrypoints/summary/WeekRecords';
import { WeeklyNotes } from '@/entrypoints/summary/WeeklyNotes';
import { Digest } from '@/entrypoints/summary/week/Digest';
import { QuietWeek } from '@/entrypoints/summary/week/EmptyStates';
import { ExportActions } from '@/entrypoints/summary/week/ExportActions';
import { Figures } from '@/entrypoints/summary/week/Figures';
import { PerReport } from '@/entrypoints/summary/week/PerReport';
import { Reflections } from '@/entrypoints/summary/week/Reflections';

interface WeekViewProps {
  summary: WeekSummary;
  data: SummaryData;
  reportName: (id: string) => string;
  /** A rating saved or a record deleted: read the week again. */
  onChanged(): void;
}

export function WeekView({ summary, data, reportName, onChanged }: WeekViewProps) {
  return (
    <>
      <Digest summary={summary} />
      {/* Quiet, or quiet after busier weeks: said once the weeks before are read. */}
      {summary.isEmpty && summary.earlierRead && <QuietWeek summary={summary} />}
      <CheckIn summary={summary} onRated={onChanged} />
      <PerReport summary={summary} />
      {/* The first screen is the three above; the rest waits for the weeks before (the figures'
          averages) and so costs nothing before the first screen is painted. */}
      {summary.earlierRead && (
        <Below summary={summary} data={data} reportName={reportName} onChanged={onChanged} />
      )}
    </>
  );
}

/** Everything below the first screen. */
function Below({ summary, data, reportName, onChanged }: WeekViewProps) {
  // A record link in a reflection may name a row the folded table does not show yet.
  const { revealing, reveal, done } = useReveal();
  const from = summary.start.toISOString();
  const to = summary.end.toISOString();
  const weekRecords = useMemo(
    () => data.interventions.filter((r) => r.startedAt >= from && r.startedAt < to),
    [data, from, to],
  );
  return (
    <>
      <Figures summary={summary} />
      <Reflections summary={summary} data={data} reveal={reveal} />
      <WeeklyNotes summary={summary} data={data} />
      <WeekRecords
        records={weekRecords}
        reportName={reportName}
        revealing={revealing}
        onRevealed={done}
        onDeleted={onChanged}
      />
      <ExportActions summary={summary} records={weekRecords} reportName={reportName} />
    </>
  );
}

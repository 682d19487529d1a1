/**
 * Interventions as CSV for a 1:1, a coach or a spreadsheet: RFC 4180
 * (CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled), and safe to open in a spreadsheet: titles and names come from
 * other people's tools, so a field that a spreadsheet would run as a formula
 * (= + - @, or a leading tab or CR) is prefixed with a single quote
 * (utils/reports/inert-text.ts, shared by every export).
 */
import { inert } from '@/utils/reports/inert-text';
import { pulledBackOnTime, spanMs } from '@/utils/model/durations';
import type { Intervention } from '@/utils/model/records';

export const CSV_HEADER = [
  'id',
  'report',
  'tool',
  'key',
  'title',
  'url',
  'purpose',
  'status',
  'started_at',
  'planned_end_at',
  'ended_at',
  'span_minutes',
  'hands_on_minutes',
  'ended_on_time',
  'kind',
  'planned_until',
] as const;

/**
 * One row per record, in the order given. Times are the stored ISO strings
 * (UTC). Minutes have one decimal. An active record has no span or on-time
 * answer yet unless `now` is given, in which case its span runs to `now`.
 * ended_on_time: 'yes' for an ended record closed by its planned end, 'no'
 * for a late or lapsed one, empty while active. kind: 'edit' or 'takeover'; planned_until:
 * 'end-of-day', 'day' or 'done' where the plan named its end. "Until it is done" has no planned
 * end: planned_end_at is empty (its stored time is only the weekly reminder).
 */
export function interventionsCsv(
  records: Intervention[],
  reportName: (id: string) => string,
  now?: Date,
): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of records) {
    const open = r.endedAt === null;
    const span = open && !now ? '' : minutes(spanMs(r, now ?? new Date(0)));
    const onTime = r.status === 'active' || open ? '' : pulledBackOnTime(r) ? 'yes' : 'no';
    lines.push(
      [
        r.id,
        reportName(r.reportId),
        r.tool,
        r.artifact.key,
        r.artifact.title,
        r.artifact.url,
        r.purpose,
        r.status,
        r.startedAt,
        r.plannedUntil === 'done' ? '' : r.plannedEndAt,
        r.endedAt ?? '',
        span,
        minutes(r.activeMs),
        onTime,
        r.kind ?? 'edit',
        r.plannedUntil ?? '',
      ]
        .map((field) => inert(field, 'csv'))
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function minutes(ms: number): string {
  return String(Math.round((Number.isFinite(ms) ? ms : 0) / 6_000) / 10);
}

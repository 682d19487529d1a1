/**
 * What the lead did, where a record is listed: a take-over is marked, an edit's intervention is
 * the default and carries no tag.
 */
import type { Intervention } from '@/utils/model/records';
import { formatClock } from '@/components/ui/format';

export function KindTag({ record }: { record: Pick<Intervention, 'kind'> }) {
  return record.kind === 'takeover' ? <span class="kind-tag">Take-over</span> : null;
}

const dayAndClock = new Intl.DateTimeFormat([], {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A plan that names its end instead of a length: "until 18:00", "until Fri, Dec 11, 18:00",
 * "until done". Null for a plan by length.
 */
export function planEndWords(
  record: Pick<Intervention, 'plannedUntil' | 'plannedEndAt'>,
): string | null {
  switch (record.plannedUntil) {
    case 'end-of-day':
      return `until ${formatClock(record.plannedEndAt)}`;
    case 'day':
      return `until ${dayAndClock.format(new Date(record.plannedEndAt))}`;
    case 'done':
      return 'until done';
    default:
      return null;
  }
}

/**
 * Active interventions as compact rows, overdue ones first: the ticket, whose work it is, how far
 * along (or how far past its planned end), and its way out. When some are overdue, one action
 * takes all of them: re-plan (the default plan length again, from now) or hand them back.
 */
import { formatDuration, formatSpan, isOverdue, spanMs } from '@/utils/model/durations';
import { plural } from '@/components/ui/format';
import type { InterventionView } from '@/utils/protocol/messages';
import { PURPOSE_LABELS } from '@/utils/model/records';
import { JoinedItems } from '@/components/ui/JoinedItems';
import { KindTag, planEndWords } from '@/components/ui/KindTag';

export interface ActiveListProps {
  active: InterventionView[] | null;
  now: Date;
  /** The default plan length, which a re-plan gives each overdue one again. */
  replanMinutes: number;
  onPullBack(ids: string[]): void;
  onReplan(ids: string[]): void;
}

export function ActiveList({ active, now, replanMinutes, onPullBack, onReplan }: ActiveListProps) {
  if (active === null) return <p class="muted">Loading…</p>;
  if (active.length === 0) return <p class="muted">None right now.</p>;
  const overdue = active.filter((r) => isOverdue(r, now)).map((r) => r.id);
  return (
    <>
      {overdue.length > 0 && (
        <div class="bulk" role="group" aria-label={`${overdue.length} overdue`}>
          <span>{plural(overdue.length, 'overdue intervention')}:</span>
          <button type="button" onClick={() => onReplan(overdue)}>
            Re-plan {overdue.length > 1 ? 'all ' : ''}({formatDuration(replanMinutes * 60_000)}{' '}
            more)
          </button>
          <button type="button" onClick={() => onPullBack(overdue)}>
            Hand {overdue.length > 1 ? 'all ' : ''}back
          </button>
        </div>
      )}
      <ul class="items" aria-label="Active interventions">
        {active.map((r) => (
          <ActiveRow key={r.id} record={r} now={now} onPullBack={() => onPullBack([r.id])} />
        ))}
      </ul>
    </>
  );
}

function ActiveRow({
  record: r,
  now,
  onPullBack,
}: {
  record: InterventionView;
  now: Date;
  onPullBack(): void;
}) {
  const overdue = isOverdue(r, now);
  const planned = Date.parse(r.plannedEndAt) - Date.parse(r.startedAt);
  return (
    <li class={overdue ? 'item overdue' : 'item'}>
      <div class="item-main">
        <span class="who" data-name title={r.reportName}>
          {r.reportName}
        </span>
        <span class="item-line muted">
          <KindTag record={r} />
          <a class="key" href={r.artifact.url} target="_blank" rel="noreferrer">
            {r.artifact.key}
          </a>
          {r.artifact.title && (
            <span class="title" title={r.artifact.title}>
              {r.artifact.title}
            </span>
          )}
        </span>
        {r.joined?.length ? <JoinedItems joined={r.joined} /> : null}
      </div>
      <div class="item-side">
        <span
          class="when"
          title={`${PURPOSE_LABELS[r.purpose]}, hands-on ${formatDuration(r.activeMs)}`}
        >
          {overdue
            ? `Overdue by ${formatSpan(now.getTime() - Date.parse(r.plannedEndAt))}`
            : planEndWords(r)
              ? `${formatSpan(spanMs(r, now))}, ${planEndWords(r)}`
              : `${formatSpan(spanMs(r, now))} of ${formatSpan(planned)}`}
        </span>
        <button
          type="button"
          class="primary"
          onClick={onPullBack}
          aria-label={`Pull back from ${r.artifact.key} (${r.reportName})`}
        >
          Pull back
        </button>
      </div>
    </li>
  );
}

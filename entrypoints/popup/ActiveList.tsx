/**
 * Active interventions as compact rows, overdue ones first: the ticket, whose work it is, how far
 * along (or how far past its planned end), and its way out. When some are overdue, one action
 * takes all of them: re-plan (the default plan length again, from now; edits only) or hand them
 * back. An overdue take-over is kept by its plan in its own row: until the next working day's end.
 */
import {
  formatDayClock,
  formatDuration,
  formatSpan,
  isOverdue,
  nextWorkdayEnd,
  spanMs,
} from '@/utils/model/durations';
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
  /** The working day's end the lead set ("HH:MM"): an overdue take-over is kept until the next one. */
  workdayEnd: string;
  onPullBack(ids: string[]): void;
  onReplan(ids: string[]): void;
  /** Keep a take-over until the next working day's end. */
  onKeep(id: string): void;
}

export function ActiveList({
  active,
  now,
  replanMinutes,
  workdayEnd,
  onPullBack,
  onReplan,
  onKeep,
}: ActiveListProps) {
  if (active === null) return <p class="muted">Loading…</p>;
  if (active.length === 0) return <p class="muted">None right now.</p>;
  const overdueRecords = active.filter((r) => isOverdue(r, now));
  const overdue = overdueRecords.map((r) => r.id);
  // Minutes make no sense for a take-over: the re-plan takes the edits only.
  const replannable = overdueRecords.filter((r) => r.kind !== 'takeover').map((r) => r.id);
  const mixed = replannable.length > 0 && replannable.length < overdue.length;
  return (
    <>
      {overdue.length > 0 && (
        <div class="bulk" role="group" aria-label={`${overdue.length} overdue`}>
          <span>{plural(overdue.length, 'overdue intervention')}:</span>
          {replannable.length > 0 && (
            <button type="button" onClick={() => onReplan(replannable)}>
              Re-plan {replannable.length > 1 ? 'all ' : ''}
              {mixed ? (replannable.length > 1 ? 'edits ' : 'the edit ') : ''}(
              {formatDuration(replanMinutes * 60_000)} more)
            </button>
          )}
          <button type="button" onClick={() => onPullBack(overdue)}>
            Hand {overdue.length > 1 ? 'all ' : ''}back
          </button>
        </div>
      )}
      <ul class="items" aria-label="Active interventions">
        {active.map((r) => (
          <ActiveRow
            key={r.id}
            record={r}
            now={now}
            workdayEnd={workdayEnd}
            onPullBack={() => onPullBack([r.id])}
            onKeep={() => onKeep(r.id)}
          />
        ))}
      </ul>
    </>
  );
}

function ActiveRow({
  record: r,
  now,
  workdayEnd,
  onPullBack,
  onKeep,
}: {
  record: InterventionView;
  now: Date;
  workdayEnd: string;
  onPullBack(): void;
  onKeep(): void;
}) {
  const overdue = isOverdue(r, now);
  const keepUntil = formatDayClock(nextWorkdayEnd(r, workdayEnd, now));
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
        {overdue && r.kind === 'takeover' && (
          <button
            type="button"
            onClick={onKeep}
            aria-label={`Keep it until ${keepUntil} (${r.artifact.key}, ${r.reportName})`}
          >
            Keep it until {keepUntil}
          </button>
        )}
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

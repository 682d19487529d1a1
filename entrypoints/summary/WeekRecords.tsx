/**
 * "The week’s interventions": the week's log as a table, folded after its first rows. A lead's
 * week is a few dozen rows; a year of imported data can put hundreds in one week, and drawing
 * them all held the page back (npm run bench: a year of data). Printing and a reflection's link
 * to a folded row unfold it, so nothing is out of reach.
 */
import { JoinedItems } from '@/components/ui/JoinedItems';
import { KindTag, planEndWords } from '@/components/ui/KindTag';
import { useEffect, useState } from 'preact/hooks';
import { ForgetDialog } from '@/components/ui/ForgetDialog';
import { formatTime } from '@/components/ui/format';
import { formatDuration, isOverdue, pulledBackOnTime, spanMs } from '@/utils/model/durations';
import { PURPOSE_LABELS, type Intervention } from '@/utils/model/records';

/** Rows drawn before "Show all". */
export const FIRST_ROWS = 50;

/** Under a minute old and still open: its span and hands-on time say nothing yet. */
export function justStarted(r: Intervention, now = Date.now()): boolean {
  return r.status === 'active' && now - Date.parse(r.startedAt) < 60_000;
}

function statusWords(r: Intervention): string {
  if (r.status === 'ended') return pulledBackOnTime(r) ? 'ended on time' : 'ended late';
  if (r.status === 'lapsed') return 'closed by Pullback (no activity for hours)';
  if (justStarted(r)) return 'just started';
  if (r.plannedUntil === 'done') return 'open, until done';
  return isOverdue(r, new Date())
    ? 'open, past the planned end'
    : `open, within its plan${planEndWords(r) ? ` (${planEndWords(r)})` : ''}`;
}

/**
 * Which record a link on the page asked to see (the table unfolds to draw it, then scrolls to it);
 * WeekView holds it, so the links and the table share one piece of state.
 */
export function useReveal() {
  const [revealing, setRevealing] = useState<string | null>(null);
  return { revealing, reveal: setRevealing, done: () => setRevealing(null) };
}

export function WeekRecords({
  records,
  reportName,
  revealing,
  onRevealed,
  onDeleted,
}: {
  records: Intervention[];
  reportName(id: string): string;
  revealing: string | null;
  onRevealed(): void;
  onDeleted(): void;
}) {
  const [unfolded, setUnfolded] = useState(false);
  const [deleting, setDeleting] = useState<Intervention | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  // A linked row the folded table does not draw unfolds it.
  const folded =
    !unfolded && revealing !== null && records.findIndex((r) => r.id === revealing) >= FIRST_ROWS;
  const shown = unfolded || folded ? records : records.slice(0, FIRST_ROWS);

  useEffect(() => {
    if (folded) setUnfolded(true);
  }, [folded]);
  // After the render that drew the row.
  useEffect(() => {
    if (!revealing) return;
    document.getElementById(`rec-${revealing}`)?.scrollIntoView();
    onRevealed();
  }, [revealing]);
  // A printed week is the whole week.
  useEffect(() => {
    const unfold = () => setUnfolded(true);
    window.addEventListener('beforeprint', unfold);
    return () => window.removeEventListener('beforeprint', unfold);
  }, []);

  return (
    <section aria-labelledby="records-heading">
      <h2 id="records-heading">The week’s interventions</h2>
      {records.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <table class="records">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Item</th>
              <th scope="col">Report</th>
              <th scope="col">Purpose</th>
              <th scope="col">Span</th>
              <th scope="col">Hands-on</th>
              <th scope="col">Status</th>
              <th scope="col" class="no-print">
                <span class="visually-hidden">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr id={`rec-${r.id}`} key={r.id}>
                <td>{formatTime(r.startedAt)}</td>
                <td class="item">
                  <KindTag record={r} />
                  <span class="key">{r.artifact.key}</span> {r.artifact.title}
                  {r.joined?.length ? <JoinedItems joined={r.joined} /> : null}
                </td>
                <td>{reportName(r.reportId)}</td>
                <td>{PURPOSE_LABELS[r.purpose]}</td>
                <td>{justStarted(r) ? 'just started' : formatDuration(spanMs(r, new Date()))}</td>
                <td>{justStarted(r) ? 'just started' : formatDuration(r.activeMs)}</td>
                <td>{statusWords(r)}</td>
                <td class="no-print">
                  <button
                    type="button"
                    class="delete"
                    aria-label={`Delete ${r.artifact.key} from the log`}
                    title="Delete this record"
                    onClick={() => setDeleting(r)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length < records.length && (
        <p class="no-print">
          <button type="button" onClick={() => setUnfolded(true)}>
            Show all {records.length} interventions ({records.length - shown.length} more)
          </button>
        </p>
      )}
      {deleted && (
        <p role="status" class="muted">
          {deleted}
        </p>
      )}
      {deleting && (
        <ForgetDialog
          scope={{ kind: 'record', store: 'interventions', id: deleting.id }}
          title="Delete this intervention?"
          intro={
            <p>
              {deleting.artifact.key} {deleting.artifact.title} ({reportName(deleting.reportId)},
              started {formatTime(deleting.startedAt)}) goes from the log, the summary and every
              later export.
            </p>
          }
          confirm="Delete it"
          onCancel={() => setDeleting(null)}
          onDone={({ error }) => {
            setDeleting(null);
            setDeleted(
              error
                ? `Nothing was deleted: ${error}`
                : `Deleted ${deleting.artifact.key} from the log.`,
            );
            if (!error) onDeleted();
          }}
        />
      )}
    </section>
  );
}

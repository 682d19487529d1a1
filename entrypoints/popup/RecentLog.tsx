/**
 * The recent log, newest first. Deleting a row asks first, in that row: what goes, and that it
 * cannot be undone; the answer is said in a status line.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTime } from '@/components/ui/format';
import { sendMessage } from '@/utils/protocol/messages';
import type { LogEntry } from '@/entrypoints/popup/log-entries';

export function RecentLog({
  log,
  act,
}: {
  log: LogEntry[];
  act(what: string, action: () => Promise<unknown>): Promise<boolean>;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const shown = all ? log : log.slice(0, FOLDED_ROWS);

  async function remove(entry: LogEntry) {
    const { store, id, what } = entry.record!;
    setConfirming(null);
    if (await act('delete the record', () => sendMessage('deleteRecord', { store, id })))
      setDeleted(`Deleted ${what}.`);
  }

  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Recent</h2>
      {log.length === 0 ? (
        <p class="muted">Nothing yet.</p>
      ) : (
        // A table, not a list: the popup's list items are the active interventions only.
        <table class="log">
          <caption class="visually-hidden">Recent interventions and prompts, newest first</caption>
          <tbody>
            {shown.flatMap((e) => [
              <tr key={e.id}>
                <td>
                  <span class="muted at">{formatTime(e.at)}</span> <EntryText entry={e} />
                </td>
                <td>
                  {e.record && (
                    <button
                      type="button"
                      class="delete"
                      aria-label={`Delete from the log: ${e.text}`}
                      aria-expanded={confirming === e.id}
                      onClick={() => setConfirming(confirming === e.id ? null : e.id)}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>,
              confirming === e.id && e.record ? (
                <tr key={`${e.id}-confirm`}>
                  <td colSpan={2}>
                    <ConfirmDelete
                      entry={e}
                      onCancel={() => setConfirming(null)}
                      onConfirm={() => void remove(e)}
                    />
                  </td>
                </tr>
              ) : null,
            ])}
          </tbody>
        </table>
      )}
      {log.length > FOLDED_ROWS && (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${log.length}`}
        </button>
      )}
      {deleted && (
        <p role="status" class="status">
          {deleted}
        </p>
      )}
    </section>
  );
}

/** The popup is short: the newest rows, and the rest on request. */
const FOLDED_ROWS = 8;

/** The row's words, with the report's name (and its brackets) kept whole. */
function EntryText({ entry }: { entry: LogEntry }) {
  const whole = entry.name ? `(${entry.name})` : '';
  const at = whole ? entry.text.indexOf(whole) : -1;
  if (at < 0) return <>{entry.text}</>;
  return (
    <>
      {entry.text.slice(0, at)}(<span data-name>{entry.name}</span>)
      {entry.text.slice(at + whole.length)}
    </>
  );
}

/** Deleting asks first, and says what will go. */
function ConfirmDelete({
  entry,
  onCancel,
  onConfirm,
}: {
  entry: LogEntry;
  onCancel(): void;
  onConfirm(): void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), [entry.id]);
  return (
    <div
      role="alertdialog"
      aria-labelledby={`delete-title-${entry.id}`}
      aria-describedby={`delete-what-${entry.id}`}
      class="confirm"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p id={`delete-title-${entry.id}`}>
        <strong>Delete this record?</strong>
      </p>
      <p id={`delete-what-${entry.id}`}>
        This deletes {entry.record!.what} from this browser. It will not be in the log, the summary
        or exports. This cannot be undone.
        {entry.record!.store === 'interventions'
          ? ' The prompt that started it, if any, stays in the log.'
          : ''}
      </p>
      <div class="row-actions">
        <button type="button" class="danger" onClick={onConfirm}>
          Delete
        </button>
        <button type="button" ref={keep} onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}

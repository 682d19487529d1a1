/**
 * "On your other browsers": whether the roster and settings follow the lead
 * through the browser's own sync (utils/settings/store.ts), in words; a change of
 * this browser that a later one from another browser replaced, with "Put mine
 * back"; and entries from another browser this one could not use. Follows the
 * background's report live, so a change synced in while the page is open shows.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '@/components/ui/format';
import { sendMessage } from '@/utils/protocol/messages';
import { syncReportItem, type SyncReport, type SyncStatus } from '@/utils/settings/store';
import type { SyncConflict } from '@/utils/settings/sync';
import { errorText } from '@/utils/model/error-text';

const kb = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

/** The sync status in a lead's words. */
export function syncStatusText(status: SyncStatus): string {
  switch (status.kind) {
    case 'pending':
      return 'Checking your browser’s sync…';
    case 'synced':
      return `Your roster and settings follow you to other browsers where you are signed in with sync on (${kb(status.bytes)} of ${kb(status.quotaBytes)}).`;
    case 'stuck':
      return `Your roster and settings follow you to other browsers (${kb(status.bytes)} of ${kb(status.quotaBytes)}), except ${status.count === 1 ? 'one entry' : `${status.count} entries`} from another browser that this one cannot use (below): ${status.count === 1 ? 'it does' : 'they do'} not sync until you drop ${status.count === 1 ? 'it' : 'them'} or change ${status.count === 1 ? 'it' : 'them'} here.`;
    case 'too-large':
      if (status.why === 'item') {
        return `Too large to sync: ${status.itemLabel ?? 'one entry'} takes ${kb(status.itemBytes ?? 0)}, more than the ${kb(status.maxItemBytes)} one entry may hold. Everything is kept on this browser only.`;
      }
      if (status.why === 'count')
        return `Too many entries to sync (${status.items} of ${status.maxItems}): kept on this browser only.`;
      return `Too large to sync (${kb(status.bytes)} of ${kb(status.quotaBytes)}): kept on this browser only.`;
    case 'failed':
      return `Not synced just now (${status.message}): kept on this browser; Pullback tries again within a minute.`;
  }
}

function conflictText(c: SyncConflict): string {
  const theirs = formatTime(new Date(c.theirsAt).toISOString());
  if (c.mine === null)
    return `${c.label}: you removed this here, and another browser changed it later (${theirs}), so it is back.`;
  if (c.theirs === null)
    return `${c.label}: removed on another browser (${theirs}) after your change here; your version is kept below until you choose.`;
  return `${c.label}: changed on another browser (${theirs}) at the same time as here; the later change is in use, yours is kept until you choose.`;
}

export function SyncSection() {
  const [report, setReport] = useState<SyncReport | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void syncReportItem.getValue().then(setReport);
    return syncReportItem.watch((r) => r && setReport(r));
  }, []);
  if (!report) return null;
  const act = (type: 'syncPutBack' | 'syncDismiss' | 'syncDropStuck', key: string) =>
    sendMessage(type, { key }).then(
      () => setError(''),
      (e) => setError(errorText(e)),
    );
  const bad =
    report.status.kind === 'too-large' ||
    report.status.kind === 'failed' ||
    report.status.kind === 'stuck';
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">On your other browsers</h2>
      <p class={bad ? 'sync-state bad' : 'sync-state'} aria-live="polite">
        {syncStatusText(report.status)}
      </p>
      <p class="muted">
        What follows you: you, your reports and their aliases, former reports, pages assigned to
        reports, tool switches, timing and notification settings, and the sites you added (each
        browser asks for access to a site once). What stays on this device: the log of interventions
        and prompts, check-ins, the pause, and adapter health. To bring logs together, export a
        backup here and import it there.
      </p>
      {report.conflicts.length > 0 && (
        <>
          <h3>Changed on two browsers at once</h3>
          <ul class="sync-list">
            {report.conflicts.map((c) => (
              <li key={c.key}>
                <span>{conflictText(c)}</span>
                <span class="report-actions">
                  <button
                    type="button"
                    aria-label={`${c.mine === null ? 'Remove again' : 'Put mine back'}: ${c.label}`}
                    onClick={() => void act('syncPutBack', c.key)}
                  >
                    {c.mine === null ? 'Remove again' : 'Put mine back'}
                  </button>
                  <button
                    type="button"
                    aria-label={`Keep the later change: ${c.label}`}
                    onClick={() => void act('syncDismiss', c.key)}
                  >
                    Keep the later change
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.problems.length > 0 && (
        <>
          <h3>From another browser, not used here</h3>
          <ul class="sync-list">
            {report.problems.map((p) => (
              <li key={p.key + p.message}>
                <span>{p.message}. Nothing on this browser was changed because of it.</span>
                {p.stuck && p.key && (
                  <span class="report-actions">
                    <button
                      type="button"
                      aria-label={`Drop this entry from sync: ${p.message}`}
                      onClick={() => void act('syncDropStuck', p.key)}
                    >
                      Drop this entry
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

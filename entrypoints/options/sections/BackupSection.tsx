/**
 * Backup: export everything as one JSON file; import one (validated whole by
 * the background first). The file's size is checked before it is read, so a
 * huge file gets Pullback's own message rather than the browser's. A long
 * import shows how far it has got (records read of the total); the rest of
 * the page stays usable meanwhile.
 */
import { useEffect, useState } from 'preact/hooks';
import { importProgressItem, type ImportProgress } from '@/utils/background/import-progress';
import { downloadBackup } from '@/components/ui/download';
import { plural } from '@/components/ui/format';
import { sendMessage } from '@/utils/protocol/messages';
import { interruptedImportText, whatArrived } from '@/entrypoints/options/import-check';
import { LIMITS } from '@/utils/model/constants';
import { OutcomeLine } from '@/components/ui/OutcomeLine';
import { errorText } from '@/utils/model/error-text';

const MAX_BACKUP_BYTES = LIMITS.backupBytes;

type Status = { kind: 'ok' | 'error'; text: string } | null;

const count = (n: number) => n.toLocaleString('en');

export function BackupSection() {
  const [status, setStatus] = useState<Status>(null);
  /** The file being imported, while it is. */
  const [importing, setImporting] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  useEffect(() => {
    if (!importing) return;
    setProgress(null);
    return importProgressItem.watch((p) => p && setProgress(p));
  }, [importing]);

  async function exportBackup() {
    try {
      await downloadBackup();
      setStatus({ kind: 'ok', text: 'Backup exported.' });
    } catch (err) {
      setStatus({
        kind: 'error',
        text: `Export failed: ${errorText(err)}`,
      });
    }
  }

  async function importBackup(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // The same file can be chosen again after a fix.
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      const mb = Math.round(file.size / (1024 * 1024));
      setStatus({
        kind: 'error',
        text: `${file.name}: This file is too large to be a Pullback backup (${mb} MB; a backup is at most ${MAX_BACKUP_BYTES / (1024 * 1024)} MB). Nothing was imported.`,
      });
      return;
    }
    setImporting(file.name);
    try {
      const result = await sendMessage('importBackup', { text: await file.text() });
      if (!result.ok) {
        setStatus({ kind: 'error', text: `${file.name}: ${result.error}` });
        return;
      }
      setStatus({
        kind: 'ok',
        text: `Imported ${file.name}: ${plural(result.reports, 'report')}, ${plural(result.interventionsAdded, 'intervention')} and ${plural(result.promptsAdded, 'prompt')} added${result.duplicatesSkipped ? `, ${result.duplicatesSkipped} already here` : ''}.`,
      });
    } catch (err) {
      // No answer is not "nothing": look at what arrived, and say that.
      setStatus({ kind: 'error', text: `${file.name}: checking what arrived…` });
      const arrived = await whatArrived(await file.text());
      setStatus({
        kind: arrived && arrived.here === arrived.of && arrived.of > 0 ? 'ok' : 'error',
        text: interruptedImportText(file.name, errorText(err), arrived),
      });
    } finally {
      setImporting(null);
    }
  }

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p class="muted">
        One JSON file with your roster, settings, interventions, prompts and check-ins. Importing
        replaces the settings and adds records this browser does not have yet.
      </p>
      <div class="actions">
        <button type="button" onClick={exportBackup}>
          Export backup
        </button>
        <label>
          <span>Import a backup file</span>
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Import backup"
            disabled={importing !== null}
            onChange={importBackup}
          />
        </label>
      </div>
      {importing ? (
        <div class="import-progress">
          {/* Reading, then saving: each record counts once read and once written. */}
          <progress
            aria-label="Import progress"
            max={(progress?.total || 1) * 2}
            value={progress ? progress.read + (progress.saved ?? 0) : undefined}
          />
          {/* Without the file's name: the outcome line names it, once there is one. */}
          <p role="status">
            {progress
              ? `Importing: ${count(progress.read)} of ${count(progress.total)} records read${progress.saving ? `, ${progress.saved ? `${count(progress.saved)} saved` : 'saving'}…` : '…'}`
              : 'Importing: reading the file…'}
          </p>
        </div>
      ) : (
        <OutcomeLine status={status} />
      )}
    </section>
  );
}

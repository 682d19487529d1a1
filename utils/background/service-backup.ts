/**
 * The service's backup jobs: the file written in parts (its opening, then each store's records a
 * chunk at a time) and an import that validates first, then merges the log by id (records already
 * here win) and replaces settings.
 */
import {
  buildBackup,
  damaged,
  deliberateWithout,
  parseBackupInSteps,
  type ParsedBackup,
} from '@/utils/background/backup';
import {
  backupParts,
  EXPORT_CHUNK_RECORDS,
  openingText,
  recordLines,
  type BackupChunk,
  type BackupStore,
} from '@/utils/background/backup-writer';
import { unwrap, type IDBPTransaction } from 'idb';
import type { PullbackDB } from '@/utils/background/db';
import { mergePauseEvents } from '@/utils/background/pause';
import type { JobDeps } from '@/utils/background/service-deps';
import type { ImportResult } from '@/utils/protocol/messages';

/** Records written between two reports of how many are saved. */
export const RECORDS_PER_SAVE_STEP = 5_000;

/**
 * Queues every record's add in the caller's transaction as bare requests: a promise per record
 * (idb's) cost seconds on a year of data. Every few thousand records, and at the last, `onSaved`
 * hears how many are written. A failed add aborts the transaction (its `done` rejects): nothing
 * is written.
 */
function addAll(
  tx: IDBPTransaction<PullbackDB, BackupStore[], 'readwrite'>,
  lists: Array<[BackupStore, Array<{ id: string }>]>,
  onSaved: (saved: number) => void,
): void {
  const total = lists.reduce((n, [, records]) => n + records.length, 0);
  let queued = 0;
  for (const [name, records] of lists) {
    const store = unwrap(tx.objectStore(name));
    for (const record of records) {
      const request = store.add(record);
      const saved = ++queued;
      if (saved % RECORDS_PER_SAVE_STEP === 0 || saved === total)
        request.addEventListener('success', () => onSaved(saved));
    }
  }
}

export function createBackupJobs({ db, getSettings, setSettings, now, pauseLog }: JobDeps) {
  /** The backup's settings and dates (buildBackup's fields, but the record lists), written open for the lists. */
  async function exportOpening(): Promise<string> {
    // Everything buildBackup writes (the pause log included) but the record lists, which follow in chunks.
    const [settings, pauses] = await Promise.all([getSettings(), pauseLog.get()]);
    const {
      interventions: _i,
      prompts: _p,
      ratings: _r,
      touches: _t,
      ...head
    } = buildBackup(settings, [], [], [], now(), pauses);
    return openingText(head);
  }

  /** One store's records after a key, in key order, as the file's lines: one read, one message. */
  async function exportChunk(
    store: BackupStore,
    after: string | null,
    limit = EXPORT_CHUNK_RECORDS,
  ): Promise<BackupChunk> {
    const records = await db.getAll(
      store,
      after === null ? null : IDBKeyRange.lowerBound(after, true),
      limit,
    );
    return {
      text: recordLines(records, after !== null),
      last: records.length < limit ? null : records.at(-1)!.id,
    };
  }

  async function mergeBackup(
    backup: ParsedBackup,
    onSaved: (saved: number) => void,
  ): Promise<ImportResult> {
    const tx = db.transaction(['interventions', 'prompts', 'ratings', 'touches'], 'readwrite');
    // Read the ids once, then queue every add in the one transaction: no round trip per record.
    const [haveInterventions, havePrompts, haveRatings, haveTouches] = await Promise.all([
      tx
        .objectStore('interventions')
        .getAllKeys()
        .then((k) => new Set(k)),
      tx
        .objectStore('prompts')
        .getAllKeys()
        .then((k) => new Set(k)),
      tx
        .objectStore('ratings')
        .getAllKeys()
        .then((k) => new Set(k)),
      tx
        .objectStore('touches')
        .getAllKeys()
        .then((k) => new Set(k)),
    ]);
    const fresh = <T extends { id: string }>(records: T[], have: Set<string>) => {
      const out: T[] = [];
      for (const r of records) {
        if (have.has(r.id)) continue;
        have.add(r.id);
        out.push(r);
      }
      return out;
    };
    // A prompt answered "deliberate" points at an intervention in the file or stored here.
    const pointless = deliberateWithout(backup, haveInterventions);
    if (pointless) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return damaged(pointless);
    }
    const interventions = fresh(backup.interventions, haveInterventions);
    const prompts = fresh(backup.prompts, havePrompts);
    const ratings = fresh(backup.ratings, haveRatings);
    const touches = fresh(backup.touches, haveTouches);
    const interventionsAdded = interventions.length;
    const promptsAdded = prompts.length;
    const duplicatesSkipped =
      backup.interventions.length +
      backup.prompts.length +
      backup.ratings.length +
      backup.touches.length -
      interventionsAdded -
      promptsAdded -
      ratings.length -
      touches.length;
    addAll(
      tx,
      [
        ['interventions', interventions],
        ['prompts', prompts],
        ['ratings', ratings],
        ['touches', touches],
      ],
      onSaved,
    );
    await tx.done;
    await setSettings(backup.settings);
    // A file from before the pause log was in the backup leaves this browser's log as it is.
    if (backup.pauseLog)
      await pauseLog.set(mergePauseEvents(await pauseLog.get(), backup.pauseLog));
    return {
      ok: true,
      reports: backup.settings.reports.length,
      interventionsAdded,
      promptsAdded,
      duplicatesSkipped,
    };
  }

  const RECORD_COUNT = (b: ParsedBackup) =>
    b.interventions.length + b.prompts.length + b.ratings.length + b.touches.length;

  return {
    /** The whole backup file as one string (the pages fetch it in parts: exportOpening, exportChunk). */
    async exportBackup(): Promise<string> {
      return (await backupParts({ opening: exportOpening, chunk: exportChunk })).join('');
    },
    exportOpening,
    exportChunk,

    /**
     * Validate first (a step at a time, saying how far it has read); then merge the log by id
     * (records already here win) and replace settings.
     */
    async importBackup(
      text: string,
      onProgress: (read: number, total: number, saving: boolean, saved: number) => void = () => {},
    ): Promise<ImportResult> {
      const parsed = await parseBackupInSteps(text, (read, total) =>
        onProgress(read, total, false, 0),
      );
      if (!parsed.ok) return parsed;
      const total = RECORD_COUNT(parsed.backup);
      onProgress(total, total, true, 0);
      return mergeBackup(parsed.backup, (saved) => onProgress(total, total, true, saved));
    },
  };
}

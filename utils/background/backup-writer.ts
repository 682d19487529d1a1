/**
 * The backup file written in parts. A year of records is tens of megabytes:
 * built as one string and sent as one message it took seconds and came near
 * the browser's 64 MB message limit. The background sends the file's opening
 * and then the records a few thousand at a time, already as text; the page
 * makes the file from the parts (a Blob of parts, never one big string).
 *
 * The file is the same JSON document as before (format 1): the settings
 * indented, then each record on a line of its own. No imports: the pages and
 * the background share it.
 */

import { BACKUP_STORES, type BackupStore } from '@/utils/model/constants';
import type { BackupChunk } from '@/utils/protocol/messages';

export { BACKUP_STORES, type BackupStore };

/** Records per message: about 2 MB of text. */
export const EXPORT_CHUNK_RECORDS = 5_000;

export type { BackupChunk };

/** Everything in the file but the record lists, written open: the lists follow. */
export function openingText(head: object): string {
  const text = JSON.stringify(head, null, 2);
  return text.slice(0, text.lastIndexOf('}')).trimEnd();
}

/** Records as lines of a list; `continuing` when the list already has records before them. */
export function recordLines(records: readonly unknown[], continuing: boolean): string {
  if (records.length === 0) return '';
  return (continuing ? ',' : '') + records.map((r) => `\n    ${JSON.stringify(r)}`).join(',');
}

export interface BackupSource {
  opening(): Promise<string>;
  /** Records of one store after `after` (its key order), as `recordLines` with `continuing` when `after` is set. */
  chunk(store: BackupStore, after: string | null): Promise<BackupChunk>;
}

/** The file, part by part: join them, or hand them to a Blob. */
export async function backupParts(source: BackupSource): Promise<string[]> {
  const opening = await source.opening();
  const parts = [opening];
  let empty = opening.endsWith('{');
  for (const store of BACKUP_STORES) {
    parts.push(`${empty ? '' : ','}\n  ${JSON.stringify(store)}: [`);
    empty = false;
    const before = parts.length;
    let after: string | null = null;
    do {
      const chunk: BackupChunk = await source.chunk(store, after);
      if (chunk.text) parts.push(chunk.text);
      after = chunk.last;
    } while (after !== null);
    parts.push(parts.length > before ? '\n  ]' : ']');
  }
  parts.push('\n}\n');
  return parts;
}

import { backupParts } from '@/utils/background/backup-writer';
import { sendMessage } from '@/utils/protocol/messages';

/** Saves text as a file through the browser's own download (no permission needed from a page). */
export function downloadText(name: string, type: string, text: string): void {
  downloadParts(name, type, [text]);
}

/** The same from parts: a Blob of parts, so a large file is never one string in the page. */
export function downloadParts(name: string, type: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started by then; the object URL is only needed until it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The backup file's name, by day: pullback-backup-2026-11-28.json. */
export const backupFileName = (now = new Date()) =>
  `pullback-backup-${now.toISOString().slice(0, 10)}.json`;

/** Everything, as the backup file's parts: fetched from the background (utils/background/backup-writer.ts). */
export const backupNow = (): Promise<BlobPart[]> =>
  backupParts({
    opening: () => sendMessage('exportOpening'),
    chunk: (store, after) => sendMessage('exportChunk', { store, after }),
  });

/** Everything, as the backup file, saved. */
export async function downloadBackup(now = new Date()): Promise<void> {
  downloadParts(backupFileName(now), 'application/json', await backupNow());
}

/** Saves text as a file through the browser's own download (no permission needed from a page). */
export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started by then; the object URL is only needed until it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The backup file's name, by day: pullback-backup-2026-11-28.json. */
export const backupFileName = (now = new Date()) => `pullback-backup-${now.toISOString().slice(0, 10)}.json`;

/**
 * Durations as a person writes them in a message ("about 10 minutes",
 * "about 2 hours", "about 3 days"), for the notes a lead sends to a report.
 * The pages' tables keep the exact figures (utils/model/durations.ts formatDuration).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function spokenDuration(ms: number): string {
  if (!(ms >= 0)) return 'a moment';
  if (ms < 45_000) return 'less than a minute';
  if (ms < 90_000) return 'about a minute';
  if (ms < 55 * MINUTE) {
    const minutes = Math.round(ms / MINUTE);
    // Round to 5 above a quarter of an hour: nobody writes "about 23 minutes".
    return `about ${minutes > 15 ? Math.round(minutes / 5) * 5 : minutes} minutes`;
  }
  if (ms < 90 * MINUTE) return 'about an hour';
  if (ms < 22 * HOUR) {
    const half = Math.round((ms / HOUR) * 2) / 2;
    return `about ${half % 1 ? `${Math.floor(half)} and a half` : half} hours`;
  }
  if (ms < 36 * HOUR) return 'about a day';
  return `about ${Math.round(ms / DAY)} days`;
}

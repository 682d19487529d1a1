/** Display helpers shared by the extension pages. */

// One formatter each, made once: toLocaleString builds a new one per call, which shows on long tables.
const dayAndTime = new Intl.DateTimeFormat([], {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

export function formatTime(iso: string): string {
  return dayAndTime.format(new Date(iso));
}

export function formatClock(iso: string): string {
  return clock.format(new Date(iso));
}

/** "1 report", "3 reports". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The summary's opening: at most three lines, from the same computation as the figures below
 * (the WeekSummary), so the two never disagree. What happened, what is still open, and the
 * week's one question when there is one.
 */
import { plural } from '@/components/ui/format';
import { formatDuration } from '@/utils/model/durations';
import type { WeekSummary } from '@/utils/reports/summary';

export function digestLines(summary: WeekSummary): string[] {
  const lines: string[] = [];
  const started = summary.started.value;
  if (started === 0 && summary.prompts.shown === 0) lines.push('Nothing recorded.');
  else {
    const takeovers = summary.takeovers.value
      ? ` (${plural(summary.takeovers.value, 'take-over')})`
      : '';
    const pulled = summary.pullBack.ended
      ? `; ${summary.pullBack.onTime} of ${summary.pullBack.ended} pulled back on time`
      : '';
    lines.push(
      started
        ? `${plural(started, 'intervention')}${takeovers}, ${formatDuration(summary.handsOnMs.value)} hands-on${pulled}.`
        : `No interventions; Pullback asked ${plural(summary.prompts.shown, 'time')}.`,
    );
  }
  const open = summary.openAtWeekEnd.length;
  const past = summary.pastPlannedEnd.length;
  if (open > 0)
    lines.push(
      `${open} still open${summary.current ? '' : ' at the week’s end'}${past ? `, ${past} past the planned end` : ''}.`,
    );
  const unrated = summary.perReport.filter((r) => !r.former && !r.rating).length;
  const question = summary.reflections.find((r) => r.question)?.question;
  if (question) lines.push(question);
  else if (unrated > 0) lines.push(`${plural(unrated, 'report')} not rated yet in the check-in.`);
  return lines.slice(0, 3);
}

export function Digest({ summary }: { summary: WeekSummary }) {
  return (
    <section aria-label="The week in short" class="digest">
      {digestLines(summary).map((line) => (
        <p>{line}</p>
      ))}
    </section>
  );
}

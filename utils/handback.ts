/**
 * The hand-back note offered after pulling back: written from the
 * intervention's own data, for the lead to paste in a comment or a chat.
 */
import { formatDuration, spanMs } from './durations';
import type { Intervention } from './model';

const WHY: Record<Intervention['purpose'], string> = {
  'back-on-track': 'The aim was to get the direction back on track, not to take the work over.',
  'teach-framework': 'The framework I used, so you can apply it without me next time: [name it here].',
  'details-matter': 'These details matter on this one; my changes show the bar I would like us to hold.',
};

export function handBackNote(record: Intervention, reportName: string, now = new Date()): string {
  const firstName = reportName.trim().split(/\s+/)[0] || reportName;
  const what = record.artifact.title ? `${record.artifact.key} (“${record.artifact.title}”)` : record.artifact.key;
  const owner =
    record.closing?.ownerNow === 'me'
      ? 'I am holding this detail for a little longer and will hand it back to you explicitly.'
      : 'It is yours again from here: I will not make further changes, and you make the calls.';
  return [
    `Hi ${firstName}, I stepped into ${what} for ${formatDuration(spanMs(record, now))}.`,
    WHY[record.purpose],
    owner,
    'Tell me if you see it differently.',
  ].join(' ');
}

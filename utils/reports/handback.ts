/**
 * The hand-back note offered after pulling back: written from the
 * intervention's own data and the closing answers, in the lead's voice, for
 * the lead to edit and paste in a comment or a chat. It never holds a
 * placeholder: where the lead gave no words, the sentence is written without
 * them.
 */
import { inert } from '@/utils/reports/inert-text';
import { spanMs } from '@/utils/model/durations';
import type { Intervention } from '@/utils/model/records';
import { spokenDuration } from '@/utils/reports/spoken-duration';

type NoteRecord = Pick<Intervention, 'artifact' | 'purpose' | 'startedAt' | 'endedAt' | 'closing'> &
  Partial<Pick<Intervention, 'kind' | 'intent'>>;

/** The why, from the purpose, with the lead's own words where they gave some on "Yes". */
export function whyInLeadsWords(record: Pick<NoteRecord, 'purpose' | 'intent'>): string {
  const words = inert(record.intent ?? '', 'text').replace(/[.\s]+$/, '');
  switch (record.purpose) {
    case 'teach-framework':
      return words
        ? `The framework I used, so you can apply it without me next time: ${words}.`
        : 'I wanted to show a way of making this kind of call, so you can make it without me next time.';
    case 'details-matter':
      return `These details matter on this one; my changes show the bar I would like us to hold.${words ? ` What I hope you take from it: ${words}.` : ''}`;
    default:
      return `The aim was to get the direction back on track, not to take the work over.${words ? ` What I hope you take from it: ${words}.` : ''}`;
  }
}

export function firstNameOf(reportName: string): string {
  return reportName.trim().split(/\s+/)[0] || reportName;
}

export function handBackNote(record: NoteRecord, reportName: string, now = new Date()): string {
  const firstName = inert(firstNameOf(reportName), 'text');
  // Key and title come from the tool's page: one line each, whatever they hold.
  const key = inert(record.artifact.key, 'text');
  const what = record.artifact.title ? `${key} (“${inert(record.artifact.title, 'text')}”)` : key;
  const took =
    record.kind === 'takeover' ? `I took ${what} over from you` : `I stepped into ${what}`;
  const said =
    record.closing?.saidFramework === true
      ? 'I talked you through my reasoning as I went; ask me if any of it is unclear.'
      : record.closing?.saidFramework === false
        ? 'I have not walked you through my reasoning yet: let us take ten minutes on it this week.'
        : '';
  const owner =
    record.closing?.ownerNow === 'me'
      ? 'I am holding this detail for a little longer and will hand it back to you explicitly.'
      : 'It is yours again from here: I will not make further changes, and you make the calls.';
  return [
    `Hi ${firstName}, ${took} for ${spokenDuration(spanMs(record, now))}.`,
    whyInLeadsWords(record),
    said,
    owner,
    'Tell me if you see it differently, or if it felt like too much.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Text a note must not be sent with: an empty note, or a bracketed gap left to fill ("[name it here]"). */
export function unfinishedNote(text: string): string | null {
  if (!text.trim()) return 'The note is empty.';
  const gap = /\[[^\]\n]{0,40}\b(here|name|fill|add|todo|tbd)\b[^\]\n]{0,40}\]/i.exec(text);
  return gap ? `The note still has a gap to fill: ${gap[0]}` : null;
}

/**
 * The notes a lead sends a report, written from the records in the lead's voice: after pulling
 * back (the hand-back note), and for a week (utils/reports/weekly-note.ts). Both follow one template:
 *
 * 1. what I stepped into or took over, and why (the purpose);
 * 2. the framework, in the lead's own words from "Yes", when they gave some;
 * 3. what is theirs again, or when a take-over comes back.
 *
 * At most those three sentences, then the lead's own closing line when they set one. Nothing
 * here carries a duration, a rating or "caught myself": those are the lead's, not the report's,
 * and the lead can add them by hand. It never holds a placeholder: without the lead's words the
 * second sentence is left out.
 */
import type { Intervention } from '@/utils/model/records';
import { isOverdue } from '@/utils/model/durations';
import { inert } from '@/utils/reports/inert-text';

export type NoteFormat = 'text' | 'markdown';

export type NoteRecord = Pick<Intervention, 'artifact' | 'purpose' | 'status' | 'plannedEndAt'> &
  Partial<Pick<Intervention, 'kind' | 'intent' | 'closing' | 'plannedUntil'>>;

export interface NoteOptions {
  format?: NoteFormat;
  /** The lead's own last line ("Thanks, Dana"); none when empty. */
  closingLine?: string;
  /** When it happened, for a weekly note: "this week", "in the week of 23–29 Nov 2026". */
  when?: string;
  /** For the date a take-over comes back; the browser's when absent. */
  locale?: string;
  /** What "past its planned end" is measured against; the clock when absent. */
  now?: Date;
}

/** Why, as the report reads it. */
export const REASONS: Record<Intervention['purpose'], string> = {
  'back-on-track': 'to get the direction back on track',
  'teach-framework': 'to show a way of making this kind of call',
  'details-matter': 'because the details mattered',
};

export function firstNameOf(reportName: string): string {
  return reportName.trim().split(/\s+/)[0] || reportName;
}

const isTakeover = (r: NoteRecord) => r.kind === 'takeover';
/** Still the lead's: open, or closed with "Still me". */
const stillMine = (r: NoteRecord) => r.status === 'active' || r.closing?.ownerNow === 'me';

/** A note to one report about some records: the three sentences and the lead's closing line. */
export function composeNote(
  records: NoteRecord[],
  reportName: string,
  options: NoteOptions = {},
): string {
  const md = options.format === 'markdown';
  // Keys, titles and the lead's words came from elsewhere: inert in either format.
  const key = (r: NoteRecord) => inert(r.artifact.key, md ? 'code' : 'text');
  const text = (value: string) => inert(value, md ? 'markdown' : 'text');
  const one = records.length === 1;
  const named = (r: NoteRecord) =>
    one && r.artifact.title ? `${key(r)} (“${text(r.artifact.title)}”)` : key(r);
  const keys = (list: NoteRecord[]) => joinWords(unique(list.map(named)));

  // 1. What I did, and why.
  const byReason = (list: NoteRecord[]) =>
    groupBy(list, (r) => REASONS[r.purpose] ?? '')
      .map(([reason, group]) => `${keys(group)}${reason ? ` ${reason}` : ''}`)
      .join(', and ');
  const stepped = records.filter((r) => !isTakeover(r));
  const taken = records.filter(isTakeover);
  const did = [
    stepped.length ? `stepped into ${byReason(stepped)}` : '',
    taken.length ? `took ${byReasonOver(taken, keys)}` : '',
  ]
    .filter(Boolean)
    .join(', and ');
  const when = options.when ? `${options.when} ` : '';
  const sentences = [`Hi ${text(firstNameOf(reportName))}, ${when}I ${did}.`];

  // 2. The framework, in the lead's words.
  const worded = records.filter((r) => r.intent?.trim());
  const words = worded
    .map((r) => {
      const w = text(r.intent!).replace(/[.\s]+$/, '');
      return one || worded.length === 1 ? w : `${key(r)}: ${w}`;
    })
    .join('; ');
  const label = worded.some((r) => r.purpose === 'teach-framework')
    ? 'The framework I used'
    : 'What I hope you take from it';
  const said = one ? records[0]!.closing?.saidFramework : null;
  let second = words ? `${label}: ${words}` : '';
  if (said === false)
    second = second
      ? `${second}; let us take ten minutes on it this week`
      : 'Let us take ten minutes this week on the reasoning behind my changes';
  else if (said === true) second = second ? `${second}, as I talked you through` : '';
  if (second) sentences.push(`${second}.`);

  // 3. What is theirs again, and when the rest comes back.
  const parts: string[] = [];
  const theirs = records.filter((r) => !stillMine(r));
  const held = records.filter((r) => r.status !== 'active' && r.closing?.ownerNow === 'me');
  const open = records.filter((r) => r.status === 'active');
  const subject = (list: NoteRecord[]) => (one ? 'It' : keys(list));
  const is = (list: NoteRecord[]) => (one || list.length === 1 ? 'is' : 'are');
  if (theirs.length)
    parts.push(
      `${subject(theirs)} ${is(theirs)} ${theirs.every(isTakeover) ? 'back with you' : 'yours again'}: you make the calls from here`,
    );
  if (held.length)
    parts.push(
      `${subject(held)} ${held.length === 1 ? 'stays' : 'stay'} with me a little longer, and I will tell you when ${held.length === 1 ? 'it is' : 'they are'} yours again`,
    );
  // An open one past its planned end has no date left to promise: say so instead of a past date.
  const nowMs = (options.now ?? new Date()).getTime();
  const overdue = open.filter((r) => isOverdue(r, new Date(nowMs)));
  // "Until it is done" promises no date: its `plannedEndAt` is only Pullback's weekly reminder.
  const untilDone = open.filter((r) => r.plannedUntil === 'done');
  const due = open.filter((r) => !overdue.includes(r) && !untilDone.includes(r));
  if (untilDone.length)
    parts.push(
      `${subject(untilDone)} ${untilDone.length === 1 ? 'stays' : 'stay'} with me until ${untilDone.length === 1 ? 'it is' : 'they are'} done, and I will tell you when ${untilDone.length === 1 ? 'it is' : 'they are'} yours again`,
    );
  for (const [by, group] of groupBy(due, (r) => dueLabel(r.plannedEndAt, options.locale)))
    parts.push(`${subject(group)} ${group.length === 1 ? 'comes' : 'come'} back to you by ${by}`);
  if (overdue.length)
    parts.push(
      `${subject(overdue)} ${overdue.length === 1 ? 'is' : 'are'} still with me, and we agree when ${overdue.length === 1 ? 'it comes' : 'they come'} back`,
    );
  if (parts.length) sentences.push(`${capitalise(parts.join('; '))}.`);

  const closing = inert(options.closingLine, 'text');
  return closing ? `${sentences.join(' ')}\n\n${closing}` : sentences.join(' ');
}

/** "PAY-151 over from you to get the direction back on track". */
function byReasonOver(list: NoteRecord[], keys: (l: NoteRecord[]) => string): string {
  return groupBy(list, (r) => REASONS[r.purpose] ?? '')
    .map(([reason, group]) => `${keys(group)} over from you${reason ? ` ${reason}` : ''}`)
    .join(', and ');
}

/**
 * The note offered after pulling back from one intervention or take-over: by then it is the
 * report's again, whatever the record said a moment before.
 */
export function handBackNote(
  record: NoteRecord,
  reportName: string,
  options: NoteOptions = {},
): string {
  const closed = record.status === 'active' ? { ...record, status: 'ended' as const } : record;
  return composeNote([closed], reportName, options);
}

/** Text a note must not be sent with: an empty note, or a bracketed gap left to fill ("[name it here]"). */
export function unfinishedNote(text: string): string | null {
  if (!text.trim()) return 'The note is empty.';
  const gap = /\[[^\]\n]{0,40}\b(here|name|fill|add|todo|tbd)\b[^\]\n]{0,40}\]/i.exec(text);
  return gap ? `The note still has a gap to fill: ${gap[0]}` : null;
}

const DUE = new Map<string, Intl.DateTimeFormat>();
/** "Thu 3 Dec, 15:00" in the lead's locale. */
export function dueLabel(iso: string, locale?: string): string {
  const k = locale ?? '';
  let f = DUE.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    DUE.set(k, f);
  }
  return f.format(new Date(iso));
}

function groupBy<T>(list: T[], keyOf: (x: T) => string): Array<[string, T[]]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = keyOf(x);
    const group = out.get(k);
    if (group) group.push(x);
    else out.set(k, [x]);
  }
  return [...out];
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

export function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

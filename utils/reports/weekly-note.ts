/**
 * The weekly note to one report: what I stepped into or took over this week and why, the
 * framework in my own words, and what is theirs again (the template in utils/reports/handback.ts). A
 * report gets one only when there is something to say to them: an intervention or take-over
 * started this week, or one handed back this week. Prompts alone ("caught myself", "not now")
 * are the lead's own business and never make a note.
 */
import { composeNote, type NoteFormat } from '@/utils/reports/handback';
import type { Intervention } from '@/utils/model/records';

export type { NoteFormat };

export interface WeeklyNoteInput {
  reportName: string;
  /** The week's interventions on the report's work (see `noteworthy`), oldest first. */
  interventions: Intervention[];
  /** The lead's own closing line; none when empty. */
  closingLine?: string;
  /** "this week", or "in the week of 23–29 Nov 2026" for a past week. */
  when: string;
  locale?: string;
}

/** Started in the week, or ended (handed back) in it: what a weekly note speaks of. */
export function noteworthy(record: Intervention, fromIso: string, toIso: string): boolean {
  const inWeek = (iso: string | null) => iso !== null && iso >= fromIso && iso < toIso;
  return inWeek(record.startedAt) || inWeek(record.endedAt);
}

export function weeklyNote(input: WeeklyNoteInput, format: NoteFormat): string {
  return composeNote(input.interventions, input.reportName, {
    format,
    when: input.when,
    closingLine: input.closingLine,
    locale: input.locale,
  });
}

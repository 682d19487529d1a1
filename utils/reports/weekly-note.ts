/**
 * The weekly note to one report: written from the week's records
 * in the lead's voice. Where I stepped into your work and why (the purpose
 * and my own words from "Yes"), what I handed back, what I would like you to
 * own next time, and an invitation to say when it felt like too much. Plain
 * text or Markdown; Pullback only puts it on the clipboard.
 */
import { inert } from '@/utils/reports/inert-text';
import { spanMs } from '@/utils/model/durations';
import { firstNameOf, whyInLeadsWords } from '@/utils/reports/handback';
import type { Intervention, PromptRecord } from '@/utils/model/records';
import { spokenDuration } from '@/utils/reports/spoken-duration';

export type NoteFormat = 'text' | 'markdown';

export interface WeeklyNoteInput {
  reportName: string;
  leadName: string;
  /** This week's interventions on the report's work, oldest first. */
  interventions: Intervention[];
  /** This week's prompts on the report's work (those answered "No" are named). */
  prompts: PromptRecord[];
  now: Date;
}

export function weeklyNote(input: WeeklyNoteInput, format: NoteFormat): string {
  const md = format === 'markdown';
  const heading = (text: string) => (md ? `**${text}**` : text);
  // What came from the tools (keys, titles) and the lead's words, inert in either format.
  const key = (k: string) => inert(k, md ? 'code' : 'text');
  const words = (text: string) => inert(text, md ? 'markdown' : 'text');
  const list = (items: string[]) => items.map((item) => `- ${item}`).join('\n');
  const keys = (records: Array<{ artifact: { key: string } }>) =>
    joinWords([...new Set(records.map((r) => key(r.artifact.key)))]);
  const first = words(firstNameOf(input.reportName));

  const stepped = input.interventions.map((r) => {
    const what = `${key(r.artifact.key)}${r.artifact.title ? ` (“${words(r.artifact.title)}”)` : ''}`;
    const verb = r.kind === 'takeover' ? `I took ${what} over from you` : `${what}`;
    return `${verb}, ${spokenDuration(spanMs(r, input.now))}: ${words(whyInLeadsWords(r))}`;
  });
  const keptByMe = input.interventions.filter(
    (r) => r.status === 'active' || r.closing?.ownerNow === 'me',
  );
  const handedBack = input.interventions.filter((r) => !keptByMe.includes(r));
  const caught = input.prompts.filter((p) => p.answer === 'stepped-back');

  const parts: string[] = [
    `Hi ${first},`,
    'A short note on this week, so nothing I did in your work comes as a surprise.',
  ];
  if (stepped.length > 0) parts.push(`${heading('Where I stepped in, and why')}\n${list(stepped)}`);
  const back: string[] = [];
  if (handedBack.length > 0)
    back.push(`${keys(handedBack)}: yours again, and you make the calls from here.`);
  if (keptByMe.length > 0)
    back.push(
      `${keys(keptByMe)}: still with me for now; I will hand ${keptByMe.length === 1 ? 'it' : 'them'} back to you explicitly.`,
    );
  if (back.length > 0) parts.push(`${heading('What I handed back')}\n${list(back)}`);
  if (caught.length > 0)
    parts.push(`I also caught myself about to step into ${keys(caught)} and left it with you.`);
  if (input.interventions.length > 0) {
    parts.push(
      `${heading('What I would like you to own next time')}\n` +
        `The calls I made on ${keys(input.interventions)}. Next time I would rather ask you than edit: tell me what you need from me to make them without me.`,
    );
  }
  parts.push(
    'Tell me when any of this felt like too much, or when you would have liked me to step in sooner or stay out.',
  );
  if (input.leadName.trim()) parts.push(words(firstNameOf(input.leadName)));
  return parts.join('\n\n');
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

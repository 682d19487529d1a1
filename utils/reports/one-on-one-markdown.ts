/**
 * The 1:1 page as Markdown, in two copies that are never mixed by accident: the talking points
 * for the report (nothing in them is a duration, a rating, a quadrant or "caught myself"), and
 * the lead's own prep, which holds both and says at its top that it is private. The page's two
 * sides render the same lines (pointText) so what is copied is what is shown.
 */
import { formatDuration } from '@/utils/model/durations';
import { dueLabel, firstNameOf, REASONS } from '@/utils/reports/handback';
import {
  dateOf,
  dayOf,
  type OneOnOne,
  type OneOnOneIntervention,
} from '@/utils/reports/one-on-one';
import { QUADRANT_GUIDANCE, quadrantOf, type Reflection } from '@/utils/reports/summary';
import { weekLabel } from '@/utils/model/week';
import { inert } from '@/utils/reports/inert-text';

/** Text from the tools and the lead, inert in a Markdown line (utils/reports/inert-text.ts). */
const md = (text: string) => inert(text, 'markdown');
/** An item key as a code span. */
const code = (key: string) => inert(key, 'code');

/** What a talking point says after the item: why I stepped in, and whose it is now. */
export function pointText(x: OneOnOneIntervention, locale?: string): string {
  const r = x.record;
  const why = REASONS[r.purpose] ?? '';
  const did = x.takeover ? `took it over ${why}` : `stepped in ${why}`;
  if (x.outcome === 'still open, past the planned end')
    return `${did}; still with me, and we agree today when it comes back`;
  if (r.status === 'active' && r.plannedUntil === 'done')
    return `${did}; stays with me until it is done`;
  if (r.status === 'active')
    return `${did}; comes back to you by ${dueLabel(r.plannedEndAt, locale)}`;
  if (r.closing?.ownerNow === 'me') return `${did}; stays with me a little longer`;
  return `${did}; ${x.takeover ? 'back with you' : 'yours again'}`;
}

/** The sections of the shared side, each with its lines, in the page's order. */
export function sharedSections(
  view: OneOnOne,
  actions: string[],
  locale?: string,
): Array<{ heading: string; lines: string[] }> {
  const item = (x: OneOnOneIntervention) => {
    const title = x.record.artifact.title ? ` ${md(x.record.artifact.title)}` : '';
    return `${code(x.record.artifact.key)}${title}: ${pointText(x, locale)}`;
  };
  const tp = view.talkingPoints;
  return [
    { heading: 'Stepped into and handed back', lines: tp.handedBack.map(item) },
    {
      heading: 'Frameworks, in my words',
      lines: tp.frameworks.map((f) => `${code(f.key)}: ${md(f.words)}`),
    },
    { heading: 'Take-overs still with me', lines: tp.openTakeovers.map(item) },
    { heading: 'Still with me', lines: tp.stillWithMe.map(item) },
    { heading: 'Actions', lines: actions.map(md).filter(Boolean) },
  ].filter((s) => s.lines.length > 0);
}

/** The talking points for the report: what "Copy for <name>" puts on the clipboard. */
export function sharedMarkdown(view: OneOnOne, actions: string[], locale?: string): string {
  const name = md(view.report.name);
  const lines = [`# 1:1 with ${name}: talking points`, '', md(view.rangeLabel)];
  const sections = sharedSections(view, actions, locale);
  if (sections.length === 0) lines.push('', 'Nothing from these weeks yet.');
  for (const s of sections) lines.push('', `## ${s.heading}`, '', ...s.lines.map((l) => `- ${l}`));
  return `${lines.join('\n')}\n`;
}

/** An intervention with its durations and outcome: the lead's side only. */
function detailLine(x: OneOnOneIntervention, startedOn?: string): string {
  const r = x.record;
  const title = r.artifact.title ? ` ${md(r.artifact.title)}` : '';
  const started = startedOn ? `started ${md(startedOn)}; ` : '';
  const words = x.words ? `; my words: “${md(x.words)}”` : '';
  return `**${x.takeover ? 'Take-over' : 'Intervention'}** ${code(r.artifact.key)}${title}: ${md(x.purpose)}; ${started}${formatDuration(x.spanMs)} start to end, ${formatDuration(x.handsOnMs)} hands-on; ${x.outcome}${words}`;
}

/** Both sides, for the lead alone: what "Copy my prep" puts on the clipboard. */
export function prepMarkdown(
  view: OneOnOne,
  actions: string[],
  reflections: Reflection[],
  locale?: string,
): string {
  const name = md(view.report.name);
  const first = md(firstNameOf(view.report.name));
  const { totals } = view;
  const lines: string[] = [
    `# 1:1 with ${name}: my prep`,
    '',
    `> Private: my own notes, not for ${first}. They hold check-ins, durations and where I caught myself. For ${first}, copy the talking points only.`,
    '',
    md(view.rangeLabel),
  ];
  if (view.report.former)
    lines.push('', `${name} is a former report: no longer on my roster, their history kept.`);

  lines.push('', `## For ${first}`);
  const sections = sharedSections(view, actions, locale);
  if (sections.length === 0) lines.push('', 'Nothing from these weeks yet.');
  for (const s of sections) lines.push('', `### ${s.heading}`, '', ...s.lines.map((l) => `- ${l}`));

  lines.push('', '## Only for me', '');
  lines.push(
    `- Interventions: ${totals.interventions}${totals.takeovers ? ` (${totals.takeovers} ${totals.takeovers === 1 ? 'take-over' : 'take-overs'})` : ''}, ${formatDuration(totals.handsOnMs)} hands-on`,
  );
  if (totals.ended > 0)
    lines.push(`- Pulled back on time: ${totals.endedOnTime} of ${totals.ended}`);
  lines.push(
    `- Caught myself and left it with ${first}: ${totals.caught === 1 ? 'once' : `${totals.caught} times`}`,
  );
  const latest = view.trail[view.trail.length - 1];
  lines.push(
    latest
      ? `- Latest check-in (${md(weekLabel(latest.week, locale))}): ${latest.where}, alignment ${latest.alignment} of 4, confidence ${latest.confidence} of 4`
      : '- Check-in: not rated in these weeks',
  );
  if (reflections.length > 0) {
    lines.push('', '### Reflections', '');
    for (const r of reflections)
      lines.push(`- ${md(r.text)}${r.question ? ` ${md(r.question)}` : ''}`);
  }
  if (view.trail.length > 0) {
    lines.push('', '### Check-ins', '');
    lines.push('| Week | Alignment | Confidence | Where |', '| --- | --- | --- | --- |');
    for (const t of view.trail)
      lines.push(
        `| ${md(weekLabel(t.week, locale))} | ${t.alignment} | ${t.confidence} | ${t.where} |`,
      );
  }
  if (view.openFromBefore.length > 0) {
    lines.push('', '### Still open from before these weeks', '');
    for (const x of view.openFromBefore)
      lines.push(`- ${detailLine(x, dateOf(x.record.startedAt, locale))}`);
  }
  lines.push('', '### Week by week');
  for (const week of view.weeks) {
    lines.push('', `#### ${md(week.label)}`, '');
    if (week.interventions.length === 0 && week.caught.length === 0 && !week.rating) {
      lines.push('- Nothing recorded.');
      continue;
    }
    for (const x of week.interventions) lines.push(`- ${detailLine(x)}`);
    for (const p of week.caught) {
      const title = p.artifact.title ? ` ${md(p.artifact.title)}` : '';
      lines.push(
        `- **Caught myself** ${code(p.artifact.key)}${title} (${dayOf(p.at, locale)}): left it with ${first}`,
      );
    }
    if (week.rating)
      lines.push(
        `- **Check-in** ${QUADRANT_GUIDANCE[quadrantOf(week.rating)].title}: alignment ${week.rating.alignment} of 4, confidence ${week.rating.confidence} of 4`,
      );
  }
  return `${lines.join('\n')}\n`;
}

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

/** Text from the tools and the lead, safe inside a Markdown line: one line, Markdown's marks shown as themselves. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

/** An item key as code; a backtick inside one (never seen in a tool's keys) is dropped rather than breaking the span. */
function markdownKey(key: string): string {
  return `\`${key.replace(/`/g, '').replace(/\s+/g, ' ').trim()}\``;
}

/** What a talking point says after the item: why I stepped in, and whose it is now. */
export function pointText(x: OneOnOneIntervention, locale?: string): string {
  const r = x.record;
  const why = REASONS[r.purpose] ?? '';
  const did = x.takeover ? `took it over ${why}` : `stepped in ${why}`;
  if (x.outcome === 'still open, past the planned end')
    return `${did}; still with me, and we agree today when it comes back`;
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
    const title = x.record.artifact.title ? ` ${markdownText(x.record.artifact.title)}` : '';
    return `${markdownKey(x.record.artifact.key)}${title}: ${pointText(x, locale)}`;
  };
  const tp = view.talkingPoints;
  return [
    { heading: 'Stepped into and handed back', lines: tp.handedBack.map(item) },
    {
      heading: 'Frameworks, in my words',
      lines: tp.frameworks.map((f) => `${markdownKey(f.key)}: ${markdownText(f.words)}`),
    },
    { heading: 'Take-overs still with me', lines: tp.openTakeovers.map(item) },
    { heading: 'Still with me', lines: tp.stillWithMe.map(item) },
    { heading: 'Actions', lines: actions.map(markdownText).filter(Boolean) },
  ].filter((s) => s.lines.length > 0);
}

/** The talking points for the report: what "Copy for <name>" puts on the clipboard. */
export function sharedMarkdown(view: OneOnOne, actions: string[], locale?: string): string {
  const name = markdownText(view.report.name);
  const lines = [`# 1:1 with ${name}: talking points`, '', markdownText(view.rangeLabel)];
  const sections = sharedSections(view, actions, locale);
  if (sections.length === 0) lines.push('', 'Nothing from these weeks yet.');
  for (const s of sections) lines.push('', `## ${s.heading}`, '', ...s.lines.map((l) => `- ${l}`));
  return `${lines.join('\n')}\n`;
}

/** An intervention with its durations and outcome: the lead's side only. */
function detailLine(x: OneOnOneIntervention, startedOn?: string): string {
  const r = x.record;
  const title = r.artifact.title ? ` ${markdownText(r.artifact.title)}` : '';
  const started = startedOn ? `started ${markdownText(startedOn)}; ` : '';
  const words = x.words ? `; my words: “${markdownText(x.words)}”` : '';
  return `**${x.takeover ? 'Take-over' : 'Intervention'}** ${markdownKey(r.artifact.key)}${title}: ${markdownText(x.purpose)}; ${started}${formatDuration(x.spanMs)} start to end, ${formatDuration(x.handsOnMs)} hands-on; ${x.outcome}${words}`;
}

/** Both sides, for the lead alone: what "Copy my prep" puts on the clipboard. */
export function prepMarkdown(
  view: OneOnOne,
  actions: string[],
  reflections: Reflection[],
  locale?: string,
): string {
  const name = markdownText(view.report.name);
  const first = markdownText(firstNameOf(view.report.name));
  const { totals } = view;
  const lines: string[] = [
    `# 1:1 with ${name}: my prep`,
    '',
    `> Private: my own notes, not for ${first}. They hold check-ins, durations and where I caught myself. For ${first}, copy the talking points only.`,
    '',
    markdownText(view.rangeLabel),
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
      ? `- Latest check-in (${markdownText(weekLabel(latest.week, locale))}): ${latest.where}, alignment ${latest.alignment} of 4, confidence ${latest.confidence} of 4`
      : '- Check-in: not rated in these weeks',
  );
  if (reflections.length > 0) {
    lines.push('', '### Reflections', '');
    for (const r of reflections)
      lines.push(`- ${markdownText(r.text)}${r.question ? ` ${markdownText(r.question)}` : ''}`);
  }
  if (view.trail.length > 0) {
    lines.push('', '### Check-ins', '');
    lines.push('| Week | Alignment | Confidence | Where |', '| --- | --- | --- | --- |');
    for (const t of view.trail)
      lines.push(
        `| ${markdownText(weekLabel(t.week, locale))} | ${t.alignment} | ${t.confidence} | ${t.where} |`,
      );
  }
  if (view.openFromBefore.length > 0) {
    lines.push('', '### Still open from before these weeks', '');
    for (const x of view.openFromBefore)
      lines.push(`- ${detailLine(x, dateOf(x.record.startedAt, locale))}`);
  }
  lines.push('', '### Week by week');
  for (const week of view.weeks) {
    lines.push('', `#### ${markdownText(week.label)}`, '');
    if (week.interventions.length === 0 && week.caught.length === 0 && !week.rating) {
      lines.push('- Nothing recorded.');
      continue;
    }
    for (const x of week.interventions) lines.push(`- ${detailLine(x)}`);
    for (const p of week.caught) {
      const title = p.artifact.title ? ` ${markdownText(p.artifact.title)}` : '';
      lines.push(
        `- **Caught myself** ${markdownKey(p.artifact.key)}${title} (${dayOf(p.at, locale)}): left it with ${first}`,
      );
    }
    if (week.rating)
      lines.push(
        `- **Check-in** ${QUADRANT_GUIDANCE[quadrantOf(week.rating)].title}: alignment ${week.rating.alignment} of 4, confidence ${week.rating.confidence} of 4`,
      );
  }
  return `${lines.join('\n')}\n`;
}

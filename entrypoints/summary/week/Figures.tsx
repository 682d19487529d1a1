/** The week in figures, each against the four weeks before. */
import { plural } from '@/components/ui/format';
import { formatDuration } from '@/utils/model/durations';
import { isTakeover, type Headline, type WeekSummary } from '@/utils/reports/summary';
import { justStarted } from '@/entrypoints/summary/WeekRecords';

const percent = (x: number) => `${Math.round(x * 100)}%`;
const count = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function change(h: Headline, format: (n: number) => string, lowerIsBetter = false) {
  if (h.previousAverage === null || h.change === null)
    return <span class="muted">no earlier weeks to compare</span>;
  if (Math.abs(h.change) < 1e-9) return <span class="muted">same as the 4-week average</span>;
  const up = h.change > 0;
  const good = lowerIsBetter ? !up : up;
  return (
    <span class={good ? 'delta good' : 'delta'}>
      {up ? '▲' : '▼'} {format(Math.abs(h.change))} {up ? 'more' : 'less'} than the 4-week average (
      {format(h.previousAverage)})
    </span>
  );
}

/** "6: 4 deliberate, 1 caught myself, 1 not now"; answers nobody gave are left out. */
function promptsFigure(p: WeekSummary['prompts']): string {
  if (p.shown === 0) return 'none';
  const parts = [
    [p.deliberate, 'deliberate'],
    [p.steppedBack, 'caught myself'],
    [p.dismissed, 'not now'],
    [p.unanswered, 'unanswered'],
  ] as const;
  return `${p.shown}: ${parts
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`)
    .join(', ')}`;
}

/** What is still open: those past the planned end, then those within it. */
function OpenNotes({ summary }: { summary: WeekSummary }) {
  const past = new Set(summary.pastPlannedEnd.map((r) => r.id));
  const within = summary.openAtWeekEnd.filter((r) => !past.has(r.id));
  return (
    <>
      {summary.pastPlannedEnd.length > 0 && (
        <dd class="change">
          Past the planned end:{' '}
          {summary.pastPlannedEnd
            .map((r) => r.artifact.key + (isTakeover(r) ? ' (take-over)' : ''))
            .join(', ')}
        </dd>
      )}
      {within.length > 0 && (
        <dd class="change muted">
          Within the plan:{' '}
          {within
            .map((r) => `${r.artifact.key}${justStarted(r) ? ' (just started)' : ''}`)
            .join(', ')}
        </dd>
      )}
    </>
  );
}

export function Figures({ summary }: { summary: WeekSummary }) {
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">The week in figures</h2>
      <dl class="figures">
        <div>
          <dt>Interventions started</dt>
          <dd data-figure="started">{summary.started.value}</dd>
          <dd class="change">{change(summary.started, count, true)}</dd>
          {summary.takeovers.value > 0 && (
            <dd class="change">including {plural(summary.takeovers.value, 'take-over')}</dd>
          )}
        </div>
        <div>
          <dt>Take-overs (a report’s item assigned to you)</dt>
          <dd data-figure="takeovers">{summary.takeovers.value}</dd>
          <dd class="change">{change(summary.takeovers, count, true)}</dd>
        </div>
        <div>
          <dt>Hands-on time</dt>
          <dd data-figure="hands-on">{formatDuration(summary.handsOnMs.value)}</dd>
          <dd class="change">{change(summary.handsOnMs, formatDuration, true)}</dd>
        </div>
        <div>
          <dt>Typical length, start to end (median)</dt>
          <dd data-figure="median-span">{formatDuration(summary.medianSpanMs.value)}</dd>
          <dd class="change">{change(summary.medianSpanMs, formatDuration, true)}</dd>
        </div>
        <div>
          <dt>Pulled back on time (within a few minutes of the plan)</dt>
          <dd data-figure="pull-back">
            {summary.pullBack.rate
              ? `${percent(summary.pullBack.rate.value)} (${summary.pullBack.onTime} of ${summary.pullBack.ended})`
              : 'none ended yet'}
          </dd>
          <dd class="change">
            {summary.pullBack.rate ? change(summary.pullBack.rate, percent) : null}
          </dd>
        </div>
        <div>
          <dt>Times Pullback asked</dt>
          <dd data-figure="prompts">{promptsFigure(summary.prompts)}</dd>
          {summary.prompts.shown > 0 && (
            <dd class="change muted">
              Deliberate: you said yes, with a plan. Caught myself: you left it with its owner.
            </dd>
          )}
        </div>
        <div>
          <dt>{summary.current ? 'Still open now' : 'Still open at the week’s end'}</dt>
          <dd data-figure="open">{summary.openAtWeekEnd.length}</dd>
          <OpenNotes summary={summary} />
        </div>
      </dl>
    </section>
  );
}

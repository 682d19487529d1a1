/**
 * The weekly summary: the pattern behind the log. Which reports' work did I
 * step into, for how long, did I pull back when I meant to, and where does
 * each report stand on alignment x confidence.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Bar, Sparkline } from '@/components/ui/charts';
import { downloadBackup, downloadText } from '@/components/ui/download';
import { plural } from '@/components/ui/format';
import { interventionsCsv } from '@/utils/reports/csv';
import { formatDuration, spanMs } from '@/utils/model/durations';
import { sendMessage, type SummaryData } from '@/utils/protocol/messages';
import { PURPOSE_LABELS, type Purpose, type Settings } from '@/utils/model/records';
import { reportNameMap } from '@/utils/people/roster';
import { settingsItem } from '@/utils/settings/store';
import { toolLabel } from '@/utils/model/tools';
import {
  isTakeover,
  summarizeWeek,
  type Headline,
  type WeekSummary,
} from '@/utils/reports/summary';
import { summaryHash } from '@/utils/reports/summary-route';
import { CheckIn } from '@/entrypoints/summary/CheckIn';
import { justStarted, useReveal, WeekRecords } from '@/entrypoints/summary/WeekRecords';
import { WeeklyNotes } from '@/entrypoints/summary/WeeklyNotes';
import {
  parseWeekId,
  shiftWeek,
  weekIdOf,
  weekLabel,
  weekRange,
  type WeekId,
} from '@/utils/model/week';
import { errorText } from '@/utils/model/error-text';

const WEEKS_SHOWN = 8;
/** Record links shown after a reflection before "and N more". */
const LINKS_SHOWN = 12;

function weekFromHash(): WeekId {
  return parseWeekId(location.hash) ?? weekIdOf(new Date());
}

export function Summary() {
  const [week, setWeek] = useState<WeekId>(weekFromHash);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [data, setData] = useState<SummaryData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // A 1:1 address (week/report) is SummaryRouter's to show, not a week to fall back from.
    const onHash = () => !location.hash.includes('/') && setWeek(weekFromHash());
    window.addEventListener('hashchange', onHash);
    void settingsItem.getValue().then(setSettings);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  async function load(target: WeekId) {
    const first = shiftWeek(target, -(WEEKS_SHOWN - 1));
    try {
      const loaded = await sendMessage('summaryData', {
        fromIso: weekRange(first).start.toISOString(),
        toIso: weekRange(target).end.toISOString(),
        fromWeek: first,
        toWeek: target,
      });
      performance.mark('pullback:data-loaded'); // npm run bench measures render time from here.
      setData(loaded);
      setError(null);
    } catch (e) {
      setError(`Pullback could not read its log: ${errorText(e)}`);
    }
  }

  useEffect(() => {
    if (location.hash !== `#${week}`) history.replaceState(null, '', `#${week}`);
    document.title = `Pullback — week ${week}`;
    void load(week);
  }, [week]);

  const summary = useMemo(
    () =>
      data && settings
        ? summarizeWeek({
            week,
            now: new Date(),
            reports: settings.reports,
            interventions: data.interventions,
            prompts: data.prompts,
            ratings: data.ratings,
            touches: data.touches,
          })
        : null,
    [data, settings, week],
  );

  useEffect(() => {
    if (summary && performance.getEntriesByName('pullback:data-loaded').length) {
      const records = data ? data.interventions.length + data.prompts.length : 0;
      performance.measure('pullback:render', {
        start: 'pullback:data-loaded',
        detail: { records },
      });
      performance.clearMarks('pullback:data-loaded');
    }
    // npm run bench times the first screen from navigation to here: the week drawn, then painted.
    if (summary && !performance.getEntriesByName('pullback:first-screen').length)
      requestAnimationFrame(() => performance.mark('pullback:first-screen'));
  }, [summary]);

  const go = (target: WeekId) => setWeek(target);
  const thisWeek = weekIdOf(new Date());

  return (
    <main class="summary">
      <header class="summary-head">
        <h1>
          Your week: <span>{weekLabel(week)}</span>
        </h1>
        <nav class="week-nav" aria-label="Week">
          <button type="button" onClick={() => go(shiftWeek(week, -1))}>
            ← Previous week
          </button>
          <label>
            <span class="visually-hidden">Week</span>
            <input
              type="week"
              value={week}
              onChange={(e) =>
                parseWeekId(e.currentTarget.value) && go(parseWeekId(e.currentTarget.value)!)
              }
            />
          </label>
          <button type="button" onClick={() => go(shiftWeek(week, 1))} disabled={week >= thisWeek}>
            Next week →
          </button>
          {week !== thisWeek && (
            <button type="button" onClick={() => go(thisWeek)}>
              This week
            </button>
          )}
        </nav>
      </header>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {!summary ? (
        <p class="muted">Loading…</p>
      ) : settings && settings.reports.length === 0 ? (
        <FirstRun />
      ) : (
        <WeekView
          summary={summary}
          data={data!}
          leadName={settings!.me.name}
          onRated={() => load(week)}
          onDeleted={() => load(week)}
          reportName={(id) => reportNameMap(settings!).get(id) ?? 'a former report'}
        />
      )}
    </main>
  );
}

function FirstRun() {
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">Nothing to show yet</h2>
      <p>
        Pullback needs to know who your reports are. Add them on the{' '}
        <a href="/options.html">roster page</a> with the names, emails and account ids your tools
        show for them (or import a backup).
      </p>
      <p>
        Then, whenever you edit the details of their work, Pullback asks whether it is a deliberate,
        temporary intervention. Each Friday this page shows the pattern: whose work you stepped
        into, for how long, whether you pulled back when you meant to, and where each report stands
        on alignment and confidence.
      </p>
    </section>
  );
}

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

/**
 * Nothing this week. Without earlier weeks there is nothing to praise yet:
 * the page says what will appear. With them, a quiet week is worth a look.
 */
function QuietWeek({ summary }: { summary: WeekSummary }) {
  const soFar = summary.end.getTime() > Date.now() ? ' so far' : '';
  if (!summary.earlierData) {
    return (
      <section class="empty" aria-labelledby="quiet-heading">
        <h2 id="quiet-heading">Nothing recorded{soFar} this week</h2>
        <p>
          No interventions and no prompts yet. As you work in your reports’ tools, Pullback asks
          when you start editing their work, and the pattern builds up here week by week.
        </p>
      </section>
    );
  }
  return (
    <section class="empty" aria-labelledby="quiet-heading">
      <h2 id="quiet-heading">A quiet week{soFar}</h2>
      <p>
        No interventions and no prompts{soFar} this week, after some in the weeks before. That is
        scalable leadership if your reports are aligned and you trust their judgement; check that
        below. If someone is drifting, stepping in on purpose, briefly, is the right move.
      </p>
    </section>
  );
}

/** What is still open: only what is past its planned end is called temporary-becoming-permanent. */
function OpenNotes({ summary }: { summary: WeekSummary }) {
  const past = new Set(summary.pastPlannedEnd.map((r) => r.id));
  const within = summary.openAtWeekEnd.filter((r) => !past.has(r.id));
  return (
    <>
      {summary.pastPlannedEnd.length > 0 && (
        <dd class="change delta">
          Past the planned end:{' '}
          {summary.pastPlannedEnd
            .map((r) => r.artifact.key + (isTakeover(r) ? ' (take-over)' : ''))
            .join(', ')}
          . Temporary should not become permanent.
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

const percent = (x: number) => `${Math.round(x * 100)}%`;
const count = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function WeekView({
  summary,
  data,
  reportName,
  leadName,
  onRated,
  onDeleted,
}: {
  summary: WeekSummary;
  data: SummaryData;
  reportName: (id: string) => string;
  leadName: string;
  onRated(): void;
  onDeleted(): void;
}) {
  // A record link in a reflection may name a row the folded table does not show yet.
  const { revealing, reveal, done } = useReveal();
  const maxHandsOn = Math.max(0, ...summary.perReport.map((r) => r.handsOnMs));
  const from = summary.start.toISOString();
  const to = summary.end.toISOString();
  const weekRecords = useMemo(
    () => data.interventions.filter((r) => r.startedAt >= from && r.startedAt < to),
    [data, from, to],
  );
  // Item keys by record id, built once: a reflection can name hundreds of records (a year of data).
  const keyOf = useMemo(() => {
    const keys = new Map<string, string>();
    for (const p of data.prompts) keys.set(p.id, p.artifact.key);
    for (const r of data.interventions) keys.set(r.id, r.artifact.key);
    return (id: string) => keys.get(id);
  }, [data]);

  return (
    <>
      {summary.isEmpty && <QuietWeek summary={summary} />}

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">This week</h2>
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
            <dt>Pulled back by the planned end</dt>
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
            {summary.prompts.steppedBack > 0 && (
              <dd class="change delta good">
                Catching yourself {plural(summary.prompts.steppedBack, 'time')} is the habit
                working.
              </dd>
            )}
          </div>
          <div>
            <dt>
              {summary.end.getTime() > Date.now()
                ? 'Still open now'
                : 'Still open at the week’s end'}
            </dt>
            <dd data-figure="open">{summary.openAtWeekEnd.length}</dd>
            <OpenNotes summary={summary} />
          </div>
        </dl>
      </section>

      {summary.reflections.length > 0 && (
        <section aria-labelledby="reflect-heading">
          <h2 id="reflect-heading">To reflect on</h2>
          <ul class="reflections">
            {summary.reflections.map((r) => (
              <li data-rule={r.rule}>
                {r.text} <RecordLinks ids={r.recordIds} keyOf={keyOf} reveal={reveal} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">Per report</h2>
        <table class="reports">
          <thead>
            <tr>
              <th scope="col">Report</th>
              <th scope="col">Interventions</th>
              <th scope="col">Hands-on</th>
              <th scope="col">Purposes</th>
              <th scope="col">Tools</th>
              <th scope="col">Longest</th>
              <th scope="col">8 weeks</th>
              <th scope="col" class="no-print">
                <span class="visually-hidden">1:1 page</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.perReport.map((row) => (
              <tr data-report={row.report.id}>
                <th scope="row">{row.report.name}</th>
                <td>
                  {row.interventions === 0 && row.prompts === 0 ? (
                    <span class="muted">no touchpoints</span>
                  ) : (
                    row.interventions
                  )}
                  {row.takeovers > 0 && (
                    <span class="muted"> ({plural(row.takeovers, 'take-over')})</span>
                  )}
                  {row.touches > 0 && (
                    <span class="muted" data-figure="touches">
                      {' '}
                      · {row.touches === 1 ? '1 touch' : `${row.touches} touches`} (small changes
                      that never asked)
                    </span>
                  )}
                </td>
                <td>
                  {formatDuration(row.handsOnMs)}
                  <Bar
                    value={row.handsOnMs}
                    max={maxHandsOn}
                    label={`${formatDuration(row.handsOnMs)} hands-on on ${row.report.name}’s work`}
                  />
                </td>
                <td>
                  {Object.entries(row.purposes)
                    .map(([p, n]) => `${PURPOSE_LABELS[p as Purpose]} ×${n}`)
                    .join(', ') || '—'}
                </td>
                <td>{row.tools.map(toolLabel).join(', ') || '—'}</td>
                <td class="longest">
                  {row.longest
                    ? `${row.longest.artifact.key}, ${formatDuration(spanMs(row.longest, new Date()))}`
                    : '—'}
                </td>
                <td>
                  <Sparkline
                    values={row.sparkline}
                    label={`Hands-on time on ${row.report.name}’s work per week, last 8 weeks: ${row.sparkline.map((v) => formatDuration(v)).join(', ')}`}
                  />
                </td>
                <td class="no-print">
                  <a
                    class="one-on-one-link"
                    href={summaryHash({ week: summary.week, reportId: row.report.id })}
                    aria-label={`1:1 page for ${row.report.name}`}
                  >
                    1:1 page
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <WeeklyNotes summary={summary} data={data} leadName={leadName} />

      <CheckIn summary={summary} onRated={onRated} />

      <WeekRecords
        records={weekRecords}
        reportName={reportName}
        revealing={revealing}
        onRevealed={done}
        onDeleted={onDeleted}
      />

      <section aria-labelledby="export-heading" class="no-print">
        <h2 id="export-heading">Take it to a 1:1 or a coach</h2>
        <div class="actions">
          <button
            type="button"
            onClick={() =>
              downloadText(
                `pullback-${summary.week}.csv`,
                'text/csv',
                `\uFEFF${interventionsCsv(weekRecords, reportName, new Date())}`,
              )
            }
          >
            Download this week as CSV
          </button>
          <button type="button" onClick={() => void downloadBackup()}>
            Download the full backup (JSON)
          </button>
          <button type="button" onClick={() => print()}>
            Print
          </button>
        </div>
      </section>
    </>
  );
}

/** Links to the records behind a reflection (ratings and other non-record ids are left out). */
function RecordLinks({
  ids,
  keyOf,
  reveal,
}: {
  ids: string[];
  keyOf(id: string): string | undefined;
  reveal(recordId: string): void;
}) {
  const known = ids.filter((id) => keyOf(id));
  if (known.length === 0) return null;
  // A busy week's reflection can name hundreds of records: the first few, then how many more.
  const linked = known.slice(0, LINKS_SHOWN);
  return (
    <span class="muted">
      (
      {linked.map((id, i) => (
        <>
          {i > 0 && ', '}
          <a href={`#rec-${id}`} onClick={(e) => (e.preventDefault(), reveal(id))}>
            {keyOf(id)}
          </a>
        </>
      ))}
      {known.length > linked.length &&
        ` and ${known.length - linked.length} more in the table below`}
      )
    </span>
  );
}

/**
 * The 1:1 page (`summary.html#2026-W48/alice`): one report's last eight
 * weeks on one printable page, for the conversation with them: where I
 * stepped in and why (in my own words), what I handed back, what I took
 * over, where I caught myself, and the check-in trail. "Copy as Markdown"
 * puts the same on the clipboard for a 1:1 document; if the browser refuses,
 * the Markdown is shown, selected, to copy by hand. Nothing leaves the device.
 */
import { JoinedItems } from '@/components/ui/JoinedItems';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AlignmentConfidenceGrid, initialsFor } from '@/components/ui/charts';
import { formatTime, plural } from '@/components/ui/format';
import { formatDuration } from '@/utils/model/durations';
import { sendMessage, type SummaryData } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/model/records';
import {
  dateOf,
  dayOf,
  oneOnOne,
  oneOnOneMarkdown,
  type OneOnOne as OneOnOneView,
  type OneOnOneIntervention,
  type OneOnOneWeek,
} from '@/utils/reports/one-on-one';
import { settingsItem } from '@/utils/settings/store';
import {
  FORMER_REPORT_NAME,
  QUADRANT_GUIDANCE,
  quadrantOf,
  WINDOW_WEEKS,
} from '@/utils/reports/summary';
import { summaryHash, type SummaryRoute } from '@/utils/reports/summary-route';
import { shiftWeek, weekIdOf, weekLabel, weekRange, type WeekId } from '@/utils/model/week';
import '@/entrypoints/summary/one-on-one.css';
import { errorText } from '@/utils/model/error-text';

type Who = { id: string; name: string; former: boolean; nameKept: boolean };

/** Who the id names: on the roster, a former report with their name kept, or only found in the records. */
function whoIs(settings: Settings, reportId: string, data: SummaryData): Who | null {
  const current = settings.reports.find((r) => r.id === reportId);
  if (current) return { id: current.id, name: current.name, former: false, nameKept: true };
  const former = settings.formerReports?.find((r) => r.id === reportId);
  if (former) return { id: former.id, name: former.name, former: true, nameKept: true };
  const inRecords = [data.interventions, data.prompts, data.ratings].some((list) =>
    list.some((r) => r.reportId === reportId),
  );
  return inRecords
    ? { id: reportId, name: FORMER_REPORT_NAME, former: true, nameKept: false }
    : null;
}

export function OneOnOnePage({ route }: { route: Exclude<SummaryRoute, { page: 'week' }> }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loaded, setLoaded] = useState<{ link: string; data: SummaryData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const week = route.week;
  const link = route.page === 'one-on-one' ? `${route.week}/${route.reportId}` : null;
  // What was read for another link is never shown for this one: on the render after the link
  // changed, it could say "no such report" of a report that is there.
  const data = loaded && loaded.link === link ? loaded.data : null;

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
  }, []);

  useEffect(() => {
    if (route.page !== 'one-on-one' || !link) return;
    document.title = 'Pullback — 1:1 page';
    const first = shiftWeek(route.week, -(WINDOW_WEEKS - 1));
    sendMessage('summaryData', {
      fromIso: weekRange(first).start.toISOString(),
      toIso: weekRange(route.week).end.toISOString(),
      fromWeek: first,
      toWeek: route.week,
    }).then(
      (read) => (setLoaded({ link, data: read }), setError(null)),
      (e) => setError(`Pullback could not read its log: ${errorText(e)}`),
    );
  }, [route.page, link]);

  if (route.page === 'no-such-week')
    return (
      <NoSuchPage heading="No such week" problem={route.problem} week={null} settings={settings} />
    );
  if (route.page === 'bad-link') {
    return (
      <NoSuchPage
        heading="This 1:1 link cannot be read"
        problem={route.problem}
        week={route.week}
        settings={settings}
      />
    );
  }
  if (error) {
    return (
      <main class="summary one-on-one">
        <p role="alert" class="alert">
          {error}
        </p>
        <BackLink week={week} />
      </main>
    );
  }
  if (!settings || !data)
    return (
      <main class="summary one-on-one">
        <p class="muted">Loading…</p>
      </main>
    );

  const who = whoIs(settings, route.reportId, data);
  if (!who) {
    return (
      <NoSuchPage
        heading="No 1:1 page for this report"
        problem={`Pullback has no report with the id “${route.reportId}”: not on your roster, not among your former reports, and nothing in the log for these ${WINDOW_WEEKS} weeks. If you used Forget for them, everything Pullback kept about them is gone.`}
        week={route.week}
        settings={settings}
      />
    );
  }
  return <OneOnOneReady who={who} week={route.week} settings={settings} data={data} />;
}

function OneOnOneReady({
  who,
  week,
  settings,
  data,
}: {
  who: Who;
  week: WeekId;
  settings: Settings;
  data: SummaryData;
}) {
  const view = useMemo(
    () =>
      oneOnOne({
        week,
        now: new Date(),
        report: { id: who.id, name: who.name, former: who.former },
        leadName: settings.me.name,
        interventions: data.interventions,
        prompts: data.prompts,
        ratings: data.ratings,
        touches: data.touches,
      }),
    [who, week, settings, data],
  );
  useEffect(() => {
    document.title = `Pullback — 1:1 with ${who.name}, ${WINDOW_WEEKS} weeks to ${week}`;
  }, [who, week]);
  const thisWeek = weekIdOf(new Date());

  return (
    <main class="summary one-on-one">
      <header class="summary-head">
        <h1>
          1:1 with {who.name}{' '}
          <span>
            · {WINDOW_WEEKS} weeks, {view.rangeLabel}
          </span>
        </h1>
        <nav class="week-nav no-print" aria-label="1:1 page">
          <BackLink week={week} />
          <a href={summaryHash({ week: shiftWeek(week, -1), reportId: who.id })}>
            ← A week earlier
          </a>
          {week < thisWeek && (
            <a href={summaryHash({ week: shiftWeek(week, 1), reportId: who.id })}>A week later →</a>
          )}
        </nav>
      </header>
      {who.former && (
        <p class="former-note" data-testid="former-report">
          {who.nameKept
            ? `${who.name} is a former report: no longer on your roster, their history kept. This page shows what the log holds.`
            : 'This report is no longer on your roster and Pullback did not keep their name; this page shows what the log holds for them.'}
        </p>
      )}
      <CopyMarkdown view={view} />
      <Totals view={view} />
      <Trail view={view} name={who.name} />
      {view.openFromBefore.length > 0 && (
        <section aria-labelledby="oo-before-heading">
          <h2 id="oo-before-heading">Still open from before these weeks</h2>
          <ul class="oo-items">
            {view.openFromBefore.map((x) => (
              <InterventionItem x={x} startedOn={dateOf(x.record.startedAt)} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="oo-weeks-heading">
        <h2 id="oo-weeks-heading">Week by week</h2>
        <ol class="oo-weeks">
          {view.weeks.map((w) => (
            <WeekBlock week={w} firstName={who.nameKept ? who.name.split(/\s+/)[0]! : 'them'} />
          ))}
        </ol>
      </section>
    </main>
  );
}

function BackLink({ week }: { week: WeekId | null }) {
  const target = week ?? weekIdOf(new Date());
  return <a href={summaryHash({ week: target })}>← Back to the week of {weekLabel(target)}</a>;
}

/** A link that names no report Pullback knows, or cannot be read: say so, and offer the way back and the reports there are. */
function NoSuchPage({
  heading,
  problem,
  week,
  settings,
}: {
  heading: string;
  problem: string;
  week: WeekId | null;
  settings: Settings | null;
}) {
  useEffect(() => {
    document.title = 'Pullback — no such 1:1 page';
  }, []);
  const target = week ?? weekIdOf(new Date());
  const reports = settings?.reports ?? [];
  return (
    <main class="summary one-on-one">
      <h1>{heading}</h1>
      <p role="alert" class="alert">
        {problem}
      </p>
      <p>
        <BackLink week={week} />
      </p>
      {reports.length > 0 && (
        <nav aria-label="1:1 pages of your reports">
          <p>1:1 pages of your reports:</p>
          <ul>
            {reports.map((r) => (
              <li>
                <a href={summaryHash({ week: target, reportId: r.id })}>{r.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </main>
  );
}

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'refused'; reason: string };

function CopyMarkdown({ view }: { view: OneOnOneView }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const markdown = useMemo(() => oneOnOneMarkdown(view), [view]);
  const fallback = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setState({ kind: 'idle' }), [markdown]);
  useEffect(() => {
    if (state.kind === 'refused') fallback.current?.select();
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(markdown);
      setState({ kind: 'copied' });
    } catch (e) {
      setState({
        kind: 'refused',
        reason: e instanceof Error && e.message ? e.message : 'the clipboard was not available',
      });
    }
  }

  return (
    <div class="oo-actions no-print">
      <div class="actions">
        <button type="button" class="primary" onClick={copy} aria-describedby="oo-copy-status">
          {state.kind === 'copied' ? 'Copied ✓' : 'Copy as Markdown'}
        </button>
        <button type="button" onClick={() => print()}>
          Print
        </button>
      </div>
      <p id="oo-copy-status" role="status" class="muted">
        {state.kind === 'copied'
          ? `Copied: paste it into your 1:1 document with ${view.report.name}.`
          : state.kind === 'refused'
            ? 'The browser did not let Pullback copy. The Markdown is below, selected: copy it with Ctrl+C (⌘C on a Mac).'
            : ''}
      </p>
      {state.kind === 'refused' && (
        <label class="oo-fallback">
          <span>The 1:1 notes as Markdown</span>
          <textarea ref={fallback} readOnly rows={14} value={markdown} />
        </label>
      )}
    </div>
  );
}

function Totals({ view }: { view: OneOnOneView }) {
  const t = view.totals;
  const latest = view.trail[view.trail.length - 1];
  return (
    <section aria-labelledby="oo-totals-heading">
      <h2 id="oo-totals-heading">Over these {view.weeks.length} weeks</h2>
      <dl class="figures oo-figures">
        <div>
          <dt>Interventions</dt>
          <dd data-figure="interventions">{t.interventions}</dd>
          {t.takeovers > 0 && <dd class="change">including {plural(t.takeovers, 'take-over')}</dd>}
        </div>
        <div>
          <dt>Hands-on time</dt>
          <dd data-figure="hands-on">{formatDuration(t.handsOnMs)}</dd>
        </div>
        <div>
          <dt>Pulled back by the planned end</dt>
          <dd data-figure="pull-back">
            {t.ended ? `${t.endedOnTime} of ${t.ended}` : 'none ended'}
          </dd>
        </div>
        <div>
          <dt>Caught myself</dt>
          <dd data-figure="caught">{t.caught}</dd>
        </div>
        <div>
          <dt>Touches (small changes that never asked)</dt>
          <dd data-figure="touches">{t.touches}</dd>
        </div>
        <div>
          <dt>Latest check-in</dt>
          <dd data-figure="check-in">{latest ? latest.where : 'not rated'}</dd>
          {latest && (
            <dd class="change muted">
              {latest.week}: alignment {latest.alignment}, confidence {latest.confidence}
            </dd>
          )}
        </div>
      </dl>
    </section>
  );
}

function Trail({ view, name }: { view: OneOnOneView; name: string }) {
  const latest = view.trail[view.trail.length - 1];
  return (
    <section aria-labelledby="oo-trail-heading" class="oo-trail">
      <h2 id="oo-trail-heading">Check-in trail</h2>
      {!latest ? (
        <p class="muted">
          No alignment × confidence check-in in these weeks. Rate {name} on the weekly summary.
        </p>
      ) : (
        <div class="oo-trail-body">
          <table class="reports" aria-labelledby="oo-trail-heading">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Alignment</th>
                <th scope="col">Confidence</th>
                <th scope="col">Where</th>
              </tr>
            </thead>
            <tbody>
              {view.trail.map((t) => (
                <tr data-week={t.week}>
                  <th scope="row">{t.week}</th>
                  <td>{t.alignment} of 4</td>
                  <td>{t.confidence} of 4</td>
                  <td>{t.where}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="oo-grid">
            <AlignmentConfidenceGrid
              points={[
                {
                  reportId: view.report.id,
                  name,
                  label: initialsFor([{ id: view.report.id, name }]).get(view.report.id)!,
                  rating: latest,
                  quadrant: latest.quadrant,
                  history: view.trail.slice(0, -1),
                },
              ]}
            />
          </div>
        </div>
      )}
    </section>
  );
}

function WeekBlock({ week, firstName }: { week: OneOnOneWeek; firstName: string }) {
  const empty =
    week.interventions.length === 0 &&
    week.caught.length === 0 &&
    !week.rating &&
    week.touches === 0;
  const id = `oo-week-${week.week}`;
  return (
    <li class={empty ? 'oo-week oo-empty' : 'oo-week'} data-week={week.week} aria-labelledby={id}>
      <h3 id={id}>
        {week.week} <span class="muted">· {week.label}</span>
      </h3>
      {empty ? (
        <p class="muted">Nothing recorded.</p>
      ) : (
        <ul class="oo-items">
          {week.interventions.map((x) => (
            <InterventionItem x={x} />
          ))}
          {week.caught.map((p) => (
            <li class="oo-caught" data-record={p.id}>
              <span class="tag">Caught myself</span> <span class="key">{p.artifact.key}</span>{' '}
              {p.artifact.title}{' '}
              <span class="muted">
                ({dayOf(p.at)}): left it with {firstName}
              </span>
            </li>
          ))}
          {week.touches > 0 && (
            <li class="oo-touches">
              <span class="tag">Touches</span>{' '}
              {week.touches === 1 ? '1 small change' : `${week.touches} small changes`} to{' '}
              {firstName}’s work that never asked
            </li>
          )}
          {week.rating && (
            <li class="oo-rating">
              <span class="tag">Check-in</span> {QUADRANT_GUIDANCE[quadrantOf(week.rating)].title}:
              alignment {week.rating.alignment} of 4, confidence {week.rating.confidence} of 4
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function InterventionItem({ x, startedOn }: { x: OneOnOneIntervention; startedOn?: string }) {
  const r = x.record;
  return (
    <li class={x.takeover ? 'oo-intervention oo-takeover' : 'oo-intervention'} data-record={r.id}>
      <span class="tag">{x.takeover ? 'Take-over' : 'Intervention'}</span>{' '}
      <a class="key" href={r.artifact.url} target="_blank" rel="noreferrer">
        {r.artifact.key}
      </a>{' '}
      {r.artifact.title}
      <span class="muted">
        {' '}
        · {startedOn ? `started ${startedOn}` : formatTime(r.startedAt)} · {x.purpose} ·{' '}
        {formatDuration(x.spanMs)} start to end, {formatDuration(x.handsOnMs)} hands-on ·{' '}
        {x.outcome}
      </span>
      {r.joined?.length ? <JoinedItems joined={r.joined} /> : null}
      {x.words && (
        <p class="oo-words">
          My words: <span class="oo-quote">“{x.words}”</span>
        </p>
      )}
      {x.handBack ? (
        <p class="oo-handback">
          <span class="muted">Hand-back note:</span> {x.handBack}
        </p>
      ) : (
        <p class="oo-handback muted">Still with me: not handed back yet.</p>
      )}
    </li>
  );
}

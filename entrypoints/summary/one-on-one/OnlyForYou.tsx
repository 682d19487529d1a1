/**
 * "Only for you": the lead's side of the 1:1 page. The figures over the weeks, the check-ins,
 * where the lead caught themself, each intervention with its durations and outcome, and this
 * week's reflections about this report. None of it goes into "Copy for <name>".
 */
import { AlignmentConfidenceGrid, initialsFor } from '@/components/ui/charts';
import { JoinedItems } from '@/components/ui/JoinedItems';
import { formatTime, plural } from '@/components/ui/format';
import { formatDuration } from '@/utils/model/durations';
import {
  dateOf,
  dayOf,
  type OneOnOne,
  type OneOnOneIntervention,
  type OneOnOneWeek,
} from '@/utils/reports/one-on-one';
import { QUADRANT_GUIDANCE, quadrantOf, type Reflection } from '@/utils/reports/summary';
import { weekLabel } from '@/utils/model/week';

export function OnlyForYou({
  view,
  name,
  firstName,
  reflections,
}: {
  view: OneOnOne;
  name: string;
  firstName: string;
  reflections: Reflection[];
}) {
  return (
    <section aria-labelledby="oo-private-heading" class="oo-side oo-private" data-side="private">
      <h2 id="oo-private-heading">Only for you</h2>
      <p class="muted oo-side-note">
        Your own prep: check-ins, durations and where you caught yourself. Not in “Copy for {name}”.
      </p>
      <Totals view={view} />
      {reflections.length > 0 && (
        <section aria-labelledby="oo-reflect-heading">
          <h3 id="oo-reflect-heading">To reflect on</h3>
          <ul class="reflections">
            {reflections.map((r) => (
              <li data-rule={r.rule}>
                {r.text}
                {r.question && <strong class="question"> {r.question}</strong>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Trail view={view} name={name} />
      {view.openFromBefore.length > 0 && (
        <section aria-labelledby="oo-before-heading">
          <h3 id="oo-before-heading">Still open from before these weeks</h3>
          <ul class="oo-items">
            {view.openFromBefore.map((x) => (
              <InterventionItem x={x} startedOn={dateOf(x.record.startedAt)} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="oo-weeks-heading">
        <h3 id="oo-weeks-heading">Week by week</h3>
        <ol class="oo-weeks">
          {view.weeks.map((w) => (
            <WeekBlock week={w} firstName={firstName} />
          ))}
        </ol>
      </section>
    </section>
  );
}

function Totals({ view }: { view: OneOnOne }) {
  const t = view.totals;
  const latest = view.trail[view.trail.length - 1];
  return (
    <section aria-labelledby="oo-totals-heading">
      <h3 id="oo-totals-heading">Over these {view.weeks.length} weeks</h3>
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
          <dt>Pulled back on time</dt>
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
              {weekLabel(latest.week)}: alignment {latest.alignment}, confidence {latest.confidence}
            </dd>
          )}
        </div>
      </dl>
    </section>
  );
}

function Trail({ view, name }: { view: OneOnOne; name: string }) {
  const latest = view.trail[view.trail.length - 1];
  return (
    <section aria-labelledby="oo-trail-heading">
      <h3 id="oo-trail-heading">Check-ins</h3>
      {!latest ? (
        <p class="muted">
          No alignment × confidence check-in in these weeks. Rate {name} on the weekly summary.
        </p>
      ) : (
        <div class="oo-trail-body">
          <table class="reports oo-trail" aria-labelledby="oo-trail-heading">
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
                  <th scope="row">{weekLabel(t.week)}</th>
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
      <h4 id={id}>{week.label}</h4>
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
      {x.handBack && (
        <p class="oo-handback">
          <span class="muted">Hand-back note:</span> {x.handBack}
        </p>
      )}
    </li>
  );
}

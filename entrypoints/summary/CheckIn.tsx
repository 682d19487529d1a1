/**
 * The alignment x confidence check-in: one compact row per report (two 1-4
 * scales with their ends named), the 2x2 beside the rows, kept in view while
 * the lead works down a long roster, and a legend for the initials it shows.
 * A rating is saved only once both scales are answered for the week.
 */
import { useState } from 'preact/hooks';
import { AlignmentConfidenceGrid, initialsFor, type GridPoint } from '@/components/ui/charts';
import { sendMessage } from '@/utils/protocol/messages';
import { weekLabel } from '@/utils/model/week';
import {
  QUADRANT_GUIDANCE,
  quadrantOf,
  type Quadrant,
  type Rating,
  type ReportRow,
  type WeekSummary,
} from '@/utils/reports/summary';
import { errorText } from '@/utils/model/error-text';

const SCALE = [1, 2, 3, 4] as const;
type Score = (typeof SCALE)[number];
type Axis = 'alignment' | 'confidence';
const AXES: Array<{ axis: Axis; label: string; low: string; high: string }> = [
  { axis: 'alignment', label: 'Alignment', low: 'low', high: 'high' },
  { axis: 'confidence', label: 'Confidence', low: 'low', high: 'high' },
];
const QUADRANT_ORDER: Quadrant[] = ['support', 'give-context', 'build-confidence', 'act-now'];

type Draft = Partial<Record<Axis, Score>>;

export function CheckIn({ summary, onRated }: { summary: WeekSummary; onRated(): void }) {
  const [error, setError] = useState<string | null>(null);
  /** Choices made on this page, per week and report; a half-answered one is never saved. */
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const rows = summary.perReport.filter((row) => !row.former);
  const labels = initialsFor(rows.map((row) => row.report));
  const points: GridPoint[] = rows
    .filter((row) => row.rating)
    .map((row) => ({
      reportId: row.report.id,
      name: row.report.name,
      label: labels.get(row.report.id)!,
      rating: row.rating!,
      quadrant: quadrantOf(row.rating!),
      history: row.ratingHistory,
    }));
  const quadrantsShown = QUADRANT_ORDER.filter((q) => points.some((p) => p.quadrant === q));

  async function choose(row: ReportRow, axis: Axis, score: Score) {
    const key = `${summary.week}:${row.report.id}`;
    const draft: Draft = { ...pick(row.rating), ...drafts[key], [axis]: score };
    // Kept after saving too, so the choice stays shown while the week reloads.
    setDrafts((d) => ({ ...d, [key]: draft }));
    if (draft.alignment === undefined || draft.confidence === undefined) return;
    try {
      await sendMessage('saveRating', {
        week: summary.week,
        reportId: row.report.id,
        alignment: draft.alignment,
        confidence: draft.confidence,
      });
      setError(null);
      onRated();
    } catch (e) {
      setError(`Could not save the rating for ${row.report.name}: ${errorText(e)}`);
    }
  }

  return (
    <section aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">Alignment × confidence check-in</h2>
      <p class="muted">
        For each report: is this person heading where the team needs (alignment), and how much do
        you trust their judgement here (confidence)? Each from 1 (low) to 4 (high); 1–2 is the lower
        half of the 2×2, 3–4 the upper. One rating per report per week; earlier weeks show as a
        trail.
      </p>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      <div class="checkin">
        <div class="checkin-forms">
          {rows.map((row) => (
            <RatingRow
              key={row.report.id}
              row={row}
              label={labels.get(row.report.id)!}
              draft={drafts[`${summary.week}:${row.report.id}`]}
              current={summary.current}
              onChoose={(axis, score) => void choose(row, axis, score)}
            />
          ))}
        </div>
        <div class="checkin-grid">
          <AlignmentConfidenceGrid points={points} />
          {points.length > 0 && (
            <ul class="grid-legend" aria-label="Initials on the 2×2">
              {points.map((p) => (
                <li>
                  <span class="initials" aria-hidden="true">
                    {p.label}
                  </span>{' '}
                  {p.name}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {quadrantsShown.length > 0 && (
        <dl class="quadrant-advice">
          {quadrantsShown.map((q) => (
            <div>
              <dt>{QUADRANT_GUIDANCE[q].title}</dt>
              <dd>{QUADRANT_GUIDANCE[q].advice}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function pick(rating: Rating | null): Draft {
  return rating ? { alignment: rating.alignment, confidence: rating.confidence } : {};
}

function RatingRow({
  row,
  label,
  draft,
  current,
  onChoose,
}: {
  current: boolean;
  row: ReportRow;
  label: string;
  draft: Draft | undefined;
  onChoose(axis: Axis, score: Score): void;
}) {
  const name = row.report.name;
  const shown: Draft = { ...pick(row.rating), ...draft };
  const missing = draft
    ? AXES.filter(({ axis }) => draft[axis] === undefined).map(({ label: l }) => l.toLowerCase())
    : [];
  const last = row.rating ? null : row.ratingHistory[row.ratingHistory.length - 1];
  return (
    <fieldset class="rating" data-report={row.report.id}>
      <legend>{name}</legend>
      <span class="initials" aria-hidden="true">
        {label}
      </span>
      {missing.length > 0 ? (
        <p class="guidance pending" role="status">
          Not saved yet: choose {missing.join(' and ')} too.
        </p>
      ) : row.rating ? (
        <p class="guidance">
          <strong>{QUADRANT_GUIDANCE[quadrantOf(row.rating)].title}</strong>
        </p>
      ) : (
        <p class="guidance muted">
          Not rated {current ? 'this week' : 'that week'}
          {last
            ? ` (week of ${weekLabel(last.week)}: ${QUADRANT_GUIDANCE[quadrantOf(last)].title.toLowerCase()})`
            : ''}
        </p>
      )}
      <span class="row-break" />
      {AXES.map(({ axis, label: axisLabel, low, high }) => (
        <div role="radiogroup" aria-label={`${axisLabel} for ${name}`} class="scale">
          <span class="axis">{axisLabel}</span>
          <span class="end">{low}</span>
          {SCALE.map((n) => (
            <label>
              <input
                type="radio"
                name={`${axis}-${row.report.id}`}
                value={String(n)}
                checked={shown[axis] === n}
                onChange={() => onChoose(axis, n)}
              />
              <span>{n}</span>
            </label>
          ))}
          <span class="end">{high}</span>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * Small SVG charts for the summary. Each is an image with a text
 * alternative that says what it shows, and none relies on colour alone.
 */
import type { Rating } from '../utils/model';
import type { Quadrant } from '../utils/summary';

export function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const width = max > 0 ? Math.max(value > 0 ? 2 : 0, Math.round((value / max) * 100)) : 0;
  return (
    <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={label} width="100" height="8">
      <title>{label}</title>
      <rect x="0" y="0" width="100" height="8" class="bar-track" />
      <rect x="0" y="0" width={width} height="8" class="bar-fill" />
    </svg>
  );
}

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? 96 / (values.length - 1) : 0;
  const points = values.map((v, i) => `${2 + i * step},${22 - (v / max) * 20}`).join(' ');
  return (
    <svg class="sparkline" viewBox="0 0 100 24" role="img" aria-label={label} width="100" height="24">
      <title>{label}</title>
      <polyline points={points} fill="none" class="spark-line" />
      {values.map((v, i) => (
        <circle cx={2 + i * step} cy={22 - (v / max) * 20} r={i === values.length - 1 ? 2.5 : 1.2} class="spark-dot" />
      ))}
    </svg>
  );
}

const QUADRANT_LABELS: Record<Quadrant, string> = {
  support: 'High alignment, high confidence',
  'give-context': 'Low alignment, high confidence',
  'build-confidence': 'High alignment, low confidence',
  'act-now': 'Low alignment, low confidence',
};

export interface GridPoint {
  reportId: string;
  name: string;
  rating: Pick<Rating, 'alignment' | 'confidence'>;
  quadrant: Quadrant;
  /** Earlier weeks' ratings, oldest first: drawn as a trail to show movement. */
  history: Array<Pick<Rating, 'alignment' | 'confidence' | 'week'>>;
}

/** Alignment across, confidence up; scores 1-4, the line between 2 and 3. */
export function AlignmentConfidenceGrid({ points }: { points: GridPoint[] }) {
  const x = (alignment: number) => 40 + (alignment - 0.5) * 70;
  const y = (confidence: number) => 300 - (confidence - 0.5) * 70;
  const description = points.length
    ? points.map((p) => `${p.name}: alignment ${p.rating.alignment} of 4, confidence ${p.rating.confidence} of 4 (${QUADRANT_LABELS[p.quadrant]})`).join('; ')
    : 'No ratings this week yet.';
  // Several reports on one cell are fanned out so every name stays readable.
  const seen = new Map<string, number>();
  return (
    <svg class="grid2x2" viewBox="0 0 340 340" role="img" aria-labelledby="grid-title grid-desc" width="340" height="340">
      <title id="grid-title">Alignment and confidence per report</title>
      <desc id="grid-desc">{description}</desc>
      <rect x="40" y="20" width="280" height="280" class="grid-frame" />
      <line x1="180" y1="20" x2="180" y2="300" class="grid-mid" />
      <line x1="40" y1="160" x2="320" y2="160" class="grid-mid" />
      <text x="110" y="36" class="grid-q">Give context</text>
      <text x="250" y="36" class="grid-q">Full support</text>
      <text x="110" y="292" class="grid-q">Act now</text>
      <text x="250" y="292" class="grid-q">Build confidence</text>
      <text x="180" y="326" class="grid-axis">alignment →</text>
      <text x="14" y="160" class="grid-axis" transform="rotate(-90 14 160)">confidence →</text>
      {points.map((p) => {
        const cell = `${p.rating.alignment}:${p.rating.confidence}`;
        const n = seen.get(cell) ?? 0;
        seen.set(cell, n + 1);
        const cx = x(p.rating.alignment);
        const cy = y(p.rating.confidence) + n * 14;
        const trail = [...p.history, p.rating].map((r) => `${x(r.alignment)},${y(r.confidence)}`).join(' ');
        return (
          <g class="grid-point" data-report={p.reportId}>
            {p.history.length > 0 && <polyline points={trail} class="grid-trail" fill="none" />}
            <circle cx={cx} cy={cy} r="5" />
            <text x={cx + 8} y={cy + 4} class="grid-name">
              {p.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

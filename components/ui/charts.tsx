/**
 * Small SVG charts for the summary. Each is an image with a text
 * alternative that says what it shows, and none relies on colour alone.
 */
import type { Rating } from '@/utils/model/records';
import type { Quadrant } from '@/utils/reports/summary';

export function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const width = max > 0 ? Math.max(value > 0 ? 2 : 0, Math.round((value / max) * 100)) : 0;
  return (
    <svg
      class="bar"
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      width="100"
      height="8"
    >
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
    <svg
      class="sparkline"
      viewBox="0 0 100 24"
      role="img"
      aria-label={label}
      width="100"
      height="24"
    >
      <title>{label}</title>
      <polyline points={points} fill="none" class="spark-line" />
      {values.map((v, i) => (
        <circle
          cx={2 + i * step}
          cy={22 - (v / max) * 20}
          r={i === values.length - 1 ? 2.5 : 1.2}
          class="spark-dot"
        />
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
  /** What the point shows: the report's initials, unique among the points (see initialsFor). */
  label: string;
  rating: Pick<Rating, 'alignment' | 'confidence'>;
  quadrant: Quadrant;
  /** Earlier weeks' ratings, oldest first: drawn as a trail to show movement. */
  history: Array<Pick<Rating, 'alignment' | 'confidence' | 'week'>>;
}

/**
 * Short labels for the 2x2, unique among the names given: initials ("AC"),
 * then a longer piece of the last name where two people share them ("ACh",
 * "ACo"), then a number. Full names are in the legend beside the grid: a
 * name never has to fit inside the grid, so none is clipped at 15 reports.
 */
export function initialsFor(people: Array<{ id: string; name: string }>): Map<string, string> {
  const words = (name: string) => name.trim().split(/\s+/).filter(Boolean);
  const base = (name: string, extra: number) => {
    const w = words(name);
    if (w.length === 0) return '?';
    const first = [...w[0]!][0]!.toUpperCase();
    if (w.length === 1)
      return [...w[0]!]
        .slice(0, 2 + extra)
        .join('')
        .replace(/^./, first);
    const last = [...w[w.length - 1]!];
    return first + last[0]!.toUpperCase() + last.slice(1, 1 + extra).join('');
  };
  const out = new Map<string, string>();
  const pending = [...people];
  for (let extra = 0; extra <= 3 && pending.length; extra++) {
    const counts = new Map<string, number>();
    for (const p of pending)
      counts.set(base(p.name, extra), (counts.get(base(p.name, extra)) ?? 0) + 1);
    for (let i = pending.length - 1; i >= 0; i--) {
      const label = base(pending[i]!.name, extra);
      if (counts.get(label) === 1 && ![...out.values()].includes(label)) {
        out.set(pending[i]!.id, label);
        pending.splice(i, 1);
      }
    }
  }
  const used = new Set(out.values());
  for (const p of pending) {
    let n = 2;
    const stem = base(p.name, 0);
    let label = stem;
    while (used.has(label)) label = `${stem}${n++}`;
    used.add(label);
    out.set(p.id, label);
  }
  return out;
}

/** Geometry of the 2x2 in SVG units: a 4x4 grid of score cells, the midlines between 2 and 3. */
export const GRID = { left: 20, top: 0, cell: 80, size: 320 } as const;
const cellLeft = (alignment: number) => GRID.left + (alignment - 1) * GRID.cell;
const cellTop = (confidence: number) => GRID.top + (4 - confidence) * GRID.cell;
const mid = (score: number, edge: (s: number) => number) => edge(score) + GRID.cell / 2;

/**
 * Where each point sits: reports that share a score share its cell, laid out
 * in a small grid inside it (1, 2x2, 3x3, ...), so every point stays in its
 * quadrant however many share a rating.
 */
function layout(points: GridPoint[]): Map<string, { cx: number; cy: number; r: number }> {
  const byCell = new Map<string, GridPoint[]>();
  for (const p of points) {
    const cell = `${p.rating.alignment}:${p.rating.confidence}`;
    const list = byCell.get(cell);
    if (list) list.push(p);
    else byCell.set(cell, [p]);
  }
  const out = new Map<string, { cx: number; cy: number; r: number }>();
  for (const list of byCell.values()) {
    const cols = Math.ceil(Math.sqrt(list.length));
    const rows = Math.ceil(list.length / cols);
    const step = GRID.cell / cols;
    const r = Math.min(14, step / 2 - 1.5);
    const { alignment, confidence } = list[0]!.rating;
    const x0 = cellLeft(alignment);
    const y0 = cellTop(confidence) + (GRID.cell - rows * step) / 2;
    list.forEach((p, i) =>
      out.set(p.reportId, {
        cx: x0 + step * ((i % cols) + 0.5),
        cy: y0 + step * (Math.floor(i / cols) + 0.5),
        r,
      }),
    );
  }
  return out;
}

/** A font size at which the label fits inside its circle (capitals run about 0.7 em wide). */
function labelSize(label: string, r: number): number {
  return Math.round(Math.min(11, r * 1.1, (1.8 * r) / (0.7 * [...label].length)) * 10) / 10;
}

/**
 * Alignment across, confidence up; scores 1-4, the line between 2 and 3.
 * Quadrant names, score ticks and axis names sit outside the frame, so no
 * point can cover them.
 */
export function AlignmentConfidenceGrid({ points }: { points: GridPoint[] }) {
  const description = points.length
    ? points
        .map(
          (p) =>
            `${p.name}: alignment ${p.rating.alignment} of 4, confidence ${p.rating.confidence} of 4 (${QUADRANT_LABELS[p.quadrant]})`,
        )
        .join('; ')
    : 'No ratings yet.';
  const placed = layout(points);
  const { left, top, cell, size } = GRID;
  const right = left + size;
  const bottom = top + size;
  const midX = left + size / 2;
  const midY = top + size / 2;
  return (
    <svg
      class="grid2x2"
      viewBox="-46 -26 400 404"
      role="img"
      aria-labelledby="grid-title grid-desc"
      width="400"
      height="404"
    >
      <title id="grid-title">Alignment and confidence per report</title>
      <desc id="grid-desc">{description}</desc>
      <rect x={left} y={top} width={size} height={size} class="grid-frame" />
      <line x1={midX} y1={top} x2={midX} y2={bottom} class="grid-mid" />
      <line x1={left} y1={midY} x2={right} y2={midY} class="grid-mid" />
      <text x={left + cell} y={top - 10} class="grid-q">
        Give context
      </text>
      <text x={left + 3 * cell} y={top - 10} class="grid-q">
        Full support
      </text>
      {[1, 2, 3, 4].map((s) => (
        <text x={mid(s, cellLeft)} y={bottom + 14} class="grid-tick">
          {s === 1 ? '1 low' : s === 4 ? '4 high' : s}
        </text>
      ))}
      {[1, 2, 3, 4].map((s) => (
        <text x={left - 6} y={mid(s, cellTop) + 4} class="grid-tick grid-tick-y">
          {s === 1 ? 'low 1' : s === 4 ? 'high 4' : s}
        </text>
      ))}
      <text x={left + cell} y={bottom + 30} class="grid-q">
        Act now
      </text>
      <text x={left + 3 * cell} y={bottom + 30} class="grid-q">
        Build confidence
      </text>
      <text x={midX} y={bottom + 48} class="grid-axis">
        Alignment →
      </text>
      <text x={-36} y={midY} class="grid-axis" transform={`rotate(-90 -36 ${midY})`}>
        Confidence →
      </text>
      {/* Trails first, so no trail crosses over another report's point. */}
      <g class="grid-trails">
        {points
          .filter((p) => p.history.length > 0)
          .map((p) => {
            const at = placed.get(p.reportId)!;
            const trail = [
              ...p.history.map(
                (r) => `${mid(r.alignment, cellLeft)},${mid(r.confidence, cellTop)}`,
              ),
              `${at.cx},${at.cy}`,
            ].join(' ');
            return (
              <polyline points={trail} class="grid-trail" fill="none" data-trail={p.reportId} />
            );
          })}
      </g>
      {points.map((p) => {
        const at = placed.get(p.reportId)!;
        return (
          <g class="grid-point" data-report={p.reportId}>
            <circle cx={at.cx} cy={at.cy} r={at.r}>
              <title>{`${p.name}: alignment ${p.rating.alignment}, confidence ${p.rating.confidence}`}</title>
            </circle>
            <text x={at.cx} y={at.cy} class="grid-label" font-size={labelSize(p.label, at.r)}>
              {p.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

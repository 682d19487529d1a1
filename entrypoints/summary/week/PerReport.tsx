/**
 * One row per report: this week's interventions, hands-on time (a bar against the busiest
 * report), purposes, tools, the longest, the eight weeks' hands-on time as a line with its scale,
 * and the link to the report's 1:1 page. Below 60em each row becomes a card (summary.css), so 15
 * reports with 40-character names never push the page sideways.
 */
import { Bar, Sparkline } from '@/components/ui/charts';
import { plural } from '@/components/ui/format';
import { formatDuration, spanMs } from '@/utils/model/durations';
import { PURPOSE_LABELS, type Purpose } from '@/utils/model/records';
import { toolLabel } from '@/utils/model/tools';
import type { WeekSummary } from '@/utils/reports/summary';
import { summaryHash } from '@/utils/reports/summary-route';
import { weekLabel } from '@/utils/model/week';

export function PerReport({ summary }: { summary: WeekSummary }) {
  const maxHandsOn = Math.max(0, ...summary.perReport.map((r) => r.handsOnMs));
  const busiest = summary.perReport.find((r) => r.handsOnMs === maxHandsOn && maxHandsOn > 0);
  const firstWeek = summary.weeks[0]!;
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">Per report</h2>
      <p class="muted chart-legend" id="reports-legend">
        {busiest
          ? `Bars: hands-on time against the report with the most (${busiest.report.name}, ${formatDuration(maxHandsOn)}). `
          : ''}
        Lines: hands-on time per week from {weekLabel(firstWeek)} (left) to this one (right), drawn
        against the highest week, whose figure is beside each line.
      </p>
      <table class="reports per-report" aria-describedby="reports-legend">
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Interventions</th>
            <th scope="col">Hands-on</th>
            <th scope="col">Purposes</th>
            <th scope="col">Tools</th>
            <th scope="col">Longest</th>
            <th scope="col">{summary.weeks.length} weeks</th>
            <th scope="col" class="no-print">
              <span class="visually-hidden">1:1 page</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.perReport.map((row) => {
            const peak = Math.max(0, ...row.sparkline);
            return (
              <tr data-report={row.report.id}>
                <th scope="row" dir="auto">
                  {row.report.name}
                </th>
                <td data-label="Interventions">
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
                <td data-label="Hands-on">
                  {formatDuration(row.handsOnMs)}
                  <Bar
                    value={row.handsOnMs}
                    max={maxHandsOn}
                    label={`${formatDuration(row.handsOnMs)} hands-on on ${row.report.name}’s work${busiest ? `, against ${formatDuration(maxHandsOn)} for the most` : ''}`}
                  />
                </td>
                <td data-label="Purposes">
                  {Object.entries(row.purposes)
                    .map(([p, n]) => `${PURPOSE_LABELS[p as Purpose]} ×${n}`)
                    .join(', ') || '—'}
                </td>
                <td data-label="Tools">{row.tools.map(toolLabel).join(', ') || '—'}</td>
                <td data-label="Longest" class="longest">
                  {row.longest
                    ? `${row.longest.artifact.key}, ${formatDuration(spanMs(row.longest, new Date()))}`
                    : '—'}
                </td>
                <td data-label={`${summary.weeks.length} weeks`} class="spark-cell">
                  {summary.earlierRead ? (
                    <>
                      <Sparkline
                        values={row.sparkline}
                        label={`Hands-on time on ${row.report.name}’s work per week, ${summary.weeks.length} weeks from ${weekLabel(firstWeek)}: ${row.sparkline.map((v) => formatDuration(v)).join(', ')}`}
                      />
                      <span class="spark-scale" aria-hidden="true">
                        {peak > 0 ? `top ${formatDuration(peak)}` : 'none'}
                      </span>
                    </>
                  ) : (
                    // The same room as the line, so the row does not move when the weeks arrive.
                    <span class="spark-pending muted">reading…</span>
                  )}
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
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

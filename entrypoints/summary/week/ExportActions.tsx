/** Take the week elsewhere: its CSV, the full backup, or print. */
import { downloadBackup, downloadText } from '@/components/ui/download';
import { interventionsCsv } from '@/utils/reports/csv';
import type { Intervention } from '@/utils/model/records';
import type { WeekSummary } from '@/utils/reports/summary';

export function ExportActions({
  summary,
  records,
  reportName,
}: {
  summary: WeekSummary;
  records: Intervention[];
  reportName(id: string): string;
}) {
  return (
    <section aria-labelledby="export-heading" class="no-print">
      <h2 id="export-heading">Take it to a 1:1 or a coach</h2>
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            downloadText(
              `pullback-${summary.week}.csv`,
              'text/csv',
              `\uFEFF${interventionsCsv(records, reportName, new Date())}`,
            )
          }
        >
          Download the week as CSV
        </button>
        <button type="button" onClick={() => void downloadBackup()}>
          Download the full backup (JSON)
        </button>
        <button type="button" onClick={() => print()}>
          Print
        </button>
      </div>
    </section>
  );
}

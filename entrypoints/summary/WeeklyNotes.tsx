/**
 * A weekly note to each report with touchpoints this week: a button per
 * report reveals the note, editable, in plain text or Markdown, to copy.
 * Nothing is sent anywhere.
 */
import { useMemo, useState } from 'preact/hooks';
import { unfinishedNote } from '@/utils/reports/handback';
import type { SummaryData } from '@/utils/protocol/messages';
import type { ReportRow, WeekSummary } from '@/utils/reports/summary';
import { weeklyNote, type NoteFormat } from '@/utils/reports/weekly-note';

export function WeeklyNotes({
  summary,
  data,
  leadName,
}: {
  summary: WeekSummary;
  data: SummaryData;
  leadName: string;
}) {
  const rows = summary.perReport.filter(
    (row) => !row.former && (row.interventions > 0 || row.prompts > 0),
  );
  const byReport = useMemo(() => thisWeekByReport(summary, data), [summary, data]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="notes-heading" class="no-print">
      <h2 id="notes-heading">Notes to your reports</h2>
      <p class="muted">
        Written from this week’s records in your voice. Edit before copying; Pullback sends nothing.
      </p>
      <ul class="weekly-notes">
        {rows.map((row) => (
          <NoteFor
            key={`${summary.week}:${row.report.id}`}
            row={row}
            leadName={leadName}
            interventions={byReport.get(row.report.id)?.interventions ?? []}
            prompts={byReport.get(row.report.id)?.prompts ?? []}
          />
        ))}
      </ul>
    </section>
  );
}

type ReportWeek = { interventions: SummaryData['interventions']; prompts: SummaryData['prompts'] };

/** This week's records per report, in one pass over the eight weeks the page holds (not one pass per report). */
function thisWeekByReport(summary: WeekSummary, data: SummaryData): Map<string, ReportWeek> {
  const from = summary.start.toISOString();
  const to = summary.end.toISOString();
  const out = new Map<string, ReportWeek>();
  const of = (id: string) =>
    out.get(id) ?? out.set(id, { interventions: [], prompts: [] }).get(id)!;
  for (const r of data.interventions)
    if (r.startedAt >= from && r.startedAt < to) of(r.reportId).interventions.push(r);
  for (const p of data.prompts) if (p.at >= from && p.at < to) of(p.reportId).prompts.push(p);
  for (const week of out.values())
    week.interventions.sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
  return out;
}

function NoteFor({
  row,
  leadName,
  interventions,
  prompts,
}: {
  row: ReportRow;
  leadName: string;
  interventions: SummaryData['interventions'];
  prompts: SummaryData['prompts'];
}) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<NoteFormat>('text');
  const [edited, setEdited] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const name = row.report.name;
  const id = `note-${row.report.id}`;
  const text =
    edited ??
    weeklyNote({ reportName: name, leadName, interventions, prompts, now: new Date() }, format);

  async function copy() {
    const unfinished = unfinishedNote(text);
    if (unfinished) return setStatus(`Not copied. ${unfinished}`);
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied. Paste it where you and your report talk.');
    } catch {
      setStatus('Could not copy: select the note and copy it by hand.');
    }
  }

  return (
    <li>
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Note to {name}
      </button>
      {open && (
        <div id={id} class="weekly-note">
          <div role="radiogroup" aria-label={`Format of the note to ${name}`} class="note-format">
            {(['text', 'markdown'] as const).map((f) => (
              <label>
                <input
                  type="radio"
                  name={`${id}-format`}
                  checked={format === f}
                  onChange={() => (setFormat(f), setEdited(null))}
                />{' '}
                {f === 'text' ? 'Plain text' : 'Markdown'}
              </label>
            ))}
          </div>
          <label>
            <span class="visually-hidden">Weekly note to {name}</span>
            <textarea rows={12} value={text} onInput={(e) => setEdited(e.currentTarget.value)} />
          </label>
          <div class="actions">
            <button type="button" onClick={copy}>
              Copy the note
            </button>
          </div>
          <p role="status">{status}</p>
        </div>
      )}
    </li>
  );
}

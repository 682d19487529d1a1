/**
 * Notes to reports: one per report with something to say to them this week (an intervention, a
 * take-over, a hand-back), none for anyone else. Each opens editable, in plain text or Markdown,
 * to copy; the lead's closing line is theirs, set once and remembered. Nothing is sent anywhere.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { unfinishedNote } from '@/utils/reports/handback';
import type { SummaryData } from '@/utils/protocol/messages';
import { closingLineItem } from '@/utils/settings/note-items';
import type { ReportRow, WeekSummary } from '@/utils/reports/summary';
import { weekLabel } from '@/utils/model/week';
import { noteworthy, weeklyNote, type NoteFormat } from '@/utils/reports/weekly-note';

type Intervention = SummaryData['interventions'][number];

export function WeeklyNotes({ summary, data }: { summary: WeekSummary; data: SummaryData }) {
  const byReport = useMemo(() => noteworthyByReport(summary, data), [summary, data]);
  const [closingLine, setClosingLine] = useState('');
  useEffect(() => void closingLineItem.getValue().then(setClosingLine), []);
  const rows = summary.perReport.filter((row) => !row.former && byReport.has(row.report.id));
  if (rows.length === 0) return null;
  const when = summary.current ? 'this week' : `in the week of ${weekLabel(summary.week)}`;
  return (
    <section aria-labelledby="notes-heading" class="no-print">
      <h2 id="notes-heading">Notes to your reports</h2>
      <p class="muted">
        For each report whose work you stepped into or handed back: what you did, why, and what is
        theirs again. Edit before copying; Pullback sends nothing.
      </p>
      <label class="closing-line">
        <span>Your closing line under every note (optional, remembered)</span>
        <input
          type="text"
          value={closingLine}
          maxLength={200}
          placeholder="e.g. Thanks, Dana"
          onChange={(e) => {
            const line = e.currentTarget.value;
            setClosingLine(line);
            void closingLineItem.setValue(line.trim());
          }}
        />
      </label>
      <ul class="weekly-notes">
        {rows.map((row) => (
          <NoteFor
            key={`${summary.week}:${row.report.id}`}
            row={row}
            when={when}
            closingLine={closingLine}
            interventions={byReport.get(row.report.id)!}
          />
        ))}
      </ul>
    </section>
  );
}

/** The week's noteworthy records per report, oldest first, in one pass over the eight weeks the page holds. */
function noteworthyByReport(summary: WeekSummary, data: SummaryData): Map<string, Intervention[]> {
  const from = summary.start.toISOString();
  const to = summary.end.toISOString();
  const out = new Map<string, Intervention[]>();
  for (const r of data.interventions) {
    if (!noteworthy(r, from, to)) continue;
    const list = out.get(r.reportId);
    if (list) list.push(r);
    else out.set(r.reportId, [r]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
  return out;
}

function NoteFor({
  row,
  when,
  closingLine,
  interventions,
}: {
  row: ReportRow;
  when: string;
  closingLine: string;
  interventions: Intervention[];
}) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<NoteFormat>('text');
  const [edited, setEdited] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const name = row.report.name;
  const id = `note-${row.report.id}`;
  const text = edited ?? weeklyNote({ reportName: name, interventions, closingLine, when }, format);

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
            <textarea rows={6} value={text} onInput={(e) => setEdited(e.currentTarget.value)} />
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

/**
 * My reports: names and aliases save as they are typed. Each report has one
 * Remove, whose dialog asks what happens to their history: keep it (they stay
 * named in the log and summary, as a former report) or forget it, which
 * deletes everything Pullback kept about them after saying how much that is.
 * A former report can be forgotten later.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeCounts } from '@/utils/background/forget';
import { sendMessage } from '@/utils/protocol/messages';
import type { Report, Settings } from '@/utils/model/records';
import { saver } from '@/entrypoints/options/autosave';
import { ForgetDialog } from '@/components/ui/ForgetDialog';
import {
  parseAliases,
  samePerson,
  toDraft,
  type DraftReport,
} from '@/entrypoints/options/sections/roster-text';
import { OutcomeLine } from '@/components/ui/OutcomeLine';
import { slugId } from '@/utils/people/people';
import { errorText } from '@/utils/model/error-text';

type Pending = { kind: 'remove' | 'forget'; id: string; name: string } | null;
type Status = { kind: 'ok' | 'error'; text: string } | null;

export function ReportsSection({ settings }: { settings: Settings }) {
  const [rows, setRows] = useState<DraftReport[]>(() => settings.reports.map(toDraft));
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const [pending, setPending] = useState<Pending>(null);
  const [status, setStatus] = useState<Status>(null);
  const former = settings.formerReports ?? [];

  // Changes made elsewhere (an import, "Add as a report" in the popup, another tab) show here, unless I am typing.
  useEffect(() => {
    if (saver.isPending('reports')) return;
    const stored = settings.reports;
    const named = rowsRef.current.filter((r) => r.id);
    const same =
      stored.length === named.length &&
      stored.every(
        (r, i) =>
          r.id === named[i]!.id &&
          samePerson(r, { name: named[i]!.name, aliases: parseAliases(named[i]!.aliases) }),
      );
    if (same) return;
    const drafts = rowsRef.current.filter((r) => !r.id); // rows still without a name stay
    setRows([...stored.map(toDraft), ...drafts]);
  }, [settings.reports]);

  /** The roster this page shows, applied to the newest stored settings (a report added elsewhere stays). */
  function rosterChange(s: Settings): Settings {
    const taken = new Set([...s.reports, ...(s.formerReports ?? [])].map((r) => r.id));
    const mine = new Map<string, Report>();
    const added: Report[] = [];
    const next = rowsRef.current.map((row) => {
      if (!row.name.trim()) return row;
      const id = row.id || slugId(row.name, taken);
      taken.add(id);
      const report = { id, name: row.name.trim(), aliases: parseAliases(row.aliases) };
      if (row.id) mine.set(id, report);
      else added.push(report);
      return { ...row, id };
    });
    // The rows learn the ids they were saved under, so the next save updates rather than adds.
    if (next.some((r, i) => r.id !== rowsRef.current[i]!.id)) {
      rowsRef.current = next;
      setRows(next);
    }
    return { ...s, reports: [...s.reports.map((r) => mine.get(r.id) ?? r), ...added] };
  }

  function update(key: string, patch: Partial<DraftReport>) {
    const next = rowsRef.current.map((r) => (r.key === key ? { ...r, ...patch } : r));
    rowsRef.current = next;
    setRows(next);
    const unnamed = next.find((r) => r.id && !r.name.trim());
    const orphanAliases = next.find((r) => !r.id && !r.name.trim() && r.aliases.trim());
    if (unnamed)
      saver.hold('reports', 'A report needs a name: type it back, or remove the report.');
    else if (orphanAliases) saver.hold('reports', 'A new report needs a name before it is saved.');
    else saver.schedule('reports', rosterChange);
  }

  function addRow() {
    setRows([
      ...rowsRef.current,
      { key: `draft-${crypto.randomUUID()}`, id: '', name: '', aliases: '' },
    ]);
  }

  function removeRow(row: DraftReport) {
    const stored = row.id && settings.reports.some((r) => r.id === row.id);
    if (!stored) {
      // Never saved: nothing to keep or forget.
      const next = rowsRef.current.filter((r) => r.key !== row.key);
      rowsRef.current = next;
      setRows(next);
      if (!next.some((r) => !r.id && r.aliases.trim())) saver.schedule('reports', rosterChange, 0);
      return;
    }
    setPending({ kind: 'remove', id: row.id, name: row.name.trim() || row.id });
  }

  /** Gone from the roster (kept as former, or forgotten): its row goes at once. */
  function dropRow(id: string) {
    const next = rowsRef.current.filter((r) => r.id !== id);
    rowsRef.current = next;
    setRows(next);
  }

  async function retire(id: string, name: string) {
    try {
      await saver.saveNow(rosterChange); // what was typed first, then the removal
      await sendMessage('retireReport', { reportId: id });
      dropRow(id);
      setStatus({
        kind: 'ok',
        text: `Removed ${name} from your roster. Their history stays, under their name.`,
      });
    } catch (e) {
      setStatus({
        kind: 'error',
        text: `${name} was not removed: ${errorText(e)}`,
      });
    }
    setPending(null);
  }

  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">My reports</h2>
      {rows.length === 0 && (
        <p class="muted">
          No reports yet. Add the people whose work you lead, with the names the tools show for
          them.
        </p>
      )}
      {rows.map((r, i) => {
        const label = r.name.trim() || `report ${i + 1}`;
        return (
          <div class="report" key={r.key} role="group" aria-label={`Report ${i + 1}`}>
            <label>
              <span>Name</span>
              <input
                type="text"
                value={r.name}
                onInput={(e) => update(r.key, { name: e.currentTarget.value })}
              />
            </label>
            <label>
              <span>Aliases (optional): e-mail, account id, handle, one per line</span>
              <textarea
                rows={2}
                value={r.aliases}
                placeholder={'alice@acme.com\n@alice'}
                onInput={(e) => update(r.key, { aliases: e.currentTarget.value })}
              />
            </label>
            <div class="report-actions">
              {/* One way off the roster: its dialog asks whether to keep their history or forget them. */}
              <button type="button" onClick={() => removeRow(r)}>
                Remove<span class="visually-hidden"> {label}</span>
              </button>
            </div>
          </div>
        );
      })}
      <button type="button" onClick={addRow}>
        Add a report
      </button>
      <p class="muted">
        Aliases are optional: add them when a tool shows someone by e-mail, account id or handle
        instead of their name. “Add as a report” in the popup, on a page of theirs, fills them in
        for you.
      </p>
      {former.length > 0 && (
        <>
          <h3>Former reports</h3>
          <p class="muted">
            Taken off the roster with their history kept: their past interventions still show their
            name.
          </p>
          <ul class="former">
            {former.map((r) => (
              <li key={r.id}>
                {r.name}{' '}
                <button
                  type="button"
                  onClick={() => setPending({ kind: 'forget', id: r.id, name: r.name })}
                >
                  Forget<span class="visually-hidden"> {r.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <OutcomeLine status={status} />
      {pending && (
        <ForgetDialog
          scope={{ kind: 'report', reportId: pending.id }}
          title={
            pending.kind === 'remove'
              ? `Remove ${pending.name} from your roster?`
              : `Forget ${pending.name}?`
          }
          intro={
            pending.kind === 'remove' ? (
              <p>
                Their edits will no longer prompt. Keep their history to still see it under their
                name, or forget them and delete everything Pullback kept about them.
              </p>
            ) : (
              <p>
                Forgetting {pending.name} deletes them from your roster and everything Pullback kept
                about them.
              </p>
            )
          }
          confirm={`Forget ${pending.name}`}
          extraActions={
            pending.kind === 'remove'
              ? [{ label: 'Keep their history', onClick: () => retire(pending.id, pending.name) }]
              : []
          }
          onCancel={() => setPending(null)}
          onDone={({ deleted, error }) => {
            if (deleted) dropRow(pending.id);
            setStatus(
              deleted
                ? {
                    kind: 'ok',
                    text: `Forgot ${pending.name}: ${describeCounts(deleted)} deleted.`,
                  }
                : { kind: 'error', text: `${pending.name} was not forgotten: ${error}` },
            );
            setPending(null);
          }}
        />
      )}
    </section>
  );
}

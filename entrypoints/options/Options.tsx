/**
 * Options: who I am, who my reports are, the prompt cooldown, and the
 * backup (export everything; import with validation first).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { backupFileName, downloadText } from '@/components/download';
import { plural } from '@/components/format';
import { sendMessage } from '@/utils/messages';
import { DEFAULT_SETTINGS, type Claim, type CustomSite, type Report, type Settings, type ToolId, type WeeklyDigest } from '@/utils/model';
import { CustomSites } from './CustomSites';
import { SITE_TOOLS, toolLabel } from '@/utils/sites/tools';
import { diagnosticsItem, type Diagnostic } from '@/utils/settings';

/** Day names in the lead's language, Sunday first (as Date#getDay counts). */
const WEEKDAYS = Array.from({ length: 7 }, (_, day) => new Date(2026, 10, 22 + day).toLocaleDateString(undefined, { weekday: 'long' }));
import { settingsItem } from '@/utils/settings';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** Aliases are typed one per line or separated by commas. */
const parseAliases = (text: string) => text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);

function slug(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'report';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

type DraftReport = { id: string; name: string; aliases: string };

export function Options() {
  const [loaded, setLoaded] = useState(false);
  const [meName, setMeName] = useState('');
  const [meAliases, setMeAliases] = useState('');
  const [reports, setReports] = useState<DraftReport[]>([]);
  const [cooldown, setCooldown] = useState('30');
  const [idleMinutes, setIdleMinutes] = useState('2');
  const [lapseHours, setLapseHours] = useState('8');
  const [digest, setDigest] = useState<WeeklyDigest>(DEFAULT_SETTINGS.weeklyDigest);
  const [claims, setClaims] = useState<Claim[]>([]);
  const [disabledTools, setDisabledTools] = useState<ToolId[]>([]);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [customSites, setCustomSites] = useState<CustomSite[]>([]);
  const [saveStatus, setSaveStatus] = useState<Status>(null);
  const [backupStatus, setBackupStatus] = useState<Status>(null);

  /** The lead has typed in the form since it was loaded or saved. */
  const unsaved = useRef(false);

  function load(settings: Settings) {
    unsaved.current = false;
    setMeName(settings.me.name);
    setMeAliases(settings.me.aliases.join('\n'));
    setReports(settings.reports.map((r) => ({ id: r.id, name: r.name, aliases: r.aliases.join('\n') })));
    setCooldown(String(settings.cooldownMinutes));
    setIdleMinutes(String(settings.idleMinutes));
    setLapseHours(String(settings.lapseHours));
    setDigest(settings.weeklyDigest);
    setClaims(settings.claims);
    setDisabledTools(settings.disabledTools);
    setCustomSites(settings.customSites);
    setLoaded(true);
  }

  useEffect(() => {
    void settingsItem.getValue().then(load);
    void diagnosticsItem.getValue().then(setDiagnostics);
    const unwatchDiagnostics = diagnosticsItem.watch((d) => setDiagnostics(d ?? []));
    // An import, a claim from the popup, or another options tab changes settings: show them.
    // With unsaved edits in the form, only what changes elsewhere (claims, added sites) is taken in.
    const unwatch = settingsItem.watch((s) => {
      if (!s) return;
      if (!unsaved.current) return load(s);
      setClaims(s.claims);
      setCustomSites(s.customSites);
    });
    return () => (unwatch(), unwatchDiagnostics());
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    const cooldownMinutes = Number(cooldown);
    if (!Number.isInteger(cooldownMinutes) || cooldownMinutes < 0) {
      setSaveStatus({ kind: 'error', text: 'The cooldown must be a whole number of minutes (0 or more). Nothing was saved.' });
      return;
    }
    const idle = Number(idleMinutes);
    if (!Number.isInteger(idle) || idle < 1 || idle > 60) {
      setSaveStatus({ kind: 'error', text: 'The idle time must be a whole number of minutes from 1 to 60. Nothing was saved.' });
      return;
    }
    const lapse = Number(lapseHours);
    if (!Number.isInteger(lapse) || lapse < 1 || lapse > 168) {
      setSaveStatus({ kind: 'error', text: 'The lapse time must be a whole number of hours from 1 to 168. Nothing was saved.' });
      return;
    }
    const taken = new Set<string>();
    const cleanReports: Report[] = [];
    for (const r of reports) {
      if (!r.name.trim()) continue; // An empty row is an unfinished one, not a report.
      const id = r.id || slug(r.name, taken);
      taken.add(id);
      cleanReports.push({ id, name: r.name.trim(), aliases: parseAliases(r.aliases) });
    }
    try {
      const saved = await sendMessage('saveSettings', {
        me: { name: meName.trim(), aliases: parseAliases(meAliases) },
        reports: cleanReports,
        cooldownMinutes,
        idleMinutes: idle,
        lapseHours: lapse,
        weeklyDigest: digest,
        // A claim whose report was removed goes with the report.
        claims: claims.filter((c) => cleanReports.some((r) => r.id === c.reportId)),
        disabledTools,
        customSites,
      });
      load(saved);
      setSaveStatus({ kind: 'ok', text: `Saved: ${plural(saved.reports.length, 'report')}.` });
    } catch (err) {
      setSaveStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function exportBackup() {
    try {
      downloadText(backupFileName(), 'application/json', await sendMessage('exportBackup'));
      setBackupStatus({ kind: 'ok', text: 'Backup exported.' });
    } catch (err) {
      setBackupStatus({ kind: 'error', text: `Export failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  async function importBackup(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // The same file can be chosen again after a fix.
    if (!file) return;
    try {
      const result = await sendMessage('importBackup', { text: await file.text() });
      if (!result.ok) {
        setBackupStatus({ kind: 'error', text: `${file.name}: ${result.error}` });
        return;
      }
      setBackupStatus({
        kind: 'ok',
        text: `Imported ${file.name}: ${plural(result.reports, 'report')}, ${plural(result.interventionsAdded, 'intervention')} and ${plural(result.promptsAdded, 'prompt')} added${result.duplicatesSkipped ? `, ${result.duplicatesSkipped} already here` : ''}.`,
      });
    } catch (err) {
      setBackupStatus({ kind: 'error', text: `${file.name}: import failed: ${err instanceof Error ? err.message : String(err)}. Nothing was imported.` });
    }
  }

  const updateReport = (i: number, patch: Partial<DraftReport>) => setReports(reports.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <main>
      <h1>Pullback: roster and settings</h1>
      <p class="muted">Everything stays in this browser. Pullback has no account and sends nothing anywhere.</p>
      <form onSubmit={save} aria-busy={!loaded} onInput={() => (unsaved.current = true)} onChange={() => (unsaved.current = true)} onClick={() => (unsaved.current = true)}>
        <section aria-labelledby="me-heading">
          <h2 id="me-heading">Who I am</h2>
          <label>
            <span>My name, as the tools show it</span>
            <input type="text" value={meName} onInput={(e) => setMeName(e.currentTarget.value)} autocomplete="name" />
          </label>
          <label>
            <span>My aliases: emails, account ids, handles (one per line)</span>
            <textarea rows={2} value={meAliases} onInput={(e) => setMeAliases(e.currentTarget.value)} />
          </label>
        </section>
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">My reports</h2>
          {reports.length === 0 && <p class="muted">No reports yet. Add the people whose work you lead, with the names and ids the tools show for them.</p>}
          {reports.map((r, i) => (
            <div class="report" key={i} role="group" aria-label={`Report ${i + 1}`}>
              <label>
                <span>Name</span>
                <input type="text" value={r.name} onInput={(e) => updateReport(i, { name: e.currentTarget.value })} />
              </label>
              <label>
                <span>Aliases (one per line)</span>
                <textarea rows={2} value={r.aliases} onInput={(e) => updateReport(i, { aliases: e.currentTarget.value })} />
              </label>
              <button type="button" onClick={() => setReports(reports.filter((_, j) => j !== i))} aria-label={`Remove ${r.name || `report ${i + 1}`}`}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setReports([...reports, { id: '', name: '', aliases: '' }])}>
            Add a report
          </button>
        </section>
        <section aria-labelledby="prompt-heading">
          <h2 id="prompt-heading">Prompt and timing</h2>
          <label>
            <span>After any answer, do not ask again about the same item for (minutes)</span>
            <input type="number" min={0} value={cooldown} onInput={(e) => setCooldown(e.currentTarget.value)} style={{ width: '8em' }} />
          </label>
          <label>
            <span>Count me as away after this many minutes without input (no hands-on time while away)</span>
            <input type="number" min={1} max={60} value={idleMinutes} onInput={(e) => setIdleMinutes(e.currentTarget.value)} style={{ width: '8em' }} />
          </label>
          <label>
            <span>Close an intervention as lapsed after this many hours without activity on it</span>
            <input type="number" min={1} max={168} value={lapseHours} onInput={(e) => setLapseHours(e.currentTarget.value)} style={{ width: '8em' }} />
          </label>
        </section>
        <section aria-labelledby="tools-heading">
          <h2 id="tools-heading">Tools</h2>
          <p class="muted">Pullback watches edits in these tools. Switch one off and its edits never prompt.</p>
          {SITE_TOOLS.map((a) => (
            <label class="inline">
              <input
                type="checkbox"
                checked={!disabledTools.includes(a.id)}
                onChange={(e) => setDisabledTools(e.currentTarget.checked ? disabledTools.filter((t) => t !== a.id) : [...disabledTools, a.id])}
              />{' '}
              {a.label}
            </label>
          ))}
        </section>
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims</h2>
          <p class="muted">
            Some tools do not say who owns a file or page. A claim says it for them: everything whose address starts with the prefix is
            that report’s work. Make one from the popup on the page (“This belongs to…”), or edit them here.
          </p>
          {claims.length === 0 ? (
            <p class="muted">No claims yet.</p>
          ) : (
            claims.map((c, i) => (
              <div class="claim" role="group" aria-label={`Claim ${i + 1}: ${c.label || c.urlPrefix}`}>
                <label>
                  <span>Address prefix</span>
                  <input type="url" value={c.urlPrefix} onInput={(e) => setClaims(claims.map((x, j) => (j === i ? { ...x, urlPrefix: e.currentTarget.value } : x)))} />
                </label>
                <label>
                  <span>Belongs to</span>
                  <select value={c.reportId} onChange={(e) => setClaims(claims.map((x, j) => (j === i ? { ...x, reportId: e.currentTarget.value } : x)))}>
                    {reports
                      .filter((r) => r.id)
                      .map((r) => (
                        <option value={r.id}>{r.name}</option>
                      ))}
                  </select>
                </label>
                <button type="button" onClick={() => setClaims(claims.filter((_, j) => j !== i))} aria-label={`Remove claim ${c.label || c.urlPrefix}`}>
                  Remove
                </button>
              </div>
            ))
          )}
        </section>
        <section aria-labelledby="weekly-heading">
          <h2 id="weekly-heading">Weekly summary</h2>
          <label class="inline">
            <input type="checkbox" checked={digest.enabled} onChange={(e) => setDigest({ ...digest, enabled: e.currentTarget.checked })} />{' '}
            Remind me to look at my week
          </label>
          <div class="row">
            <label>
              <span>Day</span>
              <select value={String(digest.day)} onChange={(e) => setDigest({ ...digest, day: Number(e.currentTarget.value) })} disabled={!digest.enabled}>
                {WEEKDAYS.map((name, day) => (
                  <option value={String(day)}>{name}</option>
                ))}
              </select>
            </label>
            <label>
              <span>Time</span>
              <input type="time" value={digest.time} required onInput={(e) => setDigest({ ...digest, time: e.currentTarget.value })} disabled={!digest.enabled} />
            </label>
          </div>
        </section>
        <div class="actions">
          <button type="submit" class="primary">Save</button>
          {saveStatus && <span role={saveStatus.kind === 'error' ? 'alert' : 'status'} class={saveStatus.kind === 'error' ? 'alert' : 'status'}>{saveStatus.text}</span>}
        </div>
      </form>
      <CustomSites sites={customSites} />
      <section aria-labelledby="health-heading">
        <h2 id="health-heading">Adapter health</h2>
        {diagnostics.length === 0 ? (
          <p class="muted">No problems seen. If a tool changes its pages and Pullback can no longer read them, it says so here.</p>
        ) : (
          <ul class="diagnostics">
            {diagnostics.map((d) => (
              <li>
                {toolLabel(d.tool)}: {d.problem} <span class="muted">({d.where}, {d.count}×, last {new Date(d.lastSeenAt).toLocaleString()})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="backup-heading">
        <h2 id="backup-heading">Backup</h2>
        <p class="muted">One JSON file with your roster, settings, interventions and prompts. Importing replaces the settings and adds log records this browser does not have yet.</p>
        <div class="actions">
          <button type="button" onClick={exportBackup}>Export backup</button>
          <label>
            <span>Import a backup file</span>
            <input type="file" accept="application/json,.json" aria-label="Import backup" onChange={importBackup} />
          </label>
        </div>
        {backupStatus && (
          <p role={backupStatus.kind === 'error' ? 'alert' : 'status'} class={backupStatus.kind === 'error' ? 'alert' : 'status'}>
            {backupStatus.text}
          </p>
        )}
      </section>
    </main>
  );
}

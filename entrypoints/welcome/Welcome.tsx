/**
 * The first run, opened once on install: the idea in a minute (TheIdea), then who you are, who
 * your reports are, which tools you use, that nothing leaves the lead's browsers, and a last step
 * that says exactly what to try (TryIt). Saving goes through the background like the options page
 * (saveSettings).
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/protocol/messages';
import type { Settings, ToolId } from '@/utils/model/records';
import { parseAliases, slugId } from '@/utils/people/people';
import { SITE_TOOLS } from '@/utils/model/tools';
import { AccessNotice } from '@/components/ui/AccessNotice';
import { settingsItem } from '@/utils/settings/store';
import { OutcomeLine } from '@/components/ui/OutcomeLine';
import { errorText } from '@/utils/model/error-text';
import { TheIdea } from '@/entrypoints/welcome/TheIdea';
import { TryIt } from '@/entrypoints/welcome/TryIt';

type Row = { id: string; name: string; aliases: string };
type Status = { kind: 'ok' | 'error'; text: string } | null;

const emptyRow = (): Row => ({ id: '', name: '', aliases: '' });

/** Each row its own example, so no row reads as if it were already someone. */
const EXAMPLES = [
  ['Alice Chen', 'alice@acme.com, alice-chen'],
  ['Bob Okafor', 'bob@acme.com, bokafor'],
  ['Carmen Ruiz', 'carmen@acme.com, cruiz'],
  ['Dev Patel', 'dev@acme.com, devp'],
  ['Eun-ji Park', 'eunji@acme.com, ejpark'],
] as const;
const example = (i: number) => {
  const [name, aliases] = EXAMPLES[i % EXAMPLES.length]!;
  return { name: `e.g. ${name}`, aliases: `e.g. ${aliases}` };
};

export function Welcome() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [meName, setMeName] = useState('');
  const [meAliases, setMeAliases] = useState('');
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [off, setOff] = useState<ToolId[]>([]);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    void settingsItem.getValue().then((s) => {
      setSettings(s);
      setMeName(s.me.name);
      setMeAliases(s.me.aliases.join(', '));
      if (s.reports.length)
        setRows(s.reports.map((r) => ({ id: r.id, name: r.name, aliases: r.aliases.join(', ') })));
      setOff(s.disabledTools);
    });
  }, []);

  const setRow = (i: number, change: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  async function save(e: Event) {
    e.preventDefault();
    if (!settings) return;
    // A row with aliases but no name would lose what was typed: say which, save nothing.
    const nameless = rows.findIndex((r) => !r.name.trim() && r.aliases.trim());
    if (nameless >= 0) {
      setStatus({
        kind: 'error',
        text: `Report ${nameless + 1} has aliases but no name. Add their name (or clear the row). Nothing was saved.`,
      });
      return;
    }
    const taken = new Set<string>();
    const reports = rows
      .filter((r) => r.name.trim())
      .map((r) => {
        const id =
          r.id || slugId(r.name, new Set([...taken, ...settings.reports.map((x) => x.id)]));
        taken.add(id);
        return { id, name: r.name.trim(), aliases: parseAliases(r.aliases) };
      });
    const next: Settings = {
      ...settings,
      me: { name: meName.trim(), aliases: parseAliases(meAliases) },
      reports,
      disabledTools: off,
    };
    try {
      const saved = await sendMessage('saveSettings', next);
      setSettings(saved);
      setRows(
        saved.reports.length
          ? saved.reports.map((r) => ({ id: r.id, name: r.name, aliases: r.aliases.join(', ') }))
          : [emptyRow()],
      );
      setStatus({
        kind: 'ok',
        text: saved.reports.length
          ? `Saved. Pullback now notices when you edit work owned by ${saved.reports.map((r) => r.name).join(', ')}.`
          : 'Saved. Add at least one report so Pullback can notice edits on their work.',
      });
    } catch (err) {
      setStatus({
        kind: 'error',
        text: `Not saved: ${errorText(err)}`,
      });
    }
  }

  return (
    <main>
      <h1>Welcome to Pullback: let’s set it up</h1>
      <p>
        When you start editing the details of work one of your reports owns, Pullback asks whether
        it is a deliberate, temporary intervention, keeps the time, and reminds you to hand it back.
        The idea first, then three things to tell it; two minutes.
      </p>
      <TheIdea />
      <form onSubmit={save} aria-label="Set up Pullback">
        <h2 id="me-heading">Who you are</h2>
        <fieldset aria-labelledby="me-heading">
          <label>
            Your name
            <input
              type="text"
              value={meName}
              onInput={(e) => setMeName(e.currentTarget.value)}
              autoComplete="name"
            />
          </label>
          <label>
            Other names your tools use for you (optional)
            <input
              type="text"
              value={meAliases}
              onInput={(e) => setMeAliases(e.currentTarget.value)}
            />
          </label>
          <p class="hint">
            Your work e-mail, your GitHub handle: Pullback never asks about work that is yours.
          </p>
        </fieldset>

        <h2 id="reports-heading">Your reports</h2>
        <p class="hint">
          A name is enough to start. Aliases are optional: the other ways your tools name this
          person, separated by commas, for example{' '}
          <span class="key">alice@acme.com, alice-chen, 557058:a1b2c3</span> (e-mail, GitHub handle,
          Jira account id). Easier still: open one of their tickets or pages, click the Pullback
          icon, and use <strong>Add … as a report</strong>: it fills every name the tool knows for
          them.
        </p>
        {rows.map((row, i) => (
          <fieldset key={i} aria-label={`Report ${i + 1}`}>
            <label>
              Name (required)
              <input
                type="text"
                value={row.name}
                placeholder={example(i).name}
                onInput={(e) => setRow(i, { name: e.currentTarget.value })}
              />
            </label>
            <label>
              Aliases (optional)
              <input
                type="text"
                value={row.aliases}
                placeholder={example(i).aliases}
                onInput={(e) => setRow(i, { aliases: e.currentTarget.value })}
              />
            </label>
            {rows.length > 1 && (
              <div class="row-actions">
                <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  Remove report {i + 1}
                </button>
              </div>
            )}
          </fieldset>
        ))}
        <button type="button" onClick={() => setRows([...rows, emptyRow()])}>
          Add another report
        </button>

        <AccessNotice switchedOff={off} />
        <h2 id="tools-heading">The tools you use</h2>
        <fieldset aria-labelledby="tools-heading">
          <p class="hint">
            Pullback listens only in these; untick the ones you do not use. You can change this
            later, and add your own sites, in the settings.
          </p>
          <div class="tools">
            {SITE_TOOLS.map((a) => (
              <label key={a.id}>
                <input
                  type="checkbox"
                  checked={!off.includes(a.id)}
                  onChange={(e) =>
                    setOff(e.currentTarget.checked ? off.filter((t) => t !== a.id) : [...off, a.id])
                  }
                />
                {a.label}
              </label>
            ))}
          </div>
        </fieldset>

        <h2 id="privacy-heading">Nothing leaves your browsers</h2>
        <p>
          No account, no server. Your log of interventions stays in this browser only. Your roster
          and settings also follow you to your other browsers through the browser’s own sync, where
          you are signed in to it. Pullback talks to no one but the tool’s own page you are on. You
          can export a backup, and delete any of it, from the settings.
        </p>
        <div class="actions">
          <button type="submit" class="primary">
            Save and start
          </button>
          <a href="/options.html">All settings</a>
        </div>
        <OutcomeLine status={status} />
      </form>
      <TryIt first={settings?.reports[0]} off={settings?.disabledTools ?? off} />
    </main>
  );
}

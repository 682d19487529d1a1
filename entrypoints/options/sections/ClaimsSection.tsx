/**
 * Claims, in the lead's words "pages I assigned to a report": for tools that
 * do not name an owner (Figma, Notion, Google Docs, GitHub files, sites the
 * lead added), everything whose address starts with the prefix is that
 * report's work. Made from the popup; edited or removed here, saved as made.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Claim, Settings } from '@/utils/model/records';
import { saver } from '@/entrypoints/options/autosave';
import { NOTION_PAGES_PREFIX, oldNotionWorkspace } from '@/utils/model/tools';

function prefixProblem(prefix: string): string | null {
  try {
    if (new URL(prefix).protocol === 'https:') return null;
  } catch {
    /* not a URL */
  }
  return 'An address prefix must be a web address starting with https://.';
}

export function ClaimsSection({ settings }: { settings: Settings }) {
  const [claims, setClaims] = useState<Claim[]>(settings.claims);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!saver.isPending('claims')) setClaims(settings.claims);
  }, [settings.claims]);

  function edit(id: string, patch: Partial<Claim>) {
    const next = claims.map((c) => (c.id === id ? { ...c, ...patch } : c));
    setClaims(next);
    const problem = next.map((c) => prefixProblem(c.urlPrefix)).find(Boolean);
    setError(problem ?? null);
    if (problem) return saver.hold('claims', problem);
    const edited = new Map(next.map((c) => [c.id, c]));
    saver.schedule('claims', (s) => ({ ...s, claims: s.claims.map((c) => edited.get(c.id) ?? c) }));
  }

  function remove(id: string) {
    setClaims(claims.filter((c) => c.id !== id));
    void saver.saveNow((s) => ({ ...s, claims: s.claims.filter((c) => c.id !== id) }));
  }

  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading">Pages you assigned to a report</h2>
      <p class="muted">
        Figma, Notion, Google Docs, GitHub files and sites you add do not say who owns a page.
        Assign it from the popup on that page (“This belongs to…”): everything whose address starts
        with the prefix counts as that report’s work. A tool that does name an owner always wins.
      </p>
      {claims.length === 0 ? (
        <p class="muted">Nothing assigned yet.</p>
      ) : (
        claims.map((c, i) => (
          <div
            class="claim"
            role="group"
            aria-label={`Assigned page ${i + 1}: ${c.label || c.urlPrefix}`}
            key={c.id}
          >
            {oldNotionWorkspace(c.urlPrefix) !== null && (
              <p class="problem" role="note">
                This was assigned on Notion’s old address for the “{oldNotionWorkspace(c.urlPrefix)}
                ” workspace. Notion moved to app.notion.com in June 2026, and its new addresses name
                no workspace, so it matches no page now. Point it at every Notion page, or remove it
                and assign pages one by one from the popup.{' '}
                <button
                  type="button"
                  onClick={() => edit(c.id, { urlPrefix: NOTION_PAGES_PREFIX })}
                >
                  Point at every Notion page
                </button>
              </p>
            )}
            <label>
              <span>Address prefix</span>
              <input
                type="url"
                value={c.urlPrefix}
                onInput={(e) => edit(c.id, { urlPrefix: e.currentTarget.value })}
              />
            </label>
            <label>
              <span>Belongs to</span>
              <select
                value={c.reportId}
                onChange={(e) => edit(c.id, { reportId: e.currentTarget.value })}
              >
                {settings.reports.map((r) => (
                  <option value={r.id}>{r.name}</option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => remove(c.id)}
              aria-label={`Unassign ${c.label || c.urlPrefix}`}
            >
              Unassign
            </button>
          </div>
        ))
      )}
      {error && (
        <p role="alert" class="alert">
          {error} Not saved yet.
        </p>
      )}
    </section>
  );
}

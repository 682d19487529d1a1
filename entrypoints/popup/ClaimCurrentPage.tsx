/**
 * "This belongs to…": for tools that do not say who owns a file or page
 * (Figma, Notion, Google Docs) the lead says it once, for this item or for
 * everything under an address prefix. Claims live in settings (see options).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type ProtocolMap } from '@/utils/messages';
import type { Settings } from '@/utils/model';
import { claimFor } from '@/utils/roster';

type Current = ReturnType<ProtocolMap['currentArtifact']>;

/** The tab to ask: `?tab=<id>` when the popup is opened as a page, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** "https://www.figma.com/design/abc/File" -> "https://www.figma.com/design/abc/": the parent, as a default prefix. */
function parentPrefix(url: string): string {
  const u = new URL(url);
  const parts = u.pathname.split('/').filter(Boolean);
  return `${u.origin}/${parts.slice(0, Math.max(1, parts.length - 1)).join('/')}/`;
}

export function ClaimCurrentPage({ settings, onChanged }: { settings: Settings; onChanged(): void }) {
  const [current, setCurrent] = useState<Current | undefined>(undefined);
  const [reportId, setReportId] = useState(settings.reports[0]?.id ?? '');
  const [scope, setScope] = useState<'item' | 'prefix'>('item');
  const [prefix, setPrefix] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      const found = tabId === undefined ? null : await sendMessage('currentArtifact', undefined, tabId).catch(() => null);
      setCurrent(found ?? null);
      if (found) setPrefix(parentPrefix(found.artifact.url));
    })();
  }, []);

  if (!current || settings.reports.length === 0) return null;
  const existing = claimFor(settings.claims, current.artifact.url);
  const owner = existing && settings.reports.find((r) => r.id === existing.reportId);

  async function claim(e: Event) {
    e.preventDefault();
    const urlPrefix = scope === 'item' ? current!.artifact.url : prefix.trim();
    if (!current!.artifact.url.startsWith(urlPrefix)) {
      setStatus({ kind: 'error', text: 'The prefix must be the start of this page’s address. Nothing was claimed.' });
      return;
    }
    try {
      const label = `${current!.artifact.title || current!.artifact.key} (${current!.toolLabel})`;
      await sendMessage('addClaim', { reportId, urlPrefix, label });
      setStatus({ kind: 'ok', text: `Claimed for ${settings.reports.find((r) => r.id === reportId)?.name}.` });
      onChanged();
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <section aria-labelledby="claim-heading">
      <h2 id="claim-heading">This page</h2>
      <p>
        {current.toolLabel} <span class="key">{current.artifact.key}</span> {current.artifact.title}
        {owner && (
          <>
            {' '}
            · claimed for <strong>{owner.name}</strong>
          </>
        )}
      </p>
      <form onSubmit={claim} class="claim-form">
        <label>
          This belongs to{' '}
          <select value={reportId} onChange={(e) => setReportId(e.currentTarget.value)}>
            {settings.reports.map((r) => (
              <option value={r.id}>{r.name}</option>
            ))}
          </select>
        </label>
        <label class="inline">
          <input type="radio" name="scope" checked={scope === 'item'} onChange={() => setScope('item')} /> this item only
        </label>
        <label class="inline">
          <input type="radio" name="scope" checked={scope === 'prefix'} onChange={() => setScope('prefix')} /> everything under
        </label>
        {scope === 'prefix' && <input type="url" aria-label="Address prefix" value={prefix} onInput={(e) => setPrefix(e.currentTarget.value)} />}
        <button type="submit">Claim</button>
      </form>
      {status && <p role={status.kind === 'error' ? 'alert' : 'status'} class={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p>}
    </section>
  );
}

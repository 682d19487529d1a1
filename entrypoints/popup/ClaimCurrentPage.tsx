/**
 * "This belongs to…": for tools that do not say who owns a file or page
 * (Figma, Notion, Google Docs) the lead says it once, for this item or for
 * everything under an address prefix. Claims live in settings (see options).
 * Shown inside "On this page" only where the tool names no owner, or where Pullback could not
 * read the owner (then the claim says whose work it is until the tool can be read again).
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/protocol/messages';
import type { Artifact, Settings } from '@/utils/model/records';
import { OutcomeLine } from '@/components/ui/OutcomeLine';
import { errorText } from '@/utils/model/error-text';

/** "https://www.figma.com/design/abc/File" -> "https://www.figma.com/design/abc/": the parent, as a default prefix. */
function parentPrefix(url: string): string {
  const u = new URL(url);
  const parts = u.pathname.split('/').filter(Boolean);
  return `${u.origin}/${parts.slice(0, Math.max(1, parts.length - 1)).join('/')}/`;
}

export function ClaimForm({
  settings,
  toolLabel,
  artifact,
  onChanged,
}: {
  settings: Settings;
  toolLabel: string;
  artifact: Artifact;
  onChanged(): void;
}) {
  const [reportId, setReportId] = useState(settings.reports[0]?.id ?? '');
  const [scope, setScope] = useState<'item' | 'prefix'>('item');
  const [prefix, setPrefix] = useState(() => parentPrefix(artifact.url));
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function claim(e: Event) {
    e.preventDefault();
    const urlPrefix = scope === 'item' ? artifact.url : prefix.trim();
    if (!artifact.url.startsWith(urlPrefix)) {
      setStatus({
        kind: 'error',
        text: 'The prefix must be the start of this page’s address. Nothing was assigned.',
      });
      return;
    }
    try {
      const label = `${artifact.title || artifact.key} (${toolLabel})`;
      await sendMessage('addClaim', { reportId, urlPrefix, label });
      setStatus({
        kind: 'ok',
        text: `Assigned to ${settings.reports.find((r) => r.id === reportId)?.name}.`,
      });
      onChanged();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  }

  return (
    <>
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
          <input
            type="radio"
            name="scope"
            checked={scope === 'item'}
            onChange={() => setScope('item')}
          />{' '}
          this item only
        </label>
        <label class="inline">
          <input
            type="radio"
            name="scope"
            checked={scope === 'prefix'}
            onChange={() => setScope('prefix')}
          />{' '}
          everything under
        </label>
        {scope === 'prefix' && (
          <input
            type="url"
            aria-label="Address prefix"
            value={prefix}
            onInput={(e) => setPrefix(e.currentTarget.value)}
          />
        )}
        <button type="submit">Assign</button>
      </form>
      <OutcomeLine status={status} />
    </>
  );
}

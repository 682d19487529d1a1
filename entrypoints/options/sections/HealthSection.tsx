/** What Pullback could not read on a tool's pages (the tool changed its pages), newest first. */
import { useEffect, useState } from 'preact/hooks';
import { diagnosticsItem, type Diagnostic } from '@/utils/settings/store';
import { toolLabel } from '@/utils/model/tools';

export function HealthSection() {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  useEffect(() => {
    void diagnosticsItem.getValue().then(setDiagnostics);
    return diagnosticsItem.watch((d) => setDiagnostics(d ?? []));
  }, []);
  const newestFirst = [...diagnostics].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Pages Pullback could not read</h2>
      <p class="muted">
        When a tool changes its pages, Pullback may no longer find an item, its owner or its title
        there. It then stays quiet on that page (no prompt) and lists the problem here, newest
        first, so you know why.
      </p>
      {newestFirst.length === 0 ? (
        <p class="muted">No problems seen.</p>
      ) : (
        <ul class="diagnostics">
          {newestFirst.map((d) => (
            <li>
              {toolLabel(d.tool)}: {d.problem}{' '}
              <span class="muted">
                ({d.where}, {d.count}×, last {new Date(d.lastSeenAt).toLocaleString()})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Adapter diagnostics: when a tool's page lacks what an adapter looks for
 * (its markup changed), the page stays quiet and the options page says so.
 * Kept as a short list, newest first, counted per tool, problem and place.
 */
import { diagnosticsItem, MAX_DIAGNOSTICS, type Diagnostic } from '@/utils/settings/store';

export async function recordDiagnostic(
  input: Pick<Diagnostic, 'tool' | 'problem' | 'where'>,
  now = new Date(),
): Promise<void> {
  const list = await diagnosticsItem.getValue();
  const same = list.find(
    (d) => d.tool === input.tool && d.problem === input.problem && d.where === input.where,
  );
  const updated: Diagnostic = {
    ...input,
    lastSeenAt: now.toISOString(),
    count: (same?.count ?? 0) + 1,
  };
  await diagnosticsItem.setValue(
    [updated, ...list.filter((d) => d !== same)].slice(0, MAX_DIAGNOSTICS),
  );
}

/**
 * Adapter diagnostics: when a tool's page lacks what an adapter looks for
 * (its markup changed), the page stays quiet and the options page says so.
 * Kept as a short list, newest first, counted per tool, problem and place.
 */
import { urlShape } from '@/utils/model/url-shape';
import { diagnosticsItem, MAX_DIAGNOSTICS, type Diagnostic } from '@/utils/settings/store';

/** Where, as the address's structure only (what Copy details shows): a path can hold a person's name, and the list outlives the page. */
function placeOf(where: string, tool: Diagnostic['tool']): string {
  try {
    return urlShape(new URL(where), tool as Parameters<typeof urlShape>[1]);
  } catch {
    return 'an address Pullback could not read';
  }
}

/** Writes one after another: two problems reported together (no owner, no title) would otherwise both
 * read the list and the second write would drop the first. */
let writing: Promise<unknown> = Promise.resolve();

export function recordDiagnostic(
  reported: Pick<Diagnostic, 'tool' | 'problem' | 'where'>,
  now = new Date(),
): Promise<void> {
  const next = writing.then(() => write(reported, now));
  writing = next.catch(() => undefined);
  return next;
}

async function write(
  reported: Pick<Diagnostic, 'tool' | 'problem' | 'where'>,
  now: Date,
): Promise<void> {
  const input = { ...reported, where: placeOf(reported.where, reported.tool) };
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

/**
 * After Delete everything: no diagnostics. After forgetting one report: every place is kept as its
 * structure only, so an entry written before places were (a path with a user name) names no one.
 */
export async function forgetDiagnostics(what: 'all' | 'names'): Promise<void> {
  if (what === 'all') return diagnosticsItem.setValue([]);
  const list = await diagnosticsItem.getValue();
  await diagnosticsItem.setValue(list.map((d) => ({ ...d, where: placeOf(d.where, d.tool) })));
}

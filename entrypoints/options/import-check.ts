/**
 * An import whose answer never came (the background stopped, or the page lost it, mid-import) may
 * have landed whole, in part (never: it is one transaction, but the page cannot know that) or not
 * at all. The page looks up the file's records in what the background holds now and says which.
 */
import { backupNow } from '@/components/ui/download';

type Ids = { interventions: string[]; prompts: string[]; ratings: string[] };

/** The ids of a backup's records (ratings by week and report, as they are stored). */
function idsOf(backup: unknown): Ids {
  const list = (x: unknown, id: (r: Record<string, unknown>) => unknown) =>
    Array.isArray(x) ? x.map((r) => String(id(r ?? {}))) : [];
  const b = (backup ?? {}) as Record<string, unknown>;
  return {
    interventions: list(b.interventions, (r) => r.id),
    prompts: list(b.prompts, (r) => r.id),
    ratings: list(b.ratings, (r) => `${r.week}:${r.reportId}`),
  };
}

/** How many of the file's records are stored now, of how many; null when the file or the background cannot be read. */
export async function whatArrived(fileText: string): Promise<{ here: number; of: number } | null> {
  try {
    const wanted = idsOf(JSON.parse(fileText));
    const stored = idsOf(JSON.parse(await new Blob(await backupNow()).text()));
    let here = 0;
    let of = 0;
    for (const key of ['interventions', 'prompts', 'ratings'] as const) {
      const have = new Set(stored[key]);
      of += wanted[key].length;
      here += wanted[key].filter((id) => have.has(id)).length;
    }
    return { here, of };
  } catch {
    return null;
  }
}

/** What the page says after an import whose answer was lost, from what arrived. */
export function interruptedImportText(
  fileName: string,
  reason: string,
  arrived: { here: number; of: number } | null,
): string {
  const lost = `${fileName}: the import’s answer was lost (${reason})`;
  if (!arrived)
    return `${lost}, and Pullback could not check what arrived. Import the file again: records already here are skipped.`;
  if (arrived.of === 0)
    return `${lost}; the file holds no records, only settings. Import it again to be sure they are in use.`;
  if (arrived.here === arrived.of)
    return `${lost}, but everything arrived: all ${arrived.of} records of the file are here (checked).`;
  if (arrived.here === 0)
    return `${lost}. Checked: none of its ${arrived.of} records are here, so nothing was imported. Import it again.`;
  return `${lost}. Checked: ${arrived.here} of its ${arrived.of} records are here. Import it again to add the rest: records already here are skipped.`;
}

/**
 * The popup's "On this page": what an edit on the page the tab's content script read would do,
 * by the background's own edit decision (utils/background/edit-decision.ts) over the same records,
 * read-only: nothing is logged, no prompt is created.
 */
import {
  activeOnArtifact,
  openForReport,
  promptsOnArtifact,
  type PullbackDatabase,
} from '@/utils/background/db';
import type { Settings } from '@/utils/model/records';
import {
  decideEdit,
  standingOf,
  whoseEdit,
  type EditFacts,
} from '@/utils/background/edit-decision';
import type { PageReading, PageVerdict } from '@/utils/protocol/messages';

export interface VerdictDeps {
  db: PullbackDatabase;
  settings: Settings;
  /** The pause now in force, if any (null until: until resumed). */
  pause: { until: string | null } | null;
  now: Date;
}

/**
 * What an edit on the page the popup describes would do: the background's own decision over the
 * same records, read-only (nothing is logged, no prompt is created). The stretch is one that has
 * crossed the threshold: what working on this page does.
 */
export async function verdictFor(
  reading: PageReading,
  { db, settings, pause, now }: VerdictDeps,
): Promise<PageVerdict> {
  const standing = standingOf(settings, reading);
  const decide = (records: Pick<EditFacts, 'active' | 'joinable' | 'lastPrompt'>): PageVerdict => ({
    standing,
    ...decideEdit({ settings, tool: reading.tool, standing, pause, now, ...records }),
  });
  const whose = whoseEdit(settings, reading.tool, standing);
  const key = reading.artifact?.key;
  if ('why' in whose) {
    // The lead's own item may be one they took over: its take-over counts what they do there.
    const active =
      whose.why === 'mine' && key
        ? ((await activeOnArtifact(db.transaction('interventions').store, reading.tool, key)) ??
          null)
        : null;
    return decide({ active, joinable: null, lastPrompt: null });
  }
  if (!key) return decide({ active: null, joinable: null, lastPrompt: null });

  const tx = db.transaction(['interventions', 'prompts'], 'readonly');
  const interventions = tx.objectStore('interventions');
  const active = (await activeOnArtifact(interventions, reading.tool, key)) ?? null;
  const joinable = active ? null : ((await openForReport(interventions, whose.reportId)) ?? null);
  const lastPrompt =
    (await promptsOnArtifact(tx.objectStore('prompts'), reading.tool, key)).at(-1) ?? null;
  await tx.done;
  return decide({ active, joinable, lastPrompt });
}

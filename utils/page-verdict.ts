/**
 * The popup's "On this page": what the tab's content script read, and what an edit there would do.
 */
import * as v from 'valibot';
import { activeOnArtifact, openForReport, promptsOnArtifact, type PullbackDatabase } from './db';
import { ArtifactSchema } from './message-schemas';
import { LIMITS, TOOL_IDS, type Settings } from './model';
import {
  decideEdit,
  standingOf,
  whoseEdit,
  type EditFacts,
  type EditOutcome,
  type OwnerStanding,
} from './background/edit-decision';
import type { PageReading } from './sites/types';

const identities = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(LIMITS.identityLength))),
  v.maxLength(LIMITS.identities),
);
const selectorList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(1000))), v.maxLength(200));

/** A content script's reading of its page (it comes from a host page's context: bounded like an edit). */
export const PageReadingSchema = v.object({
  tool: v.picklist(TOOL_IDS),
  toolLabel: v.pipe(v.string(), v.maxLength(60)),
  artifact: v.nullable(ArtifactSchema),
  owner: v.nullable(identities),
  viewer: identities,
  urlShape: v.pipe(v.string(), v.maxLength(LIMITS.urlLength)),
  selectors: v.object({ matched: selectorList, missed: selectorList }),
});

export type { OwnerStanding };

/** What an edit on the page would do: the edit decision's outcome (utils/background/edit-decision.ts). */
export type EditEffect = EditOutcome;

export type PageVerdict = { standing: OwnerStanding } & EditEffect;

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
  if ('why' in whose) return decide({ active: null, joinable: null, lastPrompt: null });

  const key = reading.artifact!.key;
  const tx = db.transaction(['interventions', 'prompts'], 'readonly');
  const interventions = tx.objectStore('interventions');
  const active = (await activeOnArtifact(interventions, reading.tool, key)) ?? null;
  const joinable = active ? null : ((await openForReport(interventions, whose.reportId)) ?? null);
  const lastPrompt =
    (await promptsOnArtifact(tx.objectStore('prompts'), reading.tool, key)).at(-1) ?? null;
  await tx.done;
  return decide({ active, joinable, lastPrompt });
}

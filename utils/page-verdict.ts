/**
 * What an edit on the page the popup describes would do, decided the way the
 * background decides a real edit (utils/service.ts `edit`) but read-only:
 * nothing is logged, no prompt is created. Kept in step with `edit`'s order:
 * roster, tool switch, me, report or claim, active intervention, pause, cooldown.
 */
import * as v from 'valibot';
import type { PullbackDatabase } from './db';
import { ArtifactSchema } from './message-schemas';
import { isOverdue } from './durations';
import { LIMITS, TOOL_IDS, type Settings, type ToolId } from './model';
import { claimFor, matchOwner } from './roster';
import { cooldownEndsAt, withinCooldown } from './edit-steps';
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

/** Who the owner is to Pullback. */
export type OwnerStanding =
  | { kind: 'report'; reportId: string; reportName: string; byClaim: boolean }
  | { kind: 'me' }
  /** The tool names someone who is neither me nor in the roster. */
  | { kind: 'not-in-roster' }
  /** The tool names nobody (unassigned, or a tool that shows no owner). */
  | { kind: 'nobody' }
  /** The adapter could not read the owner (or the item) here. */
  | { kind: 'unreadable'; what: 'item' | 'owner' };

export type EditEffect =
  | { effect: 'prompt'; waiting: boolean }
  | { effect: 'count'; interventionId: string; overdue: boolean }
  | {
      effect: 'nothing';
      why:
        | 'no-roster'
        | 'tool-off'
        | 'mine'
        | 'not-a-report'
        | 'nobody'
        | 'unreadable'
        | 'paused'
        | 'cooldown';
      /** For a cooldown: the first moment an edit prompts again. For a pause: its end (null: until resumed). */
      until?: string | null;
    };

export type PageVerdict = { standing: OwnerStanding } & EditEffect;

export interface VerdictDeps {
  db: PullbackDatabase;
  settings: Settings;
  /** The pause now in force, if any (null until: until resumed). */
  pause: { until: string | null } | null;
  now: Date;
}

export function standingOf(settings: Settings, reading: PageReading): OwnerStanding {
  if (!reading.artifact) return { kind: 'unreadable', what: 'item' };
  const claimed = () => {
    const claim = claimFor(settings.claims, reading.artifact!.url);
    const report = claim && settings.reports.find((r) => r.id === claim.reportId);
    return report
      ? ({ kind: 'report', reportId: report.id, reportName: report.name, byClaim: true } as const)
      : null;
  };
  // The detector sends no edit whose owner it could not read, so a claim cannot speak for it either.
  if (reading.owner === null) return { kind: 'unreadable', what: 'owner' };
  const match = matchOwner(settings, reading.owner, reading.viewer);
  if (match.kind === 'me') return { kind: 'me' };
  if (match.kind === 'report')
    return {
      kind: 'report',
      reportId: match.report.id,
      reportName: match.report.name,
      byClaim: false,
    };
  // A claim speaks only where the tool names no one (the tool's own owner wins).
  if (reading.owner.length === 0) return claimed() ?? { kind: 'nobody' };
  return { kind: 'not-in-roster' };
}

export async function verdictFor(
  reading: PageReading,
  { db, settings, pause, now }: VerdictDeps,
): Promise<PageVerdict> {
  const standing = standingOf(settings, reading);
  const nothing = (
    why: Extract<EditEffect, { effect: 'nothing' }>['why'],
    until?: string | null,
  ): PageVerdict => ({ standing, effect: 'nothing', why, until });
  if (settings.reports.length === 0) return nothing('no-roster');
  if (settings.disabledTools.includes(reading.tool)) return nothing('tool-off');
  if (standing.kind === 'me') return nothing('mine');
  if (standing.kind === 'not-in-roster') return nothing('not-a-report');
  if (standing.kind === 'nobody') return nothing('nobody');
  if (standing.kind === 'unreadable') return nothing('unreadable');

  const key = reading.artifact!.key;
  const tool: ToolId = reading.tool;
  const tx = db.transaction(['interventions', 'prompts'], 'readonly');
  const [active] = (
    await tx.objectStore('interventions').index('by-artifact').getAll([tool, key])
  ).filter((r) => r.status === 'active');
  const prompts = await tx.objectStore('prompts').index('by-artifact').getAll([tool, key]);
  await tx.done;
  if (active)
    return {
      standing,
      effect: 'count',
      interventionId: active.id,
      overdue: isOverdue(active, now),
    };
  if (pause) return nothing('paused', pause.until);

  const previous = prompts.sort((a, b) => b.at.localeCompare(a.at))[0];
  if (previous) {
    // The service's own rule (utils/edit-steps.ts), so the popup never disagrees with the next edit.
    if (withinCooldown(previous, now, settings.cooldownMinutes)) {
      const quietUntil = cooldownEndsAt(previous, settings.cooldownMinutes);
      // A prompt still waiting for its answer is offered again on the next edit.
      if (previous.answer === 'unanswered') return { standing, effect: 'prompt', waiting: true };
      return nothing('cooldown', new Date(quietUntil).toISOString());
    }
  }
  return { standing, effect: 'prompt', waiting: false };
}

/**
 * What an edit on the page the popup describes would do, decided the way the
 * background decides a real edit (utils/background/service.ts `edit`) but read-only:
 * nothing is logged, no prompt is created. Kept in step with `edit`'s order:
 * roster, tool switch, me, report or claim, active intervention, pause, cooldown.
 */
import type { PullbackDatabase } from '@/utils/background/db';
import { isOverdue } from '@/utils/model/durations';
import type { Settings, ToolId } from '@/utils/model/records';
import { claimFor, matchOwner } from '@/utils/people/roster';
import { cooldownEndsAt, withinCooldown } from '@/utils/background/edit-steps';
import type {
  EditEffect,
  OwnerStanding,
  PageReading,
  PageVerdict,
} from '@/utils/protocol/messages';

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
    // The service's own rule (utils/background/edit-steps.ts), so the popup never disagrees with the next edit.
    if (withinCooldown(previous, now, settings.cooldownMinutes)) {
      const quietUntil = cooldownEndsAt(previous, settings.cooldownMinutes);
      // A prompt still waiting for its answer is offered again on the next edit.
      if (previous.answer === 'unanswered') return { standing, effect: 'prompt', waiting: true };
      return nothing('cooldown', new Date(quietUntil).toISOString());
    }
  }
  return { standing, effect: 'prompt', waiting: false };
}

/**
 * The one decision of what an edit does: pure, from the facts the caller read. The background's
 * edit and heartbeat paths (utils/background/service.ts), the pause (which it takes as a fact) and the
 * popup's "On this page" (utils/background/page-verdict.ts) all call it, so the popup never disagrees with
 * the next edit. Order: roster, tool switch, whose work (the lead's own item counts only toward a
 * take-over of it), an open intervention on the item (it counts the time, quietly while paused),
 * pause, the cooldown of the item's last prompt, the stretch so far (a touch until it crosses the threshold), then ask (offering the report's open
 * intervention to join, if there is one).
 */
import { SETTING_DEFAULTS } from '@/utils/model/constants';
import type { Intervention, PromptRecord, Settings, ToolId } from '@/utils/model/records';
import { isOverdue } from '@/utils/model/durations';
import type { EditEffect, OwnerStanding, QuietWhy } from '@/utils/protocol/messages';
import { claimFor, matchOwner } from '@/utils/people/roster';

export type { OwnerStanding, QuietWhy };

/** What the page read: the item (null: unreadable) and who the tool names (null, or `ownerUnread`: unreadable). */
export interface OwnerReading {
  artifact: { url: string } | null;
  owner: readonly string[] | null;
  viewer: readonly string[];
  /** An edit's way of saying `owner: null` (its owner list is then empty). */
  ownerUnread?: true;
}

export function standingOf(settings: Settings, reading: OwnerReading): OwnerStanding {
  if (!reading.artifact) return { kind: 'unreadable', what: 'item' };
  const url = reading.artifact.url;
  const claimed = (): OwnerStanding | null => {
    const claim = claimFor(settings.claims, url);
    const report = claim && settings.reports.find((r) => r.id === claim.reportId);
    return report
      ? { kind: 'report', reportId: report.id, reportName: report.name, byClaim: true }
      : null;
  };
  // An owner Pullback could not read: the lead's claim says whose work it is, else nobody can.
  if (reading.owner === null || reading.ownerUnread)
    return claimed() ?? { kind: 'unreadable', what: 'owner' };
  const match = matchOwner(settings, [...reading.owner], [...reading.viewer]);
  if (match.kind === 'me') return { kind: 'me' };
  if (match.kind === 'report')
    return {
      kind: 'report',
      reportId: match.report.id,
      reportName: match.report.name,
      byClaim: false,
    };
  // A claim speaks only where the tool names no one (the tool's own owner wins).
  if (reading.owner.length > 0) return { kind: 'not-in-roster' };
  return claimed() ?? { kind: 'nobody' };
}

/** The editing on this item so far, without a break (the page counts it, utils/page/detector.ts). */
export interface Stretch {
  /** Content-changing keystrokes (typing, deleting, pasting). */
  keys: number;
  /** A paste or a drop of any size: the lead is clearly changing the work. */
  pasted: boolean;
}

/** What an edit does (the protocol's EditEffect, which the popup shows). */
export type EditOutcome = EditEffect;

export interface EditFacts {
  settings: Settings;
  tool: ToolId;
  standing: OwnerStanding;
  /** The active intervention this item counts toward: its own, or one it was added to. */
  active:
    | (Pick<Intervention, 'id' | 'status' | 'plannedEndAt'> &
        Partial<Pick<Intervention, 'kind' | 'plannedUntil'>>)
    | null;
  /** Another active intervention on the same report's work (newest first: the one to offer). */
  joinable: Pick<Intervention, 'id'> | null;
  /** The item's latest prompt. */
  lastPrompt: Pick<PromptRecord, 'at' | 'answer' | 'answeredAt'> | null;
  /** The pause in force, if any (until null: until resumed). */
  pause: { until: string | null } | null;
  now: Date;
  /**
   * The stretch that brought this edit. Absent: one that has crossed the threshold (what the popup
   * describes: what working on this page does). A take-over asks at once: it sends no stretch.
   */
  stretch?: Stretch;
}

/** The threshold in force: keystrokes in one stretch before Pullback asks. */
export const askAfterKeys = (settings: Settings) =>
  settings.askAfterKeys ?? SETTING_DEFAULTS.askAfterKeys;

/** Below the threshold and nothing pasted: still a touch. */
export const isTouch = (stretch: Stretch | undefined, threshold: number) =>
  stretch !== undefined && !stretch.pasted && stretch.keys < threshold;

/** The first moment (ms) an edit on the item may ask again after `previous`, answered or shown. */
export function cooldownEndsAt(
  previous: Pick<PromptRecord, 'at' | 'answeredAt'>,
  cooldownMinutes: number,
): number {
  return Date.parse(previous.answeredAt ?? previous.at) + cooldownMinutes * 60_000;
}

/** Whose work it is, the first step (no records needed): the report, or why nothing happens. */
export function whoseEdit(
  settings: Settings,
  tool: ToolId,
  standing: OwnerStanding,
): { reportId: string; reportName: string } | { why: QuietWhy } {
  if (settings.reports.length === 0) return { why: 'no-roster' };
  if (settings.disabledTools.includes(tool)) return { why: 'tool-off' };
  switch (standing.kind) {
    case 'report':
      return { reportId: standing.reportId, reportName: standing.reportName };
    case 'me':
      return { why: 'mine' };
    case 'not-in-roster':
      return { why: 'not-a-report' };
    default:
      return { why: standing.kind };
  }
}

/** An open intervention past its planned end asks to pull back; quiet means quiet: never while paused (the time still counts). */
export function countsOverdue(
  active: Pick<Intervention, 'status' | 'plannedEndAt'> &
    Partial<Pick<Intervention, 'plannedUntil'>>,
  pause: { until: string | null } | null,
  now: Date,
): boolean {
  return !pause && isOverdue(active, now);
}

export function decideEdit(facts: EditFacts): EditOutcome {
  const { settings, active, lastPrompt, pause, now } = facts;
  const whose = whoseEdit(settings, facts.tool, facts.standing);
  // A take-over is usually assigned to the lead now: their edits there are still its time.
  const takenOver = 'why' in whose && whose.why === 'mine' && active?.kind === 'takeover';
  if ('why' in whose && !takenOver) return { effect: 'nothing', why: whose.why };
  if (active && active.status === 'active')
    return {
      effect: 'count',
      interventionId: active.id,
      overdue: countsOverdue(active, pause, now),
    };
  if (pause) return { effect: 'nothing', why: 'paused', until: pause.until };
  const threshold = askAfterKeys(settings);
  const waiting = lastPrompt?.answer === 'unanswered';
  if (lastPrompt) {
    const quietUntil = cooldownEndsAt(lastPrompt, settings.cooldownMinutes);
    // A prompt still waiting for its answer is offered again (another tab, a reload), never duplicated.
    if (now.getTime() < quietUntil && !waiting)
      return { effect: 'nothing', why: 'cooldown', until: new Date(quietUntil).toISOString() };
  }
  if (isTouch(facts.stretch, threshold)) return { effect: 'touch', threshold };
  return {
    effect: 'prompt',
    waiting: waiting && now.getTime() < cooldownEndsAt(lastPrompt!, settings.cooldownMinutes),
    joinable: facts.joinable?.id ?? null,
    threshold,
  };
}

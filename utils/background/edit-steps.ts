/**
 * The steps of an edit and of the lead's answer, as the service takes them:
 * whose work is it, is it within the cooldown, feed the active intervention,
 * log a prompt, start an intervention. Pure, or writing only to the store
 * handed in, so the service keeps every decision inside one transaction.
 */
import type { StoreOf } from '@/utils/background/db';
import { isOverdue, mergeHeartbeat } from '@/utils/model/durations';
import type {
  EditDecision,
  EditSignal,
  PromptAnswerInput,
  ReportRef,
} from '@/utils/protocol/messages';
import type { Intervention, InterventionKind, PromptRecord, Settings } from '@/utils/model/records';
import { claimFor, matchOwner } from '@/utils/people/roster';

export const DEFAULT_PLANNED_MINUTES = 15;
export const DEFAULT_PURPOSE = 'back-on-track' as const;

type QuietReason = Extract<EditDecision, { action: 'none' }>['reason'];

/**
 * Step one of an edit: whose work is it? The roster decides (me wins), then,
 * where the tool names no report, the lead's claim can ("this file is Alice's work").
 */
export function whoseWork(
  settings: Settings,
  signal: EditSignal,
): { report: ReportRef } | { reason: QuietReason } {
  if (settings.reports.length === 0) return { reason: 'no-roster' };
  if (settings.disabledTools.includes(signal.tool)) return { reason: 'tool-off' };
  const match = matchOwner(settings, signal.owner, signal.viewer);
  if (match.kind === 'me') return { reason: 'mine' };
  const claimed = match.kind === 'nobody' ? claimFor(settings.claims, signal.artifact.url) : null;
  const owner =
    match.kind === 'report'
      ? match.report
      : settings.reports.find((r) => r.id === claimed?.reportId);
  return owner ? { report: { id: owner.id, name: owner.name } } : { reason: 'not-a-report' };
}

/** Any answer (or a prompt still waiting for one) keeps the artifact quiet for the cooldown. */
export function withinCooldown(previous: PromptRecord, at: Date, cooldownMinutes: number): boolean {
  return at.getTime() < cooldownEndsAt(previous, cooldownMinutes);
}

/** The first moment (ms) an edit on the artifact may ask again after `previous`, answered or shown. */
export function cooldownEndsAt(previous: PromptRecord, cooldownMinutes: number): number {
  return Date.parse(previous.answeredAt ?? previous.at) + cooldownMinutes * 60_000;
}

/** The edit or heartbeat counts as hands-on time on the active intervention (written in the caller's transaction). */
export async function feed(
  store: StoreOf<'interventions', 'readwrite'>,
  active: Intervention,
  at: Date,
): Promise<Intervention> {
  const fed = { ...active, ...mergeHeartbeat(active, at) };
  await store.put(fed);
  return fed;
}

/** Back on an artifact past its planned end: the page asks whether to pull back now. */
export function feedingDecision(fed: Intervention, at: Date, report: ReportRef): EditDecision {
  return isOverdue(fed, at)
    ? { action: 'overdue', intervention: fed, report }
    : { action: 'feeding', interventionId: fed.id, report };
}

export function promptDecision(prompt: PromptRecord, report: ReportRef): EditDecision {
  return {
    action: 'prompt',
    promptId: prompt.id,
    report,
    tool: prompt.tool,
    artifact: prompt.artifact,
    ...kindOf(prompt),
  };
}

/** Logged when shown, unanswered until the lead answers. */
export function newPrompt(
  signal: EditSignal,
  report: ReportRef,
  at: Date,
  id: string,
): PromptRecord {
  return {
    id,
    ...kindOf(signal),
    at: at.toISOString(),
    tool: signal.tool,
    artifact: signal.artifact,
    reportId: report.id,
    answer: 'unanswered',
    answeredAt: null,
    interventionId: null,
  };
}

/** "Yes": the intervention starts now, with the lead's purpose, planned end and words. */
export function startedFrom(
  prompt: PromptRecord,
  input: PromptAnswerInput,
  at: Date,
  id: string,
): Intervention {
  const intent = input.intent?.trim();
  return {
    id,
    ...kindOf(prompt),
    ...(intent ? { intent } : {}),
    tool: prompt.tool,
    artifact: prompt.artifact,
    reportId: prompt.reportId,
    purpose: input.purpose ?? DEFAULT_PURPOSE,
    startedAt: at.toISOString(),
    plannedEndAt: new Date(
      at.getTime() + (input.plannedMinutes ?? DEFAULT_PLANNED_MINUTES) * 60_000,
    ).toISOString(),
    endedAt: null,
    status: 'active',
    activeMs: 0,
    lastActivityAt: at.toISOString(),
    stretchBroken: false,
    remindedAt: null,
    closing: null,
  };
}

/** `kind` travels only when said: absent means 'edit', so older records and signals stay as they were. */
const kindOf = (from: { kind?: InterventionKind }): { kind?: InterventionKind } =>
  from.kind ? { kind: from.kind } : {};

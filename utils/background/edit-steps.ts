/**
 * The steps that follow the edit decision (utils/background/edit-decision.ts) and the lead's
 * answer, as the service takes them: feed the active intervention, log a prompt, start an
 * intervention or add the item to an open one. Pure, or writing only to the store handed in, so
 * the service keeps every decision inside one transaction.
 */
import { DEFAULT_PLAN_MINUTES, type KeepUntil } from '@/utils/model/constants';
import type { StoreOf } from '@/utils/background/db';
import {
  endOfWorkday,
  endOfWorkdayOn,
  firstUntilDoneReminder,
  mergeHeartbeat,
  nextWorkdayEnd,
} from '@/utils/model/durations';
import type {
  EditDecision,
  EditSignal,
  PromptAnswerInput,
  PromptContext,
  ReportRef,
} from '@/utils/protocol/messages';
import type { Intervention, InterventionKind, PromptRecord, Settings } from '@/utils/model/records';

/** A plan length the answer did not give: the default's one value (utils/model/constants.ts). */
export const DEFAULT_PLANNED_MINUTES = DEFAULT_PLAN_MINUTES;
export const DEFAULT_PURPOSE = 'back-on-track' as const;

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

/**
 * Back on an artifact past its planned end (`overdue`, never while paused): the page asks whether
 * to pull back now; a take-over's card also offers to keep it until the next working day's end.
 */
export function feedingDecision(
  fed: Intervention,
  overdue: boolean,
  report: ReportRef,
  keep: { workdayEnd: string; at: Date },
): EditDecision {
  if (!overdue) return { action: 'feeding', interventionId: fed.id, report };
  return {
    action: 'overdue',
    intervention: fed,
    report,
    ...(fed.kind === 'takeover'
      ? { keepUntil: nextWorkdayEnd(fed, keep.workdayEnd, keep.at).toISOString() }
      : {}),
  };
}

/**
 * A plan kept on past its end: minutes from the planned end or from now (an edit's "15 more
 * minutes"), the next working day's end, or until it is done (a take-over's). The plan's kind
 * follows, as if the lead had picked it on the take-over card now.
 */
export function keptOn(
  record: Intervention,
  by: number | KeepUntil,
  at: Date,
  workdayEnd: string,
): Intervention {
  if (by === 'done') {
    if (record.kind !== 'takeover')
      throw new RangeError('Only a take-over can be kept until it is done.');
    return {
      ...record,
      plannedUntil: 'done',
      plannedEndAt: firstUntilDoneReminder(at).toISOString(),
      remindedAt: null,
    };
  }
  if (by === 'next-workday-end') {
    const end = nextWorkdayEnd(record, workdayEnd, at);
    return {
      ...record,
      // Today's end reads "until 18:00"; a later day's carries its date (and is not closed by quiet hours).
      plannedUntil: end.toDateString() === at.toDateString() ? 'end-of-day' : 'day',
      plannedEndAt: end.toISOString(),
      remindedAt: null,
    };
  }
  const from = Math.max(at.getTime(), Date.parse(record.plannedEndAt));
  return { ...record, plannedEndAt: new Date(from + by * 60_000).toISOString(), remindedAt: null };
}

export function promptDecision(
  prompt: PromptRecord,
  report: ReportRef,
  context: PromptContext,
): EditDecision {
  return {
    action: 'prompt',
    promptId: prompt.id,
    report,
    tool: prompt.tool,
    artifact: prompt.artifact,
    ...kindOf(prompt),
    ...context,
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
    ...(signal.stretch?.ms ? { editMs: signal.stretch.ms } : {}),
  };
}

/**
 * "Yes": the intervention starts with the lead's purpose, planned end and words. It started when
 * the editing that led to the prompt did: that time is hands-on time.
 */
export function startedFrom(
  prompt: PromptRecord,
  input: PromptAnswerInput,
  at: Date,
  id: string,
  settings: Pick<Settings, 'workdayEnd'>,
): Intervention {
  const intent = input.intent?.trim();
  const editMs = prompt.editMs ?? 0;
  const startedAt = editMs > 0 ? new Date(Date.parse(prompt.at) - editMs) : at;
  const until = input.until;
  // The plan's length counts from the start, as the popup shows it ("20 min of 1 h planned").
  const plannedEnd =
    until === 'end-of-day'
      ? endOfWorkday(settings.workdayEnd, at)
      : until === 'day'
        ? chosenDayEnd(input.untilDay, settings.workdayEnd, at)
        : until === 'done'
          ? // No planned end: the first weekly reminder.
            firstUntilDoneReminder(at)
          : new Date(
              startedAt.getTime() + (input.plannedMinutes ?? DEFAULT_PLANNED_MINUTES) * 60_000,
            );
  return {
    id,
    ...kindOf(prompt),
    ...(intent ? { intent } : {}),
    tool: prompt.tool,
    artifact: prompt.artifact,
    reportId: prompt.reportId,
    purpose: input.purpose ?? DEFAULT_PURPOSE,
    startedAt: startedAt.toISOString(),
    plannedEndAt: plannedEnd.toISOString(),
    ...(until ? { plannedUntil: until } : {}),
    endedAt: null,
    status: 'active',
    activeMs: editMs,
    lastActivityAt: at.toISOString(),
    stretchBroken: false,
    remindedAt: null,
    closing: null,
  };
}

/** A day the lead picked for a take-over: its working-day end, which must still be ahead. */
function chosenDayEnd(day: string | undefined, workdayEnd: string, at: Date): Date {
  const end = day ? endOfWorkdayOn(day, workdayEnd, at) : null;
  if (!end) throw new RangeError('Pick a day whose working day has not ended yet.');
  return end;
}

/**
 * "Add to ...": the prompt's item joins the report's open intervention; the editing that led to
 * the prompt counts toward its hands-on time.
 */
export function joinedTo(open: Intervention, prompt: PromptRecord, at: Date): Intervention {
  const already =
    (open.tool === prompt.tool && open.artifact.key === prompt.artifact.key) ||
    open.joined?.some((j) => j.tool === prompt.tool && j.artifact.key === prompt.artifact.key);
  const joined = already
    ? open.joined
    : [
        ...(open.joined ?? []),
        { tool: prompt.tool, artifact: prompt.artifact, at: at.toISOString() },
      ];
  return {
    ...open,
    ...(joined ? { joined } : {}),
    // Within the intervention's own span, so the record stays plausible (utils/model/records.ts).
    activeMs: Math.min(
      open.activeMs + (prompt.editMs ?? 0),
      Math.max(open.activeMs, at.getTime() - Date.parse(open.startedAt)),
    ),
    lastActivityAt: at.toISOString() > open.lastActivityAt ? at.toISOString() : open.lastActivityAt,
  };
}

/** `kind` travels only when said: absent means 'edit', so older records and signals stay as they were. */
const kindOf = (from: { kind?: InterventionKind }): { kind?: InterventionKind } =>
  from.kind ? { kind: from.kind } : {};

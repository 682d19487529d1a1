/**
 * What the background does with each message, written against the database
 * and a settings reader so it runs the same in the worker and in unit tests
 * (fake-indexeddb). This file holds the interventions' job (edits, answers,
 * heartbeats, ending, extending, closing, the sweep) and composes the others:
 * forgetting, reading (service-log), the backup (service-backup) and the roster
 * (service-roster). Every decision that spans records happens inside one
 * IndexedDB transaction, so two tabs editing the same ticket at once cannot
 * both create a prompt or an intervention.
 */
import { activeOnArtifact, openForReport, promptsOnArtifact } from '@/utils/background/db';
import {
  EXTEND_MINUTES,
  isLapsed,
  isOverdue,
  untilDoneReminderDue,
  nextUntilDoneReminder,
} from '@/utils/model/durations';
import type {
  AnswerResult,
  EditDecision,
  EditSignal,
  Heartbeat,
  PromptAnswerInput,
} from '@/utils/protocol/messages';
import type { Closing, Intervention, PromptRecord, Purpose, Settings } from '@/utils/model/records';
import { reportNameMap } from '@/utils/people/roster';
import {
  feed,
  feedingDecision,
  joinedTo,
  keptOn,
  newPrompt,
  promptDecision,
  startedFrom,
} from '@/utils/background/edit-steps';
import {
  countsOverdue,
  decideEdit,
  standingOf,
  whoseEdit,
  type QuietWhy,
} from '@/utils/background/edit-decision';
import { promptContext } from '@/utils/background/prompt-context';
import { weekIdOf } from '@/utils/model/week';
import { createForgetting } from '@/utils/background/forget';
import { createBackupJobs } from '@/utils/background/service-backup';
import {
  storedPauseLog,
  UnknownRecordError,
  type JobDeps,
  type ServiceDeps,
} from '@/utils/background/service-deps';
import { createLogJobs } from '@/utils/background/service-log';
import { createRosterJobs } from '@/utils/background/service-roster';
import type { KeepUntil } from '@/utils/model/constants';

export { DEFAULT_PLANNED_MINUTES, DEFAULT_PURPOSE } from '@/utils/background/edit-steps';

export { UnknownRecordError, type ServiceDeps } from '@/utils/background/service-deps';

/** The edit decision's quiet answers as the page hears them ("nobody" reads as "not a report"). */
function quiet(why: QuietWhy): EditDecision {
  return {
    action: 'none',
    reason: why === 'nobody' || why === 'unreadable' ? 'not-a-report' : why,
  };
}

export function createService({
  db,
  getSettings,
  setSettings,
  now = () => new Date(),
  newId = () => crypto.randomUUID(),
  pauseLog = storedPauseLog,
  retentionHere,
  getPause = async () => null,
}: ServiceDeps) {
  const deps: JobDeps = { db, getSettings, setSettings, now, newId, pauseLog, getPause };

  return {
    // Deleting: one record, a report, before a date, everything; retention (utils/background/forget.ts).
    ...createForgetting({ db, getSettings, setSettings, now, pauseLog, retentionHere }),
    // Reading: the popup's lists, the summary's records, the check-in (utils/background/service-log.ts).
    ...createLogJobs(deps),
    // The backup written in parts and the import (utils/background/service-backup.ts).
    ...createBackupJobs(deps),
    // Settings and claims (utils/background/service-roster.ts).
    ...createRosterJobs(deps),

    /**
     * An edit on an artifact: whose work is it; then, in one transaction, the one edit decision
     * (utils/background/edit-decision.ts) over the item's records: feed its active intervention,
     * keep quiet (pause, cooldown), a touch so far, or ask.
     */
    async edit(signal: EditSignal): Promise<EditDecision> {
      const settings = await getSettings();
      const standing = standingOf(settings, signal);
      const whose = whoseEdit(settings, signal.tool, standing);
      if ('why' in whose)
        return whose.why === 'mine'
          ? ((await takenOver(signal, settings)) ?? quiet('mine'))
          : quiet(whose.why);
      const report = { id: whose.reportId, name: whose.reportName };
      const at = now();
      const pause = await getPause();

      const tx = db.transaction(['interventions', 'prompts', 'ratings'], 'readwrite');
      const interventions = tx.objectStore('interventions');
      const prompts = tx.objectStore('prompts');
      const active =
        (await activeOnArtifact(interventions, signal.tool, signal.artifact.key)) ?? null;
      // A take-over is its own question: never offered as part of other work.
      const joinable =
        active || signal.kind === 'takeover'
          ? null
          : ((await openForReport(interventions, report.id)) ?? null);
      const previous =
        (await promptsOnArtifact(prompts, signal.tool, signal.artifact.key)).at(-1) ?? null;
      const outcome = decideEdit({
        settings,
        tool: signal.tool,
        standing,
        active,
        joinable,
        lastPrompt: previous,
        pause,
        now: at,
        stretch: signal.stretch,
      });
      switch (outcome.effect) {
        case 'nothing':
          await tx.done;
          return quiet(outcome.why);
        case 'count': {
          const fed = await feed(interventions, active!, at);
          await tx.done;
          return feedingDecision(fed, outcome.overdue, report, {
            workdayEnd: settings.workdayEnd,
            at,
          });
        }
        case 'touch':
          await tx.done;
          return { action: 'touch', threshold: outcome.threshold, report };
        case 'prompt': {
          const context = await promptContext(
            tx.objectStore('ratings'),
            report.id,
            joinable,
            settings,
            at,
          );
          if (outcome.waiting) {
            await tx.done;
            return promptDecision(previous!, report, context);
          }
          const prompt = newPrompt(signal, report, at, newId());
          await prompts.add(prompt);
          await tx.done;
          return promptDecision(prompt, report, context);
        }
      }
    },

    /**
     * A stretch of editing on a report's item stopped before it asked (a typo fixed): counted as a
     * touch for the report's week, if the edit decision still says so (never while paused).
     */
    async touch(signal: EditSignal): Promise<boolean> {
      const settings = await getSettings();
      const standing = standingOf(settings, signal);
      const whose = whoseEdit(settings, signal.tool, standing);
      if ('why' in whose) return false;
      const at = now();
      const pause = await getPause();
      const tx = db.transaction(['interventions', 'prompts', 'touches'], 'readwrite');
      const active =
        (await activeOnArtifact(
          tx.objectStore('interventions'),
          signal.tool,
          signal.artifact.key,
        )) ?? null;
      const previous =
        (await promptsOnArtifact(tx.objectStore('prompts'), signal.tool, signal.artifact.key)).at(
          -1,
        ) ?? null;
      const outcome = decideEdit({
        settings,
        tool: signal.tool,
        standing,
        active,
        joinable: null,
        lastPrompt: previous,
        pause,
        now: at,
        stretch: signal.stretch ?? { keys: 1, pasted: false },
      });
      if (outcome.effect !== 'touch') {
        await tx.done;
        return false;
      }
      const touches = tx.objectStore('touches');
      const week = weekIdOf(at);
      const id = `${week}:${whose.reportId}`;
      const had = await touches.get(id);
      await touches.put({
        id,
        week,
        reportId: whose.reportId,
        count: (had?.count ?? 0) + 1,
        at: at.toISOString(),
      });
      await tx.done;
      return true;
    },

    /** The lead's answer. Answering twice (two tabs) keeps the first answer. */
    async answerPrompt(input: PromptAnswerInput): Promise<AnswerResult> {
      const at = now();
      // Read before the transaction: an await on anything else inside it would end it.
      const settings = await getSettings();
      const tx = db.transaction(['interventions', 'prompts'], 'readwrite');
      const prompts = tx.objectStore('prompts');
      const interventions = tx.objectStore('interventions');
      const prompt = await prompts.get(input.promptId);
      if (!prompt) throw new UnknownRecordError('This prompt is no longer known to Pullback.');
      if (prompt.answer !== 'unanswered') {
        const existing = prompt.interventionId
          ? ((await interventions.get(prompt.interventionId)) ?? null)
          : null;
        await tx.done;
        return { prompt, intervention: existing };
      }

      let intervention: Intervention | null = null;
      if (input.answer === 'deliberate') {
        // Yes in two tabs, or on an artifact another prompt already started: one intervention.
        intervention =
          (await activeOnArtifact(interventions, prompt.tool, prompt.artifact.key)) ?? null;
        const open = !intervention && input.join ? await interventions.get(input.join) : undefined;
        if (
          input.join &&
          !intervention &&
          (open?.status !== 'active' || open.reportId !== prompt.reportId)
        )
          throw new UnknownRecordError(
            'That intervention is no longer open; start a separate one instead.',
          );
        if (open) {
          intervention = joinedTo(open, prompt, at);
          await interventions.put(intervention);
        } else if (!intervention) {
          intervention = startedFrom(prompt, input, at, newId(), settings);
          await interventions.add(intervention);
        }
      }
      const answered: PromptRecord = {
        ...prompt,
        answer: input.answer,
        answeredAt: at.toISOString(),
        interventionId: intervention?.id ?? null,
      };
      await prompts.put(answered);
      await tx.done;
      return { prompt: answered, intervention };
    },

    /** Pull back: end an active intervention now. Ending an ended one changes nothing. */
    endIntervention(id: string): Promise<Intervention> {
      return changeActive(id, (record) => ({
        ...record,
        status: 'ended',
        endedAt: now().toISOString(),
      }));
    },

    /** Interaction on an artifact's page: extends the active intervention's hands-on time. */
    async heartbeat(beat: Heartbeat): Promise<EditDecision> {
      const at = now();
      const pause = await getPause();
      const tx = db.transaction('interventions', 'readwrite');
      const found = await activeOnArtifact(tx.store, beat.tool, beat.key);
      const active = found && (await feed(tx.store, found, at));
      await tx.done;
      if (!active) return { action: 'none', reason: 'not-active' };
      const settings = await getSettings();
      const report = {
        id: active.reportId,
        name: reportNameMap(settings).get(active.reportId) ?? 'a former report',
      };
      return feedingDecision(active, countsOverdue(active, pause, at), report, {
        workdayEnd: settings.workdayEnd,
        at,
      });
    },

    /** The machine went idle or locked: every open hands-on stretch ends here. */
    async markIdle(): Promise<number> {
      const tx = db.transaction('interventions', 'readwrite');
      const active = await tx.store.index('by-status').getAll('active');
      await Promise.all(active.map((r) => tx.store.put({ ...r, stretchBroken: true })));
      await tx.done;
      return active.length;
    },

    /**
     * "15 more minutes" (from the planned end, or from now if that has passed), or a take-over's
     * "Keep it until" the next working day's end the lead set, or "Until it is done".
     */
    async extendIntervention(id: string, by: number | KeepUntil): Promise<Intervention> {
      const { workdayEnd } = await getSettings();
      return changeActive(id, (record) => keptOn(record, by, now(), workdayEnd));
    },

    /** The working day's end the lead set ("HH:MM"): what a take-over's "Keep it until" plans to. */
    async workdayEnd(): Promise<string> {
      return (await getSettings()).workdayEnd;
    },

    /**
     * The reminder's second button: a take-over is kept until the next working day's end, an
     * edit's intervention gets 15 more minutes (the notification said which).
     */
    async keepFromReminder(id: string): Promise<Intervention> {
      const { workdayEnd } = await getSettings();
      return changeActive(id, (record) =>
        keptOn(
          record,
          record.kind === 'takeover' ? 'next-workday-end' : EXTEND_MINUTES,
          now(),
          workdayEnd,
        ),
      );
    },

    /**
     * The prompt's step after Yes: the purpose and the lead's few words land on the intervention
     * Yes started (ended or not: the words are about how it began). Blank words change nothing.
     */
    async annotateIntervention(
      id: string,
      notes: { purpose?: Purpose; intent?: string },
    ): Promise<Intervention> {
      const tx = db.transaction('interventions', 'readwrite');
      const record = await tx.store.get(id);
      if (!record)
        throw new UnknownRecordError('This intervention is no longer known to Pullback.');
      const intent = notes.intent?.trim();
      const updated: Intervention = {
        ...record,
        ...(notes.purpose ? { purpose: notes.purpose } : {}),
        ...(intent ? { intent } : {}),
      };
      await tx.store.put(updated);
      await tx.done;
      return updated;
    },

    /** The two closing questions, answered (or skipped) after pulling back. */
    async recordClosing(
      id: string,
      answers: Pick<Closing, 'saidFramework' | 'ownerNow'>,
    ): Promise<Intervention> {
      const tx = db.transaction('interventions', 'readwrite');
      const record = await tx.store.get(id);
      if (!record)
        throw new UnknownRecordError('This intervention is no longer known to Pullback.');
      const updated: Intervention = {
        ...record,
        closing: { ...answers, answeredAt: now().toISOString() },
      };
      await tx.store.put(updated);
      await tx.done;
      return updated;
    },

    /**
     * The periodic check: closes lapsed interventions at their last heartbeat
     * (never deleted, never extended) and returns what is still active, with
     * the overdue ones not yet reminded marked as reminded now.
     */
    async sweep({ remind = true }: { remind?: boolean } = {}): Promise<{
      active: Intervention[];
      lapsed: Intervention[];
      toRemind: Intervention[];
    }> {
      const at = now();
      const settings = await getSettings();
      const lapseMs = settings.lapseHours * 3_600_000;
      const tx = db.transaction('interventions', 'readwrite');
      const active: Intervention[] = [];
      const lapsed: Intervention[] = [];
      const toRemind: Intervention[] = [];
      for (const record of await tx.store.index('by-status').getAll('active')) {
        if (isLapsed(record, at, lapseMs)) {
          const closed: Intervention = {
            ...record,
            status: 'lapsed',
            endedAt: record.lastActivityAt,
          };
          await tx.store.put(closed);
          lapsed.push(closed);
        } else if (remind && untilDoneReminderDue(record, at)) {
          // "Until it is done": the weekly question comes, and the next one is a week on.
          const reminded: Intervention = {
            ...record,
            plannedEndAt: nextUntilDoneReminder(record, at).toISOString(),
            remindedAt: at.toISOString(),
          };
          await tx.store.put(reminded);
          active.push(reminded);
          toRemind.push(reminded);
        } else if (remind && isOverdue(record, at) && !record.remindedAt) {
          const reminded: Intervention = { ...record, remindedAt: at.toISOString() };
          await tx.store.put(reminded);
          active.push(reminded);
          toRemind.push(reminded);
        } else {
          active.push(record);
        }
      }
      await tx.done;
      return { active, lapsed, toRemind };
    },
  };

  /**
   * The lead's own item that they took over (it is assigned to them now): their edits are the
   * take-over's hands-on time, and past its planned end the page asks whether it is still theirs.
   * Null when no take-over is active on the item.
   */
  async function takenOver(signal: EditSignal, settings: Settings): Promise<EditDecision | null> {
    const at = now();
    const pause = await getPause();
    const tx = db.transaction('interventions', 'readwrite');
    const active = (await activeOnArtifact(tx.store, signal.tool, signal.artifact.key)) ?? null;
    const outcome = decideEdit({
      settings,
      tool: signal.tool,
      standing: { kind: 'me' },
      active,
      joinable: null,
      lastPrompt: null,
      pause,
      now: at,
      stretch: signal.stretch,
    });
    if (outcome.effect !== 'count') {
      await tx.done;
      return null;
    }
    const fed = await feed(tx.store, active!, at);
    await tx.done;
    const report = {
      id: fed.reportId,
      name: reportNameMap(settings).get(fed.reportId) ?? 'a former report',
    };
    return feedingDecision(fed, outcome.overdue, report, {
      workdayEnd: settings.workdayEnd,
      at,
    });
  }

  /** Read-change-write of one intervention in one transaction; one no longer active is returned as it is. */
  async function changeActive(
    id: string,
    change: (record: Intervention) => Intervention,
  ): Promise<Intervention> {
    const tx = db.transaction('interventions', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) throw new UnknownRecordError('This intervention is no longer known to Pullback.');
    const result = record.status === 'active' ? change(record) : record;
    if (result !== record) await tx.store.put(result);
    await tx.done;
    return result;
  }
}

export type PullbackService = ReturnType<typeof createService>;

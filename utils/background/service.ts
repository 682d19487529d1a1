/**
 * What the background does with each message, written against the database
 * and a settings reader so it runs the same in the worker and in unit tests
 * (fake-indexeddb). Every write happens here; every decision that spans
 * records happens inside one IndexedDB transaction, so two tabs editing the
 * same ticket at once cannot both create a prompt or an intervention.
 */
import { buildBackup, parseBackup, type ParsedBackup } from '@/utils/background/backup';
import {
  backupParts,
  EXPORT_CHUNK_RECORDS,
  openingText,
  recordLines,
  type BackupChunk,
  type BackupStore,
} from '@/utils/background/backup-writer';
import {
  activeInterventions,
  activeOnArtifact,
  interventionsStartedBetween,
  promptsBetween,
  ratingsBetween,
  recentInterventions,
  promptsOnArtifact,
  recentPrompts,
  type PullbackDatabase,
} from '@/utils/background/db';
import { isLapsed, isOverdue } from '@/utils/model/durations';
import type {
  AnswerResult,
  EditDecision,
  EditSignal,
  Heartbeat,
  ImportResult,
  InterventionView,
  PromptAnswerInput,
  PromptView,
  SummaryData,
  SummaryRange,
} from '@/utils/protocol/messages';
import type { ClaimInput, RatingInput } from '@/utils/protocol/schemas';
import type {
  Claim,
  Closing,
  Intervention,
  PromptRecord,
  Rating,
  Settings,
} from '@/utils/model/records';
import { mergePauseEvents, pauseLogItem, type PauseEvent } from '@/utils/background/pause';
import { reportNameMap } from '@/utils/people/roster';
import {
  feed,
  feedingDecision,
  newPrompt,
  promptDecision,
  startedFrom,
  whoseWork,
  withinCooldown,
} from '@/utils/background/edit-steps';
import { createForgetting } from '@/utils/background/forget';

export { DEFAULT_PLANNED_MINUTES, DEFAULT_PURPOSE } from '@/utils/background/edit-steps';

export interface ServiceDeps {
  db: PullbackDatabase;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<void>;
  now?: () => Date;
  newId?: () => string;
  /** The pause log (extension storage, utils/background/pause.ts), for the backup. */
  pauseLog?: { get(): Promise<PauseEvent[]>; set(events: PauseEvent[]): Promise<void> };
}

export class UnknownRecordError extends Error {}

const storedPauseLog = {
  get: () => pauseLogItem.getValue(),
  set: (events: PauseEvent[]) => pauseLogItem.setValue(events),
};

export function createService({
  db,
  getSettings,
  setSettings,
  now = () => new Date(),
  newId = () => crypto.randomUUID(),
  pauseLog = storedPauseLog,
}: ServiceDeps) {
  async function reportNames(): Promise<Map<string, string>> {
    return reportNameMap(await getSettings());
  }
  const named = <T extends { reportId: string }>(names: Map<string, string>, row: T) => ({
    ...row,
    reportName: names.get(row.reportId) ?? 'a former report',
  });

  return {
    // Deleting: one record, a report, before a date, everything; retention (utils/background/forget.ts).
    ...createForgetting({ db, getSettings, setSettings, now, pauseLog }),

    /**
     * An edit on an artifact: whose work is it; then, in one transaction, feed
     * its active intervention, respect the cooldown of its last prompt, or ask.
     */
    async edit(signal: EditSignal): Promise<EditDecision> {
      const settings = await getSettings();
      const whose = whoseWork(settings, signal);
      if ('reason' in whose) return { action: 'none', reason: whose.reason };
      const { report } = whose;
      const at = now();

      const tx = db.transaction(['interventions', 'prompts'], 'readwrite');
      const interventions = tx.objectStore('interventions');
      const prompts = tx.objectStore('prompts');
      const active = await activeOnArtifact(interventions, signal.tool, signal.artifact.key);
      if (active) {
        const fed = await feed(interventions, active, at);
        await tx.done;
        return feedingDecision(fed, at, report);
      }

      const previous = (await promptsOnArtifact(prompts, signal.tool, signal.artifact.key)).at(-1);
      if (previous && withinCooldown(previous, at, settings.cooldownMinutes)) {
        await tx.done;
        // A prompt still waiting for its answer is offered again (another tab, a reload), never duplicated.
        return previous.answer === 'unanswered'
          ? promptDecision(previous, report)
          : { action: 'none', reason: 'cooldown' };
      }

      const prompt = newPrompt(signal, report, at, newId());
      await prompts.add(prompt);
      await tx.done;
      return promptDecision(prompt, report);
    },

    /** The lead's answer. Answering twice (two tabs) keeps the first answer. */
    async answerPrompt(input: PromptAnswerInput): Promise<AnswerResult> {
      const at = now();
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
        if (!intervention) {
          intervention = startedFrom(prompt, input, at, newId());
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
      const tx = db.transaction('interventions', 'readwrite');
      const found = await activeOnArtifact(tx.store, beat.tool, beat.key);
      const active = found && (await feed(tx.store, found, at));
      await tx.done;
      if (!active) return { action: 'none', reason: 'not-active' };
      const report = {
        id: active.reportId,
        name: (await reportNames()).get(active.reportId) ?? 'a former report',
      };
      return feedingDecision(active, at, report);
    },

    /** The machine went idle or locked: every open hands-on stretch ends here. */
    async markIdle(): Promise<number> {
      const tx = db.transaction('interventions', 'readwrite');
      const active = await tx.store.index('by-status').getAll('active');
      await Promise.all(active.map((r) => tx.store.put({ ...r, stretchBroken: true })));
      await tx.done;
      return active.length;
    },

    /** "15 more minutes": from the planned end, or from now if that has passed. */
    extendIntervention(id: string, minutes: number): Promise<Intervention> {
      return changeActive(id, (record) => {
        const from = Math.max(now().getTime(), Date.parse(record.plannedEndAt));
        return {
          ...record,
          plannedEndAt: new Date(from + minutes * 60_000).toISOString(),
          remindedAt: null,
        };
      });
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
    async sweep(): Promise<{
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
        } else if (isOverdue(record, at) && !record.remindedAt) {
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

    /** Ended recently with the closing questions still open: the popup offers them. */
    async listAwaitingClosing(withinMs = 24 * 3_600_000): Promise<InterventionView[]> {
      const names = await reportNames();
      const since = new Date(now().getTime() - withinMs).toISOString();
      const recent = await recentInterventions(db, 50);
      return recent
        .filter((r) => r.status !== 'active' && !r.closing && (r.endedAt ?? '') >= since)
        .map((r) => named(names, r));
    },

    async listActive(): Promise<InterventionView[]> {
      const names = await reportNames();
      return (await activeInterventions(db)).map((r) => named(names, r));
    },

    async listLog(
      limit: number,
    ): Promise<{ interventions: InterventionView[]; prompts: PromptView[] }> {
      const names = await reportNames();
      const [interventions, prompts] = await Promise.all([
        recentInterventions(db, limit),
        recentPrompts(db, limit),
      ]);
      return {
        interventions: interventions.map((r) => named(names, r)),
        prompts: prompts.map((p) => named(names, p)),
      };
    },

    /** The whole backup file as one string (the pages fetch it in parts: exportOpening, exportChunk). */
    async exportBackup(): Promise<string> {
      return (await backupParts({ opening: exportOpening, chunk: exportChunk })).join('');
    },
    exportOpening,
    exportChunk,

    /**
     * The records behind a summary: started (or shown, or rated) within the
     * range, through the time indexes, plus anything still active from before
     * (open at the week's end means "temporary becoming permanent").
     */
    async summaryData(range: SummaryRange): Promise<SummaryData> {
      const [started, stillActive, prompts, ratings] = await Promise.all([
        interventionsStartedBetween(db, range.fromIso, range.toIso),
        activeInterventions(db),
        promptsBetween(db, range.fromIso, range.toIso),
        ratingsBetween(db, range.fromWeek, range.toWeek),
      ]);
      const seen = new Set(started.map((r) => r.id));
      const olderOpen = stillActive.filter((r) => !seen.has(r.id) && r.startedAt < range.fromIso);
      return { interventions: [...olderOpen, ...started], prompts, ratings };
    },

    /** This week's alignment x confidence check-in for one report (one per report per week). */
    async saveRating(input: RatingInput): Promise<Rating> {
      const rating: Rating = {
        ...input,
        id: `${input.week}:${input.reportId}`,
        at: now().toISOString(),
      };
      await db.put('ratings', rating);
      return rating;
    },

    /** Validate first; then merge the log by id (records already here win) and replace settings. */
    async importBackup(text: string): Promise<ImportResult> {
      const parsed = parseBackup(text);
      if (!parsed.ok) return parsed;
      return mergeBackup(parsed.backup);
    },

    async saveSettings(settings: Settings): Promise<Settings> {
      await setSettings(settings);
      return settings;
    },

    /** "This belongs to…": one claim per URL prefix (claiming again re-assigns it). */
    async addClaim(input: ClaimInput): Promise<Claim> {
      const settings = await getSettings();
      if (!settings.reports.some((r) => r.id === input.reportId))
        throw new UnknownRecordError('That report is not in your roster.');
      const claim: Claim = { ...input, id: newId(), createdAt: now().toISOString() };
      await setSettings({
        ...settings,
        claims: [...settings.claims.filter((c) => c.urlPrefix !== input.urlPrefix), claim],
      });
      return claim;
    },

    async removeClaim(id: string): Promise<void> {
      const settings = await getSettings();
      await setSettings({ ...settings, claims: settings.claims.filter((c) => c.id !== id) });
    },
  };

  /** The backup's settings and dates (buildBackup's fields, but the record lists), written open for the lists. */
  async function exportOpening(): Promise<string> {
    // Everything buildBackup writes (the pause log included) but the record lists, which follow in chunks.
    const [settings, pauses] = await Promise.all([getSettings(), pauseLog.get()]);
    const {
      interventions: _i,
      prompts: _p,
      ratings: _r,
      ...head
    } = buildBackup(settings, [], [], [], now(), pauses);
    return openingText(head);
  }

  /** One store's records after a key, in key order, as the file's lines: one read, one message. */
  async function exportChunk(
    store: BackupStore,
    after: string | null,
    limit = EXPORT_CHUNK_RECORDS,
  ): Promise<BackupChunk> {
    const records = await db.getAll(
      store,
      after === null ? null : IDBKeyRange.lowerBound(after, true),
      limit,
    );
    return {
      text: recordLines(records, after !== null),
      last: records.length < limit ? null : records.at(-1)!.id,
    };
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

  async function mergeBackup(backup: ParsedBackup): Promise<ImportResult> {
    const tx = db.transaction(['interventions', 'prompts', 'ratings'], 'readwrite');
    // Read the ids once, then queue every add in the one transaction: no round trip per record.
    const [haveInterventions, havePrompts, haveRatings] = await Promise.all([
      tx
        .objectStore('interventions')
        .getAllKeys()
        .then((k) => new Set(k)),
      tx
        .objectStore('prompts')
        .getAllKeys()
        .then((k) => new Set(k)),
      tx
        .objectStore('ratings')
        .getAllKeys()
        .then((k) => new Set(k)),
    ]);
    const fresh = <T extends { id: string }>(records: T[], have: Set<string>) => {
      const out: T[] = [];
      for (const r of records) {
        if (have.has(r.id)) continue;
        have.add(r.id);
        out.push(r);
      }
      return out;
    };
    const interventions = fresh(backup.interventions, haveInterventions);
    const prompts = fresh(backup.prompts, havePrompts);
    const ratings = fresh(backup.ratings, haveRatings);
    const interventionsAdded = interventions.length;
    const promptsAdded = prompts.length;
    const duplicatesSkipped =
      backup.interventions.length +
      backup.prompts.length +
      backup.ratings.length -
      interventionsAdded -
      promptsAdded -
      ratings.length;
    await Promise.all([
      ...interventions.map((r) => tx.objectStore('interventions').add(r)),
      ...prompts.map((r) => tx.objectStore('prompts').add(r)),
      ...ratings.map((r) => tx.objectStore('ratings').add(r)),
    ]);
    await tx.done;
    await setSettings(backup.settings);
    // A file from before the pause log was in the backup leaves this browser's log as it is.
    if (backup.pauseLog)
      await pauseLog.set(mergePauseEvents(await pauseLog.get(), backup.pauseLog));
    return {
      ok: true,
      reports: backup.settings.reports.length,
      interventionsAdded,
      promptsAdded,
      duplicatesSkipped,
    };
  }
}

export type PullbackService = ReturnType<typeof createService>;

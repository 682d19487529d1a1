/**
 * Forgetting: the lead deletes one record, everything about one report,
 * everything before a date, or everything. Pullback keeps notes about named
 * people; these are the ways to take them back. Every deletion has a
 * preview (the counts the confirmation shows) computed by the same scope, so
 * what the dialog says is what goes. Records go in one IndexedDB
 * transaction; the roster and claims (settings) are written after it.
 */
import { subMonths } from 'date-fns';
import type { PullbackDatabase } from '@/utils/background/db';
import { RETENTION_CHOICES, type ForgetStore } from '@/utils/model/constants';
import type { ForgetCounts, ForgetScope, PendingRetention } from '@/utils/protocol/messages';
import type { RetentionMonths, Settings } from '@/utils/model/records';
import { retentionHereItem } from '@/utils/settings/store';
import { oneOnOneActionsItem } from '@/utils/settings/note-items';
import type { PauseEvent } from '@/utils/background/pause';

export { FORGET_STORES, type ForgetStore } from '@/utils/model/constants';
export type { ForgetCounts, ForgetScope, PendingRetention } from '@/utils/protocol/messages';

/** Retention choices offered on the options page (months); absent or 0 means keep everything. */
export const RETENTION_MONTHS = RETENTION_CHOICES.filter((m) => m > 0);

export interface ForgetDeps {
  db: PullbackDatabase;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<void>;
  now?: () => Date;
  /** The pause log (utils/background/pause.ts): no one's name in it, but it is the lead's history too. */
  pauseLog?: { get(): Promise<PauseEvent[]>; set(events: PauseEvent[]): Promise<void> };
  /** The lead's 1:1 actions per report id (utils/settings/note-items.ts): named people's too. */
  noteActions?: {
    get(): Promise<Record<string, string[]>>;
    set(actions: Record<string, string[]>): Promise<void>;
  };
  /** The retention this browser applies (utils/settings/store.ts retentionHereItem). */
  retentionHere?: {
    get(): Promise<RetentionMonths | null>;
    set(months: RetentionMonths): Promise<void>;
  };
}

const storedNoteActions = {
  get: () => oneOnOneActionsItem.getValue(),
  set: (actions: Record<string, string[]>) => oneOnOneActionsItem.setValue(actions),
};

const storedRetentionHere = {
  get: () => retentionHereItem.getValue(),
  set: (months: RetentionMonths) => retentionHereItem.setValue(months),
};

/** Whether keeping `a` months keeps at least what keeping `b` months does (0 keeps everything). */
const keepsAtLeast = (a: number, b: number) => a === 0 || (b !== 0 && a >= b);

const NONE: ForgetCounts = {
  interventions: 0,
  prompts: 0,
  ratings: 0,
  claims: 0,
  reports: 0,
  pauseEvents: 0,
};

/** The primary keys a scope covers in each store, read in the given transaction. */
type Stores = 'interventions' | 'prompts' | 'ratings' | 'touches';

/** The counts a confirmation states, from what a scope covers: the preview and the deletion share it. */
function countsOf(
  ids: Record<Stores, string[]>,
  roster: { reportIds: Set<string>; claimIds: Set<string> },
  pauses: { all: PauseEvent[]; kept: PauseEvent[] },
): ForgetCounts {
  return {
    interventions: ids.interventions.length,
    prompts: ids.prompts.length,
    ratings: ids.ratings.length,
    claims: roster.claimIds.size,
    reports: roster.reportIds.size,
    pauseEvents: pauses.all.length - pauses.kept.length,
    // Said only when there are some: counts stay as they were for everyone who has none.
    ...(ids.touches.length ? { touches: ids.touches.length } : {}),
  };
}

export function createForgetting({
  db,
  getSettings,
  setSettings,
  now = () => new Date(),
  pauseLog,
  noteActions = storedNoteActions,
  retentionHere = storedRetentionHere,
}: ForgetDeps) {
  /**
   * The retention in force here, and the setting. A setting that keeps as much or more (the lead
   * loosened it anywhere) is taken at once: it deletes nothing. A stricter one waits for the lead.
   */
  async function retentionNow(): Promise<{ here: RetentionMonths; wanted: RetentionMonths }> {
    const wanted = (await getSettings()).retentionMonths ?? 0;
    const stored = await retentionHere.get();
    // Never set: the settings as they are (the sync store records the value before any synced change).
    if (stored === null || (stored !== wanted && keepsAtLeast(wanted, stored))) {
      await retentionHere.set(wanted);
      return { here: wanted, wanted };
    }
    return { here: stored, wanted };
  }
  const cutoff = (months: number) => subMonths(now(), months).toISOString();

  /** Ids of the records in scope, per store. Active interventions are never "before" a date: they are still going on. */
  async function recordsIn(scope: ForgetScope, mode: IDBTransactionMode) {
    const tx = db.transaction(
      ['interventions', 'prompts', 'ratings', 'touches'],
      mode as 'readwrite',
    );
    const ids: Record<Stores, string[]> = {
      interventions: [],
      prompts: [],
      ratings: [],
      touches: [],
    };
    const touches = tx.objectStore('touches');
    const interventions = tx.objectStore('interventions');
    const prompts = tx.objectStore('prompts');
    const ratings = tx.objectStore('ratings');
    switch (scope.kind) {
      case 'record': {
        const key = await tx.objectStore(scope.store).getKey(scope.id);
        if (key !== undefined) ids[scope.store].push(key as string);
        break;
      }
      case 'report': {
        const range = IDBKeyRange.bound([scope.reportId, ''], [scope.reportId, '\uffff']);
        ids.interventions = (await interventions.index('by-report').getAllKeys(range)) as string[];
        ids.prompts = (await prompts.index('by-report').getAllKeys(range)) as string[];
        ids.ratings = (await ratings.index('by-report').getAllKeys(range)) as string[];
        ids.touches = (await touches.index('by-report').getAllKeys(range)) as string[];
        break;
      }
      case 'before': {
        const range = IDBKeyRange.upperBound(scope.beforeIso, true);
        ids.interventions = (await interventions.index('by-startedAt').getAll(range))
          .filter((r) => r.status !== 'active')
          .map((r) => r.id);
        ids.prompts = (await prompts.index('by-at').getAllKeys(range)) as string[];
        ids.ratings = (await ratings.getAll())
          .filter((r) => r.at < scope.beforeIso)
          .map((r) => r.id);
        ids.touches = (await touches.getAll())
          .filter((r) => r.at < scope.beforeIso)
          .map((r) => r.id);
        break;
      }
      case 'everything': {
        ids.interventions = (await interventions.getAllKeys()) as string[];
        ids.prompts = (await prompts.getAllKeys()) as string[];
        ids.ratings = (await ratings.getAllKeys()) as string[];
        ids.touches = (await touches.getAllKeys()) as string[];
        break;
      }
    }
    return { tx, ids };
  }

  /** The roster side of a scope: which reports (current or former) and claims go. */
  function settingsIn(
    scope: ForgetScope,
    settings: Settings,
  ): { reportIds: Set<string>; claimIds: Set<string> } {
    const former = settings.formerReports ?? [];
    const reportIds = new Set<string>(
      scope.kind === 'report'
        ? [...settings.reports, ...former].filter((r) => r.id === scope.reportId).map((r) => r.id)
        : scope.kind === 'everything'
          ? [...settings.reports, ...former].map((r) => r.id)
          : [],
    );
    const claimIds = new Set(
      settings.claims.filter((c) => reportIds.has(c.reportId)).map((c) => c.id),
    );
    return { reportIds, claimIds };
  }

  /** The pause log split by a scope: everything, or everything before a date, takes its events. */
  async function pauseEventsIn(
    scope: ForgetScope,
  ): Promise<{ all: PauseEvent[]; kept: PauseEvent[] }> {
    if (!pauseLog || (scope.kind !== 'everything' && scope.kind !== 'before'))
      return { all: [], kept: [] };
    const all = await pauseLog.get();
    return {
      all,
      kept: scope.kind === 'everything' ? [] : all.filter((e) => e.at >= scope.beforeIso),
    };
  }

  async function preview(scope: ForgetScope): Promise<ForgetCounts> {
    const [{ tx, ids }, settings, pauses] = await Promise.all([
      recordsIn(scope, 'readonly'),
      getSettings(),
      pauseEventsIn(scope),
    ]);
    await tx.done;
    const { reportIds, claimIds } = settingsIn(scope, settings);
    return countsOf(ids, { reportIds, claimIds }, pauses);
  }

  async function forget(scope: ForgetScope): Promise<ForgetCounts> {
    const { tx, ids } = await recordsIn(scope, 'readwrite');
    const gone = new Set(ids.interventions);
    const deletes: Promise<unknown>[] = [];
    for (const store of ['interventions', 'prompts', 'ratings', 'touches'] as const) {
      for (const id of ids[store]) deletes.push(tx.objectStore(store).delete(id));
    }
    // A prompt that started a deleted intervention keeps its answer but no longer points at it.
    if (gone.size && scope.kind !== 'everything') {
      const prompts = tx.objectStore('prompts');
      const deletedPrompts = new Set(ids.prompts);
      for (const prompt of await prompts.getAll()) {
        if (
          prompt.interventionId &&
          gone.has(prompt.interventionId) &&
          !deletedPrompts.has(prompt.id)
        ) {
          deletes.push(prompts.put({ ...prompt, interventionId: null }));
        }
      }
    }
    await Promise.all(deletes);
    await tx.done;
    const pauses = await pauseEventsIn(scope);
    if (pauses.kept.length !== pauses.all.length) await pauseLog!.set(pauses.kept);

    const settings = await getSettings();
    const { reportIds, claimIds } = settingsIn(scope, settings);
    if (reportIds.size || claimIds.size || scope.kind === 'everything') {
      const everything = scope.kind === 'everything';
      await setSettings({
        ...settings,
        me: everything ? { name: '', aliases: [] } : settings.me,
        reports: settings.reports.filter((r) => !reportIds.has(r.id)),
        formerReports: (settings.formerReports ?? []).filter((r) => !reportIds.has(r.id)),
        claims: settings.claims.filter((c) => !claimIds.has(c.id)),
      });
      // The actions the lead wrote for a report's 1:1 name that report's work: they go with them.
      const actions = await noteActions.get();
      const kept = everything
        ? {}
        : Object.fromEntries(Object.entries(actions).filter(([id]) => !reportIds.has(id)));
      if (Object.keys(kept).length !== Object.keys(actions).length) await noteActions.set(kept);
    }
    return countsOf(ids, { reportIds, claimIds }, pauses);
  }

  return {
    forgetPreview: preview,
    deleteRecord: (store: ForgetStore, id: string) => forget({ kind: 'record', store, id }),
    forgetReport: (reportId: string) => forget({ kind: 'report', reportId }),
    deleteBefore: (beforeIso: string) => forget({ kind: 'before', beforeIso }),
    deleteEverything: () => forget({ kind: 'everything' }),

    /**
     * Takes a report off the roster but keeps their history: their records
     * stay, still named, under "former reports". Their claims go (nobody new
     * should be attributed to someone who left).
     */
    async retireReport(reportId: string): Promise<Settings> {
      const settings = await getSettings();
      const report = settings.reports.find((r) => r.id === reportId);
      if (!report) return settings;
      const next: Settings = {
        ...settings,
        reports: settings.reports.filter((r) => r.id !== reportId),
        formerReports: [
          ...(settings.formerReports ?? []).filter((r) => r.id !== reportId),
          { id: report.id, name: report.name },
        ],
        claims: settings.claims.filter((c) => c.reportId !== reportId),
      };
      await setSettings(next);
      return next;
    },

    /** Whether system notifications may name the item (they can show on a shared screen). */
    async notificationPrivacy(): Promise<{ hideTitles: boolean }> {
      return { hideTitles: (await getSettings()).hideNotificationTitles === true };
    },

    /**
     * The sweep's retention: with "keep the last N months" in force on this browser, older
     * finished records go. A stricter setting from elsewhere is not in force until confirmed.
     */
    async applyRetention(): Promise<ForgetCounts> {
      const { here } = await retentionNow();
      if (!here) return NONE;
      return forget({ kind: 'before', beforeIso: cutoff(here) });
    },

    /** A stricter retention that came from another browser or a backup, with what it would delete here; null when none waits. */
    async pendingRetention(): Promise<PendingRetention | null> {
      const { here, wanted } = await retentionNow();
      if (here === wanted) return null;
      return {
        months: wanted,
        hereMonths: here,
        counts: await preview({ kind: 'before', beforeIso: cutoff(wanted) }),
      };
    },

    /**
     * The lead's choice on this browser: from the options page, or confirming a pending one. It is
     * in force here at once (and synced to the other browsers, where it waits for the same confirmation).
     */
    async keepRecordsFor(months: RetentionMonths): Promise<ForgetCounts> {
      const settings = await getSettings();
      if ((settings.retentionMonths ?? 0) !== months)
        await setSettings({ ...settings, retentionMonths: months });
      await retentionHere.set(months);
      return months ? forget({ kind: 'before', beforeIso: cutoff(months) }) : NONE;
    },
  };
}

export type Forgetting = ReturnType<typeof createForgetting>;

/** "3 interventions, 5 prompts and 1 check-in": what a confirmation says will go. */
export function describeCounts(counts: ForgetCounts): string {
  const parts = (
    [
      [counts.interventions, 'intervention', 'interventions'],
      [counts.prompts, 'prompt', 'prompts'],
      [counts.ratings, 'check-in', 'check-ins'],
      [counts.claims, 'assigned page', 'assigned pages'],
      [counts.reports, 'roster entry', 'roster entries'],
      [counts.pauseEvents ?? 0, 'pause event', 'pause events'],
      [counts.touches ?? 0, 'touch count', 'touch counts'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

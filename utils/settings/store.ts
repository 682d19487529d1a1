/**
 * Settings live in extension storage (via @wxt-dev/storage) rather than in
 * IndexedDB: they are small, every context reads them, and storage can be
 * watched for changes. Only the background writes them, after validation.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '@/utils/model/records';
import type { RetentionMonths, Settings } from '@/utils/model/records';
import {
  checkQuota,
  itemBytes,
  labelOf,
  mergeSync,
  same,
  settingsToValues,
  stampChanges,
  SYNC_PREFIX,
  SYNC_QUOTA,
  valuesToSettings,
  withItem,
  type Stamps,
  type SyncConflict,
  type SyncProblem,
} from '@/utils/settings/sync';
import { errorText } from '@/utils/model/error-text';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 4,
  migrations: {
    // v2 (lifecycle): idle threshold and lapse time, at their defaults.
    2: (
      old: Omit<
        Settings,
        'idleMinutes' | 'lapseHours' | 'weeklyDigest' | 'claims' | 'disabledTools' | 'customSites'
      >,
    ) => ({
      ...old,
      idleMinutes: DEFAULT_SETTINGS.idleMinutes,
      lapseHours: DEFAULT_SETTINGS.lapseHours,
    }),
    // v3 (weekly summary): the Friday notification, on by default.
    3: (old: Omit<Settings, 'weeklyDigest' | 'claims' | 'disabledTools' | 'customSites'>) => ({
      ...old,
      weeklyDigest: DEFAULT_SETTINGS.weeklyDigest,
    }),
    // v4 (more tools): claims for tools without owners, per-tool switches, sites the lead adds.
    4: (old: Omit<Settings, 'claims' | 'disabledTools' | 'customSites'>): Settings => ({
      ...old,
      claims: [],
      disabledTools: [],
      customSites: [],
    }),
  },
});

/** What adapters could not find, so a broken selector is visible on the options page. */
export interface Diagnostic {
  tool: string;
  problem: string;
  /** Origin and path only: no query strings, no titles. */
  where: string;
  lastSeenAt: string;
  count: number;
}

export const diagnosticsItem = storage.defineItem<Diagnostic[]>('local:diagnostics', {
  fallback: [],
});
export const MAX_DIAGNOSTICS = 30;

// ---- Settings on every browser the lead uses (storage.sync) ----
// This browser's copy above (local:settings) is what every context reads, and the source of truth here;
// the sync area is the shared copy the browsers merge through (utils/settings/sync.ts). Only the background
// writes either, through createSettingsStore.

/** Which version of each synced item this browser's settings hold, and this browser's id in the items it writes. */
export interface SyncState {
  device: string;
  stamps: Stamps;
}
export const syncStateItem = storage.defineItem<SyncState | null>('local:settingsSyncState', {
  fallback: null,
});

/** What the options page says about syncing. */
export type SyncStatus =
  | { kind: 'pending' }
  | { kind: 'synced'; bytes: number; quotaBytes: number; at: string }
  /** Everything else synced; `count` entries from another browser could not be read and are not used here. */
  | { kind: 'stuck'; count: number; bytes: number; quotaBytes: number; at: string }
  | {
      kind: 'too-large';
      bytes: number;
      quotaBytes: number;
      why: 'total' | 'item' | 'count';
      itemLabel?: string;
      items?: number;
      maxItems: number;
      itemBytes?: number;
      maxItemBytes: number;
      at: string;
    }
  | { kind: 'failed'; message: string; at: string };
export interface SyncReport {
  status: SyncStatus;
  /** This browser's changes replaced by later ones from another browser, newest first. */
  conflicts: SyncConflict[];
  /** Items from another browser this one could not read or use. */
  problems: SyncProblem[];
}
export const syncReportItem = storage.defineItem<SyncReport>('local:settingsSync', {
  fallback: { status: { kind: 'pending' }, conflicts: [], problems: [] },
});

/**
 * The retention this browser applies (months, 0: keep everything), apart from the synced setting:
 * a stricter one from another browser (or a backup) deletes nothing here until the lead confirms it
 * here (utils/background/forget.ts). Absent: never set, taken from the settings on first use.
 */
export const retentionHereItem = storage.defineItem<RetentionMonths | null>('local:retentionHere', {
  fallback: null,
});

/** The browser's storage.sync, as much of it as Pullback uses. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  QUOTA_BYTES?: number;
  QUOTA_BYTES_PER_ITEM?: number;
  MAX_ITEMS?: number;
}

/** At most this many conflicts are kept to show (the oldest go first). */
const MAX_CONFLICTS = 50;
/** A page that saved settings it read before a change from another browser arrived keeps that change (see save). */
const STALE_SAVE_MS = 60_000;

/**
 * The background's settings: every save lands here and, when it fits, in the
 * sync area; every change in the sync area is merged in (pull). One change at a time.
 */
export function createSettingsStore({
  sync,
  now = () => Date.now(),
  newDevice = () => crypto.randomUUID(),
}: {
  sync: SyncArea | undefined;
  now?: () => number;
  newDevice?: () => string;
}) {
  let chain: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(job: () => Promise<T>): Promise<T> => {
    const run = chain.then(job);
    chain = run.catch(() => undefined);
    return run;
  };
  /** Items another browser changed lately, with the value they replaced here (see save). */
  const lately = new Map<string, { replaced: unknown; until: number }>();

  const quota = {
    bytes: sync?.QUOTA_BYTES ?? SYNC_QUOTA.bytes,
    bytesPerItem: sync?.QUOTA_BYTES_PER_ITEM ?? SYNC_QUOTA.bytesPerItem,
    items: sync?.MAX_ITEMS ?? SYNC_QUOTA.items,
  };

  /** Before the first change that could come from elsewhere, the retention this browser has been applying is noted (see retentionHereItem). */
  async function noteRetentionHere(settings: Settings) {
    if ((await retentionHereItem.getValue()) === null)
      await retentionHereItem.setValue(settings.retentionMonths ?? 0);
  }

  async function stateOf(): Promise<SyncState> {
    return (await syncStateItem.getValue()) ?? { device: newDevice(), stamps: {} };
  }

  /** Merges this browser's settings with the sync area and writes whatever is later on either side. */
  async function reconcile(
    local: Settings,
    state: SyncState,
    settingsChanged: boolean,
  ): Promise<Settings> {
    const at = new Date(now()).toISOString();
    const report = await syncReportItem.getValue();
    const keep = async (
      status: SyncStatus,
      settings: Settings,
      stamps: Stamps,
      conflicts: SyncConflict[],
      problems: SyncProblem[],
    ) => {
      const kept = [
        ...conflicts,
        ...report.conflicts.filter((c) => !conflicts.some((n) => n.key === c.key)),
      ].slice(0, MAX_CONFLICTS);
      await storage.setItems([
        { item: syncStateItem, value: { device: state.device, stamps } },
        { item: syncReportItem, value: { status, conflicts: kept, problems } },
      ]);
      // Then the settings, through the item itself: it marks their version, or every other page would run old migrations on them.
      // (Stopped in between, the stamps name a version the settings lack: the next merge sends this browser's value again.)
      if (settingsChanged || !same(settings, local)) await settingsItem.setValue(settings);
      return settings;
    };
    if (!sync)
      return keep(
        { kind: 'failed', message: 'this browser offers no sync storage to extensions', at },
        local,
        state.stamps,
        [],
        [],
      );
    let remote: Record<string, unknown>;
    try {
      remote = await sync.get(null);
    } catch (e) {
      return keep(
        { kind: 'failed', message: errorText(e), at },
        local,
        state.stamps,
        [],
        report.problems,
      );
    }
    const merged = mergeSync({
      local,
      stamps: state.stamps,
      remote,
      device: state.device,
      now: now(),
    });
    const before = settingsToValues(local);
    const after = settingsToValues(merged.settings);
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      if (!same(before.get(key), after.get(key)))
        lately.set(key, {
          replaced: before.has(key) ? before.get(key) : null,
          until: now() + STALE_SAVE_MS,
        });
    }
    const check = checkQuota(merged.after, quota);
    let status: SyncStatus;
    if (!check.fits) {
      status = {
        kind: 'too-large',
        bytes: check.bytes,
        quotaBytes: quota.bytes,
        why: check.why,
        items: Object.keys(merged.after).length,
        maxItems: quota.items,
        maxItemBytes: quota.bytesPerItem,
        ...(check.item
          ? {
              itemLabel: labelOf(
                check.item,
                settingsToValues(merged.settings).get(check.item),
                merged.settings,
              ),
              itemBytes: itemBytes(check.item, merged.after[check.item]),
            }
          : {}),
        at,
      };
    } else {
      try {
        if (Object.keys(merged.writes).length) await sync.set(merged.writes);
        if (merged.expired.length) await sync.remove(merged.expired);
        const stuck = merged.problems.filter((p) => p.stuck).length;
        status = stuck
          ? { kind: 'stuck', count: stuck, bytes: check.bytes, quotaBytes: quota.bytes, at }
          : { kind: 'synced', bytes: check.bytes, quotaBytes: quota.bytes, at };
      } catch (e) {
        status = { kind: 'failed', message: errorText(e), at };
      }
    }
    return keep(status, merged.settings, merged.stamps, merged.conflicts, merged.problems);
  }

  /** This browser's settings now. */
  const get = () => settingsItem.getValue();

  /**
   * Saves settings changed here. An item another browser changed in the last
   * minute, which `next` sets back to the value it replaced, was saved by a
   * page that had not seen that change yet: the other browser's change stays.
   */
  async function saveHere(next: Settings): Promise<Settings> {
    const current = await get();
    await noteRetentionHere(current);
    const state = await stateOf();
    const t = now();
    const values = settingsToValues(next);
    let stale = false;
    for (const [key, { replaced, until }] of lately) {
      if (until < t) {
        lately.delete(key);
        continue;
      }
      const nextValue = values.has(key) ? values.get(key) : null;
      if (same(nextValue, replaced)) {
        const currentValue = settingsToValues(current).get(key);
        if (currentValue === undefined) values.delete(key);
        else values.set(key, currentValue);
        stale = true;
      }
    }
    const wanted = stale ? valuesToSettings(values, next).settings : next;
    const stamps = stampChanges(current, wanted, state.stamps, state.device, t);
    return reconcile(wanted, { ...state, stamps }, true);
  }

  return {
    get,
    /** Settings changed on this browser (options page, claims, forgetting, an import). */
    save: (next: Settings) => oneAtATime(() => saveHere(next)),
    /** Merges what the sync area holds now (at start, and on every change there). */
    pull: () =>
      oneAtATime(async () => {
        const local = await get();
        await noteRetentionHere(local);
        return reconcile(local, await stateOf(), false);
      }),
    /** "Put mine back": a conflict's replaced version becomes the latest change. */
    putBack: (key: string) =>
      oneAtATime(async () => {
        const report = await syncReportItem.getValue();
        const conflict = report.conflicts.find((c) => c.key === key);
        if (!conflict) throw new Error('That change is no longer waiting to be put back.');
        lately.delete(key);
        await syncReportItem.setValue({
          ...report,
          conflicts: report.conflicts.filter((c) => c.key !== key),
        });
        return saveHere(withItem(await get(), key, conflict.mine));
      }),
    /** "Drop it": an entry from another browser this one cannot read leaves the sync area; this browser's own version (if any) takes its place. */
    dropStuck: (key: string) =>
      oneAtATime(async () => {
        const report = await syncReportItem.getValue();
        if (!report.problems.some((p) => p.stuck && p.key === key))
          throw new Error('That entry is no longer stuck.');
        if (!sync) throw new Error('This browser offers no sync storage to extensions.');
        await sync.remove([key]);
        return reconcile(await get(), await stateOf(), false);
      }),
    /**
     * After Forget or Delete everything: no trace of who was forgotten stays in what sync kept
     * here (conflicts and problems name people; an unreadable entry in the sync area may too, and
     * is removed so the removal can go up in its place). `names`: the forgotten report's name,
     * aliases and id; absent: everything.
     */
    forgetTraces: (names?: string[]) =>
      oneAtATime(async () => {
        const report = await syncReportItem.getValue();
        const lower = names?.map((n) => n.toLowerCase()).filter(Boolean);
        const mentions = (x: unknown) =>
          !lower ||
          lower.some((n) =>
            JSON.stringify(x ?? '')
              .toLowerCase()
              .includes(n),
          );
        const gone = report.problems.filter(mentions);
        if (!lower) lately.clear();
        else for (const key of lately.keys()) if (mentions(lately.get(key))) lately.delete(key);
        const stuck = gone.filter((p) => p.stuck).map((p) => p.key);
        if (stuck.length && sync) await sync.remove(stuck).catch(() => undefined);
        await syncReportItem.setValue({
          ...report,
          conflicts: report.conflicts.filter((c) => !mentions(c)),
          problems: report.problems.filter((p) => !gone.includes(p)),
        });
        return reconcile(await get(), await stateOf(), false);
      }),
    /** "Keep theirs": the conflict is read and let go. */
    dismiss: (key: string) =>
      oneAtATime(async () => {
        const report = await syncReportItem.getValue();
        await syncReportItem.setValue({
          ...report,
          conflicts: report.conflicts.filter((c) => c.key !== key),
        });
      }),
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;

/** Calls `onChange` whenever Pullback's items in the sync area change (another browser's change, or this one's own write). */
export function watchSyncArea(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && Object.keys(changes).some((key) => key.startsWith(SYNC_PREFIX)))
      onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

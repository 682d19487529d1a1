/**
 * The database: one IndexedDB database, opened only by the background.
 * Versioned upgrades run in order from whatever version is on disk, so a
 * later version adds a step and never rewrites an earlier one.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { Intervention, PromptRecord, Rating, ToolId, Touch } from '@/utils/model/records';

export const DB_NAME = 'pullback';
export const DB_VERSION = 4;

export interface PullbackDB extends DBSchema {
  interventions: {
    key: string;
    value: Intervention;
    indexes: {
      'by-startedAt': string;
      'by-report': [string, string];
      'by-artifact': [ToolId, string];
      'by-status': string;
    };
  };
  prompts: {
    key: string;
    value: PromptRecord;
    indexes: {
      'by-at': string;
      'by-report': [string, string];
      'by-artifact': [ToolId, string];
    };
  };
  ratings: {
    key: string;
    value: Rating;
    indexes: {
      'by-week': string;
      'by-report': [string, string];
    };
  };
  touches: {
    key: string;
    value: Touch;
    indexes: {
      'by-week': string;
      'by-report': [string, string];
    };
  };
}

export type PullbackDatabase = IDBPDatabase<PullbackDB>;
type UpgradeTx = IDBPTransaction<PullbackDB, StoreNames<PullbackDB>[], 'versionchange'>;
/** One store as seen inside any transaction (read-only or read-write) that includes it. */
export type StoreOf<
  S extends StoreNames<PullbackDB>,
  Mode extends IDBTransactionMode = IDBTransactionMode,
> = IDBPObjectStore<PullbackDB, ArrayLike<StoreNames<PullbackDB>>, S, Mode>;

/** Step n builds version n from version n-1. Append; never edit a shipped step. */
const UPGRADES: Array<(db: PullbackDatabase, tx: UpgradeTx) => void> = [
  () => {},
  (db) => {
    const interventions = db.createObjectStore('interventions', { keyPath: 'id' });
    interventions.createIndex('by-startedAt', 'startedAt');
    // Compound with the start so "this report's recent work" is one range read.
    interventions.createIndex('by-report', ['reportId', 'startedAt']);
    interventions.createIndex('by-artifact', ['tool', 'artifact.key']);
    interventions.createIndex('by-status', 'status');

    const prompts = db.createObjectStore('prompts', { keyPath: 'id' });
    prompts.createIndex('by-at', 'at');
    prompts.createIndex('by-report', ['reportId', 'at']);
    prompts.createIndex('by-artifact', ['tool', 'artifact.key']);
  },
  (_db, tx) => {
    // v2 (lifecycle): idle breaks, reminders and closing answers on every intervention.
    void tx
      .objectStore('interventions')
      .openCursor()
      .then(function migrate(cursor): Promise<void> | undefined {
        if (!cursor) return;
        const old = cursor.value as Partial<Intervention> & Intervention;
        void cursor.update({
          ...old,
          lastActivityAt: old.lastActivityAt ?? old.endedAt ?? old.startedAt,
          stretchBroken: old.stretchBroken ?? false,
          remindedAt: old.remindedAt ?? null,
          closing: old.closing ?? null,
        });
        return cursor.continue().then(migrate);
      });
  },
  (db) => {
    // v3 (weekly summary): alignment x confidence check-ins, one per report per week.
    const ratings = db.createObjectStore('ratings', { keyPath: 'id' });
    ratings.createIndex('by-week', 'week');
    ratings.createIndex('by-report', ['reportId', 'week']);
  },
  (db) => {
    // v4 (the moment of asking): touches, small changes that never asked, counted per report per week.
    const touches = db.createObjectStore('touches', { keyPath: 'id' });
    touches.createIndex('by-week', 'week');
    touches.createIndex('by-report', ['reportId', 'week']);
  },
];

/**
 * `onGone` runs when this connection closes to let a newer version upgrade
 * (an updated extension) or because the browser closed it: the owner drops
 * its handle and opens again on next use.
 */
export function openPullbackDb(
  name = DB_NAME,
  version = DB_VERSION,
  onGone?: () => void,
): Promise<PullbackDatabase> {
  return openDB<PullbackDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) UPGRADES[v]?.(db, tx);
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      onGone?.();
    },
    terminated: () => onGone?.(),
  });
}

/**
 * One shared handle, opened on first use. If the open fails (disk full, a
 * blocked upgrade), or the browser later closes the connection (`onGone`),
 * the next call opens again instead of repeating the failure for the
 * worker's whole life.
 */
export function openedOnDemand<T>(open: (onGone: () => void) => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= open(() => (pending = undefined)).catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

// ---- Queries the UI makes, each through the index that answers it ----

export async function activeInterventions(db: PullbackDatabase): Promise<Intervention[]> {
  const rows = await db.getAllFromIndex('interventions', 'by-status', 'active');
  return rows.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/**
 * The active intervention an artifact counts toward, if any: its own, or an open one it was added
 * to (`joined`). From the database, or from a store inside a caller's transaction.
 */
export async function activeOnArtifact(
  from: PullbackDatabase | StoreOf<'interventions'>,
  tool: ToolId,
  key: string,
): Promise<Intervention | undefined> {
  const store = 'objectStoreNames' in from ? from.transaction('interventions').store : from;
  const rows = await store.index('by-artifact').getAll([tool, key]);
  const own = rows.find((r) => r.status === 'active');
  if (own) return own;
  // Few are active at once: the joined items are read from those, not indexed.
  const active = await store.index('by-status').getAll('active');
  return active.find((r) => r.joined?.some((j) => j.tool === tool && j.artifact.key === key));
}

/** A report's open intervention (the newest), which an edit of their other work can join. */
export async function openForReport(
  store: StoreOf<'interventions'>,
  reportId: string,
): Promise<Intervention | undefined> {
  const active = await store.index('by-status').getAll('active');
  return active
    .filter((r) => r.reportId === reportId)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
}

/** A report's latest check-in, if any. */
export async function latestRating(
  store: StoreOf<'ratings'>,
  reportId: string,
): Promise<Rating | undefined> {
  const cursor = await store
    .index('by-report')
    .openCursor(IDBKeyRange.bound([reportId, ''], [reportId, '\uffff']), 'prev');
  return cursor?.value;
}

/** Touches of the weeks from `fromWeek` to `toWeek` inclusive. */
export function touchesBetween(
  db: PullbackDatabase,
  fromWeek: string,
  toWeek: string,
): Promise<Touch[]> {
  return db.getAllFromIndex('touches', 'by-week', IDBKeyRange.bound(fromWeek, toWeek));
}

/** Newest first, at most `limit`, walking the start-time index backwards. */
export async function recentInterventions(
  db: PullbackDatabase,
  limit: number,
): Promise<Intervention[]> {
  const out: Intervention[] = [];
  let cursor = await db
    .transaction('interventions')
    .store.index('by-startedAt')
    .openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export async function recentPrompts(db: PullbackDatabase, limit: number): Promise<PromptRecord[]> {
  const out: PromptRecord[] = [];
  let cursor = await db.transaction('prompts').store.index('by-at').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Every prompt on one artifact, oldest first: from the database, or from a store inside a caller's transaction. */
export async function promptsOnArtifact(
  from: PullbackDatabase | StoreOf<'prompts'>,
  tool: ToolId,
  key: string,
): Promise<PromptRecord[]> {
  const store = 'objectStoreNames' in from ? from.transaction('prompts').store : from;
  const rows = await store.index('by-artifact').getAll([tool, key]);
  return rows.sort((a, b) => a.at.localeCompare(b.at));
}

export function interventionsForReport(
  db: PullbackDatabase,
  reportId: string,
  fromIso = '',
  toIso = '\uffff',
): Promise<Intervention[]> {
  return db.getAllFromIndex(
    'interventions',
    'by-report',
    IDBKeyRange.bound([reportId, fromIso], [reportId, toIso]),
  );
}

export async function interventionsStartedBetween(
  db: PullbackDatabase,
  fromIso: string,
  toIso: string,
): Promise<Intervention[]> {
  if (fromIso >= toIso) return []; // An empty half-open range is not a valid key range.
  return db.getAllFromIndex(
    'interventions',
    'by-startedAt',
    IDBKeyRange.bound(fromIso, toIso, false, true),
  );
}

export async function promptsBetween(
  db: PullbackDatabase,
  fromIso: string,
  toIso: string,
): Promise<PromptRecord[]> {
  if (fromIso >= toIso) return [];
  return db.getAllFromIndex('prompts', 'by-at', IDBKeyRange.bound(fromIso, toIso, false, true));
}

/** Ratings of the weeks from `fromWeek` to `toWeek` inclusive ('2026-W41' sorts as text). */
export function ratingsBetween(
  db: PullbackDatabase,
  fromWeek: string,
  toWeek: string,
): Promise<Rating[]> {
  return db.getAllFromIndex('ratings', 'by-week', IDBKeyRange.bound(fromWeek, toWeek));
}

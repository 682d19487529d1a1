/**
 * The pause log travels in the backup as an optional field: a version 1 file
 * written before it imports as it always did (and leaves this browser's pause
 * log alone); a file with it adds the events this browser does not have.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildBackup, parseBackup } from '@/utils/background/backup';
import { openPullbackDb, type PullbackDatabase } from '@/utils/background/db';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/records';
import {
  mergePauseEvents,
  pauseLogItem,
  startPause,
  type PauseEvent,
} from '@/utils/background/pause';
import { createService } from '@/utils/background/service';
import { intervention, uniqueDbName } from '@/tests/unit/helpers';

const roster: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: [] },
  reports: [{ id: 'alice', name: 'Alice Chen', aliases: [] }],
};
const paused: PauseEvent = {
  id: 'e1',
  at: '2026-11-27T09:00:00.000Z',
  kind: 'paused',
  until: '2026-11-27T10:00:00.000Z',
};
const resumed: PauseEvent = { id: 'e2', at: '2026-11-27T09:20:00.000Z', kind: 'resumed' };
const endless: PauseEvent = {
  id: 'e3',
  at: '2026-11-28T14:00:00.000Z',
  kind: 'paused',
  until: null,
};

/** A version 1 file as Pullback wrote it before the pause log was in the backup. */
const olderFile = () => {
  const { pauseLog: _none, ...file } = buildBackup(
    roster,
    [intervention({ id: 'i1' })],
    [],
    [],
    new Date('2026-11-28T12:00:00.000Z'),
  );
  return file;
};

const dbs: PullbackDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  fakeBrowser.reset();
});

async function serviceWith(log: PauseEvent[]) {
  const db = await openPullbackDb(uniqueDbName());
  dbs.push(db);
  let settings = structuredClone(roster);
  let events = structuredClone(log);
  const service = createService({
    db,
    getSettings: async () => structuredClone(settings),
    setSettings: async (next) => void (settings = next),
    now: () => new Date('2026-11-28T15:00:00.000Z'),
    pauseLog: {
      get: async () => structuredClone(events),
      set: async (next) => void (events = next),
    },
  });
  return { service, log: () => events };
}

describe('the pause log in the backup file', () => {
  it('reads a version 1 file without it, as before', () => {
    const file = olderFile();
    expect('pauseLog' in file).toBe(false);
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    expect(parsed.ok && parsed.backup.pauseLog).toBeUndefined();
    expect(parsed.ok && parsed.backup.interventions.map((r) => r.id)).toEqual(['i1']);
  });

  it('reads a file with it, events as written', () => {
    const parsed = parseBackup(
      JSON.stringify(buildBackup(roster, [], [], [], new Date(), [endless, resumed, paused])),
    );
    expect(parsed.ok && parsed.backup.pauseLog).toEqual([endless, resumed, paused]);
  });

  it('refuses a damaged entry by name, and nothing is imported', () => {
    const file = { ...olderFile(), pauseLog: [paused, { ...resumed, kind: 'snoozed' }] };
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(
      /^This backup is damaged: pauseLog\.1\.kind .*Nothing was imported\.$/,
    );
    const badTime = parseBackup(
      JSON.stringify({ ...olderFile(), pauseLog: [{ ...paused, at: 'yesterday' }] }),
    );
    expect(!badTime.ok && badTime.error).toMatch(/pauseLog\.0\.at must be a date and time/);
  });
});

describe('export and import', () => {
  it('an export carries the pause log', async () => {
    const { service } = await serviceWith([resumed, paused]);
    const parsed = parseBackup(await service.exportBackup());
    expect(parsed.ok && parsed.backup.pauseLog).toEqual([resumed, paused]);
  });

  it('importing an older file without it keeps this browser’s pause log as it is', async () => {
    const { service, log } = await serviceWith([endless]);
    const result = await service.importBackup(JSON.stringify(olderFile()));
    expect(result).toMatchObject({ ok: true, interventionsAdded: 1 });
    expect(log()).toEqual([endless]);
  });

  it('importing a file with it adds the events not here (events here win), newest first; a re-import adds nothing', async () => {
    const { service: source } = await serviceWith([resumed, { ...paused, until: null }]);
    const file = await source.exportBackup();
    const { service, log } = await serviceWith([endless, paused]);
    expect(await service.importBackup(file)).toMatchObject({ ok: true });
    expect(log()).toEqual([endless, resumed, paused]);
    await service.importBackup(file);
    expect(log()).toEqual([endless, resumed, paused]);
  });

  it('the background’s service reads and writes the stored log (local:pauseLog)', async () => {
    await startPause('2026-11-28T16:00:00.000Z', new Date('2026-11-28T15:00:00.000Z'));
    const db = await openPullbackDb(uniqueDbName());
    dbs.push(db);
    let settings = structuredClone(roster);
    const service = createService({
      db,
      getSettings: async () => settings,
      setSettings: async (next) => void (settings = next),
    });
    const parsed = parseBackup(await service.exportBackup());
    expect(parsed.ok && parsed.backup.pauseLog).toMatchObject([
      { kind: 'paused', at: '2026-11-28T15:00:00.000Z', until: '2026-11-28T16:00:00.000Z' },
    ]);
    await service.importBackup(
      JSON.stringify(buildBackup(roster, [], [], [], new Date(), [resumed])),
    );
    expect((await pauseLogItem.getValue()).map((e) => e.kind)).toEqual(['paused', 'resumed']);
  });
});

describe('mergePauseEvents', () => {
  it('keeps the newest 100', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      id: `m${i}`,
      at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      kind: 'resumed' as const,
    }));
    const merged = mergePauseEvents(many.slice(0, 60), many.slice(60));
    expect(merged).toHaveLength(100);
    expect(merged[0]!.id).toBe('m119');
    expect(merged.at(-1)!.id).toBe('m20');
  });
});

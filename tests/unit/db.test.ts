import { afterEach, describe, expect, it } from 'vitest';
import {
  activeInterventions,
  activeOnArtifact,
  DB_VERSION,
  interventionsForReport,
  interventionsStartedBetween,
  openPullbackDb,
  promptsOnArtifact,
  recentInterventions,
  recentPrompts,
  type PullbackDatabase,
} from '@/utils/background/db';
import { intervention, promptRecord, uniqueDbName, within } from '@/tests/unit/helpers';

const opened: Array<{ close(): void }> = [];
async function freshDb(): Promise<PullbackDatabase> {
  const db = await openPullbackDb(uniqueDbName());
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const iso = (minute: number) => new Date(Date.UTC(2026, 10, 28, 10, minute)).toISOString();
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe('openPullbackDb', () => {
  it('creates both stores with their indexes and key paths on a fresh database', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['interventions', 'prompts']));

    const tx = db.transaction(['interventions', 'prompts']);
    const interventions = tx.objectStore('interventions');
    expect(interventions.keyPath).toBe('id');
    expect([...interventions.indexNames].sort()).toEqual([
      'by-artifact',
      'by-report',
      'by-startedAt',
      'by-status',
    ]);
    expect(interventions.index('by-startedAt').keyPath).toBe('startedAt');
    expect(interventions.index('by-report').keyPath).toEqual(['reportId', 'startedAt']);
    expect(interventions.index('by-artifact').keyPath).toEqual(['tool', 'artifact.key']);
    expect(interventions.index('by-status').keyPath).toBe('status');

    const prompts = tx.objectStore('prompts');
    expect(prompts.keyPath).toBe('id');
    expect([...prompts.indexNames].sort()).toEqual(['by-artifact', 'by-at', 'by-report']);
    expect(prompts.index('by-at').keyPath).toBe('at');
    expect(prompts.index('by-report').keyPath).toEqual(['reportId', 'at']);
    expect(prompts.index('by-artifact').keyPath).toEqual(['tool', 'artifact.key']);
    await tx.done;
  });

  it('upgrades from an empty (version 0) database by running every step in order', async () => {
    const name = uniqueDbName();
    // Nothing on disk yet: every step from 1 to the current version runs.
    const db = await openPullbackDb(name);
    opened.push(db);
    await db.put('interventions', intervention({ id: 'a' }));
    expect(await db.get('interventions', 'a')).toMatchObject({ id: 'a', status: 'active' });
  });

  it('reopening at the same version keeps the data and does not fail on existing stores', async () => {
    const name = uniqueDbName();
    const first = await openPullbackDb(name);
    await first.put('interventions', intervention({ id: 'kept' }));
    first.close();
    const second = await openPullbackDb(name);
    opened.push(second);
    expect(ids(await second.getAll('interventions'))).toEqual(['kept']);
  });

  it('migrates version-1 interventions to the current shape without losing them', async () => {
    const name = uniqueDbName();
    const v1 = await openPullbackDb(name, 1);
    // A record as version 1 wrote it: no stretchBroken, remindedAt or closing.
    const {
      stretchBroken: _s,
      remindedAt: _r,
      closing: _c,
      ...old
    } = intervention({
      id: 'old',
      status: 'ended',
      endedAt: iso(20),
      activeMs: 42_000,
    });
    await v1.put('interventions', old as never);
    // An even older one without lastActivityAt: it takes its end time.
    const {
      stretchBroken: _s2,
      remindedAt: _r2,
      closing: _c2,
      lastActivityAt: _l2,
      ...older
    } = intervention({
      id: 'older',
      startedAt: iso(1),
      status: 'ended',
      endedAt: iso(3),
    });
    await v1.put('interventions', older as never);
    const {
      stretchBroken: _s3,
      remindedAt: _r3,
      closing: _c3,
      lastActivityAt: _l3,
      ...running
    } = intervention({ id: 'running', startedAt: iso(7) });
    await v1.put('interventions', running as never);
    v1.close();

    const db = await openPullbackDb(name);
    opened.push(db);
    expect(db.version).toBe(DB_VERSION);
    const added = { stretchBroken: false, remindedAt: null, closing: null };
    expect(await db.get('interventions', 'old')).toEqual({ ...old, ...added });
    expect(await db.get('interventions', 'older')).toEqual({
      ...older,
      ...added,
      lastActivityAt: iso(3),
    });
    expect(await db.get('interventions', 'running')).toEqual({
      ...running,
      ...added,
      lastActivityAt: iso(7),
    });
  });

  it('lets an older open connection go so a newer version can open (no hang on upgrade)', async () => {
    const name = uniqueDbName();
    const older = await openPullbackDb(name, 1);
    opened.push(older);
    // The comment on `blocking` promises the old connection steps aside; the upgrade must not wait forever.
    const newer = await within(
      openPullbackDb(name, 2),
      1_000,
      'opening version 2 while version 1 is open',
    );
    opened.push(newer);
    expect(newer.version).toBe(2);
  });
});

describe('queries', () => {
  it('activeInterventions returns only active records, newest start first', async () => {
    const db = await freshDb();
    // Keys sort differently from start times so key order would be wrong.
    await db.put('interventions', intervention({ id: 'a', startedAt: iso(30) }));
    await db.put(
      'interventions',
      intervention({ id: 'b', startedAt: iso(50), status: 'ended', endedAt: iso(55) }),
    );
    await db.put('interventions', intervention({ id: 'c', startedAt: iso(10) }));
    await db.put('interventions', intervention({ id: 'd', startedAt: iso(40) }));
    await db.put(
      'interventions',
      intervention({ id: 'e', startedAt: iso(45), status: 'lapsed', endedAt: iso(46) }),
    );
    expect(ids(await activeInterventions(db))).toEqual(['d', 'a', 'c']);
  });

  it('activeInterventions is empty on a fresh database', async () => {
    expect(await activeInterventions(await freshDb())).toEqual([]);
  });

  it('recentInterventions returns at most `limit`, newest start first, whatever the status', async () => {
    const db = await freshDb();
    const starts: Array<[string, number]> = [
      ['z', 1],
      ['a', 5],
      ['m', 3],
      ['b', 4],
      ['y', 2],
    ];
    for (const [id, minute] of starts) {
      await db.put(
        'interventions',
        intervention({ id, startedAt: iso(minute), status: 'ended', endedAt: iso(minute + 1) }),
      );
    }
    expect(ids(await recentInterventions(db, 3))).toEqual(['a', 'b', 'm']);
    expect(ids(await recentInterventions(db, 10))).toEqual(['a', 'b', 'm', 'y', 'z']);
    expect(await recentInterventions(db, 0)).toEqual([]);
  });

  it('recentPrompts returns at most `limit`, newest first by time asked', async () => {
    const db = await freshDb();
    const times: Array<[string, number]> = [
      ['p3', 7],
      ['p1', 9],
      ['p2', 8],
      ['p0', 1],
    ];
    for (const [id, minute] of times)
      await db.put('prompts', promptRecord({ id, at: iso(minute) }));
    expect(ids(await recentPrompts(db, 2))).toEqual(['p1', 'p2']);
    expect(ids(await recentPrompts(db, 99))).toEqual(['p1', 'p2', 'p3', 'p0']);
  });

  it("interventionsForReport returns one report's records in the range, oldest first", async () => {
    const db = await freshDb();
    await db.put('interventions', intervention({ id: '1', reportId: 'alice', startedAt: iso(10) }));
    await db.put('interventions', intervention({ id: '2', reportId: 'alice', startedAt: iso(20) }));
    await db.put('interventions', intervention({ id: '3', reportId: 'alice', startedAt: iso(30) }));
    await db.put('interventions', intervention({ id: '4', reportId: 'bob', startedAt: iso(20) }));
    // A report id that starts with another report's id must not leak into the range.
    await db.put(
      'interventions',
      intervention({ id: '5', reportId: 'alice2', startedAt: iso(20) }),
    );

    expect(ids(await interventionsForReport(db, 'alice'))).toEqual(['1', '2', '3']);
    expect(ids(await interventionsForReport(db, 'alice', iso(15), iso(30)))).toEqual(['2', '3']);
    expect(ids(await interventionsForReport(db, 'alice', iso(11), iso(19)))).toEqual([]);
    expect(ids(await interventionsForReport(db, 'bob'))).toEqual(['4']);
    expect(ids(await interventionsForReport(db, 'carol'))).toEqual([]);
  });

  it('interventionsStartedBetween includes the start bound and excludes the end bound', async () => {
    const db = await freshDb();
    for (const [id, minute] of [
      ['a', 0],
      ['b', 10],
      ['c', 20],
      ['d', 30],
    ] as const) {
      await db.put(
        'interventions',
        intervention({ id, reportId: id === 'c' ? 'bob' : 'alice', startedAt: iso(minute) }),
      );
    }
    expect(ids(await interventionsStartedBetween(db, iso(10), iso(30)))).toEqual(['b', 'c']);
    expect(ids(await interventionsStartedBetween(db, iso(0), iso(1)))).toEqual(['a']);
    expect(ids(await interventionsStartedBetween(db, iso(31), iso(59)))).toEqual([]);
  });

  it('activeOnArtifact finds the active record on that tool and key only', async () => {
    const db = await freshDb();
    const pay = { key: 'PAY-1', title: 't', url: 'https://acme.atlassian.net/browse/PAY-1' };
    await db.put(
      'interventions',
      intervention({ id: 'old', artifact: pay, status: 'ended', endedAt: iso(5) }),
    );
    await db.put(
      'interventions',
      intervention({ id: 'other-key', artifact: { ...pay, key: 'PAY-2' } }),
    );
    await db.put(
      'interventions',
      intervention({ id: 'other-tool', tool: 'github', artifact: pay }),
    );
    expect(await activeOnArtifact(db, 'jira', 'PAY-1')).toBeUndefined();

    await db.put('interventions', intervention({ id: 'now', artifact: pay, startedAt: iso(10) }));
    expect((await activeOnArtifact(db, 'jira', 'PAY-1'))?.id).toBe('now');
    expect((await activeOnArtifact(db, 'github', 'PAY-1'))?.id).toBe('other-tool');
    expect(await activeOnArtifact(db, 'jira', 'PAY-3')).toBeUndefined();
  });

  it('promptsOnArtifact returns every prompt on that tool and key', async () => {
    const db = await freshDb();
    await db.put(
      'prompts',
      promptRecord({ id: 'p1', artifact: { key: 'PAY-1', title: '', url: 'https://a.test/' } }),
    );
    await db.put(
      'prompts',
      promptRecord({ id: 'p2', artifact: { key: 'PAY-1', title: '', url: 'https://a.test/' } }),
    );
    await db.put(
      'prompts',
      promptRecord({ id: 'p3', artifact: { key: 'PAY-2', title: '', url: 'https://a.test/' } }),
    );
    expect(ids(await promptsOnArtifact(db, 'jira', 'PAY-1')).sort()).toEqual(['p1', 'p2']);
    expect(await promptsOnArtifact(db, 'linear', 'PAY-1')).toEqual([]);
  });
});

/**
 * The lifecycle rules on fake-indexeddb with a controlled clock: hands-on
 * time from heartbeats, idle never counting, overrun and reminders, the
 * lapse rule, one intervention per artifact under concurrency, and the
 * version 1 -> 2 database migration with data.
 */
import { openDB } from 'idb';
import { beforeEach, describe, expect, test } from 'vitest';
import { openPullbackDb, type PullbackDatabase } from '@/utils/background/db';
import { PULSE_MS } from '@/utils/model/durations';
import type { EditSignal } from '@/utils/protocol/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/records';
import { createService } from '@/utils/background/service';

const T0 = new Date('2026-11-23T09:00:00.000Z');
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
  reports: [{ id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test'] }],
};
const edit: EditSignal = {
  tool: 'jira',
  artifact: {
    key: 'PAY-142',
    title: 'Checkout copy',
    url: 'https://acme.atlassian.net/browse/PAY-142',
  },
  owner: ['Alice Chen'],
  viewer: ['Dana Lead'],
};

let clock: Date;
let db: PullbackDatabase;
const at = (seconds: number) => (clock = new Date(T0.getTime() + seconds * 1000));

async function setup(overrides: Partial<Settings> = {}) {
  db = await openPullbackDb(`lifecycle-${crypto.randomUUID()}`);
  let current = { ...settings, ...overrides };
  let ids = 0;
  return createService({
    db,
    getSettings: async () => current,
    setSettings: async (s) => void (current = s),
    now: () => clock,
    newId: () => `id-${++ids}`,
  });
}

async function startIntervention(service: Awaited<ReturnType<typeof setup>>, plannedMinutes = 15) {
  const decision = await service.edit(edit);
  if (decision.action !== 'prompt') throw new Error(`expected a prompt, got ${decision.action}`);
  const { intervention } = await service.answerPrompt({
    promptId: decision.promptId,
    answer: 'deliberate',
    plannedMinutes,
  });
  return intervention!;
}

beforeEach(() => {
  at(0);
});

describe('hands-on time', () => {
  test('heartbeats within the pulse window add their gaps; a longer gap starts a new stretch and adds nothing', async () => {
    const service = await setup();
    const started = await startIntervention(service);
    for (const s of [5, 10, 15, 20]) {
      at(s);
      await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
    }
    expect((await db.get('interventions', started.id))!.activeMs).toBe(20_000);
    at(20 + PULSE_MS / 1000 + 1); // Away longer than the window: not counted.
    await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
    at(20 + PULSE_MS / 1000 + 6);
    await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
    expect((await db.get('interventions', started.id))!.activeMs).toBe(25_000);
  });

  test('edits on the artifact feed the active intervention instead of prompting', async () => {
    const service = await setup();
    const started = await startIntervention(service);
    at(30);
    await expect(service.edit(edit)).resolves.toMatchObject({
      action: 'feeding',
      interventionId: started.id,
    });
    expect((await db.get('interventions', started.id))!.activeMs).toBe(30_000);
    expect(await db.count('prompts')).toBe(1);
  });

  test('idle or locked time never counts, even when the next heartbeat is inside the window', async () => {
    const service = await setup();
    const started = await startIntervention(service);
    at(10);
    await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
    at(40);
    await expect(service.markIdle()).resolves.toBe(1);
    at(50); // 40 s after the last heartbeat: inside the window, but the machine was idle in between.
    await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
    at(55);
    await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
    expect((await db.get('interventions', started.id))!.activeMs).toBe(10_000 + 5_000);
  });

  test('ten minutes of editing in two tabs with a five-minute idle break in the middle is about ten minutes', async () => {
    const service = await setup();
    const started = await startIntervention(service, 60);
    // Two tabs alternate heartbeats every 5 s (each tab sends at most one per 5 s) for 5 minutes...
    let s = 0;
    for (; s < 300; s += 5) {
      at(s);
      await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
      at(s + 2.5);
      await service.edit(edit);
    }
    at(s + 120);
    await service.markIdle(); // ...the machine goes idle for 5 minutes...
    for (let t = s + 300; t <= s + 600; t += 5) {
      at(t);
      await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
    }
    const record = (await db.get('interventions', started.id))!;
    expect(record.activeMs).toBeGreaterThanOrEqual(9.5 * 60_000);
    expect(record.activeMs).toBeLessThanOrEqual(10.5 * 60_000);
    expect(await db.count('interventions')).toBe(1);
  });
});

describe('planned end, reminders, lapse', () => {
  test('an intervention past its planned end is reminded once, and again after “15 more minutes” runs out', async () => {
    const service = await setup();
    const started = await startIntervention(service, 15);
    at(14 * 60);
    expect((await service.sweep()).toRemind).toEqual([]);
    at(16 * 60);
    expect((await service.sweep()).toRemind.map((r) => r.id)).toEqual([started.id]);
    at(17 * 60);
    expect((await service.sweep()).toRemind).toEqual([]); // Not twice.
    await expect(service.edit(edit)).resolves.toMatchObject({ action: 'overdue' });

    const extended = await service.extendIntervention(started.id, 15);
    expect(extended.plannedEndAt).toBe(new Date(T0.getTime() + (17 + 15) * 60_000).toISOString()); // From now: the end had passed.
    at(33 * 60);
    expect((await service.sweep()).toRemind.map((r) => r.id)).toEqual([started.id]);
  });

  test('while paused nothing is reminded, and nothing is marked as reminded: it comes due once the pause ends', async () => {
    const service = await setup();
    const started = await startIntervention(service, 15);
    at(16 * 60);
    expect((await service.sweep({ remind: false })).toRemind).toEqual([]);
    expect((await service.sweep({ remind: false })).active[0]!.remindedAt).toBeNull();
    at(40 * 60);
    expect((await service.sweep()).toRemind.map((r) => r.id)).toEqual([started.id]);
    expect((await service.sweep()).toRemind).toEqual([]);
  });

  test('no heartbeat for the lapse time closes it as lapsed at the last heartbeat; a recent one stays active', async () => {
    const service = await setup({ lapseHours: 8 });
    const started = await startIntervention(service, 60);
    at(600);
    await service.heartbeat({ tool: 'jira', key: 'PAY-142' });
    at(600 + 8 * 3600 - 1);
    expect((await service.sweep()).lapsed).toEqual([]);
    at(600 + 8 * 3600 + 1);
    const { lapsed, active } = await service.sweep();
    expect(active).toEqual([]);
    expect(lapsed).toEqual([
      expect.objectContaining({
        id: started.id,
        status: 'lapsed',
        endedAt: new Date(T0.getTime() + 600_000).toISOString(),
      }),
    ]);
    expect(await db.get('interventions', started.id)).toMatchObject({ status: 'lapsed' }); // Kept, not deleted.
  });

  test('closing answers are stored on the record', async () => {
    const service = await setup();
    const started = await startIntervention(service);
    await service.endIntervention(started.id);
    expect((await service.listAwaitingClosing()).map((r) => r.id)).toEqual([started.id]);
    await service.recordClosing(started.id, { saidFramework: true, ownerNow: 'report' });
    expect((await db.get('interventions', started.id))!.closing).toMatchObject({
      saidFramework: true,
      ownerNow: 'report',
    });
    expect(await service.listAwaitingClosing()).toEqual([]);
  });
});

describe('one intervention per artifact', () => {
  test('concurrent edits and answers from two tabs make one prompt and one intervention', async () => {
    const service = await setup();
    const decisions = await Promise.all([
      service.edit(edit),
      service.edit(edit),
      service.edit({
        ...edit,
        artifact: { ...edit.artifact, url: 'https://acme.atlassian.net/browse/PAY-142' },
      }),
    ]);
    const ids = new Set(decisions.map((d) => (d.action === 'prompt' ? d.promptId : d.action)));
    expect(ids.size).toBe(1);
    const [promptId] = [...ids];
    const answers = await Promise.all([
      service.answerPrompt({ promptId: promptId!, answer: 'deliberate' }),
      service.answerPrompt({ promptId: promptId!, answer: 'deliberate' }),
    ]);
    expect(answers[0].intervention!.id).toBe(answers[1].intervention!.id);
    expect(await db.count('interventions')).toBe(1);
    expect(await db.count('prompts')).toBe(1);
  });

  test('two prompts answered Yes at once for one artifact (cooldown 0) still make one active intervention', async () => {
    const service = await setup({ cooldownMinutes: 0 });
    const first = await service.edit(edit);
    at(1);
    const second = await service.edit(edit);
    if (first.action !== 'prompt' || second.action !== 'prompt')
      throw new Error('expected two prompts');
    expect(first.promptId).not.toBe(second.promptId);
    const [a, b] = await Promise.all([
      service.answerPrompt({ promptId: first.promptId, answer: 'deliberate' }),
      service.answerPrompt({ promptId: second.promptId, answer: 'deliberate' }),
    ]);
    expect(a.intervention!.id).toBe(b.intervention!.id);
    expect(await db.countFromIndex('interventions', 'by-status', 'active')).toBe(1);
  });
});

describe('database migration', () => {
  test('a version 1 database with data opens as version 2 with every record kept and completed', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v1 = await openPullbackDb(name, 1);
    const base = {
      tool: 'jira' as const,
      artifact: edit.artifact,
      reportId: 'alice',
      purpose: 'teach-framework' as const,
      startedAt: '2026-11-20T09:00:00.000Z',
      plannedEndAt: '2026-11-20T09:15:00.000Z',
      activeMs: 120_000,
    };
    // Version 1 records as the core loop wrote them (no lifecycle fields), one without lastActivityAt as a v1 backup had.
    const v1Records = [
      {
        ...base,
        id: 'a',
        endedAt: '2026-11-20T09:12:00.000Z',
        status: 'ended',
        lastActivityAt: '2026-11-20T09:11:00.000Z',
      },
      {
        ...base,
        id: 'b',
        endedAt: null,
        status: 'active',
        lastActivityAt: '2026-11-20T09:05:00.000Z',
      },
      { ...base, id: 'c', endedAt: '2026-11-20T09:30:00.000Z', status: 'ended' },
    ];
    const raw = await openDB(name, 1);
    v1.close();
    for (const r of v1Records) await raw.put('interventions', r);
    await raw.put('prompts', {
      id: 'p',
      at: base.startedAt,
      tool: 'jira',
      artifact: edit.artifact,
      reportId: 'alice',
      answer: 'deliberate',
      answeredAt: base.startedAt,
      interventionId: 'a',
    });
    raw.close();

    const v2 = await openPullbackDb(name, 2);
    expect(v2.version).toBe(2);
    const migrated = await v2.getAll('interventions');
    expect(migrated).toHaveLength(3);
    for (const original of v1Records) {
      const record = migrated.find((m) => m.id === original.id)!;
      expect(record).toMatchObject(
        'lastActivityAt' in original ? original : { ...original, lastActivityAt: original.endedAt },
      );
      expect(record).toMatchObject({ stretchBroken: false, remindedAt: null, closing: null });
    }
    expect(await v2.getAllFromIndex('interventions', 'by-status', 'active')).toHaveLength(1);
    expect(await v2.get('prompts', 'p')).toMatchObject({ interventionId: 'a' });
    v2.close();
  });
});

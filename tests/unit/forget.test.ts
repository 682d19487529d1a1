import { afterEach, describe, expect, it } from 'vitest';
import { oneOnOneActionsItem } from '@/utils/settings/note-items';
import { parseBackup } from '@/utils/background/backup';
import { openPullbackDb, type PullbackDatabase } from '@/utils/background/db';
import { describeCounts } from '@/utils/background/forget';
import { DEFAULT_SETTINGS, type RetentionMonths, type Settings } from '@/utils/model/records';
import { reminderMessage, reminderWords } from '@/utils/background/reminders';
import { formatDateClock, formatDayClock } from '@/utils/model/durations';
import type { PauseEvent } from '@/utils/background/pause';
import { createService } from '@/utils/background/service';
import { intervention, promptRecord, uniqueDbName } from '@/tests/unit/helpers';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const roster: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
  reports: [
    { id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test'] },
    { id: 'bob', name: 'Bob Okafor', aliases: ['bob@acme.test'] },
  ],
  claims: [
    {
      id: 'c-alice',
      reportId: 'alice',
      urlPrefix: 'https://www.figma.com/design/abc',
      label: 'Checkout',
      createdAt: iso(NOW - DAY),
    },
    {
      id: 'c-bob',
      reportId: 'bob',
      urlPrefix: 'https://www.notion.so/acme/Roadmap',
      label: 'Roadmap',
      createdAt: iso(NOW - DAY),
    },
  ],
  cooldownMinutes: 45,
};

const dbs: PullbackDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

/** Alice and Bob each with an old (100 days) and a recent (1 day) ended intervention, its prompt and a check-in; Alice with one active. */
async function setup(initial: Settings = roster) {
  const db = await openPullbackDb(uniqueDbName());
  dbs.push(db);
  let settings = structuredClone(initial);
  // A pause 100 days ago and one yesterday.
  let pauses: PauseEvent[] = [
    { id: 'pause-new', at: iso(NOW - DAY), kind: 'paused', until: iso(NOW - DAY + 3_600_000) },
    { id: 'pause-old', at: iso(NOW - 100 * DAY), kind: 'paused', until: null },
  ];
  // The retention in force on this browser, kept apart from the (synced) settings.
  let here: RetentionMonths | null = null;
  const service = createService({
    retentionHere: { get: async () => here, set: async (months) => void (here = months) },
    pauseLog: {
      get: async () => structuredClone(pauses),
      set: async (next) => void (pauses = structuredClone(next)),
    },
    db,
    getSettings: async () => structuredClone(settings),
    setSettings: async (next) => {
      settings = structuredClone(next);
    },
    now: () => new Date(NOW),
  });
  for (const reportId of ['alice', 'bob']) {
    for (const [age, tag] of [
      [100, 'old'],
      [1, 'new'],
    ] as const) {
      const startedAt = iso(NOW - age * DAY);
      const endedAt = iso(NOW - age * DAY + 600_000);
      await db.put(
        'interventions',
        intervention({
          id: `${reportId}-${tag}`,
          reportId,
          startedAt,
          endedAt,
          status: 'ended',
          lastActivityAt: endedAt,
        }),
      );
      await db.put(
        'prompts',
        promptRecord({
          id: `p-${reportId}-${tag}`,
          reportId,
          at: startedAt,
          answer: 'deliberate',
          answeredAt: startedAt,
          interventionId: `${reportId}-${tag}`,
        }),
      );
      await db.put('ratings', {
        id: `w-${tag}:${reportId}`,
        week: tag === 'old' ? '2026-W34' : '2026-W48',
        reportId,
        alignment: 3,
        confidence: 2,
        at: startedAt,
      });
    }
  }
  // Started long ago and still going on: "before a date" never takes an intervention that is still active.
  await db.put(
    'interventions',
    intervention({
      id: 'alice-active',
      reportId: 'alice',
      startedAt: iso(NOW - 200 * DAY),
      artifact: { key: 'PAY-9', title: 't', url: 'https://acme.atlassian.net/browse/PAY-9' },
    }),
  );
  return {
    db,
    service,
    settings: () => settings,
    /** Settings changed from elsewhere: another browser's synced change, or an import. */
    arrive: (next: Settings) => void (settings = structuredClone(next)),
  };
}

async function exported(service: Awaited<ReturnType<typeof setup>>['service']) {
  const parsed = parseBackup(await service.exportBackup());
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

describe('forgetting a report', () => {
  it('previews, then removes their roster entry, interventions, prompts, check-ins and claims, and the export has none of it', async () => {
    const { service, settings } = await setup();
    const preview = await service.forgetPreview({ kind: 'report', reportId: 'alice' });
    expect(preview).toEqual({
      interventions: 3,
      prompts: 2,
      ratings: 2,
      claims: 1,
      reports: 1,
      pauseEvents: 0,
    });
    expect(describeCounts(preview)).toBe(
      '3 interventions, 2 prompts, 2 check-ins, 1 assigned page and 1 roster entry',
    );

    await oneOnOneActionsItem.setValue({ alice: ['Alice drafts the rules'], bob: ['Bob demos'] });
    expect(await service.forgetReport('alice')).toEqual(preview);
    // The 1:1 actions written for Alice go with her; Bob's stay.
    expect(await oneOnOneActionsItem.getValue()).toEqual({ bob: ['Bob demos'] });

    const backup = await exported(service);
    const text = JSON.stringify(backup);
    expect(text).not.toContain('alice');
    expect(text).not.toContain('Alice Chen');
    expect(backup.settings.reports.map((r) => r.name)).toEqual(['Bob Okafor']);
    expect(backup.interventions.map((r) => r.id).sort()).toEqual(['bob-new', 'bob-old']);
    expect(backup.prompts).toHaveLength(2);
    expect(backup.ratings).toHaveLength(2);
    expect(backup.settings.claims.map((c) => c.id)).toEqual(['c-bob']);
    // Everything else about the settings stays.
    expect(settings().cooldownMinutes).toBe(45);
    expect(settings().me.name).toBe('Dana Lead');
    // Nothing is left to forget.
    expect(await service.forgetPreview({ kind: 'report', reportId: 'alice' })).toEqual({
      interventions: 0,
      prompts: 0,
      ratings: 0,
      claims: 0,
      reports: 0,
      pauseEvents: 0,
    });
  });

  it('keeping their history instead: off the roster, claims gone, records still named', async () => {
    const { service, settings } = await setup();
    await service.retireReport('alice');
    expect(settings().reports.map((r) => r.id)).toEqual(['bob']);
    expect(settings().formerReports).toEqual([{ id: 'alice', name: 'Alice Chen' }]);
    expect(settings().claims.map((c) => c.id)).toEqual(['c-bob']);
    const log = await service.listLog(50);
    expect(
      log.interventions.filter((r) => r.reportId === 'alice').map((r) => r.reportName),
    ).toEqual(['Alice Chen', 'Alice Chen', 'Alice Chen']);
    // Her edits no longer prompt: she is not a report any more.
    const decision = await service.edit({
      tool: 'jira',
      artifact: { key: 'PAY-1', title: 'x', url: 'https://acme.atlassian.net/browse/PAY-1' },
      owner: ['alice@acme.test'],
      viewer: [],
    });
    expect(decision).toEqual({ action: 'none', reason: 'not-a-report' });
    // The backup keeps the former report, and a former report can be forgotten later.
    expect((await exported(service)).settings.formerReports).toEqual([
      { id: 'alice', name: 'Alice Chen' },
    ]);
    expect(await service.forgetReport('alice')).toMatchObject({ interventions: 3, reports: 1 });
    expect(settings().formerReports).toEqual([]);
  });
});

describe('deleting one record', () => {
  it('deletes an intervention; the prompt that started it keeps its answer and no longer points at it', async () => {
    const { service, db } = await setup();
    expect(
      await service.forgetPreview({ kind: 'record', store: 'interventions', id: 'bob-new' }),
    ).toMatchObject({ interventions: 1, prompts: 0 });
    expect(await service.deleteRecord('interventions', 'bob-new')).toMatchObject({
      interventions: 1,
      prompts: 0,
      reports: 0,
    });
    expect(await db.get('interventions', 'bob-new')).toBeUndefined();
    expect(await db.get('prompts', 'p-bob-new')).toMatchObject({
      answer: 'deliberate',
      interventionId: null,
    });
    expect((await exported(service)).interventions.map((r) => r.id)).not.toContain('bob-new');
  });

  it('deletes a prompt; an unknown id deletes nothing', async () => {
    const { service, db } = await setup();
    expect(await service.deleteRecord('prompts', 'p-bob-old')).toMatchObject({ prompts: 1 });
    expect(await db.get('prompts', 'p-bob-old')).toBeUndefined();
    expect(await service.deleteRecord('prompts', 'p-bob-old')).toEqual({
      interventions: 0,
      prompts: 0,
      ratings: 0,
      claims: 0,
      reports: 0,
      pauseEvents: 0,
    });
  });
});

describe('deleting before a date and everything', () => {
  it('before a date: finished interventions, prompts and check-ins older than it; the roster and active work stay', async () => {
    const { service, settings } = await setup();
    const beforeIso = iso(NOW - 30 * DAY);
    const preview = await service.forgetPreview({ kind: 'before', beforeIso });
    expect(preview).toEqual({
      interventions: 2,
      prompts: 2,
      ratings: 2,
      claims: 0,
      reports: 0,
      pauseEvents: 1,
    });
    expect(describeCounts(preview)).toBe(
      '2 interventions, 2 prompts, 2 check-ins and 1 pause event',
    );
    expect(await service.deleteBefore(beforeIso)).toEqual(preview);
    const backup = await exported(service);
    expect(backup.interventions.map((r) => r.id).sort()).toEqual([
      'alice-active',
      'alice-new',
      'bob-new',
    ]);
    expect(backup.prompts.map((r) => r.id).sort()).toEqual(['p-alice-new', 'p-bob-new']);
    expect(backup.ratings.map((r) => r.week)).toEqual(['2026-W48', '2026-W48']);
    expect(backup.pauseLog?.map((e) => e.id)).toEqual(['pause-new']);
    expect(settings().reports).toHaveLength(2);
  });

  it('everything: every record, the roster, me and claims; preferences stay', async () => {
    const { service, settings } = await setup({
      ...roster,
      formerReports: [{ id: 'carol', name: 'Carol Diaz' }],
    });
    const preview = await service.forgetPreview({ kind: 'everything' });
    expect(preview).toEqual({
      interventions: 5,
      prompts: 4,
      ratings: 4,
      claims: 2,
      reports: 3,
      pauseEvents: 2,
    });
    await oneOnOneActionsItem.setValue({ bob: ['Bob demos'] });
    expect(await service.deleteEverything()).toEqual(preview);
    expect(await oneOnOneActionsItem.getValue()).toEqual({});
    const backup = await exported(service);
    expect(backup.interventions).toEqual([]);
    expect(backup.prompts).toEqual([]);
    expect(backup.ratings).toEqual([]);
    expect(backup.settings.reports).toEqual([]);
    expect(backup.settings.formerReports).toEqual([]);
    expect(backup.settings.claims).toEqual([]);
    expect(backup.settings.me).toEqual({ name: '', aliases: [] });
    expect(backup.pauseLog ?? []).toEqual([]);
    expect(settings().cooldownMinutes).toBe(45);
  });
});

describe('retention', () => {
  it('is off by default: the sweep keeps everything', async () => {
    const { service } = await setup();
    expect(await service.applyRetention()).toEqual({
      interventions: 0,
      prompts: 0,
      ratings: 0,
      claims: 0,
      reports: 0,
      pauseEvents: 0,
    });
    expect((await exported(service)).interventions).toHaveLength(5);
  });

  it('keeping the last 3 months deletes finished records older than that, never the active one', async () => {
    const { service } = await setup({ ...roster, retentionMonths: 3 });
    expect(await service.applyRetention()).toMatchObject({
      interventions: 2,
      prompts: 2,
      ratings: 2,
    });
    const backup = await exported(service);
    expect(backup.interventions.map((r) => r.id).sort()).toEqual([
      'alice-active',
      'alice-new',
      'bob-new',
    ]);
    expect(backup.settings.retentionMonths).toBe(3);
  });

  it('a stricter retention from another browser deletes nothing until confirmed here, and the confirmation says how much goes', async () => {
    const { service, arrive, settings } = await setup({ ...roster, retentionMonths: 12 });
    expect(await service.applyRetention()).toMatchObject({ interventions: 0 }); // 12 months: nothing that old
    expect(await service.pendingRetention()).toBeNull();

    arrive({ ...settings(), retentionMonths: 3 }); // synced from another browser
    expect(await service.applyRetention()).toMatchObject({ interventions: 0, prompts: 0 });
    expect((await exported(service)).interventions).toHaveLength(5);
    expect(await service.pendingRetention()).toEqual({
      months: 3,
      hereMonths: 12,
      counts: expect.objectContaining({ interventions: 2, prompts: 2, ratings: 2 }),
    });

    // The lead confirms on this browser: now it deletes, and the sweep keeps it so.
    expect(await service.keepRecordsFor(3)).toMatchObject({ interventions: 2, prompts: 2 });
    expect(await service.pendingRetention()).toBeNull();
    expect((await exported(service)).interventions).toHaveLength(3);
  });

  it('a looser retention from elsewhere is taken at once (it deletes nothing)', async () => {
    const { service, arrive, settings } = await setup({ ...roster, retentionMonths: 3 });
    await service.applyRetention();
    arrive({ ...settings(), retentionMonths: 0 });
    expect(await service.pendingRetention()).toBeNull();
    arrive({ ...settings(), retentionMonths: 6 }); // stricter than "everything" again: waits
    expect(await service.pendingRetention()).toMatchObject({ months: 6, hereMonths: 0 });
  });
});

describe('notifications on a shared screen', () => {
  it('name the item unless titles are hidden', () => {
    const record = intervention({
      id: 'x',
      artifact: {
        key: 'PAY-142',
        title: 'Checkout redesign',
        url: 'https://acme.atlassian.net/browse/PAY-142',
      },
    });
    expect(reminderMessage(record, false)).toBe(
      'Your planned end for PAY-142 (Checkout redesign) has passed.',
    );
    expect(reminderMessage(record, true)).not.toMatch(/PAY-142|Checkout/);
  });

  it('a take-over past its planned hand-back is asked about in take-over words, with its own buttons; hidden titles name no item', () => {
    const record = intervention({
      id: 't',
      kind: 'takeover',
      plannedUntil: 'end-of-day',
      plannedEndAt: '2026-12-10T17:00:00.000Z',
      artifact: {
        key: 'PAY-202',
        title: 'Refunds',
        url: 'https://acme.atlassian.net/browse/PAY-202',
      },
    });
    const keepUntil = new Date('2026-12-11T17:00:00.000Z');
    expect(reminderMessage(record, false)).toBe(
      `You planned to hand PAY-202 (Refunds) back by ${formatDateClock(new Date(record.plannedEndAt))}.`,
    );
    expect(reminderMessage(record, true)).not.toMatch(/PAY-202|Refunds|Alice|Bob/);
    expect(reminderMessage(record, true)).toMatch(/take-over/);
    expect(reminderWords(record, keepUntil)).toEqual({
      title: 'Still taking this over?',
      buttons: ['Hand it back', `Keep it until ${formatDayClock(keepUntil)}`],
    });
    // An edit's intervention keeps its words.
    expect(reminderWords(intervention({ id: 'e' }), keepUntil)).toEqual({
      title: 'Time to pull back?',
      buttons: ['End it', '15 more minutes'],
    });
  });

  it('a take-over until it is done asks whether it still is, never about a planned end', () => {
    const record = intervention({ id: 'y', kind: 'takeover', plannedUntil: 'done' });
    expect(reminderMessage(record, false)).toMatch(/is still with you: is it done\?$/);
    expect(reminderMessage(record, false)).not.toMatch(/planned end/);
    expect(reminderMessage(record, true)).toBe('A take-over is still with you: is it done?');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { buildBackup, parseBackup } from '@/utils/background/backup';
import { openPullbackDb, type PullbackDatabase } from '@/utils/background/db';
import { PULSE_MS } from '@/utils/model/durations';
import type { EditSignal } from '@/utils/protocol/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/records';
import { createService, UnknownRecordError } from '@/utils/background/service';
import { intervention, promptRecord, uniqueDbName } from '@/tests/unit/helpers';

const T0 = Date.parse('2026-11-28T10:00:00.000Z');
const MIN = 60_000;

const roster: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
  reports: [
    { id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test', '557058:a1'] },
    { id: 'bob', name: 'Bob Okafor', aliases: ['bob@acme.test'] },
  ],
  cooldownMinutes: 30,
  idleMinutes: 2,
  lapseHours: 8,
};

const dbs: PullbackDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function setup(initial: Settings = roster, idPrefix = 'id') {
  const db = await openPullbackDb(uniqueDbName());
  dbs.push(db);
  let settings = structuredClone(initial);
  let t = T0;
  let n = 0;
  const service = createService({
    db,
    getSettings: async () => structuredClone(settings),
    setSettings: async (next) => {
      settings = structuredClone(next);
    },
    now: () => new Date(t),
    newId: () => `${idPrefix}-${++n}`,
  });
  return {
    db,
    service,
    settings: () => settings,
    advance(ms: number) {
      t += ms;
    },
    at: () => new Date(t).toISOString(),
  };
}

function editOn(key: string, owner: string[], viewer: string[] = ['Dana Lead']): EditSignal {
  return {
    tool: 'jira',
    artifact: { key, title: `Title of ${key}`, url: `https://acme.atlassian.net/browse/${key}` },
    owner,
    viewer,
  };
}
const aliceEdit = (key = 'PAY-142') => editOn(key, ['Alice Chen', 'alice@acme.test', '557058:a1']);

async function promptIdOf(
  decision: Promise<import('@/utils/protocol/messages').EditDecision>,
): Promise<string> {
  const d = await decision;
  if (d.action !== 'prompt') throw new Error(`expected a prompt, got ${JSON.stringify(d)}`);
  return d.promptId;
}

describe('edit', () => {
  it('stays quiet with no reports in the roster, and writes nothing', async () => {
    const { service, db } = await setup({ ...roster, reports: [] });
    expect(await service.edit(aliceEdit())).toEqual({ action: 'none', reason: 'no-roster' });
    expect(await db.count('prompts')).toBe(0);
  });

  it("stays quiet on the lead's own ticket (by roster or by Jira's /myself)", async () => {
    const { service, db } = await setup();
    expect(await service.edit(editOn('PAY-1', ['DANA@acme.test']))).toEqual({
      action: 'none',
      reason: 'mine',
    });
    expect(await service.edit(editOn('PAY-2', ['557058:d0'], ['Dana L', '557058:d0']))).toEqual({
      action: 'none',
      reason: 'mine',
    });
    expect(await db.count('prompts')).toBe(0);
  });

  it('stays quiet on a ticket owned by someone who is not a report, or by nobody', async () => {
    const { service, db } = await setup();
    expect(await service.edit(editOn('PAY-1', ['Carol Peer', 'carol@acme.test']))).toEqual({
      action: 'none',
      reason: 'not-a-report',
    });
    expect(await service.edit(editOn('PAY-2', []))).toEqual({
      action: 'none',
      reason: 'not-a-report',
    });
    expect(await db.count('prompts')).toBe(0);
  });

  it("asks on a report's ticket, naming the report as the roster has it, and stores an unanswered prompt", async () => {
    const { service, db } = await setup();
    const decision = await service.edit(editOn('PAY-142', ['  ALICE   chen ']));
    expect(decision).toEqual({
      action: 'prompt',
      promptId: 'id-1',
      report: { id: 'alice', name: 'Alice Chen' },
      tool: 'jira',
      artifact: aliceEdit().artifact,
      // 18:00 local, the default working day's end, on the day of T0.
      workdayEndsAt: new Date(new Date(T0).setHours(18, 0, 0, 0)).toISOString(),
      plannedMinutes: 15,
    });
    expect(await db.getAll('prompts')).toEqual([
      {
        id: 'id-1',
        at: new Date(T0).toISOString(),
        tool: 'jira',
        artifact: aliceEdit().artifact,
        reportId: 'alice',
        answer: 'unanswered',
        answeredAt: null,
        interventionId: null,
      },
    ]);
  });

  it("offers the lead's default plan length with the prompt, for its first choice", async () => {
    const { service } = await setup({ ...roster, defaultPlanMinutes: 45 });
    const decision = await service.edit(editOn('PAY-142', ['Alice Chen']));
    expect(decision).toMatchObject({ action: 'prompt', plannedMinutes: 45 });
  });

  it('offers the same unanswered prompt again within the cooldown, without a second record', async () => {
    const h = await setup();
    const first = await promptIdOf(h.service.edit(aliceEdit()));
    h.advance(5 * MIN);
    const second = await promptIdOf(h.service.edit(aliceEdit()));
    expect(second).toBe(first);
    expect(await h.db.count('prompts')).toBe(1);
  });

  it('asks separately for a different ticket of the same report', async () => {
    const h = await setup();
    const a = await promptIdOf(h.service.edit(aliceEdit('PAY-1')));
    const b = await promptIdOf(h.service.edit(aliceEdit('PAY-2')));
    expect(a).not.toBe(b);
    expect(await h.db.count('prompts')).toBe(2);
  });

  it('two concurrent edits on one ticket (two tabs) create exactly one prompt', async () => {
    const h = await setup();
    const [a, b] = await Promise.all([h.service.edit(aliceEdit()), h.service.edit(aliceEdit())]);
    expect(a.action).toBe('prompt');
    expect(b.action).toBe('prompt');
    expect(a.action === 'prompt' && b.action === 'prompt' && a.promptId === b.promptId).toBe(true);
    expect(await h.db.count('prompts')).toBe(1);
  });

  it('after "not now", stays quiet during the cooldown from the answer, then asks again with a new prompt', async () => {
    const h = await setup();
    const first = await promptIdOf(h.service.edit(aliceEdit()));
    h.advance(20 * MIN);
    await h.service.answerPrompt({ promptId: first, answer: 'dismissed' });
    h.advance(29 * MIN); // 49 min after the prompt, 29 after the answer
    expect(await h.service.edit(aliceEdit())).toEqual({ action: 'none', reason: 'cooldown' });
    h.advance(1 * MIN + 1);
    const second = await promptIdOf(h.service.edit(aliceEdit()));
    expect(second).not.toBe(first);
    expect(await h.db.count('prompts')).toBe(2);
  });

  it('after "I\'ll hand it back", also stays quiet for the cooldown', async () => {
    const h = await setup();
    const id = await promptIdOf(h.service.edit(aliceEdit()));
    await h.service.answerPrompt({ promptId: id, answer: 'stepped-back' });
    h.advance(10 * MIN);
    expect(await h.service.edit(aliceEdit())).toEqual({ action: 'none', reason: 'cooldown' });
  });

  it('an unanswered prompt older than the cooldown is replaced by a new one', async () => {
    const h = await setup();
    const first = await promptIdOf(h.service.edit(aliceEdit()));
    h.advance(31 * MIN);
    const second = await promptIdOf(h.service.edit(aliceEdit()));
    expect(second).not.toBe(first);
  });
});

describe('answerPrompt', () => {
  it('deliberate starts an active intervention with the purpose and planned end, and links the prompt', async () => {
    const h = await setup();
    const promptId = await promptIdOf(h.service.edit(aliceEdit()));
    h.advance(10_000);
    const answeredAt = h.at();
    const result = await h.service.answerPrompt({
      promptId,
      answer: 'deliberate',
      purpose: 'teach-framework',
      plannedMinutes: 45,
    });

    expect(result.intervention).toMatchObject({
      tool: 'jira',
      artifact: aliceEdit().artifact,
      reportId: 'alice',
      purpose: 'teach-framework',
      status: 'active',
      startedAt: answeredAt,
      plannedEndAt: new Date(Date.parse(answeredAt) + 45 * MIN).toISOString(),
      endedAt: null,
      activeMs: 0,
    });
    const id = result.intervention!.id;
    expect(await h.db.get('interventions', id)).toEqual(result.intervention);
    expect(await h.db.get('prompts', promptId)).toMatchObject({
      answer: 'deliberate',
      answeredAt,
      interventionId: id,
    });
    expect(result.prompt).toMatchObject({ answer: 'deliberate', interventionId: id });
  });

  it('deliberate without purpose or minutes uses "back on track" and 15 minutes', async () => {
    const h = await setup();
    const promptId = await promptIdOf(h.service.edit(aliceEdit()));
    const { intervention: started } = await h.service.answerPrompt({
      promptId,
      answer: 'deliberate',
    });
    expect(started).toMatchObject({
      purpose: 'back-on-track',
      plannedEndAt: new Date(T0 + 15 * MIN).toISOString(),
    });
  });

  it('stepped-back and dismissed start nothing', async () => {
    const h = await setup();
    const p1 = await promptIdOf(h.service.edit(aliceEdit('PAY-1')));
    const p2 = await promptIdOf(h.service.edit(aliceEdit('PAY-2')));
    expect(
      (await h.service.answerPrompt({ promptId: p1, answer: 'stepped-back' })).intervention,
    ).toBeNull();
    expect(
      (await h.service.answerPrompt({ promptId: p2, answer: 'dismissed' })).intervention,
    ).toBeNull();
    expect(await h.db.count('interventions')).toBe(0);
    expect((await h.db.get('prompts', p1))?.answer).toBe('stepped-back');
    expect((await h.db.get('prompts', p2))?.answer).toBe('dismissed');
  });

  it('answering twice (two tabs) keeps the first answer', async () => {
    const h = await setup();
    const promptId = await promptIdOf(h.service.edit(aliceEdit()));
    await h.service.answerPrompt({ promptId, answer: 'stepped-back' });
    h.advance(MIN);
    const second = await h.service.answerPrompt({
      promptId,
      answer: 'deliberate',
      plannedMinutes: 60,
    });
    expect(second.prompt.answer).toBe('stepped-back');
    expect(second.prompt.answeredAt).toBe(new Date(T0).toISOString());
    expect(second.intervention).toBeNull();
    expect(await h.db.count('interventions')).toBe(0);
  });

  it('answering a deliberate prompt again returns the intervention it started, not a new one', async () => {
    const h = await setup();
    const promptId = await promptIdOf(h.service.edit(aliceEdit()));
    const first = await h.service.answerPrompt({ promptId, answer: 'deliberate' });
    const again = await h.service.answerPrompt({ promptId, answer: 'deliberate' });
    expect(again.intervention?.id).toBe(first.intervention?.id);
    expect(await h.db.count('interventions')).toBe(1);
  });

  it('two concurrent deliberate answers on two prompts of one ticket start one intervention', async () => {
    const h = await setup();
    const p1 = await promptIdOf(h.service.edit(aliceEdit()));
    h.advance(31 * MIN); // past the cooldown: a second prompt on the same ticket
    const p2 = await promptIdOf(h.service.edit(aliceEdit()));
    expect(p2).not.toBe(p1);

    const [a, b] = await Promise.all([
      h.service.answerPrompt({ promptId: p1, answer: 'deliberate' }),
      h.service.answerPrompt({ promptId: p2, answer: 'deliberate' }),
    ]);
    const all = await h.db.getAll('interventions');
    expect(all.filter((r) => r.status === 'active')).toHaveLength(1);
    expect(all).toHaveLength(1);
    expect(a.intervention?.id).toBe(all[0]!.id);
    expect(b.intervention?.id).toBe(all[0]!.id);
    expect((await h.db.get('prompts', p2))?.interventionId).toBe(all[0]!.id);
  });

  it('an unknown prompt id throws', async () => {
    const h = await setup();
    await expect(
      h.service.answerPrompt({ promptId: 'nope', answer: 'dismissed' }),
    ).rejects.toBeInstanceOf(UnknownRecordError);
  });
});

describe('edits during an intervention', () => {
  async function started() {
    const h = await setup();
    const promptId = await promptIdOf(h.service.edit(aliceEdit()));
    const { intervention: i } = await h.service.answerPrompt({
      promptId,
      answer: 'deliberate',
      plannedMinutes: 60,
    });
    return { ...h, id: i!.id };
  }

  it('feeds the active intervention instead of asking, adding gaps within the pulse window', async () => {
    const h = await started();
    h.advance(20_000);
    expect(await h.service.edit(aliceEdit())).toEqual({
      action: 'feeding',
      interventionId: h.id,
      report: { id: 'alice', name: 'Alice Chen' },
    });
    h.advance(PULSE_MS); // exactly the window: still counts
    await h.service.edit(aliceEdit());
    const record = await h.db.get('interventions', h.id);
    expect(record?.activeMs).toBe(20_000 + PULSE_MS);
    expect(record?.lastActivityAt).toBe(h.at());
    expect(await h.db.count('prompts')).toBe(1);
  });

  it('does not count a gap longer than the pulse window, but counts from the new stretch on', async () => {
    const h = await started();
    h.advance(10_000);
    await h.service.edit(aliceEdit());
    h.advance(PULSE_MS + 1);
    await h.service.edit(aliceEdit());
    expect((await h.db.get('interventions', h.id))?.activeMs).toBe(10_000);
    h.advance(5_000);
    await h.service.edit(aliceEdit());
    expect((await h.db.get('interventions', h.id))?.activeMs).toBe(15_000);
  });

  it('past the planned end, an edit still counts and says the intervention is overdue', async () => {
    const h = await started();
    h.advance(60 * MIN + 30_000);
    const decision = await h.service.edit(aliceEdit());
    expect(decision.action).toBe('overdue');
    expect(decision.action === 'overdue' && decision.intervention.id).toBe(h.id);
    expect(await h.db.count('prompts')).toBe(1);
  });

  it('after the intervention ends, the next edit within the cooldown stays quiet', async () => {
    const h = await started();
    h.advance(5 * MIN);
    await h.service.endIntervention(h.id);
    expect(await h.service.edit(aliceEdit())).toEqual({ action: 'none', reason: 'cooldown' });
  });
});

describe('endIntervention', () => {
  it('ends an active intervention now, and ending it again changes nothing', async () => {
    const h = await setup();
    const promptId = await promptIdOf(h.service.edit(aliceEdit()));
    const { intervention: i } = await h.service.answerPrompt({ promptId, answer: 'deliberate' });
    h.advance(7 * MIN);
    const endedAt = h.at();
    const ended = await h.service.endIntervention(i!.id);
    expect(ended).toMatchObject({ id: i!.id, status: 'ended', endedAt });
    expect(await h.db.get('interventions', i!.id)).toEqual(ended);

    h.advance(3 * MIN);
    const again = await h.service.endIntervention(i!.id);
    expect(again).toEqual(ended);
    expect((await h.db.get('interventions', i!.id))?.endedAt).toBe(endedAt);
    expect(await h.service.listActive()).toEqual([]);
  });

  it('throws for an unknown id', async () => {
    const h = await setup();
    await expect(h.service.endIntervention('missing')).rejects.toBeInstanceOf(UnknownRecordError);
    await expect(h.service.endIntervention('missing')).rejects.toThrow('no longer known');
  });
});

describe('lists', () => {
  it('names each row by the roster, and a removed report as "a former report"', async () => {
    const h = await setup();
    await h.db.put('interventions', intervention({ id: 'a', reportId: 'alice' }));
    await h.db.put(
      'interventions',
      intervention({
        id: 'z',
        reportId: 'zed',
        startedAt: '2026-11-28T11:00:00.000Z',
        artifact: { key: 'PAY-9', title: '', url: 'https://acme.atlassian.net/browse/PAY-9' },
      }),
    );
    const active = await h.service.listActive();
    expect(active.map((r) => [r.id, r.reportName])).toEqual([
      ['z', 'a former report'],
      ['a', 'Alice Chen'],
    ]);
    await h.db.put('prompts', promptRecord({ id: 'p', reportId: 'bob' }));
    const log = await h.service.listLog(10);
    expect(log.prompts.map((p) => p.reportName)).toEqual(['Bob Okafor']);
    expect(log.interventions.map((r) => r.id)).toEqual(['z', 'a']);
  });
});

describe('backup', () => {
  async function withHistory() {
    const h = await setup();
    const p1 = await promptIdOf(h.service.edit(aliceEdit('PAY-1')));
    const { intervention: i } = await h.service.answerPrompt({
      promptId: p1,
      answer: 'deliberate',
      purpose: 'details-matter',
    });
    h.advance(2 * MIN);
    await h.service.endIntervention(i!.id);
    await promptIdOf(h.service.edit(editOn('PAY-2', ['bob@acme.test'])));
    return h;
  }

  it('exportBackup writes a file parseBackup accepts, holding the settings and every record', async () => {
    const h = await withHistory();
    const text = await h.service.exportBackup();
    const parsed = parseBackup(text);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.settings).toEqual(roster);
    expect(parsed.backup.interventions).toEqual(await h.db.getAll('interventions'));
    expect(parsed.backup.prompts).toEqual(await h.db.getAll('prompts'));
    expect(parsed.backup.prompts).toHaveLength(2);
    expect(parsed.backup.exportedAt).toBe(h.at());
  });

  it('importBackup refuses a bad file with its message and writes nothing', async () => {
    const h = await withHistory();
    const before = {
      settings: h.settings(),
      interventions: await h.db.getAll('interventions'),
      prompts: await h.db.getAll('prompts'),
    };

    const good = JSON.parse(await h.service.exportBackup());
    // Valid settings and a valid first record, then a damaged one: nothing at all may land.
    good.settings = { me: { name: 'Someone Else' }, reports: [] };
    good.interventions.push({ ...good.interventions[0], id: 'new-1' });
    good.interventions.push({ ...good.interventions[0], id: 'new-2', status: 'paused' });
    good.prompts.push({ ...good.prompts[0], id: 'new-p' });

    for (const text of ['', 'not json', JSON.stringify(good)]) {
      const result = await h.service.importBackup(text);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/Nothing was imported\.$/);
    }
    expect(h.settings()).toEqual(before.settings);
    expect(await h.db.getAll('interventions')).toEqual(before.interventions);
    expect(await h.db.getAll('prompts')).toEqual(before.prompts);
  });

  it('a prompt answered deliberate must point at an intervention in the file or already here: refused naming the field, nothing imported', async () => {
    const h = await setup();
    const deliberate = (interventionId: string) =>
      promptRecord({
        id: `p-${interventionId}`,
        at: '2026-11-23T09:00:00.000Z',
        answer: 'deliberate',
        answeredAt: '2026-11-23T09:00:05.000Z',
        interventionId,
      });
    const stored = intervention({ id: 'stored-1', startedAt: '2026-11-23T09:00:05.000Z' });
    await h.db.put('interventions', stored);
    const file = (prompts: unknown[]) =>
      JSON.stringify({ ...buildBackup(roster, [], [], [], new Date(T0)), prompts });

    const refused = await h.service.importBackup(
      file([deliberate('stored-1'), deliberate('gone')]),
    );
    expect(refused).toEqual({
      ok: false,
      error:
        'This backup is damaged: prompts.1.interventionId must name an intervention in the file or already here. Nothing was imported.',
    });
    expect(await h.db.count('prompts')).toBe(0);

    expect((await h.service.importBackup(file([deliberate('stored-1')]))).ok).toBe(true);
    expect(await h.db.count('prompts')).toBe(1);
  });

  it('importBackup replaces settings, merges records by id (records here win), and a re-import adds nothing', async () => {
    const source = await withHistory();
    const text = await source.service.exportBackup();

    const h = await setup({ ...roster, me: { name: 'Old Me', aliases: [] }, reports: [] });
    // A record already here with an id the file also has: the local one is kept.
    const fileInterventions = JSON.parse(text).interventions as Array<{ id: string }>;
    const local = intervention({
      id: fileInterventions[0]!.id,
      reportId: 'local',
      status: 'ended',
      endedAt: '2026-11-28T09:00:00.000Z',
    });
    await h.db.put('interventions', local);

    const first = await h.service.importBackup(text);
    expect(first).toEqual({
      ok: true,
      reports: 2,
      interventionsAdded: 0,
      promptsAdded: 2,
      duplicatesSkipped: 1,
    });
    expect(h.settings()).toEqual(roster);
    expect(await h.db.get('interventions', local.id)).toEqual(local);
    expect(await h.db.getAll('prompts')).toEqual(await source.db.getAll('prompts'));

    const again = await h.service.importBackup(text);
    expect(again).toEqual({
      ok: true,
      reports: 2,
      interventionsAdded: 0,
      promptsAdded: 0,
      duplicatesSkipped: 3,
    });
    expect(await h.db.count('prompts')).toBe(2);
    expect(await h.db.count('interventions')).toBe(1);
  });

  it('importBackup into an empty database adds every record', async () => {
    const source = await withHistory();
    const text = await source.service.exportBackup();
    const h = await setup({ ...roster, reports: [] }, 'here');
    expect(await h.service.importBackup(text)).toEqual({
      ok: true,
      reports: 2,
      interventionsAdded: 1,
      promptsAdded: 2,
      duplicatesSkipped: 0,
    });
    expect(await h.db.getAll('interventions')).toEqual(await source.db.getAll('interventions'));
    // The imported roster is live: a report's ticket now prompts.
    expect((await h.service.edit(aliceEdit('PAY-77'))).action).toBe('prompt');
  });
});

describe('the moment of asking', () => {
  const typed = (signal: EditSignal, keys: number, ms = 1500): EditSignal => ({
    ...signal,
    stretch: { keys, pasted: false, ms },
  });

  it('a stretch short of the threshold is a touch: no prompt logged, counted for the report and week once it stops', async () => {
    const { service, db } = await setup();
    expect(await service.edit(typed(aliceEdit('PAY-1'), 1))).toEqual({
      action: 'touch',
      threshold: 4,
      report: { id: 'alice', name: 'Alice Chen' },
    });
    expect(await db.count('prompts')).toBe(0);
    expect(await service.touch(typed(aliceEdit('PAY-1'), 1))).toBe(true);
    expect(await service.touch(typed(aliceEdit('PAY-2'), 3))).toBe(true);
    // A stretch that crossed the threshold, or an item that is mine, is not a touch.
    expect(await service.touch(typed(aliceEdit('PAY-3'), 4))).toBe(false);
    expect(await service.touch(typed(editOn('PAY-4', ['Dana Lead']), 1))).toBe(false);
    expect(await db.getAll('touches')).toEqual([
      {
        id: '2026-W48:alice',
        week: '2026-W48',
        reportId: 'alice',
        count: 2,
        at: new Date(T0).toISOString(),
      },
    ]);
    expect(await db.count('prompts')).toBe(0);
  });

  it('the threshold setting: "ask on the first keystroke" asks on one key', async () => {
    const { service } = await setup({ ...roster, askAfterKeys: 1 });
    expect((await service.edit(typed(aliceEdit(), 1))).action).toBe('prompt');
  });

  it('Yes counts the editing before the prompt as hands-on time', async () => {
    const { service, advance } = await setup();
    const promptId = await promptIdOf(service.edit(typed(aliceEdit(), 4, 20_000)));
    advance(5_000);
    const { intervention } = await service.answerPrompt({ promptId, answer: 'deliberate' });
    expect(intervention).toMatchObject({
      activeMs: 20_000,
      startedAt: new Date(T0 - 20_000).toISOString(),
      lastActivityAt: new Date(T0 + 5_000).toISOString(),
    });
  });

  it('a second item of the report joins the open intervention: stored on it, its time counts toward it, and the backup keeps it', async () => {
    const { service, db, advance } = await setup();
    const first = await promptIdOf(service.edit(typed(aliceEdit('PAY-307'), 4)));
    const { intervention: open } = await service.answerPrompt({
      promptId: first,
      answer: 'deliberate',
    });
    advance(MIN);
    const second = await service.edit(typed(aliceEdit('PAY-308'), 4, 10_000));
    expect(second).toMatchObject({
      action: 'prompt',
      joinable: { interventionId: open!.id, artifact: { key: 'PAY-307' } },
    });
    const { intervention: joined, prompt } = await service.answerPrompt({
      promptId: (second as { promptId: string }).promptId,
      answer: 'deliberate',
      join: open!.id,
    });
    expect(prompt).toMatchObject({ answer: 'deliberate', interventionId: open!.id });
    expect(joined).toMatchObject({
      id: open!.id,
      joined: [
        { tool: 'jira', artifact: { key: 'PAY-308' }, at: new Date(T0 + MIN).toISOString() },
      ],
    });
    expect(joined!.activeMs).toBe(open!.activeMs + 10_000);
    expect(await db.count('interventions')).toBe(1);
    // Editing the joined item feeds the one intervention.
    advance(30_000);
    expect(await service.edit(typed(aliceEdit('PAY-308'), 1))).toEqual({
      action: 'feeding',
      interventionId: open!.id,
      report: { id: 'alice', name: 'Alice Chen' },
    });
    expect((await db.get('interventions', open!.id))!.activeMs).toBe(joined!.activeMs + 30_000);

    // Round trip: the backup with joined items and touches imports into a fresh browser as it was.
    await service.touch(typed(aliceEdit('PAY-9'), 2));
    const text = await service.exportBackup();
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.touches).toEqual(await db.getAll('touches'));
    const fresh = await setup(roster, 'other');
    await fresh.service.importBackup(text);
    expect(await fresh.db.getAll('interventions')).toEqual(await db.getAll('interventions'));
    expect(await fresh.db.getAll('touches')).toEqual(await db.getAll('touches'));
  });

  it('joining an intervention that ended meanwhile says so and changes nothing', async () => {
    const { service, db } = await setup();
    const first = await promptIdOf(service.edit(typed(aliceEdit('PAY-307'), 4)));
    const { intervention: open } = await service.answerPrompt({
      promptId: first,
      answer: 'deliberate',
    });
    const second = await promptIdOf(service.edit(typed(aliceEdit('PAY-308'), 4)));
    await service.endIntervention(open!.id);
    await expect(
      service.answerPrompt({ promptId: second, answer: 'deliberate', join: open!.id }),
    ).rejects.toThrow(/no longer open/);
    expect((await db.get('prompts', second))!.answer).toBe('unanswered');
  });

  it('"End of day" plans to the working day\'s end the lead set, and says so on the record', async () => {
    const { service } = await setup({ ...roster, workdayEnd: '17:30' });
    const promptId = await promptIdOf(service.edit(typed(aliceEdit(), 4)));
    const { intervention } = await service.answerPrompt({
      promptId,
      answer: 'deliberate',
      until: 'end-of-day',
    });
    expect(intervention).toMatchObject({
      plannedEndAt: new Date(new Date(T0).setHours(17, 30, 0, 0)).toISOString(),
      plannedUntil: 'end-of-day',
    });
  });

  it('a take-over until a day ends at that day’s working-day end; a day gone by is refused and starts nothing', async () => {
    const { service, db } = await setup({ ...roster, workdayEnd: '17:30' });
    const promptId = await promptIdOf(service.edit({ ...aliceEdit(), kind: 'takeover' }));
    await expect(
      service.answerPrompt({
        promptId,
        answer: 'deliberate',
        until: 'day',
        untilDay: '2026-11-27',
      }),
    ).rejects.toThrow(/working day has not ended/);
    expect(await db.getAll('interventions')).toEqual([]);
    const { intervention } = await service.answerPrompt({
      promptId,
      answer: 'deliberate',
      until: 'day',
      untilDay: '2026-12-02',
    });
    expect(intervention).toMatchObject({
      kind: 'takeover',
      plannedUntil: 'day',
      plannedEndAt: new Date(2026, 11, 2, 17, 30).toISOString(),
    });
  });

  it('a take-over until it is done has no planned end: never overdue, never lapsed, reminded once a week', async () => {
    const { service, advance } = await setup();
    const promptId = await promptIdOf(service.edit({ ...aliceEdit(), kind: 'takeover' }));
    const { intervention } = await service.answerPrompt({
      promptId,
      answer: 'deliberate',
      until: 'done',
    });
    expect(intervention).toMatchObject({ kind: 'takeover', plannedUntil: 'done' });
    advance(3 * 24 * 60 * MIN); // Three quiet days: far past the lapse rule's 8 hours.
    let swept = await service.sweep();
    expect(swept.active.map((r) => r.id)).toEqual([intervention!.id]);
    expect(swept.toRemind).toEqual([]);
    advance(4 * 24 * 60 * MIN + MIN); // A week on: the weekly question.
    swept = await service.sweep();
    expect(swept.toRemind.map((r) => r.id)).toEqual([intervention!.id]);
    const next = swept.toRemind[0]!.plannedEndAt;
    expect(Date.parse(next) - Date.parse(intervention!.plannedEndAt)).toBe(7 * 24 * 60 * MIN);
    expect((await service.sweep()).toRemind).toEqual([]); // Once, until next week.
  });

  it("a take-over past its end: the lead's own edit (it is assigned to them) asks whether it is still theirs, with the next working day's end; kept until then, it is no longer overdue", async () => {
    const { service, advance } = await setup({ ...roster, workdayEnd: '17:30' });
    const promptId = await promptIdOf(service.edit({ ...aliceEdit(), kind: 'takeover' }));
    const { intervention } = await service.answerPrompt({
      promptId,
      answer: 'deliberate',
      until: 'end-of-day',
    });
    const end = new Date(intervention!.plannedEndAt);
    advance(end.getTime() - T0 + 10 * MIN);
    const nextEnd = new Date(end);
    nextEnd.setDate(end.getDate() + 1);
    // Assigned to Dana now: still the take-over's time, and past its end the page asks.
    const decision = await service.edit(editOn('PAY-142', ['Dana Lead', 'dana@acme.test']));
    expect(decision).toMatchObject({
      action: 'overdue',
      intervention: { id: intervention!.id },
      report: { id: 'alice', name: 'Alice Chen' },
      keepUntil: nextEnd.toISOString(),
    });
    const kept = await service.extendIntervention(intervention!.id, 'next-workday-end');
    expect(kept).toMatchObject({ plannedEndAt: nextEnd.toISOString(), plannedUntil: 'day' });
    await expect(
      service.edit(editOn('PAY-142', ['Dana Lead', 'dana@acme.test'])),
    ).resolves.toMatchObject({ action: 'feeding' });
    // The lead's own item with no take-over on it stays theirs: nothing is asked.
    await expect(service.edit(editOn('PAY-150', ['Dana Lead', 'dana@acme.test']))).resolves.toEqual(
      { action: 'none', reason: 'mine' },
    );
  });

  it('a take-over past its end kept "until it is done" has no planned end; an edit\'s intervention cannot be', async () => {
    const { service, advance } = await setup();
    const promptId = await promptIdOf(service.edit({ ...aliceEdit(), kind: 'takeover' }));
    const { intervention } = await service.answerPrompt({
      promptId,
      answer: 'deliberate',
      until: 'end-of-day',
    });
    advance(Date.parse(intervention!.plannedEndAt) - T0 + MIN);
    const kept = await service.extendIntervention(intervention!.id, 'done');
    expect(kept).toMatchObject({ plannedUntil: 'done', remindedAt: null });
    expect(Date.parse(kept.plannedEndAt) - Date.parse(intervention!.plannedEndAt)).toBe(
      7 * 24 * 60 * MIN + MIN,
    );
    expect((await service.sweep()).toRemind).toEqual([]);

    const editPrompt = await promptIdOf(service.edit(typed(aliceEdit('PAY-143'), 4)));
    const { intervention: edited } = await service.answerPrompt({
      promptId: editPrompt,
      answer: 'deliberate',
    });
    await expect(service.extendIntervention(edited!.id, 'done')).rejects.toThrow(
      /Only a take-over/,
    );
  });

  it("the reminder's second button keeps a take-over until the next working day's end and gives an edit 15 more minutes", async () => {
    const { service, advance } = await setup({ ...roster, workdayEnd: '17:30' });
    const takeoverPrompt = await promptIdOf(service.edit({ ...aliceEdit(), kind: 'takeover' }));
    const { intervention: takeover } = await service.answerPrompt({
      promptId: takeoverPrompt,
      answer: 'deliberate',
      until: 'end-of-day',
    });
    const editPrompt = await promptIdOf(service.edit(typed(aliceEdit('PAY-143'), 4)));
    const { intervention: edited } = await service.answerPrompt({
      promptId: editPrompt,
      answer: 'deliberate',
      plannedMinutes: 15,
    });
    const end = new Date(takeover!.plannedEndAt);
    advance(end.getTime() - T0 + MIN);
    const nextEnd = new Date(end);
    nextEnd.setDate(end.getDate() + 1);
    await expect(service.keepFromReminder(takeover!.id)).resolves.toMatchObject({
      plannedEndAt: nextEnd.toISOString(),
    });
    await expect(service.keepFromReminder(edited!.id)).resolves.toMatchObject({
      plannedEndAt: new Date(end.getTime() + MIN + 15 * MIN).toISOString(),
    });
  });

  it('"Not a take-over" records that answer and starts nothing', async () => {
    const { service, db } = await setup();
    const promptId = await promptIdOf(service.edit({ ...aliceEdit(), kind: 'takeover' }));
    const { prompt, intervention } = await service.answerPrompt({
      promptId,
      answer: 'not-takeover',
    });
    expect(prompt).toMatchObject({ kind: 'takeover', answer: 'not-takeover' });
    expect(intervention).toBeNull();
    expect(await db.getAll('interventions')).toEqual([]);
  });

  it('the step after Yes annotates the intervention: purpose and words; blank words keep what was there', async () => {
    const { service } = await setup();
    const promptId = await promptIdOf(service.edit(typed(aliceEdit(), 4)));
    const { intervention } = await service.answerPrompt({ promptId, answer: 'deliberate' });
    const annotated = await service.annotateIntervention(intervention!.id, {
      purpose: 'teach-framework',
      intent: ' RACI ',
    });
    expect(annotated).toMatchObject({
      purpose: 'teach-framework',
      intent: 'RACI',
      status: 'active',
    });
    expect(await service.annotateIntervention(intervention!.id, { intent: '  ' })).toMatchObject({
      intent: 'RACI',
    });
    await expect(service.annotateIntervention('nope', {})).rejects.toThrow(UnknownRecordError);
  });

  it("the prompt carries the report's latest check-in: the quadrant's name, when, and the purpose that fits it", async () => {
    const { service } = await setup();
    await service.saveRating({ week: '2026-W47', reportId: 'alice', alignment: 1, confidence: 1 });
    await service.saveRating({ week: '2026-W48', reportId: 'alice', alignment: 4, confidence: 4 });
    await service.saveRating({ week: '2026-W48', reportId: 'bob', alignment: 3, confidence: 1 });
    expect(await service.edit(typed(aliceEdit(), 4))).toMatchObject({
      action: 'prompt',
      checkIn: {
        quadrant: 'support',
        label: 'Full support',
        week: '2026-W48',
        at: new Date(T0).toISOString(),
        purpose: 'details-matter',
      },
    });
    const bobs = await service.edit(typed(editOn('PAY-9', ['Bob Okafor']), 4));
    expect(bobs).toMatchObject({
      checkIn: { label: 'Build confidence', purpose: 'teach-framework' },
    });
    const { service: fresh } = await setup();
    expect(await fresh.edit(typed(aliceEdit(), 4))).not.toHaveProperty('checkIn');
  });

  it('a backup written before touches and joined imports unchanged', async () => {
    const { service, db } = await setup();
    const old = intervention({ id: 'old-1', status: 'ended', endedAt: '2026-11-28T10:10:00.000Z' });
    const text = JSON.stringify({
      format: 'pullback-backup',
      version: 1,
      settings: roster,
      interventions: [old],
      prompts: [],
      ratings: [],
    });
    expect(await service.importBackup(text)).toMatchObject({ ok: true, interventionsAdded: 1 });
    const stored = await db.get('interventions', 'old-1');
    expect(stored).toEqual(old);
    expect('joined' in stored!).toBe(false);
    expect(await db.count('touches')).toBe(0);
  });
});

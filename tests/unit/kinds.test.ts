/**
 * The shared record contracts for take-overs and the lead's intent: an edit
 * signal may say it is a take-over, the prompt and the intervention it starts
 * remember that, and the lead's few words on "Yes" are kept with the
 * intervention. Absent fields mean 'edit' and no words, so older records,
 * signals and backups read as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildBackup, parseBackup } from '@/utils/background/backup';
import { openPullbackDb, type PullbackDatabase } from '@/utils/background/db';
import { EditSignalSchema, parseOrThrow, PromptAnswerSchema } from '@/utils/protocol/schemas';
import type { EditSignal } from '@/utils/protocol/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/records';
import { createService } from '@/utils/background/service';
import { intervention, promptRecord, uniqueDbName } from '@/tests/unit/helpers';

const roster: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: [] },
  reports: [{ id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test'] }],
};

const dbs: PullbackDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function setup() {
  const db = await openPullbackDb(uniqueDbName());
  dbs.push(db);
  let n = 0;
  const service = createService({
    db,
    getSettings: async () => structuredClone(roster),
    setSettings: async () => {},
    now: () => new Date('2026-11-28T10:00:00.000Z'),
    newId: () => `id-${++n}`,
  });
  return { db, service };
}

const edit = (kind?: EditSignal['kind']): EditSignal => ({
  ...(kind ? { kind } : {}),
  tool: 'jira',
  artifact: {
    key: 'PAY-142',
    title: 'Checkout button',
    url: 'https://acme.atlassian.net/browse/PAY-142',
  },
  owner: ['alice@acme.test'],
  viewer: ['Dana Lead'],
});

describe('take-over prompts', () => {
  it('a take-over signal prompts with kind "takeover", and the stored prompt says so', async () => {
    const { service, db } = await setup();
    const decision = await service.edit(edit('takeover'));
    expect(decision).toMatchObject({
      action: 'prompt',
      kind: 'takeover',
      report: { name: 'Alice Chen' },
    });
    expect((await db.getAll('prompts'))[0]!.kind).toBe('takeover');
  });

  it('a plain edit signal stores no kind (absent means edit) and the decision carries none', async () => {
    const { service, db } = await setup();
    const decision = await service.edit(edit());
    expect(decision.action === 'prompt' && decision.kind).toBeFalsy();
    expect('kind' in (await db.getAll('prompts'))[0]!).toBe(false);
  });

  it('a take-over prompt offered again in another tab still says take-over', async () => {
    const { service } = await setup();
    await service.edit(edit('takeover'));
    expect(await service.edit(edit())).toMatchObject({
      action: 'prompt',
      promptId: 'id-1',
      kind: 'takeover',
    });
  });

  it('"Yes" on a take-over starts a take-over intervention holding the lead\'s intent, trimmed', async () => {
    const { service, db } = await setup();
    const decision = await service.edit(edit('takeover'));
    if (decision.action !== 'prompt') throw new Error('expected a prompt');
    const { intervention: started } = await service.answerPrompt({
      promptId: decision.promptId,
      answer: 'deliberate',
      intent: '  Show how I split the epic  ',
    });
    expect(started).toMatchObject({ kind: 'takeover', intent: 'Show how I split the epic' });
    expect(await db.get('interventions', started!.id)).toMatchObject({
      kind: 'takeover',
      intent: 'Show how I split the epic',
    });
  });

  it('"Yes" with blank words keeps no intent; a plain edit\'s intervention has no kind', async () => {
    const { service } = await setup();
    const decision = await service.edit(edit());
    if (decision.action !== 'prompt') throw new Error('expected a prompt');
    const { intervention: started } = await service.answerPrompt({
      promptId: decision.promptId,
      answer: 'deliberate',
      intent: '   ',
    });
    expect(started).not.toHaveProperty('intent');
    expect(started).not.toHaveProperty('kind');
  });
});

describe('messages', () => {
  it('the edit signal accepts kind edit or takeover and refuses anything else', () => {
    expect(parseOrThrow(EditSignalSchema, edit('takeover'), 'edit').kind).toBe('takeover');
    expect(parseOrThrow(EditSignalSchema, edit(), 'edit')).not.toHaveProperty('kind');
    expect(() => parseOrThrow(EditSignalSchema, { ...edit(), kind: 'rewrite' }, 'edit')).toThrow(
      /kind/,
    );
  });

  it('the answer accepts an intent of up to 280 characters and names the field beyond', () => {
    const answer = { promptId: 'p1', answer: 'deliberate' };
    expect(
      parseOrThrow(PromptAnswerSchema, { ...answer, intent: 'x'.repeat(280) }, 'answer').intent,
    ).toHaveLength(280);
    expect(() =>
      parseOrThrow(PromptAnswerSchema, { ...answer, intent: 'x'.repeat(281) }, 'answer'),
    ).toThrow(/intent must be at most 280 characters/);
  });
});

describe('backup', () => {
  it('keeps kind and intent through export and import', () => {
    const records = {
      interventions: [
        intervention({ id: 'i1', kind: 'takeover', intent: 'Teach the RICE framework' }),
      ],
      prompts: [
        promptRecord({
          id: 'p1',
          kind: 'takeover',
          answer: 'deliberate',
          answeredAt: '2026-11-28T10:00:10.000Z',
          interventionId: 'i1',
        }),
      ],
    };
    const parsed = parseBackup(
      JSON.stringify(buildBackup(roster, records.interventions, records.prompts)),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.interventions).toEqual(records.interventions);
    expect(parsed.backup.prompts).toEqual(records.prompts);
  });

  it('reads a version 1 backup without kind or intent, adding neither', () => {
    const parsed = parseBackup(
      JSON.stringify(
        buildBackup(roster, [intervention({ id: 'i1' })], [promptRecord({ id: 'p1' })]),
      ),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.interventions[0]).not.toHaveProperty('kind');
    expect(parsed.backup.interventions[0]).not.toHaveProperty('intent');
    expect(parsed.backup.prompts[0]).not.toHaveProperty('kind');
  });

  it('refuses an intent over 280 characters or an unknown kind, naming the field', () => {
    const long = parseBackup(
      JSON.stringify(
        buildBackup(roster, [intervention({ id: 'i1', intent: 'x'.repeat(281) })], []),
      ),
    );
    expect(long).toMatchObject({
      ok: false,
      error: expect.stringMatching(/interventions\.0\.intent .*280.*Nothing was imported\./),
    });
    const odd = parseBackup(
      JSON.stringify(
        buildBackup(roster, [], [promptRecord({ id: 'p1', kind: 'rewrite' as 'edit' })]),
      ),
    );
    expect(odd).toMatchObject({ ok: false, error: expect.stringMatching(/prompts\.0\.kind/) });
  });
});

import { describe, expect, it } from 'vitest';
import {
  decideEdit,
  type EditFacts,
  type EditOutcome,
  type OwnerStanding,
} from '@/utils/background/edit-decision';
import { openPullbackDb } from '@/utils/background/db';
import type { EditSignal } from '@/utils/protocol/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/records';
import { verdictFor } from '@/utils/background/page-verdict';
import { createService } from '@/utils/background/service';
import type { PageReading } from '@/utils/sites/types';
import { intervention, promptRecord, uniqueDbName } from './helpers';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const MIN = 60_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: [] },
  reports: [{ id: 'alice', name: 'Alice Chen', aliases: [] }],
  cooldownMinutes: 30,
  askAfterKeys: 4,
};
const alice: OwnerStanding = {
  kind: 'report',
  reportId: 'alice',
  reportName: 'Alice Chen',
  byClaim: false,
};
const base: EditFacts = {
  settings,
  tool: 'jira',
  standing: alice,
  active: null,
  joinable: null,
  lastPrompt: null,
  pause: null,
  now: NOW,
  stretch: { keys: 4, pasted: false },
};
const open = intervention({ id: 'open', plannedEndAt: ago(-10 * MIN) });
const overdue = intervention({ id: 'late', startedAt: ago(30 * MIN), plannedEndAt: ago(MIN) });

const cases: Array<[string, Partial<EditFacts>, EditOutcome]> = [
  [
    'no roster',
    { settings: { ...settings, reports: [] } },
    { effect: 'nothing', why: 'no-roster' },
  ],
  [
    'tool switched off',
    { settings: { ...settings, disabledTools: ['jira'] } },
    { effect: 'nothing', why: 'tool-off' },
  ],
  ['mine', { standing: { kind: 'me' } }, { effect: 'nothing', why: 'mine' }],
  [
    "mine, with an edit's intervention open on it",
    { standing: { kind: 'me' }, active: open },
    { effect: 'nothing', why: 'mine' },
  ],
  [
    'mine because the lead took it over: its take-over counts, and asks once past its end',
    { standing: { kind: 'me' }, active: { ...overdue, kind: 'takeover', plannedUntil: 'day' } },
    { effect: 'count', interventionId: 'late', overdue: true },
  ],
  [
    'someone not in the roster',
    { standing: { kind: 'not-in-roster' } },
    { effect: 'nothing', why: 'not-a-report' },
  ],
  ['nobody named', { standing: { kind: 'nobody' } }, { effect: 'nothing', why: 'nobody' }],
  [
    'owner unreadable',
    { standing: { kind: 'unreadable', what: 'owner' } },
    { effect: 'nothing', why: 'unreadable' },
  ],
  [
    'an open intervention on the item counts the edit',
    { active: open },
    { effect: 'count', interventionId: 'open', overdue: false },
  ],
  [
    'past its planned end: asks to pull back',
    { active: overdue },
    { effect: 'count', interventionId: 'late', overdue: true },
  ],
  [
    'past its planned end while paused: counts, quietly',
    { active: overdue, pause: { until: null } },
    { effect: 'count', interventionId: 'late', overdue: false },
  ],
  [
    'an open intervention counts even a single key',
    { active: open, stretch: { keys: 1, pasted: false } },
    { effect: 'count', interventionId: 'open', overdue: false },
  ],
  [
    'paused',
    { pause: { until: ago(-60 * MIN) } },
    { effect: 'nothing', why: 'paused', until: ago(-60 * MIN) },
  ],
  [
    'answered within the cooldown',
    {
      lastPrompt: promptRecord({
        id: 'p',
        answer: 'dismissed',
        at: ago(MIN),
        answeredAt: ago(MIN),
      }),
    },
    { effect: 'nothing', why: 'cooldown', until: ago(MIN - 30 * MIN) },
  ],
  [
    'unanswered within the cooldown: the same prompt again',
    { lastPrompt: promptRecord({ id: 'p', at: ago(MIN) }) },
    { effect: 'prompt', waiting: true, joinable: null, threshold: 4 },
  ],
  [
    'unanswered past the cooldown: a new prompt',
    { lastPrompt: promptRecord({ id: 'p', at: ago(31 * MIN) }) },
    { effect: 'prompt', waiting: false, joinable: null, threshold: 4 },
  ],
  [
    'answered past the cooldown asks again',
    {
      lastPrompt: promptRecord({
        id: 'p',
        answer: 'dismissed',
        at: ago(40 * MIN),
        answeredAt: ago(31 * MIN),
      }),
    },
    { effect: 'prompt', waiting: false, joinable: null, threshold: 4 },
  ],
  ['one key: a touch', { stretch: { keys: 1, pasted: false } }, { effect: 'touch', threshold: 4 }],
  [
    'three keys: still a touch',
    { stretch: { keys: 3, pasted: false } },
    { effect: 'touch', threshold: 4 },
  ],
  [
    'the fourth key asks',
    { stretch: { keys: 4, pasted: false } },
    { effect: 'prompt', waiting: false, joinable: null, threshold: 4 },
  ],
  [
    'a paste asks at once',
    { stretch: { keys: 1, pasted: true } },
    { effect: 'prompt', waiting: false, joinable: null, threshold: 4 },
  ],
  [
    '"ask on the first keystroke"',
    { settings: { ...settings, askAfterKeys: 1 }, stretch: { keys: 1, pasted: false } },
    { effect: 'prompt', waiting: false, joinable: null, threshold: 1 },
  ],
  [
    'no stretch (a take-over, or the popup describing working here) asks',
    { stretch: undefined },
    { effect: 'prompt', waiting: false, joinable: null, threshold: 4 },
  ],
  [
    'paused: a touch is not counted either',
    { pause: { until: null }, stretch: { keys: 1, pasted: false } },
    { effect: 'nothing', why: 'paused', until: null },
  ],
  [
    "the report's open intervention on other work is offered to join",
    { joinable: open },
    { effect: 'prompt', waiting: false, joinable: 'open', threshold: 4 },
  ],
  [
    'joining waits for the threshold like any question',
    { joinable: open, stretch: { keys: 2, pasted: false } },
    { effect: 'touch', threshold: 4 },
  ],
];

describe('decideEdit: what an edit does', () => {
  it.each(cases)('%s', (_name, facts, outcome) => {
    expect(decideEdit({ ...base, ...facts })).toEqual(outcome);
  });
});

describe("the popup's verdict is what a real edit then does", () => {
  const signal = (key: string, keys = 5): EditSignal => ({
    tool: 'jira',
    artifact: { key, title: key, url: `https://acme.atlassian.net/browse/${key}` },
    owner: ['Alice Chen'],
    viewer: ['Dana Lead'],
    stretch: { keys, pasted: false, ms: 2000 },
  });
  const reading = (key: string): PageReading => ({
    tool: 'jira',
    toolLabel: 'Jira',
    artifact: { key, title: key, url: `https://acme.atlassian.net/browse/${key}` },
    owner: ['Alice Chen'],
    viewer: ['Dana Lead'],
    urlShape: '/browse/<key>',
    selectors: { matched: [], missed: [] },
  });

  it('across a prompt, a cooldown, an open intervention, joining and a pause', async () => {
    const db = await openPullbackDb(uniqueDbName());
    const t = NOW.getTime();
    let pause: { until: string | null } | null = null;
    let n = 0;
    const service = createService({
      db,
      getSettings: async () => settings,
      setSettings: async () => {},
      now: () => new Date(t),
      newId: () => `id-${++n}`,
      getPause: async () => pause,
    });
    const both = async (key: string) => {
      const verdict = await verdictFor(reading(key), { db, settings, pause, now: new Date(t) });
      const decision = await service.edit(signal(key));
      return { verdict, decision };
    };
    const effectOf = (d: Awaited<ReturnType<typeof service.edit>>) =>
      d.action === 'prompt'
        ? 'prompt'
        : d.action === 'feeding' || d.action === 'overdue'
          ? 'count'
          : d.action === 'touch'
            ? 'touch'
            : 'nothing';

    // A new prompt: the verdict says it asks, and it does.
    let { verdict, decision } = await both('PAY-1');
    expect([verdict.effect, effectOf(decision)]).toEqual(['prompt', 'prompt']);
    // Unanswered: the same prompt again.
    ({ verdict, decision } = await both('PAY-1'));
    expect(verdict).toMatchObject({ effect: 'prompt', waiting: true });
    expect(decision).toMatchObject({ action: 'prompt', promptId: 'id-1' });
    // Not now: quiet for the cooldown.
    await service.answerPrompt({ promptId: 'id-1', answer: 'dismissed' });
    ({ verdict, decision } = await both('PAY-1'));
    expect([verdict.effect, effectOf(decision)]).toEqual(['nothing', 'nothing']);
    // Yes on another item: it counts there; a third item is offered to join it.
    await service.edit(signal('PAY-2'));
    await service.answerPrompt({ promptId: 'id-2', answer: 'deliberate' });
    ({ verdict, decision } = await both('PAY-2'));
    expect([verdict.effect, effectOf(decision)]).toEqual(['count', 'count']);
    ({ verdict, decision } = await both('PAY-3'));
    expect(verdict).toMatchObject({ effect: 'prompt', joinable: 'id-3' });
    expect(decision).toMatchObject({ action: 'prompt', joinable: { interventionId: 'id-3' } });
    // Paused: a new item is quiet, the open one still counts.
    pause = { until: null };
    ({ verdict, decision } = await both('PAY-4'));
    expect([verdict.effect, effectOf(decision)]).toEqual(['nothing', 'nothing']);
    ({ verdict, decision } = await both('PAY-2'));
    expect([verdict.effect, effectOf(decision)]).toEqual(['count', 'count']);
    db.close();
  });

  it("the lead's own item counts toward their take-over of it, and nothing else of theirs does", async () => {
    const db = await openPullbackDb(uniqueDbName());
    let n = 0;
    const service = createService({
      db,
      getSettings: async () => settings,
      setSettings: async () => {},
      now: () => NOW,
      newId: () => `id-${++n}`,
    });
    const mine = { owner: ['Dana Lead'] };
    const both = async (key: string) => ({
      verdict: await verdictFor(
        { ...reading(key), ...mine },
        { db, settings, pause: null, now: NOW },
      ),
      decision: await service.edit({ ...signal(key), ...mine }),
    });
    // Alice's PAY-5 taken over (until done), PAY-6 edited (an edit's intervention); both now Dana's.
    await service.edit({ ...signal('PAY-5'), kind: 'takeover', stretch: undefined });
    await service.answerPrompt({ promptId: 'id-1', answer: 'deliberate', until: 'done' });
    await service.edit(signal('PAY-6'));
    await service.answerPrompt({ promptId: 'id-3', answer: 'deliberate' });
    let { verdict, decision } = await both('PAY-5');
    expect(verdict).toMatchObject({ effect: 'count', interventionId: 'id-2', overdue: false });
    expect(decision).toMatchObject({ action: 'feeding', interventionId: 'id-2' });
    ({ verdict, decision } = await both('PAY-6'));
    expect(verdict).toMatchObject({ effect: 'nothing', why: 'mine' });
    expect(decision).toEqual({ action: 'none', reason: 'mine' });
    db.close();
  });
});

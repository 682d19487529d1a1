/**
 * Plausible records everywhere: a backup, a message or stored data with an
 * end before its start, hands-on time longer than the span, a date outside
 * 2000-2100 or not on the calendar, or a non-web address is refused, and the
 * refusal names the field. Import keeps its "... Nothing was imported." style.
 */
import { describe, expect, it } from 'vitest';
import { buildBackup, parseBackup } from '@/utils/background/backup';
import { EditSignalSchema, parseOrThrow } from '@/utils/protocol/schemas';
import { DEFAULT_SETTINGS, InterventionSchema, type Settings } from '@/utils/model/records';
import { intervention, promptRecord } from '@/tests/unit/helpers';
import { interruptedImportText } from '@/entrypoints/options/import-check';

const roster: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: [] },
  reports: [{ id: 'alice', name: 'Alice Chen', aliases: [] }],
};
const ended = intervention({
  id: 'i1',
  startedAt: '2026-11-23T09:00:00.000Z',
  plannedEndAt: '2026-11-23T09:15:00.000Z',
  endedAt: '2026-11-23T09:12:00.000Z',
  lastActivityAt: '2026-11-23T09:12:00.000Z',
  status: 'ended',
  activeMs: 7 * 60_000,
});

function importing(change: {
  interventions?: unknown[];
  prompts?: unknown[];
  settings?: unknown;
  exportedAt?: string;
}) {
  const file = { ...buildBackup(roster, [ended], [promptRecord({ id: 'p1' })]), ...change };
  return parseBackup(JSON.stringify(file));
}

describe('import refuses implausible records, naming the field', () => {
  const cases: Array<[string, Parameters<typeof importing>[0], RegExp]> = [
    [
      'an end before the start',
      { interventions: [{ ...ended, endedAt: '2026-11-23T08:00:00.000Z' }] },
      /interventions\.0\.endedAt must not be before startedAt/,
    ],
    [
      'a planned end before the start',
      { interventions: [{ ...ended, plannedEndAt: '2026-11-22T09:00:00.000Z' }] },
      /interventions\.0\.plannedEndAt must not be before startedAt/,
    ],
    [
      'hands-on time of 10^15 ms',
      { interventions: [{ ...ended, activeMs: 1e15 }] },
      /interventions\.0\.activeMs must not exceed/,
    ],
    [
      'hands-on time one second longer than the span',
      { interventions: [{ ...ended, activeMs: 12 * 60_000 + 1000 }] },
      /interventions\.0\.activeMs/,
    ],
    [
      'the year 0000',
      { interventions: [{ ...ended, startedAt: '0000-11-23T09:00:00.000Z' }] },
      /interventions\.0\.startedAt must be in the years 2000 to 2100/,
    ],
    [
      'a planned end in 9999',
      { interventions: [{ ...ended, plannedEndAt: '9999-01-01T00:00:00.000Z' }] },
      /interventions\.0\.plannedEndAt must be in the years 2000 to 2100/,
    ],
    [
      '2026-02-30',
      { interventions: [{ ...ended, startedAt: '2026-02-30T09:00:00.000Z' }] },
      /interventions\.0\.startedAt must be a real calendar date/,
    ],
    [
      '2100-02-29 (a century is not a leap year)',
      { interventions: [{ ...ended, plannedEndAt: '2100-02-29T09:00:00.000Z' }] },
      /interventions\.0\.plannedEndAt must be a real calendar date/,
    ],
    [
      '2026-11-31',
      { prompts: [{ ...promptRecord({ id: 'p1' }), at: '2026-11-31T10:00:00.000Z' }] },
      /prompts\.0\.at must be a real calendar date/,
    ],
    [
      '25 o’clock',
      { prompts: [{ ...promptRecord({ id: 'p1' }), at: '2026-11-23T25:00:00.000Z' }] },
      /prompts\.0\.at/,
    ],
    [
      'an answer before the prompt was shown',
      {
        prompts: [
          promptRecord({ id: 'p1', answer: 'dismissed', answeredAt: '2026-11-27T10:00:00.000Z' }),
        ],
      },
      /prompts\.0\.answeredAt must not be before at/,
    ],
    [
      'a javascript: item address',
      {
        interventions: [{ ...ended, artifact: { ...ended.artifact, url: 'javascript:alert(1)' } }],
      },
      /interventions\.0\.artifact\.url must be an http\(s\) address/,
    ],
    [
      'a javascript: claim prefix',
      {
        settings: {
          ...roster,
          claims: [
            {
              id: 'c1',
              reportId: 'alice',
              urlPrefix: 'javascript:alert(1)//',
              label: 'x',
              createdAt: '2026-11-23T09:00:00.000Z',
            },
          ],
        },
      },
      /settings\.claims\.0\.urlPrefix must be an http\(s\) address/,
    ],
    [
      'hands-on time of 73 years on an ended record (its last heartbeat stamped in 2099)',
      {
        interventions: [
          { ...ended, lastActivityAt: '2099-11-23T09:12:00.000Z', activeMs: 73 * 365 * 86_400_000 },
        ],
      },
      /interventions\.0\.activeMs must not exceed the time from startedAt to endedAt/,
    ],
    [
      'an active intervention starting in 2099 (it would never lapse and would swallow its ticket’s edits)',
      {
        interventions: [
          {
            ...ended,
            status: 'active',
            endedAt: null,
            startedAt: '2099-01-01T09:00:00.000Z',
            plannedEndAt: '2099-01-01T09:15:00.000Z',
            lastActivityAt: '2099-01-01T09:00:00.000Z',
            activeMs: 0,
          },
        ],
      },
      /interventions\.0\.startedAt must not be later than a day after the backup was made \(exportedAt\)/,
    ],
    [
      'a closing answered before the intervention started',
      {
        interventions: [
          {
            ...ended,
            closing: {
              saidFramework: true,
              ownerNow: 'report',
              answeredAt: '2026-11-23T08:00:00.000Z',
            },
          },
        ],
      },
      /interventions\.0\.closing\.answeredAt must not be before startedAt/,
    ],
    [
      'a backup made in the future',
      { exportedAt: '2099-01-01T00:00:00.000Z' },
      /exportedAt must not be in the future/,
    ],
  ];

  it.each(cases)('%s', (_what, change, message) => {
    const result = importing(change);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(message);
    expect(result.error).toMatch(/^This backup is damaged: .*\. Nothing was imported\.$/);
  });

  it('accepts the same records when they are plausible, leap day included', () => {
    const result = importing({
      interventions: [
        ended,
        {
          ...ended,
          id: 'i2',
          startedAt: '2024-02-29T09:00:00.000Z',
          plannedEndAt: '2024-02-29T09:15:00.000Z',
          endedAt: '2024-02-29T09:12:00.000Z',
          lastActivityAt: '2024-02-29T09:12:00.000Z',
        },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('2000-02-29 is a date (every 400 years a century is a leap year)', () => {
    expect(
      importing({
        interventions: [
          {
            ...ended,
            plannedEndAt: '2000-02-29T09:00:00.000Z',
            startedAt: '2000-02-29T08:50:00.000Z',
            endedAt: '2000-02-29T09:00:00.000Z',
            lastActivityAt: '2000-02-29T09:00:00.000Z',
            activeMs: 0,
          },
        ],
      }).ok,
    ).toBe(true);
  });

  it('an active record’s hands-on time may reach its last heartbeat', () => {
    const active = {
      ...ended,
      status: 'active',
      endedAt: null,
      activeMs: 30 * 60_000,
      lastActivityAt: '2026-11-23T09:30:00.000Z',
    };
    expect(importing({ interventions: [active] }).ok).toBe(true);
  });
});

describe('messages and stored records obey the same rules', () => {
  it('an edit signal with a javascript: address is refused, naming artifact.url', () => {
    const signal = {
      tool: 'jira',
      artifact: { key: 'PAY-1', title: 't', url: 'javascript:alert(1)' },
      owner: [],
      viewer: [],
    };
    expect(() => parseOrThrow(EditSignalSchema, signal, 'edit signal')).toThrow(
      /artifact\.url must be an http\(s\) address/,
    );
  });

  it('the stored intervention schema is the one import uses', () => {
    expect(() =>
      parseOrThrow(InterventionSchema, { ...ended, endedAt: '2026-11-23T08:00:00.000Z' }, 'record'),
    ).toThrow(/endedAt must not be before startedAt/);
  });
});

describe('an import whose answer was lost says what arrived', () => {
  it('everything, nothing, part, or that it could not check: never "Nothing was imported" over records that are here', () => {
    const lost = 'The message port closed before a response was received.';
    expect(interruptedImportText('a.json', lost, { here: 3, of: 3 })).toBe(
      'a.json: the import’s answer was lost (The message port closed before a response was received.), but everything arrived: all 3 records of the file are here (checked).',
    );
    expect(interruptedImportText('a.json', lost, { here: 0, of: 3 })).toMatch(
      /Checked: none of its 3 records are here, so nothing was imported\. Import it again\.$/,
    );
    expect(interruptedImportText('a.json', lost, { here: 1, of: 3 })).toMatch(
      /Checked: 1 of its 3 records are here\. Import it again to add the rest/,
    );
    expect(interruptedImportText('a.json', lost, null)).toMatch(
      /could not check what arrived\. Import the file again: records already here are skipped\.$/,
    );
    for (const arrived of [{ here: 3, of: 3 }, { here: 1, of: 3 }, null])
      expect(interruptedImportText('a.json', lost, arrived)).not.toMatch(/nothing was imported/i);
  });
});

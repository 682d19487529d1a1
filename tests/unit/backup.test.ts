import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  buildBackup,
  MAX_BACKUP_BYTES,
  parseBackup,
  parseBackupInSteps,
  RECORDS_PER_STEP,
} from '@/utils/background/backup';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/records';
import { intervention, promptRecord } from '@/tests/unit/helpers';

const artifact = { key: 'PAY-142', title: 't', url: 'https://acme.atlassian.net/browse/PAY-142' };

/** The example from the spec, with real times filled in. */
function specExample() {
  return {
    format: 'pullback-backup',
    version: 1,
    exportedAt: '2026-11-28T10:00:00.000Z',
    settings: {
      me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
      reports: [{ id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test', '557058:a1'] }],
    },
    interventions: [
      {
        id: 'i1',
        tool: 'jira',
        artifact,
        reportId: 'alice',
        purpose: 'teach-framework',
        startedAt: '2026-11-28T09:00:00.000Z',
        plannedEndAt: '2026-11-28T09:15:00.000Z',
        endedAt: null,
        status: 'active',
        activeMs: 0,
      } as Record<string, unknown>,
    ],
    prompts: [
      {
        id: 'p1',
        at: '2026-11-28T08:59:00.000Z',
        tool: 'jira',
        artifact,
        reportId: 'alice',
        answer: 'deliberate',
      } as Record<string, unknown>,
    ],
  };
}

const minimal = () => ({
  format: 'pullback-backup',
  version: 1,
  settings: { me: { name: 'Dana' }, reports: [] },
});

/** Every file a test refused: reading in steps must refuse each the same way (checked last). */
const refusedFiles: string[] = [];

function errorOf(text: string): string {
  refusedFiles.push(text);
  const result = parseBackup(text);
  expect(result.ok, `expected the file to be refused: ${text.slice(0, 80)}`).toBe(false);
  const error = (result as { error: string }).error;
  expect(error).toMatch(/Nothing was imported\.$/);
  return error;
}

function damaged(mutate: (b: ReturnType<typeof specExample>) => void): string {
  const b = specExample();
  mutate(b);
  return errorOf(JSON.stringify(b));
}

describe('parseBackup refuses bad files with a message that says why', () => {
  it('empty file', () => {
    expect(errorOf('')).toBe('This file is empty. Nothing was imported.');
    expect(errorOf('  \n\t ')).toBe('This file is empty. Nothing was imported.');
  });

  it('not JSON', () => {
    expect(errorOf('{"format": "pullback-backup",')).toContain('not valid JSON');
    expect(errorOf('hello')).toContain('not valid JSON');
  });

  it('a JSON array, a JSON scalar, null', () => {
    for (const text of [
      '[]',
      '[{"format":"pullback-backup","version":1}]',
      '42',
      '"pullback-backup"',
      'null',
    ]) {
      expect(errorOf(text)).toContain('not a Pullback backup');
    }
  });

  it('JSON without a format, or with a foreign format', () => {
    expect(errorOf(JSON.stringify({ version: 1, settings: {} }))).toContain(
      '"format" is not "pullback-backup"',
    );
    expect(errorOf(JSON.stringify({ ...minimal(), format: 'toggl-export' }))).toContain(
      'not a Pullback backup',
    );
  });

  it('a newer version says to update Pullback', () => {
    const error = errorOf(JSON.stringify({ ...minimal(), version: 2 }));
    expect(error).toContain('newer Pullback');
    expect(error).toContain('format version 2');
    expect(error).toContain('Update Pullback');
  });

  it('an unknown version (a string "1", a missing version, 0)', () => {
    expect(errorOf(JSON.stringify({ ...minimal(), version: '1' }))).toContain(
      'unknown format version ("1")',
    );
    const { version: _v, ...noVersion } = minimal();
    expect(errorOf(JSON.stringify(noVersion))).toContain('unknown format version');
    expect(errorOf(JSON.stringify({ ...minimal(), version: 0 }))).toContain(
      'unknown format version (0)',
    );
  });

  it('missing settings', () => {
    const { settings: _s, ...rest } = minimal();
    const error = errorOf(JSON.stringify(rest));
    expect(error).toMatch(/^This backup is damaged: settings /);
  });

  it('a report with an empty (or blank) name', () => {
    const error = damaged((b) => {
      b.settings.reports.push({ id: 'bob', name: '   ', aliases: [] });
    });
    expect(error).toContain('settings.reports.1.name');
    expect(error).toContain('must not be empty');
  });

  it('two reports with one id', () => {
    const error = damaged((b) => {
      b.settings.reports.push({ id: 'alice', name: 'Another Alice', aliases: [] });
    });
    expect(error).toContain('two reports share one id');
  });

  it('an intervention with an unknown status', () => {
    const error = damaged((b) => {
      b.interventions[0]!.status = 'paused';
    });
    expect(error).toContain('interventions.0.status');
  });

  it('an active intervention that has an end time', () => {
    const error = damaged((b) => {
      b.interventions[0]!.endedAt = '2026-11-28T09:10:00.000Z';
    });
    expect(error).toContain('interventions.0');
    expect(error).toContain('an active intervention has no end');
  });

  it('an ended intervention without an end time', () => {
    const error = damaged((b) => {
      b.interventions[0]!.status = 'ended';
    });
    expect(error).toContain('an ended one has one');
  });

  it('a date that is not a date', () => {
    const error = damaged((b) => {
      b.interventions[0]!.startedAt = 'yesterday-ish';
    });
    expect(error).toContain('interventions.0.startedAt');
    expect(error).toContain('must be a date and time');
    expect(
      damaged((b) => {
        b.prompts[0]!.at = 'not a time';
      }),
    ).toContain('prompts.0.at');
  });

  it('a time that is not ISO 8601 is refused, not guessed (V8 reads "May 3" and "12" as dates in 2001)', () => {
    for (const loose of ['May 3', '12']) {
      const error = damaged((b) => {
        b.interventions[0]!.startedAt = loose;
      });
      expect(error).toContain('interventions.0.startedAt');
      expect(error).toContain('ISO 8601');
    }
  });

  it('an artifact url that is not a URL', () => {
    const error = damaged((b) => {
      b.interventions[0]!.artifact = { ...artifact, url: 'acme/browse/PAY-142' };
    });
    expect(error).toContain('interventions.0.artifact.url');
    expect(error).toContain('must be a URL');
  });

  it('a prompt with an unknown answer', () => {
    expect(
      damaged((b) => {
        b.prompts[0]!.answer = 'yes';
      }),
    ).toContain('prompts.0.answer');
  });

  it('a file over 50 MB, before reading it as JSON', () => {
    const huge = 'x'.repeat(MAX_BACKUP_BYTES + 1);
    const error = errorOf(huge);
    expect(error).toContain('too large');
    expect(error).toContain('50 MB');
  });
});

describe('parseBackup accepts good files', () => {
  it('a minimal settings-only backup gets empty logs and the default cooldown', () => {
    const result = parseBackup(JSON.stringify(minimal()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.interventions).toEqual([]);
    expect(result.backup.prompts).toEqual([]);
    expect(result.backup.settings).toEqual({
      ...DEFAULT_SETTINGS,
      me: { name: 'Dana', aliases: [] },
      reports: [],
    });
  });

  it('the example from the spec, filling in defaults', () => {
    const result = parseBackup(JSON.stringify(specExample()));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const { backup } = result;
    expect(backup.settings.reports).toEqual([
      { id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test', '557058:a1'] },
    ]);
    expect(backup.settings.me).toEqual({ name: 'Dana Lead', aliases: ['dana@acme.test'] });
    expect(backup.interventions).toHaveLength(1);
    expect(backup.interventions[0]).toMatchObject({
      id: 'i1',
      purpose: 'teach-framework',
      status: 'active',
      endedAt: null,
      activeMs: 0,
      // No lastActivityAt in the file: endedAt ?? startedAt.
      lastActivityAt: '2026-11-28T09:00:00.000Z',
    });
    expect(backup.prompts).toEqual([
      {
        id: 'p1',
        at: '2026-11-28T08:59:00.000Z',
        tool: 'jira',
        artifact,
        reportId: 'alice',
        answer: 'deliberate',
        answeredAt: null,
        interventionId: null,
      },
    ]);
  });

  it('an ended intervention without lastActivityAt takes its end time', () => {
    const b = specExample();
    Object.assign(b.interventions[0]!, { status: 'ended', endedAt: '2026-11-28T09:20:00.000Z' });
    const result = parseBackup(JSON.stringify(b));
    expect(result.ok && result.backup.interventions[0]!.lastActivityAt).toBe(
      '2026-11-28T09:20:00.000Z',
    );
  });

  it('normalises times to UTC ISO strings and trims names and aliases, dropping duplicate and empty aliases', () => {
    const b = specExample();
    b.interventions[0]!.startedAt = '2026-11-28T10:00:00+01:00';
    b.settings.reports[0] = {
      id: ' alice ',
      name: '  Alice Chen ',
      aliases: [' a@x.test ', 'a@x.test', '  '],
    };
    const result = parseBackup(JSON.stringify(b));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.interventions[0]!.startedAt).toBe('2026-11-28T09:00:00.000Z');
    expect(result.backup.settings.reports[0]).toEqual({
      id: 'alice',
      name: 'Alice Chen',
      aliases: ['a@x.test'],
    });
  });
});

describe('buildBackup', () => {
  it('round-trips settings and records through parseBackup', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
      reports: [
        { id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test'] },
        { id: 'bob', name: 'Bob Okafor', aliases: [] },
      ],
      cooldownMinutes: 45,
      idleMinutes: 5,
      lapseHours: 12,
    };
    const interventions = [
      intervention({ id: 'i1', activeMs: 12_345, lastActivityAt: '2026-11-28T10:05:00.000Z' }),
      intervention({
        id: 'i2',
        reportId: 'bob',
        purpose: 'details-matter',
        status: 'ended',
        endedAt: '2026-11-28T10:30:00.000Z',
        closing: {
          saidFramework: true,
          ownerNow: 'report',
          answeredAt: '2026-11-28T10:31:00.000Z',
        },
      }),
      intervention({
        id: 'i3',
        status: 'lapsed',
        endedAt: '2026-11-28T11:00:00.000Z',
        remindedAt: '2026-11-28T10:20:00.000Z',
      }),
    ];
    const prompts = [
      promptRecord({
        id: 'p1',
        answer: 'deliberate',
        answeredAt: '2026-11-28T10:00:05.000Z',
        interventionId: 'i1',
      }),
      promptRecord({ id: 'p2', answer: 'unanswered' }),
    ];
    const now = new Date('2026-11-28T12:00:00.000Z');
    const built = buildBackup(settings, interventions, prompts, [], now);
    expect(built).toMatchObject({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
    });

    const result = parseBackup(JSON.stringify(built));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.backup.settings).toEqual(settings);
    expect(result.backup.interventions).toEqual(interventions);
    expect(result.backup.prompts).toEqual(prompts);
    expect(result.backup.exportedAt).toBe(now.toISOString());
  });
});

describe('parseBackupInSteps: a long file read a step at a time', () => {
  it('refuses every file refused above with the same message', async () => {
    expect(refusedFiles.length).toBeGreaterThan(10);
    for (const text of refusedFiles)
      expect(await parseBackupInSteps(text), text.slice(0, 80)).toEqual(parseBackup(text));
  });

  it('says how many of all the records it has read after each step, and reads what parseBackup reads', async () => {
    const b = specExample();
    const prompt = b.prompts[0]!;
    b.prompts = Array.from({ length: 2 * RECORDS_PER_STEP + 10 }, (_, i) => ({
      ...prompt,
      id: `p${i}`,
    }));
    const text = JSON.stringify(b);
    const seen: Array<[number, number]> = [];
    const result = await parseBackupInSteps(text, (read, total) => seen.push([read, total]));
    expect(result).toEqual(parseBackup(text));
    const total = 1 + 2 * RECORDS_PER_STEP + 10;
    expect(seen).toEqual([
      [0, total],
      [1, total],
      [1 + RECORDS_PER_STEP, total],
      [1 + 2 * RECORDS_PER_STEP, total],
      [total, total],
    ]);
  });

  it('names a damaged record by its place in the whole list, not in its step', async () => {
    const b = specExample();
    const prompt = b.prompts[0]!;
    b.prompts = Array.from({ length: RECORDS_PER_STEP + 3 }, (_, i) => ({
      ...prompt,
      id: `p${i}`,
    }));
    (b.prompts[RECORDS_PER_STEP + 1] as Record<string, unknown>).at = 'yesterday';
    const text = JSON.stringify(b);
    const result = await parseBackupInSteps(text);
    expect(result).toEqual(parseBackup(text));
    expect((result as { error: string }).error).toContain(`prompts.${RECORDS_PER_STEP + 1}.at`);
  });
});

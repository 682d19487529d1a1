/**
 * The backup written in parts (utils/background/backup-writer.ts), as the pages fetch
 * it: the opening, then each store a chunk at a time. Whatever the chunk
 * boundaries, the file is one JSON document that import accepts, with every
 * record once, in key order, and the settings as they are.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '@/utils/background/backup';
import { backupParts } from '@/utils/background/backup-writer';
import { openPullbackDb, type PullbackDatabase } from '@/utils/background/db';
import { DEFAULT_SETTINGS, type Rating, type Settings } from '@/utils/model/records';
import { createService } from '@/utils/background/service';
import { intervention, promptRecord, uniqueDbName } from '@/tests/unit/helpers';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
  reports: [{ id: 'alice', name: 'Alice “Al” Chen', aliases: ['alice@acme.test'] }],
};

const dbs: PullbackDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function setup(counts: { interventions: number; prompts: number; ratings: number }) {
  const db = await openPullbackDb(uniqueDbName());
  dbs.push(db);
  for (let i = 0; i < counts.interventions; i++) {
    await db.put(
      'interventions',
      intervention({
        id: `i${String(i).padStart(3, '0')}`,
        status: 'ended',
        endedAt: '2026-11-28T10:05:00.000Z',
        intent: 'Say "why", then\nstep back',
      }),
    );
  }
  for (let i = 0; i < counts.prompts; i++)
    await db.put('prompts', promptRecord({ id: `p${String(i).padStart(3, '0')}` }));
  for (let i = 0; i < counts.ratings; i++) {
    const week = `2026-W${String(40 + i).padStart(2, '0')}`;
    const rating: Rating = {
      id: `${week}:alice`,
      week,
      reportId: 'alice',
      alignment: 3,
      confidence: 2,
      at: NOW.toISOString(),
    };
    await db.put('ratings', rating);
  }
  const service = createService({
    db,
    getSettings: async () => structuredClone(settings),
    setSettings: async () => {},
    now: () => NOW,
  });
  return { db, service };
}

describe('the backup in parts', () => {
  it('chunk boundaries anywhere: one document import accepts, every record once in key order', async () => {
    const { db, service } = await setup({ interventions: 7, prompts: 6, ratings: 2 });
    for (const size of [1, 3, 6, 7, 100]) {
      const parts = await backupParts({
        opening: service.exportOpening,
        chunk: (store, after) => service.exportChunk(store, after, size),
      });
      const text = parts.join('');
      const parsed = parseBackup(text);
      expect(parsed.ok, `chunks of ${size}: ${JSON.stringify(parsed).slice(0, 300)}`).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.backup.settings).toEqual(settings);
      expect(parsed.backup.exportedAt).toBe(NOW.toISOString());
      expect(parsed.backup.interventions).toEqual(await db.getAll('interventions'));
      expect(parsed.backup.prompts).toEqual(await db.getAll('prompts'));
      expect(parsed.backup.ratings).toEqual(await db.getAll('ratings'));
      // The same file as the one-piece export: one record a line, readable in a text editor.
      expect(text).toBe(await service.exportBackup());
      expect(text.split('\n').filter((line) => /^ {4}\{.*"id":"i\d+"/.test(line)).length).toBe(7);
    }
  });

  it('an empty log still makes a file import accepts, with empty lists', async () => {
    const { service } = await setup({ interventions: 0, prompts: 0, ratings: 0 });
    const text = await service.exportBackup();
    const json = JSON.parse(text);
    expect(json).toMatchObject({
      format: 'pullback-backup',
      version: 1,
      interventions: [],
      prompts: [],
      ratings: [],
    });
    expect(parseBackup(text).ok).toBe(true);
  });
});

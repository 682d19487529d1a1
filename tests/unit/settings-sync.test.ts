/**
 * Settings on every browser the lead uses: the background's
 * settings store (utils/settings/store.ts) over WXT's fake browser, whose storage.sync
 * stands in for the browser's. "Another browser" writes its items into the sync
 * area directly, as Chrome's sync would deliver them, and the store follows
 * through storage.onChanged as the background wires it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Report, type Settings } from '@/utils/model/records';
import {
  createSettingsStore,
  settingsItem,
  syncReportItem,
  syncStateItem,
  watchSyncArea,
  type SettingsStore,
} from '@/utils/settings/store';
import { mergeSync, reportKey, SYNC_PREFIX, type SyncItem } from '@/utils/settings/sync';

/** A report's key in the sync area (a hash of its id), whole and without the prefix. */
const R = reportKey;
const r = (id: string) => reportKey(id).slice(SYNC_PREFIX.length);

const ana: Report = { id: 'ana', name: 'Ana Lima', aliases: ['ana@acme.test'] };
const bo: Report = { id: 'bo', name: 'Bo Chen', aliases: [] };
const team: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
  reports: [ana, bo],
};

let clock = 1_000_000;
let store: SettingsStore;
let stopWatching: () => void;

beforeEach(() => {
  clock = Date.parse('2026-11-29T10:00:00Z');
  store = createSettingsStore({
    sync: fakeBrowser.storage.sync,
    now: () => clock,
    newDevice: () => 'browser-A',
  });
  stopWatching = watchSyncArea(() => void store.pull());
});
afterEach(async () => {
  stopWatching();
  await store.pull(); // queued behind any pull still running, so none lands in the next test
  fakeBrowser.reset();
});

const syncArea = () => fakeBrowser.storage.sync.get(null) as Promise<Record<string, SyncItem>>;
/** Another browser's change, delivered into the sync area (which fires storage.onChanged). */
const fromBrowserB = (key: string, item: Partial<SyncItem> & { v: unknown; at: number }) =>
  fakeBrowser.storage.sync.set({ [SYNC_PREFIX + key]: { by: 'browser-B', base: 0, ...item } });
const reportsHere = async () => (await settingsItem.getValue()).reports;

describe('writes land in sync', () => {
  it('a saved roster is in storage.sync, one item per report, and the page is told it follows the lead', async () => {
    await store.save(team);
    const sync = await syncArea();
    expect(sync[R('ana')]).toMatchObject({
      v: { name: 'Ana Lima', aliases: ['ana@acme.test'] },
      by: 'browser-A',
    });
    expect(sync[R('bo')]).toMatchObject({ v: { name: 'Bo Chen' } });
    expect(sync['pb1.me']).toMatchObject({ v: { name: 'Dana Lead' } });
    expect(await settingsItem.getValue()).toEqual(team); // this browser's copy, which every context reads
    // Marked with its version, so no other page runs old migrations on it (which would empty the claims).
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 4 } });
    const { status } = await syncReportItem.getValue();
    expect(status).toMatchObject({ kind: 'synced', quotaBytes: 102_400 });
    expect(status.kind === 'synced' && status.bytes).toBeGreaterThan(100);
  });

  it('changing one report rewrites only that report’s item', async () => {
    await store.save(team);
    const before = await syncArea();
    clock += 60_000;
    await store.save({ ...team, reports: [{ ...ana, aliases: ['ana@acme.test', 'alima'] }, bo] });
    const after = await syncArea();
    expect(after[R('ana')]!.v).toEqual({
      id: 'ana',
      name: 'Ana Lima',
      aliases: ['ana@acme.test', 'alima'],
    });
    expect(after[R('ana')]!.at).toBe(clock);
    expect(after[R('bo')]).toEqual(before[R('bo')]);
  });

  it('never touches what stays on this device: the pause, the log, diagnostics', async () => {
    await store.save(team);
    expect(Object.keys(await syncArea()).every((k) => k.startsWith(SYNC_PREFIX))).toBe(true);
    expect(Object.keys(await syncArea()).some((k) => /pause|diagnostic|log/i.test(k))).toBe(false);
  });
});

describe('a roster too large for the quota stays on this browser and the page says so', () => {
  it('over the 100 KB total: kept locally, nothing new written to sync, the size in the status', async () => {
    await store.save(team);
    const many: Report[] = Array.from({ length: 80 }, (_, i) => ({
      id: `r${i}`,
      name: `Report ${i}`,
      aliases: Array.from(
        { length: 30 },
        (_, j) => `report-${i}-alias-${j}@a-rather-long-company-domain.example`,
      ),
    }));
    clock += 1000;
    await store.save({ ...team, reports: many });
    expect((await reportsHere()).length).toBe(80);
    expect((await syncArea())[R('r0')]).toBeUndefined();
    expect((await syncArea())[R('ana')]!.v).toMatchObject({ name: 'Ana Lima' }); // the last state that fitted stays for the other browsers
    const { status } = await syncReportItem.getValue();
    expect(status).toMatchObject({ kind: 'too-large', why: 'total', quotaBytes: 102_400 });
    expect(status.kind === 'too-large' && status.bytes).toBeGreaterThan(102_400);
  });

  it('one report over the 8 KB an item may hold: named in the status', async () => {
    const huge: Report = {
      id: 'huge',
      name: 'Hugo Long',
      aliases: Array.from({ length: 45 }, (_, j) => `${'x'.repeat(200)}-${j}`),
    };
    await store.save({ ...team, reports: [ana, huge] });
    expect(await reportsHere()).toEqual([ana, huge]);
    expect(await syncArea()).toEqual({});
    expect((await syncReportItem.getValue()).status).toMatchObject({
      kind: 'too-large',
      why: 'item',
      itemLabel: 'Hugo Long',
      maxItemBytes: 8192,
    });
  });

  it('a sync area that refuses the write (rate limit): kept locally, the browser’s reason shown', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'),
    );
    await store.save(team);
    expect(await reportsHere()).toEqual([ana, bo]);
    expect((await syncReportItem.getValue()).status).toMatchObject({
      kind: 'failed',
      message: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded',
    });
    await store.pull(); // the background retries on the minute tick
    expect((await syncArea())[R('ana')]).toBeDefined();
    expect((await syncReportItem.getValue()).status.kind).toBe('synced');
  });
});

describe('two browsers changing the roster at once', () => {
  beforeEach(async () => {
    await store.save(team);
  });

  it('per report, the later change wins: B’s change to Ana and A’s change to Bo both stay', async () => {
    const base = (await syncArea())[R('ana')]!.at;
    clock += 10_000;
    await store.save({ ...team, reports: [ana, { ...bo, aliases: ['bo@acme.test'] }] }); // here, on A
    await fromBrowserB(r('ana'), {
      v: { id: 'ana', name: 'Ana Lima-Souza', aliases: ['ana@acme.test'] },
      at: clock + 5_000,
      base,
    }); // there, built on what it saw
    await vi.waitFor(async () => expect((await reportsHere())[0]!.name).toBe('Ana Lima-Souza'));
    expect((await reportsHere())[1]).toEqual({ ...bo, aliases: ['bo@acme.test'] });
    expect((await syncArea())[R('bo')]!.v).toEqual({
      id: 'bo',
      name: 'Bo Chen',
      aliases: ['bo@acme.test'],
    });
    expect((await syncReportItem.getValue()).conflicts).toEqual([]); // B saw A's Ana: an ordinary later change
  });

  it('the same report changed on both: the later wins, the earlier is kept as a conflict and can be put back', async () => {
    const base = (await syncArea())[R('ana')]!.at;
    clock += 10_000;
    const mine = { ...ana, aliases: ['ana@acme.test', 'alima'] };
    await store.save({ ...team, reports: [mine, bo] });
    // B changed Ana too, a little later, without having seen A's change.
    await fromBrowserB(r('ana'), {
      v: { id: 'ana', name: 'Ana L.', aliases: ['ana@acme.test'] },
      at: clock + 2_000,
      base,
    });
    await vi.waitFor(async () => expect((await reportsHere())[0]!.name).toBe('Ana L.'));
    const [conflict] = (await syncReportItem.getValue()).conflicts;
    expect(conflict).toMatchObject({
      key: R('ana'),
      label: 'Ana Lima',
      mine: { name: 'Ana Lima', aliases: ['ana@acme.test', 'alima'] },
      theirs: { name: 'Ana L.' },
    });

    clock += 60_000;
    await store.putBack(R('ana'));
    expect((await reportsHere())[0]).toEqual(mine);
    expect((await syncArea())[R('ana')]).toMatchObject({
      v: { aliases: ['ana@acme.test', 'alima'] },
      at: clock,
      by: 'browser-A',
    });
    expect((await syncReportItem.getValue()).conflicts).toEqual([]);
  });

  it('an earlier change from B arriving after A’s later one loses: A’s version goes back up, B will see it', async () => {
    const base = (await syncArea())[R('ana')]!.at;
    clock += 10_000;
    await store.save({ ...team, reports: [{ ...ana, name: 'Ana (A)' }, bo] });
    await fromBrowserB(r('ana'), {
      v: { id: 'ana', name: 'Ana (B)', aliases: [] },
      at: clock - 5_000,
      base,
    });
    await vi.waitFor(async () =>
      expect((await syncArea())[R('ana')]!.v).toMatchObject({ name: 'Ana (A)' }),
    );
    expect((await reportsHere())[0]!.name).toBe('Ana (A)');
  });

  it('removed on B after being edited here: removal wins (later), and this browser’s edit is kept to put back', async () => {
    const base = (await syncArea())[R('ana')]!.at;
    clock += 10_000;
    await store.save({ ...team, reports: [{ ...ana, aliases: ['ana@acme.test', 'alima'] }, bo] });
    await fromBrowserB(r('ana'), { v: null, at: clock + 1_000, base });
    await vi.waitFor(async () => expect((await reportsHere()).map((r) => r.id)).toEqual(['bo']));
    expect((await syncReportItem.getValue()).conflicts[0]).toMatchObject({
      key: R('ana'),
      label: 'Ana Lima',
      theirs: null,
    });
    await store.putBack(R('ana'));
    expect((await reportsHere()).map((r) => r.name)).toEqual(['Bo Chen', 'Ana Lima']);
  });

  it('removed here, edited on B later: the edit wins and Ana is back, with the removal kept as a conflict', async () => {
    const base = (await syncArea())[R('ana')]!.at;
    clock += 10_000;
    await store.save({ ...team, reports: [bo] });
    expect((await syncArea())[R('ana')]).toMatchObject({ v: null, by: 'browser-A' });
    await fromBrowserB(r('ana'), {
      v: { id: 'ana', name: 'Ana Lima', aliases: ['ana@new.test'] },
      at: clock + 1_000,
      base,
    });
    await vi.waitFor(async () =>
      expect((await reportsHere()).map((r) => r.id)).toEqual(['bo', 'ana']),
    );
    expect((await syncReportItem.getValue()).conflicts[0]).toMatchObject({
      key: R('ana'),
      mine: null,
      theirs: { aliases: ['ana@new.test'] },
    });
  });

  it('a page that saves settings it read before B’s change arrived keeps B’s change', async () => {
    const stale = await settingsItem.getValue();
    const base = (await syncArea())[R('ana')]!.at;
    await fromBrowserB(r('ana'), {
      v: { id: 'ana', name: 'Ana from B', aliases: [] },
      at: clock + 1_000,
      base,
    });
    await vi.waitFor(async () => expect((await reportsHere())[0]!.name).toBe('Ana from B'));
    clock += 5_000;
    await store.save({ ...stale, reports: [ana, { ...bo, name: 'Bo C.' }] }); // the page's change was to Bo only
    expect((await reportsHere()).map((r) => r.name)).toEqual(['Ana from B', 'Bo C.']);
  });
});

describe('bad items from another browser', () => {
  beforeEach(async () => {
    await store.save(team);
  });

  it('an invalid report item gets a clear message; nothing here changes and the item is left as it is', async () => {
    await fromBrowserB(r('ana'), { v: { id: 'ana', name: '   ', aliases: [] }, at: clock + 1_000 });
    await vi.waitFor(async () =>
      expect((await syncReportItem.getValue()).problems).toHaveLength(1),
    );
    expect((await syncReportItem.getValue()).problems[0]!.message).toBe(
      'Ana Lima: name must not be empty',
    );
    expect(await reportsHere()).toEqual([ana, bo]);
    expect((await syncArea())[R('ana')]!.v).toEqual({ id: 'ana', name: '   ', aliases: [] });
  });

  it('something that is not a Pullback item at all, and an entry from a newer version: named, nothing lost', async () => {
    await fakeBrowser.storage.sync.set({
      [R('bo')]: 'garbage',
      'pb1.future': { v: 1, at: 1, by: 'x', base: 0 },
    });
    await vi.waitFor(async () =>
      expect((await syncReportItem.getValue()).problems).toHaveLength(2),
    );
    expect((await syncReportItem.getValue()).problems.map((p) => p.message)).toEqual([
      'Bo Chen: not a Pullback entry (no value, time or browser)',
      'pb1.future: written by a newer version of Pullback (unknown entry)',
    ]);
    expect(await reportsHere()).toEqual([ana, bo]);
  });

  it('a claim for a report not on the roster here is held back and named, the rest merges', async () => {
    await fromBrowserB('c.k1', {
      v: {
        reportId: 'zoe',
        urlPrefix: 'https://www.figma.com/file/abc',
        label: 'Checkout',
        createdAt: '2026-11-29T09:00:00.000Z',
      },
      at: clock + 1_000,
    });
    await vi.waitFor(async () =>
      expect((await syncReportItem.getValue()).problems).toHaveLength(1),
    );
    expect((await syncReportItem.getValue()).problems[0]!.message).toMatch(
      /Assigned page “Checkout”: its report is not on the roster here/,
    );
    expect((await settingsItem.getValue()).claims).toEqual([]);
  });
});

describe('first run after the upgrade: settings that lived only on this browser', () => {
  it('move to sync without loss, and this browser’s copy stays as it was', async () => {
    await settingsItem.setValue(team); // what the previous version left in storage.local
    expect(await syncStateItem.getValue()).toBeNull();
    await store.pull(); // the background's start
    expect(await settingsItem.getValue()).toEqual(team);
    expect(Object.keys(await syncArea()).sort()).toEqual(
      ['pb1.me', 'pb1.prefs', R('ana'), R('bo'), 'pb1.tools'].sort(),
    );
    expect((await syncReportItem.getValue()).status.kind).toBe('synced');
  });

  it('meeting a roster another browser synced already: both rosters join, and a report both had differently is kept to put back', async () => {
    stopWatching(); // the previous version did not listen
    await fromBrowserB(r('cy'), {
      v: { id: 'cy', name: 'Cy Park', aliases: [] },
      at: clock - 60_000,
    });
    await fromBrowserB(r('ana'), {
      v: { id: 'ana', name: 'Ana Lima', aliases: ['ana@other.test'] },
      at: clock - 60_000,
    });
    await settingsItem.setValue(team);
    await store.pull();
    expect((await reportsHere()).map((r) => r.id)).toEqual(['ana', 'bo', 'cy']);
    expect((await reportsHere())[0]!.aliases).toEqual(['ana@other.test']);
    expect((await syncReportItem.getValue()).conflicts).toMatchObject([
      { key: R('ana'), mine: { aliases: ['ana@acme.test'] } },
    ]);
    expect((await syncArea())[R('bo')]).toMatchObject({
      v: { name: 'Bo Chen' },
      by: 'browser-A',
    });
  });

  it('a fresh install meeting a synced roster takes it without calling its empty defaults a conflict', () => {
    const remote = {
      'pb1.me': { v: { name: 'Dana Lead', aliases: [] }, at: 5, by: 'B', base: 0 },
      'pb1.r.ana': { v: { name: 'Ana Lima', aliases: [] }, at: 5, by: 'B', base: 0 },
    };
    const merged = mergeSync({ local: DEFAULT_SETTINGS, stamps: {}, remote, device: 'A', now: 10 });
    expect(merged.settings.me.name).toBe('Dana Lead');
    expect(merged.settings.reports.map((r) => r.name)).toEqual(['Ana Lima']);
    expect(merged.conflicts).toEqual([]);
  });
});

describe('validated like an import: a bad item never blocks the others, and never deletes', () => {
  beforeEach(async () => {
    await store.save(team);
  });
  const report = () => syncReportItem.getValue();

  it('a stuck synced item is named, the others arrive, and the status does not say synced', async () => {
    await fakeBrowser.storage.sync.set({
      [R('ana')]: { v: { id: 'ana', name: 'x'.repeat(500), aliases: [] }, at: clock + 1, by: 'B' },
      [R('bo')]: { v: { id: 'bo', name: 'Bo Chen-Ito', aliases: [] }, at: clock + 1, by: 'B' },
      'pb1.prefs': {
        v: { ...team, cooldownMinutes: 5, retentionMonths: 1 },
        at: clock + 1,
        by: 'B',
      },
    });
    await vi.waitFor(async () => expect((await reportsHere())[1]!.name).toBe('Bo Chen-Ito'));
    await vi.waitFor(async () => expect((await report()).status.kind).toBe('stuck'));
    expect((await report()).status).toMatchObject({ kind: 'stuck', count: 2 });
    expect((await report()).problems.map((p) => p.message).sort()).toEqual([
      'Ana Lima: name must be at most 120 characters',
      'Timing, notifications and data settings: retentionMonths must be one of the options page’s choices (0, 3, 6, 12, 24 months; 0 keeps everything)',
    ]);
    expect((await reportsHere())[0]).toEqual(ana); // kept as it was here
    expect((await settingsItem.getValue()).cooldownMinutes).toBe(team.cooldownMinutes);
    expect((await settingsItem.getValue()).retentionMonths).toBeUndefined();
  });

  it('a synced stamp of 2^53 is refused, and once dropped the lead’s own version goes back up', async () => {
    await fakeBrowser.storage.sync.set({
      'pb1.me': {
        v: { name: 'Dana Lead', aliases: ['dana@acme.test', 'ana@acme.test'] },
        at: 2 ** 53,
        by: 'B',
      },
    });
    await vi.waitFor(async () => expect((await report()).problems).toHaveLength(1));
    expect((await report()).problems[0]).toMatchObject({
      key: 'pb1.me',
      message: 'You (your name and aliases): its time of change is more than a day in the future',
      stuck: true,
    });
    expect((await settingsItem.getValue()).me.aliases).toEqual(['dana@acme.test']); // Ana is not silenced

    // The lead's own save of another item still syncs; then "Drop this entry" frees "me".
    clock += 1_000;
    await store.save({ ...team, cooldownMinutes: 20 });
    expect((await syncArea())['pb1.prefs']!.v).toMatchObject({ cooldownMinutes: 20 });
    await store.dropStuck('pb1.me');
    expect((await syncArea())['pb1.me']).toMatchObject({
      v: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
      by: 'browser-A',
    });
    expect((await report()).status.kind).toBe('synced');
    expect((await report()).problems).toEqual([]);
  });

  it('an id that does not belong to its entry, or a claim’s id out of bounds, is refused like in a backup', async () => {
    await fakeBrowser.storage.sync.set({
      [R('ana')]: { v: { id: 'bo', name: 'Bo Twin', aliases: [] }, at: clock + 1, by: 'B' },
      [`pb1.c.${'k'.repeat(300)}`]: {
        v: {
          reportId: 'ana',
          urlPrefix: 'https://www.figma.com/file/abc',
          label: 'Checkout',
          createdAt: '2026-11-29T09:00:00.000Z',
        },
        at: clock + 1,
        by: 'B',
      },
    });
    await vi.waitFor(async () => expect((await report()).problems).toHaveLength(2));
    expect((await report()).problems.map((p) => p.message)).toEqual([
      'Ana Lima: its id does not belong to its entry',
      expect.stringMatching(/^Assigned page: id must be at most \d+ characters$/),
    ]);
    expect(await reportsHere()).toEqual([ana, bo]);
  });

  it('keys and removal markers carry no names; items an older version wrote under a name move and leave', async () => {
    await fakeBrowser.storage.sync.set({
      'pb1.r.erin-park': {
        v: { name: 'Erin Park', aliases: ['erin@acme.test'] },
        at: clock + 1,
        by: 'B',
      },
    });
    await vi.waitFor(async () =>
      expect((await reportsHere()).map((x) => x.name)).toContain('Erin Park'),
    );
    await vi.waitFor(async () =>
      expect(Object.keys(await syncArea()).some((k) => /erin/i.test(k))).toBe(false),
    );
    expect((await syncArea())[R('erin-park')]!.v).toMatchObject({ id: 'erin-park' });

    // Removed here (a minute on, so it is not taken for a page that had not seen Erin arrive): the removal marker says nothing about whom.
    clock += 61_000;
    await store.save(team);
    const marker = (await syncArea())[R('erin-park')]!;
    expect(marker.v).toBeNull();
    expect(JSON.stringify(await syncArea())).not.toMatch(/erin/i);
    expect(JSON.stringify(await syncStateItem.getValue())).not.toMatch(/erin/i);
  });

  it('forgetting someone takes their conflicts, problems and unreadable entries too', async () => {
    const base = (await syncArea())[R('ana')]!.at;
    clock += 1_000;
    await store.save({ ...team, reports: [{ ...ana, aliases: ['ana@here.test'] }, bo] });
    await fromBrowserB(r('ana'), {
      v: { id: 'ana', name: 'Ana L.', aliases: [] },
      at: clock + 1_000,
      base,
    });
    await fakeBrowser.storage.sync.set({
      [R('bo')]: { v: { id: 'bo', name: 'Bo Chen' }, at: 2 ** 53, by: 'B' },
    });
    await vi.waitFor(async () => expect((await report()).conflicts).toHaveLength(1));
    await vi.waitFor(async () => expect((await report()).problems).toHaveLength(1));

    // Delete everything: the traces first (a change from another browser a moment ago must not hold a report back), then the roster.
    await store.forgetTraces();
    await store.save({ ...team, me: { name: '', aliases: [] }, reports: [] });
    expect((await report()).conflicts).toEqual([]);
    expect((await report()).problems).toEqual([]);
    const everything = JSON.stringify([
      await syncArea(),
      await report(),
      await syncStateItem.getValue(),
      await settingsItem.getValue(),
    ]);
    expect(everything).not.toMatch(/Ana|Bo Chen|ana@/);
  });
});

/**
 * Settings across the lead's browsers (pure: no storage here; utils/settings/store.ts
 * does the reading and writing). Settings are cut into small items for the
 * browser's sync area, one per report, claim, added site, plus "me", the
 * numbers and the tool switches, so two browsers changing different reports
 * never touch the same item. Each item carries when and where it was changed
 * and which version it was made on top of: of two versions of one item the
 * later change wins, and a version that loses to one made without seeing it
 * becomes a conflict the options page shows (with "Put mine back"), never a
 * silent loss. A removal is a version too (value null), so "removed here,
 * edited there" is decided by the same rule.
 *
 * Nothing from the sync area is trusted more than a backup file: every item
 * passes the backup's own bounds (utils/model/records.ts) and its time may not
 * lie more than a day ahead; an item that fails is skipped and named, never
 * blocking the others. Keys carry no names: a report's key is a hash of its id
 * (ids were made from names), so a removal marker says nothing about whom.
 */
import * as v from 'valibot';
import {
  ClaimSchema,
  CustomSiteSchema,
  FormerReportSchema,
  FUTURE_SLACK_MS,
  PersonSchema,
  ReportSchema,
  SettingsFieldsSchema,
  SettingsSchema,
  ToolIdSchema,
  type Claim,
  type CustomSite,
  type Settings,
} from '@/utils/model/records';
import { DEFAULT_SETTINGS } from '@/utils/model/records';

/** Every Pullback key in the sync area starts with this (the 1 is the items' format). */
export const SYNC_PREFIX = 'pb1.';

/** Chrome's storage.sync quotas (Firefox's are the same); the browser's own figures win when it has them. */
export const SYNC_QUOTA = { bytes: 102_400, bytesPerItem: 8_192, items: 512 } as const;
export type SyncQuota = { bytes: number; bytesPerItem: number; items: number };

/** A removal is remembered this long, so a browser that was away meanwhile still learns of it. */
export const TOMBSTONE_DAYS = 90;

/** One item in the sync area: the value (null: removed), when (ms) and on which browser it changed, and the version it replaced. */
export interface SyncItem {
  v: unknown;
  at: number;
  by: string;
  base: number;
}
/** Which version of an item this browser's settings hold. */
export interface Stamp {
  at: number;
  by: string;
  base: number;
  gone?: true;
}
export type Stamps = Record<string, Stamp>;

/** A change of this browser replaced by a later one from another browser, kept so it can be put back. */
export interface SyncConflict {
  key: string;
  /** "Ana Lima", "You", "Timing and notifications"… */
  label: string;
  /** This browser's version (null: it had removed the item). */
  mine: unknown;
  mineAt: number;
  /** The winning version (null: removed on the other browser). */
  theirs: unknown;
  theirsAt: number;
}
/** A sync item this version cannot read or use: left as it is, nothing local changes because of it. */
export interface SyncProblem {
  key: string;
  message: string;
  /** Unreadable (out of bounds, damaged, from a newer version): it does not sync until dropped or replaced. */
  stuck?: true;
}

// ---- Settings <-> items ----

const PREFS_KEY = `${SYNC_PREFIX}prefs`;
const ME_KEY = `${SYNC_PREFIX}me`;
const TOOLS_KEY = `${SYNC_PREFIX}tools`;
/** A report, under a hash of its id: `pb1.p.<hash>`, the id inside the value. */
const REPORT = `${SYNC_PREFIX}p.`;
/** Reports as earlier versions wrote them, `pb1.r.<id>`: read once, moved under REPORT, removed. */
const LEGACY_REPORT = `${SYNC_PREFIX}r.`;
const CLAIM = `${SYNC_PREFIX}c.`;
const SITE = `${SYNC_PREFIX}s.`;

/**
 * A short hash of a report id (cyrb53: 53 bits, so two of 500 reports meeting is about 1 in 10^11,
 * and the id in the value is checked against its key anyway). Report ids were made from names
 * ("erin-park"): the key, and a removal marker, must not carry them.
 */
function idHash(id: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
/** The sync key of a report (current or former). */
export const reportKey = (id: string) => REPORT + idHash(id);

// Each value's bounds are the backup's (SettingsFieldsSchema and the record schemas): one set, not two.
const PrefsSchema = v.object({
  ...v.pick(SettingsFieldsSchema, [
    'cooldownMinutes',
    'idleMinutes',
    'lapseHours',
    'weeklyDigest',
    'retentionMonths',
    'hideNotificationTitles',
    'defaultPlanMinutes',
  ]).entries,
  // Optional: a browser on an older Pullback writes prefs without them (this browser's own then stand).
  askAfterKeys: v.optional(SettingsFieldsSchema.entries.askAfterKeys.wrapped),
  workdayEnd: v.optional(SettingsFieldsSchema.entries.workdayEnd.wrapped),
});
/** A report on the roster, or a former one (off the roster, history kept under their name). */
const ReportValueSchema = v.union([
  v.object({ ...ReportSchema.entries, former: v.optional(v.literal(false)) }),
  v.object({ ...FormerReportSchema.entries, former: v.literal(true) }),
]);
type ReportValue = v.InferOutput<typeof ReportValueSchema>;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Whether this version knows what `key` holds. */
const knows = (key: string) =>
  [PREFS_KEY, ME_KEY, TOOLS_KEY].includes(key) ||
  [REPORT, CLAIM, SITE].some((prefix) => key.startsWith(prefix));

/** Reads the value under `key` with the backup's bounds; the id or origin in a claim's or site's key is checked too. */
function readValue(
  key: string,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } | undefined {
  const parsed = (schema: v.GenericSchema, input: unknown) => {
    const result = v.safeParse(schema, input);
    if (result.success) return { ok: true as const, value: result.output as unknown };
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    return { ok: false as const, message: `${path ? `${path} ` : ''}${issue.message}` };
  };
  if (key === PREFS_KEY) return parsed(PrefsSchema, value);
  if (key === ME_KEY) return parsed(PersonSchema, value);
  if (key === TOOLS_KEY) return parsed(v.array(ToolIdSchema), value);
  if (key.startsWith(REPORT)) {
    const read = parsed(ReportValueSchema, value);
    if (read.ok && reportKey((read.value as ReportValue).id) !== key)
      return { ok: false, message: 'its id does not belong to its entry' };
    return read;
  }
  if (key.startsWith(CLAIM) || key.startsWith(SITE)) {
    if (!isRecord(value)) return { ok: false, message: 'not a Pullback entry (no fields)' };
    const claim = key.startsWith(CLAIM);
    const idField = claim ? 'id' : 'origin';
    const read = parsed(claim ? ClaimSchema : CustomSiteSchema, {
      ...value,
      [idField]: key.slice(claim ? CLAIM.length : SITE.length),
    });
    if (!read.ok) return read;
    const { [idField]: _fromKey, ...rest } = read.value as Record<string, unknown>;
    return { ok: true, value: rest };
  }
  return undefined;
}

/** Settings as item values, keyed by their sync key. Order is not synced: each browser keeps its own. */
export function settingsToValues(s: Settings): Map<string, unknown> {
  const values = new Map<string, unknown>();
  values.set(ME_KEY, s.me);
  const prefs: v.InferOutput<typeof PrefsSchema> = {
    cooldownMinutes: s.cooldownMinutes,
    idleMinutes: s.idleMinutes,
    lapseHours: s.lapseHours,
    weeklyDigest: s.weeklyDigest,
    askAfterKeys: s.askAfterKeys,
    workdayEnd: s.workdayEnd,
  };
  if (s.retentionMonths !== undefined) prefs.retentionMonths = s.retentionMonths;
  if (s.hideNotificationTitles !== undefined)
    prefs.hideNotificationTitles = s.hideNotificationTitles;
  if (s.defaultPlanMinutes !== undefined) prefs.defaultPlanMinutes = s.defaultPlanMinutes;
  values.set(PREFS_KEY, prefs);
  values.set(TOOLS_KEY, s.disabledTools);
  for (const r of s.formerReports ?? [])
    values.set(reportKey(r.id), { id: r.id, name: r.name, former: true });
  for (const r of s.reports)
    values.set(reportKey(r.id), { id: r.id, name: r.name, aliases: r.aliases });
  for (const { id, ...claim } of s.claims) values.set(CLAIM + id, claim);
  for (const { origin, ...site } of s.customSites) values.set(SITE + origin, site);
  return values;
}

/**
 * Item values back into settings, in `order`'s order (this browser's), newcomers
 * last. Claims whose report is not on the roster here are held back (returned
 * apart), never dropped from the sync area.
 */
export function valuesToSettings(
  values: Map<string, unknown>,
  order: Settings,
): { settings: Settings; heldBack: string[] } {
  const rank = (list: string[]) => (key: string) => {
    const i = list.indexOf(key);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const sorted = (prefix: string, list: string[], keyOf = (id: string) => prefix + id) => {
    const r = rank(list.map(keyOf));
    return [...values.keys()]
      .filter((k) => k.startsWith(prefix) && values.get(k) !== null)
      .sort((a, b) => r(a) - r(b));
  };
  const prefs = (values.get(PREFS_KEY) ?? null) as v.InferOutput<typeof PrefsSchema> | null;
  const reports: Settings['reports'] = [];
  const formerReports: NonNullable<Settings['formerReports']> = [];
  for (const key of sorted(
    REPORT,
    [...(order.formerReports ?? []), ...order.reports].map((r) => r.id),
    reportKey,
  )) {
    const value = values.get(key) as ReportValue;
    if (value.former) formerReports.push({ id: value.id, name: value.name });
    else reports.push({ id: value.id, name: value.name, aliases: value.aliases });
  }
  const onRoster = new Set(reports.map((r) => r.id));
  const claims: Claim[] = [];
  const heldBack: string[] = [];
  for (const key of sorted(
    CLAIM,
    order.claims.map((c) => c.id),
  )) {
    const claim = { id: key.slice(CLAIM.length), ...(values.get(key) as Omit<Claim, 'id'>) };
    if (onRoster.has(claim.reportId)) claims.push(claim);
    else heldBack.push(key);
  }
  const customSites: CustomSite[] = sorted(
    SITE,
    order.customSites.map((s) => s.origin),
  ).map((key) => ({
    origin: key.slice(SITE.length),
    ...(values.get(key) as Omit<CustomSite, 'origin'>),
  }));
  const settings: Settings = {
    me: (values.get(ME_KEY) as Settings['me'] | null) ?? { name: '', aliases: [] },
    reports,
    cooldownMinutes: prefs?.cooldownMinutes ?? order.cooldownMinutes,
    idleMinutes: prefs?.idleMinutes ?? order.idleMinutes,
    lapseHours: prefs?.lapseHours ?? order.lapseHours,
    weeklyDigest: prefs?.weeklyDigest ?? order.weeklyDigest,
    askAfterKeys: prefs?.askAfterKeys ?? order.askAfterKeys,
    workdayEnd: prefs?.workdayEnd ?? order.workdayEnd,
    claims,
    disabledTools: (values.get(TOOLS_KEY) as Settings['disabledTools'] | null) ?? [],
    customSites,
  };
  if (formerReports.length || order.formerReports) settings.formerReports = formerReports;
  if (prefs?.retentionMonths !== undefined) settings.retentionMonths = prefs.retentionMonths;
  if (prefs?.hideNotificationTitles !== undefined)
    settings.hideNotificationTitles = prefs.hideNotificationTitles;
  if (prefs?.defaultPlanMinutes !== undefined)
    settings.defaultPlanMinutes = prefs.defaultPlanMinutes;
  return { settings, heldBack };
}

/** How the options page names an item. */
export function labelOf(key: string, value: unknown, settings?: Settings): string {
  if (key === ME_KEY) return 'You (your name and aliases)';
  if (key === PREFS_KEY) return 'Timing, notifications and data settings';
  if (key === TOOLS_KEY) return 'Tool switches';
  const named = (x: unknown) =>
    x && typeof x === 'object' && 'name' in x && typeof x.name === 'string' ? x.name : undefined;
  if (key.startsWith(REPORT)) {
    return (
      named(value) ??
      [...(settings?.reports ?? []), ...(settings?.formerReports ?? [])].find(
        (r) => reportKey(r.id) === key,
      )?.name ??
      'A report'
    );
  }
  if (key.startsWith(CLAIM)) {
    const label =
      value && typeof value === 'object' && 'label' in value && typeof value.label === 'string'
        ? value.label
        : '';
    return `Assigned page${label ? ` “${label}”` : ''}`;
  }
  if (key.startsWith(SITE)) return `Added site ${key.slice(SITE.length)}`;
  return key;
}

// ---- Local changes ----

/** JSON with object keys sorted: two browsers may write one value's fields in another order. */
const canonical = (x: unknown): string =>
  JSON.stringify(x, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const DEFAULT_VALUES = settingsToValues(DEFAULT_SETTINGS);

/** The stamps after this browser changed its settings from `prev` to `next`: every changed or removed item gets a new version. */
export function stampChanges(
  prev: Settings,
  next: Settings,
  stamps: Stamps,
  device: string,
  now: number,
): Stamps {
  const before = settingsToValues(prev);
  const after = settingsToValues(next);
  const result: Stamps = { ...stamps };
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const value = after.get(key);
    if (value !== undefined && old !== undefined && same(old, value)) continue;
    // Later than anything this browser has seen of this item, even if the clock went back.
    const at = Math.max(now, (stamps[key]?.at ?? 0) + 1);
    result[key] =
      value === undefined
        ? { at, by: device, base: stamps[key]?.at ?? 0, gone: true }
        : { at, by: device, base: stamps[key]?.at ?? 0 };
  }
  return result;
}

/** The item this browser would write for `key`. */
function itemOf(value: unknown, stamp: Stamp): SyncItem {
  return { v: stamp.gone ? null : value, at: stamp.at, by: stamp.by, base: stamp.base };
}

/** Ordered by time, then by browser: every browser picks the same winner. */
function isLater(a: { at: number; by: string }, b: { at: number; by: string }): boolean {
  return a.at !== b.at ? a.at > b.at : a.by > b.by;
}

// ---- Quota ----

const encoder = new TextEncoder();
/** Chrome counts an item as its key plus its value's JSON. */
export const itemBytes = (key: string, item: unknown) =>
  encoder.encode(key).length + encoder.encode(JSON.stringify(item)).length;

export type QuotaCheck =
  | { fits: true; bytes: number }
  | { fits: false; bytes: number; why: 'total' | 'item' | 'count'; item?: string };

/** Whether the sync area, as it would be, keeps within the browser's quotas. */
export function checkQuota(
  items: Record<string, unknown>,
  quota: SyncQuota = SYNC_QUOTA,
): QuotaCheck {
  let bytes = 0;
  let biggest: { key: string; bytes: number } | undefined;
  const keys = Object.keys(items);
  for (const key of keys) {
    const size = itemBytes(key, items[key]);
    bytes += size;
    if (!biggest || size > biggest.bytes) biggest = { key, bytes: size };
  }
  if (biggest && biggest.bytes > quota.bytesPerItem)
    return { fits: false, bytes, why: 'item', item: biggest.key };
  if (keys.length > quota.items) return { fits: false, bytes, why: 'count' };
  if (bytes > quota.bytes) return { fits: false, bytes, why: 'total' };
  return { fits: true, bytes };
}

// ---- Merge ----

export interface MergeInput {
  /** This browser's settings and the versions they hold (empty stamps: never synced, e.g. just upgraded). */
  local: Settings;
  stamps: Stamps;
  /** Everything in the sync area (other keys are ignored). */
  remote: Record<string, unknown>;
  device: string;
  now: number;
}
export interface MergeResult {
  settings: Settings;
  stamps: Stamps;
  /** Items where this browser's version is later (or the sync area lacks them): to write. */
  writes: Record<string, SyncItem>;
  /** Removals older than TOMBSTONE_DAYS: to delete from the sync area. */
  expired: string[];
  /** The sync area as it will be after the writes and deletions (Pullback's keys only), for the quota check. */
  after: Record<string, unknown>;
  conflicts: SyncConflict[];
  problems: SyncProblem[];
}

/** A change's time (ms): a whole number, not before 1970, not more than a day ahead of `now`. */
const stampTime = (now: number) =>
  v.pipe(
    v.number(),
    v.integer('is not a time'),
    v.minValue(0, 'is not a time'),
    v.maxValue(now + FUTURE_SLACK_MS, 'is more than a day in the future'),
  );

/** Reads one sync item, or says why it cannot. */
export function readItem(
  key: string,
  raw: unknown,
  now: number,
): { ok: true; item: SyncItem } | { ok: false; message: string } {
  if (!knows(key))
    return { ok: false, message: 'written by a newer version of Pullback (unknown entry)' };
  const shape = v.safeParse(
    v.object({
      v: v.unknown(),
      at: stampTime(now),
      by: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
      base: v.optional(stampTime(now), 0),
    }),
    raw,
  );
  if (!shape.success) {
    const issue = shape.issues[0];
    const field = v.getDotPath(issue);
    return {
      ok: false,
      message:
        field === 'at' || field === 'base'
          ? `its time of change ${issue.message}`
          : 'not a Pullback entry (no value, time or browser)',
    };
  }
  if (shape.output.v === null) return { ok: true, item: { ...shape.output, v: null } };
  const value = readValue(key, shape.output.v)!;
  if (!value.ok) return value;
  return { ok: true, item: { ...shape.output, v: value.value } };
}

/**
 * Reports as earlier versions wrote them (`pb1.r.<id>`, a name in the key) read under their new
 * key, the later of the two winning; the old keys are listed to be removed from the sync area,
 * and this browser's stamps follow.
 */
function withoutLegacyKeys(
  remote: Record<string, unknown>,
  stamps: Stamps,
): { remote: Record<string, unknown>; stamps: Stamps; legacy: string[] } {
  const moved: Record<string, unknown> = {};
  const legacy: string[] = [];
  const atOf = (x: unknown) => (isRecord(x) && typeof x.at === 'number' ? x.at : -1);
  for (const [key, raw] of Object.entries(remote)) {
    if (!key.startsWith(LEGACY_REPORT)) {
      moved[key] ??= raw;
      continue;
    }
    legacy.push(key);
    const id = key.slice(LEGACY_REPORT.length);
    const item = isRecord(raw) && isRecord(raw.v) ? { ...raw, v: { ...raw.v, id } } : raw;
    const to = reportKey(id);
    if (remote[to] === undefined || atOf(item) > atOf(remote[to])) moved[to] = item;
  }
  const nextStamps: Stamps = {};
  for (const [key, stamp] of Object.entries(stamps)) {
    if (!key.startsWith(LEGACY_REPORT)) nextStamps[key] ??= stamp;
    else nextStamps[reportKey(key.slice(LEGACY_REPORT.length))] ??= stamp;
  }
  return { remote: moved, stamps: nextStamps, legacy };
}

/**
 * Brings this browser's settings and the sync area together, item by item:
 * the later version wins. Where the winner came from another browser and was
 * made without seeing this browser's version, this browser's version becomes a
 * conflict (kept, to be put back). Unreadable items are reported and left as
 * they are. Never changes local settings into something that does not validate.
 */
export function mergeSync({
  local,
  stamps: storedStamps,
  remote: stored,
  device,
  now,
}: MergeInput): MergeResult {
  const { remote, stamps, legacy } = withoutLegacyKeys(stored, storedStamps);
  const localValues = settingsToValues(local);
  const values = new Map(localValues);
  const nextStamps: Stamps = {};
  const writes: Record<string, SyncItem> = {};
  const after: Record<string, unknown> = {};
  const expired: string[] = [...legacy];
  const conflicts: SyncConflict[] = [];
  const problems: SyncProblem[] = [];
  const tombstoneAge = TOMBSTONE_DAYS * 24 * 60 * 60 * 1000;

  const keys = new Set([
    ...localValues.keys(),
    ...Object.keys(stamps),
    ...Object.keys(remote).filter((k) => k.startsWith(SYNC_PREFIX)),
  ]);
  for (const key of keys) {
    const mineValue = localValues.has(key) ? localValues.get(key) : null;
    // A value with no stamp was there before syncing began (the first run after an upgrade): time 0, so any synced version wins and it becomes a conflict if they differ.
    let mine: Stamp | undefined =
      stamps[key] ?? (localValues.has(key) ? { at: 0, by: device, base: 0 } : undefined);
    // The stamps say "removed" while the value is here (or the reverse) only if settings changed without a stamp: trust the settings.
    if (mine && !!mine.gone !== (mineValue === null))
      mine = { ...mine, gone: mineValue === null ? true : undefined };
    const raw = remote[key];
    if (raw !== undefined) after[key] = raw;

    let theirs: SyncItem | undefined;
    if (raw !== undefined) {
      const read = readItem(key, raw, now);
      if (!read.ok) {
        problems.push({
          key,
          message: `${labelOf(key, undefined, local)}: ${read.message}`,
          stuck: true,
        });
        if (mine) nextStamps[key] = mine;
        continue; // Left as it is: this browser's copy stays, and nothing is written over the unreadable one.
      }
      theirs = read.item;
    }

    if (!theirs) {
      if (!mine) continue;
      // Not in the sync area (never written, cleared, or a removal that expired): this browser's version goes up.
      const stamp = mine.at === 0 ? { ...mine, at: now } : mine;
      if (stamp.gone && now - stamp.at > tombstoneAge) continue;
      nextStamps[key] = stamp;
      writes[key] = after[key] = itemOf(mineValue, stamp);
      continue;
    }

    if (!mine || isLater(theirs, mine)) {
      // The other browser's version is later.
      // Made without seeing this browser's version: this browser's value from before syncing, or its own change the winner was not built on.
      // (A fresh install's defaults are nothing to put back.)
      const unseen =
        mine &&
        (mine.at === 0
          ? !same(mineValue, DEFAULT_VALUES.get(key))
          : mine.by === device && theirs.base < mine.at);
      if (unseen && !same(theirs.v, mineValue)) {
        conflicts.push({
          key,
          label: labelOf(key, mineValue ?? theirs.v, local),
          mine: mineValue,
          mineAt: mine!.at,
          theirs: theirs.v,
          theirsAt: theirs.at,
        });
      }
      if (theirs.v === null) values.delete(key);
      else values.set(key, theirs.v);
      nextStamps[key] = {
        at: theirs.at,
        by: theirs.by,
        base: theirs.base,
        ...(theirs.v === null ? { gone: true as const } : {}),
      };
    } else if (isLater(mine, theirs)) {
      // This browser's version is later: it goes up (the other browser will see its version replaced).
      const stamp = mine.at === 0 ? { ...mine, at: now } : mine;
      nextStamps[key] = stamp;
      writes[key] = after[key] = itemOf(mineValue, stamp);
    } else if (theirs.v !== null && mineValue === null) {
      // The same version, missing here only because it was held back (a claim whose report is not on this roster): still held back.
      values.set(key, theirs.v);
      nextStamps[key] = { at: theirs.at, by: theirs.by, base: theirs.base };
    } else {
      nextStamps[key] = mine;
    }
    if (theirs.v === null && nextStamps[key]?.gone && now - nextStamps[key]!.at > tombstoneAge) {
      expired.push(key);
      delete after[key];
      delete writes[key];
      delete nextStamps[key];
    }
  }

  const { settings: merged, heldBack } = valuesToSettings(values, local);
  for (const key of heldBack) {
    problems.push({
      key,
      message: `${labelOf(key, values.get(key), local)}: its report is not on the roster here, so it is not used on this browser`,
    });
  }
  const valid = v.safeParse(SettingsSchema, merged);
  if (!valid.success) {
    const issue = valid.issues[0];
    problems.push({
      key: '',
      message: `The settings from your other browsers do not fit together (${issue.message}); this browser keeps its own.`,
    });
    return {
      settings: local,
      stamps,
      writes: {},
      expired: [],
      after: { ...remote },
      conflicts: [],
      problems,
    };
  }
  return {
    settings: valid.output,
    stamps: nextStamps,
    writes,
    expired,
    after,
    conflicts,
    problems,
  };
}

/** Settings with one item set back to a given value (null: removed), for "Put mine back". */
export function withItem(settings: Settings, key: string, value: unknown): Settings {
  const values = settingsToValues(settings);
  if (value === null) values.delete(key);
  else values.set(key, value);
  return valuesToSettings(values, settings).settings;
}

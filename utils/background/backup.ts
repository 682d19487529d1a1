/**
 * The backup file: export everything as one JSON document, and read one
 * back. Reading never trusts the file: every field is checked first, and a
 * file that fails any check is refused whole with a message that says what
 * is wrong, so nothing is half-imported.
 */
import * as v from 'valibot';
import {
  FUTURE_SLACK_MS,
  InterventionSchema,
  IsoTimeSchema,
  LIMITS,
  PauseEventSchema,
  PromptRecordSchema,
  RatingSchema,
  SettingsSchema,
  TouchSchema,
  type Intervention,
  type PauseEventRecord,
  type PromptRecord,
  type Rating,
  type Settings,
  type Touch,
} from '@/utils/model/records';

export const BACKUP_FORMAT = 'pullback-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = LIMITS.backupBytes;

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.optional(
    v.pipe(
      IsoTimeSchema,
      v.check(
        (at) => Date.parse(at) <= Date.now() + FUTURE_SLACK_MS,
        'must not be in the future (a backup is made before it is read)',
      ),
    ),
  ),
  settings: SettingsSchema,
  interventions: v.optional(v.array(InterventionSchema), []),
  prompts: v.optional(v.array(PromptRecordSchema), []),
  /** Alignment x confidence check-ins, one per report per week. */
  ratings: v.optional(v.array(RatingSchema), []),
  /**
   * Pausing, resuming and pauses ending (utils/background/pause.ts). Optional with no default: version 1 files
   * written before it import as they always did, and leave this browser's pause log alone. Merged by id
   * on import, newest kept (utils/background/pause.ts mergePauseEvents).
   */
  pauseLog: v.optional(v.array(PauseEventSchema)),
  /** Touches per report per week (small changes that never asked); absent in files written before them. */
  touches: v.optional(v.array(TouchSchema), []),
});

export type ParsedBackup = v.InferOutput<typeof BackupSchema>;
/** The file as Pullback writes it. */
export type Backup = Required<ParsedBackup>;
export type BackupParse = { ok: true; backup: ParsedBackup } | { ok: false; error: string };

/** Reads a backup file's text. Each way a file can be wrong gets its own message. */
export function parseBackup(text: string): BackupParse {
  const read = readJson(text);
  return read.ok ? plausible(checked(v.safeParse(BackupSchema, read.json))) : read;
}

/** A file whose records each passed, checked as a whole (implausibleInFile). */
function plausible(parse: BackupParse): BackupParse {
  if (!parse.ok) return parse;
  const implausible = implausibleInFile(parse.backup);
  return implausible ? damaged(implausible) : parse;
}

/** A file that failed a check: its first issue, where it is, and that nothing was imported. */
function checked(
  result: v.SafeParseResult<typeof BackupSchema>,
  path: (issue: v.BaseIssue<unknown>) => string | null = (issue) => v.getDotPath(issue),
): BackupParse {
  if (result.success) return { ok: true, backup: result.output };
  const issue = result.issues[0]!;
  return {
    ok: false,
    error: `This backup is damaged: ${path(issue) ?? 'a field'} ${issue.message}. Nothing was imported.`,
  };
}

/** The record lists, in the file's order: what a long import counts as it reads. */
const RECORD_LISTS = ['interventions', 'prompts', 'ratings', 'touches'] as const;
const RECORD_SCHEMAS = {
  interventions: v.array(InterventionSchema),
  prompts: v.array(PromptRecordSchema),
  ratings: v.array(RatingSchema),
  touches: v.array(TouchSchema),
};
/** Records checked between two progress reports (and two turns of the event loop). */
export const RECORDS_PER_STEP = 5_000;

/**
 * parseBackup for a long file: the same checks in the same order, with the same messages, but the
 * record lists checked a step at a time, saying after each step how many of all the records have
 * been read, and letting other work run between steps.
 */
export async function parseBackupInSteps(
  text: string,
  onProgress: (read: number, total: number) => void = () => {},
): Promise<BackupParse> {
  const read = readJson(text);
  if (!read.ok) return read;
  const json = read.json as Record<string, unknown>;
  const lists = Object.fromEntries(
    RECORD_LISTS.map((k) => [k, Array.isArray(json[k]) ? (json[k] as unknown[]) : undefined]),
  ) as Record<(typeof RECORD_LISTS)[number], unknown[] | undefined>;
  // Everything but the lists first, as the whole schema would find it (settings before records).
  const head = checked(
    v.safeParse(BackupSchema, {
      ...json,
      ...Object.fromEntries(RECORD_LISTS.map((k) => [k, lists[k] ? [] : json[k]])),
    }),
  );
  if (!head.ok) return head;
  const total = RECORD_LISTS.reduce((n, k) => n + (lists[k]?.length ?? 0), 0);
  const backup: Record<string, unknown> = { ...head.backup };
  let done = 0;
  onProgress(0, total);
  for (const key of RECORD_LISTS) {
    const list = lists[key];
    if (!list) continue;
    const out: unknown[] = [];
    for (let at = 0; at < list.length; at += RECORDS_PER_STEP) {
      const result = v.safeParse(RECORD_SCHEMAS[key], list.slice(at, at + RECORDS_PER_STEP));
      if (!result.success) {
        const failed = checked(
          result as unknown as v.SafeParseResult<typeof BackupSchema>,
          (issue) => {
            const [index, ...rest] = issue.path ?? [];
            return [key, at + Number(index?.key ?? 0), ...rest.map((p) => p.key)].join('.');
          },
        );
        return failed;
      }
      out.push(...result.output);
      done += result.output.length;
      onProgress(done, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    backup[key] = out;
  }
  return plausible({ ok: true, backup: backup as ParsedBackup });
}

/** The checks before the schema's: size, empty, JSON, format and version. */
function readJson(text: string): { ok: true; json: unknown } | { ok: false; error: string } {
  if (text.length > MAX_BACKUP_BYTES)
    return {
      ok: false,
      error: `This file is too large to be a Pullback backup (over ${MAX_BACKUP_BYTES / 1024 / 1024} MB). Nothing was imported.`,
    };
  if (text.trim() === '') return { ok: false, error: 'This file is empty. Nothing was imported.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error:
        'This file is not valid JSON, so it cannot be a Pullback backup. Nothing was imported.',
    };
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    (json as { format?: unknown }).format !== BACKUP_FORMAT
  ) {
    return {
      ok: false,
      error:
        'This JSON file is not a Pullback backup (its "format" is not "pullback-backup"). Nothing was imported.',
    };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer Pullback (format version ${version}). Update Pullback, then import it. Nothing was imported.`,
    };
  }
  if (version !== BACKUP_VERSION) {
    return {
      ok: false,
      error: `This backup has an unknown format version (${JSON.stringify(version)}). Nothing was imported.`,
    };
  }
  return { ok: true, json };
}

/** The refusal every damaged file gets: the field and what is wrong with it. */
export function damaged(what: string): { ok: false; error: string } {
  return { ok: false, error: `This backup is damaged: ${what}. Nothing was imported.` };
}

/**
 * What one record cannot say about itself: nothing starts more than a day after the file was made
 * (an active intervention "starting" in 2099 would never lapse and would swallow its item's edits),
 * and a prompt answered "deliberate" names an intervention the file holds, unless it is stored here
 * already (see `deliberateWithout`).
 */
function implausibleInFile(backup: ParsedBackup): string | null {
  const made = backup.exportedAt ? Date.parse(backup.exportedAt) : Date.now();
  const latest = made + FUTURE_SLACK_MS;
  const late = 'must not be later than a day after the backup was made (exportedAt)';
  for (const [list, field] of [
    ['interventions', 'startedAt'],
    ['prompts', 'at'],
    ['ratings', 'at'],
  ] as const) {
    const records = backup[list] as Array<Record<string, unknown>>;
    const i = records.findIndex((r) => Date.parse(r[field] as string) > latest);
    if (i >= 0) return `${list}.${i}.${field} ${late}`;
  }
  return null;
}

/**
 * The first prompt answered "deliberate" whose intervention is neither in the file nor among
 * `stored` (ids), as the field to name; null when every one points somewhere. A prompt whose
 * intervention was deleted points at none (null) and is fine.
 */
export function deliberateWithout(backup: ParsedBackup, stored: Set<string>): string | null {
  const inFile = new Set(backup.interventions.map((r) => r.id));
  const i = backup.prompts.findIndex(
    (p) =>
      p.answer === 'deliberate' &&
      p.interventionId !== null &&
      !inFile.has(p.interventionId) &&
      !stored.has(p.interventionId),
  );
  return i < 0
    ? null
    : `prompts.${i}.interventionId must name an intervention in the file or already here`;
}

export function buildBackup(
  settings: Settings,
  interventions: Intervention[],
  prompts: PromptRecord[],
  ratings: Rating[] = [],
  now = new Date(),
  pauseLog: PauseEventRecord[] = [],
  touches: Touch[] = [],
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings,
    interventions,
    prompts,
    ratings,
    pauseLog,
    touches,
  };
}

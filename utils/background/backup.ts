/**
 * The backup file: export everything as one JSON document, and read one
 * back. Reading never trusts the file: every field is checked first, and a
 * file that fails any check is refused whole with a message that says what
 * is wrong, so nothing is half-imported.
 */
import * as v from 'valibot';
import {
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
  exportedAt: v.optional(IsoTimeSchema),
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
  const result = v.safeParse(BackupSchema, json);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = v.getDotPath(issue);
    return {
      ok: false,
      error: `This backup is damaged: ${path ?? 'a field'} ${issue.message}. Nothing was imported.`,
    };
  }
  return { ok: true, backup: result.output };
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

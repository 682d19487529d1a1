/**
 * The backup file: export everything as one JSON document, and read one
 * back. Reading never trusts the file: every field is checked first, and a
 * file that fails any check is refused whole with a message that says what
 * is wrong, so nothing is half-imported.
 */
import * as v from 'valibot';
import {
  DEFAULT_SETTINGS,
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  LIMITS,
  PROMPT_ANSWERS,
  PURPOSES,
  TOOL_IDS,
  type Intervention,
  type PromptRecord,
  type Settings,
} from './model';
import { ArtifactSchema } from './message-schemas';
import { RETENTION_MAX_MONTHS } from './forget';
import type { Rating } from './summary';

export const BACKUP_FORMAT = 'pullback-backup';
export const BACKUP_VERSION = 1;
/** A year of heavy use is a few MB; anything far bigger is not ours. */
export const MAX_BACKUP_BYTES = LIMITS.backupBytes;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
  interventions: Intervention[];
  prompts: PromptRecord[];
  /** Alignment x confidence check-ins, one per report per week. */
  ratings: Rating[];
}

/** ISO 8601 with a time zone, as Pullback writes it. Date.parse alone would guess "May 3" into 2001. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const isoTime = v.pipe(
  v.string(),
  v.check((s) => ISO_TIME.test(s) && !Number.isNaN(Date.parse(s)), 'must be a date and time in ISO 8601 (2026-11-28T10:00:00.000Z)'),
  v.transform((s) => new Date(s).toISOString()),
);
const name = v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`));
const aliases = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.identityLength))),
  v.maxLength(LIMITS.aliases, `must have at most ${LIMITS.aliases} aliases`),
  v.transform((list) => [...new Set(list.filter(Boolean))]),
);
const id = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(LIMITS.idLength));

export const CustomSiteSchema = v.object({
  origin: v.pipe(
    v.string(),
    v.regex(/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i, 'must be an origin like https://wiki.acme.test'),
    v.maxLength(LIMITS.urlLength),
  ),
  label: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(LIMITS.nameLength)),
  editableSelector: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(1000)),
  conversationSelector: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000)), ''),
});

export const SettingsSchema = v.pipe(
  v.object({
    me: v.object({ name, aliases: v.optional(aliases, []) }),
    reports: v.pipe(
      v.array(
        v.object({
          id,
          name: v.pipe(name, v.minLength(1, 'must not be empty')),
          aliases: v.optional(aliases, []),
        }),
      ),
      v.maxLength(LIMITS.reports),
    ),
    cooldownMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7 * 24 * 60)), DEFAULT_SETTINGS.cooldownMinutes),
    // Chrome's idle API cannot detect less than 15 seconds; a whole minute is the useful floor.
    idleMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)), DEFAULT_SETTINGS.idleMinutes),
    lapseHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7 * 24)), DEFAULT_SETTINGS.lapseHours),
    weeklyDigest: v.optional(
      v.object({
        enabled: v.boolean(),
        day: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
        time: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 16:00')),
      }),
      DEFAULT_SETTINGS.weeklyDigest,
    ),
    claims: v.optional(
      v.pipe(
        v.array(
          v.object({
            id,
            reportId: id,
            urlPrefix: v.pipe(v.string(), v.maxLength(LIMITS.urlLength), v.url('must be a URL')),
            label: v.pipe(v.string(), v.maxLength(LIMITS.titleLength)),
            createdAt: isoTime,
          }),
        ),
        v.maxLength(LIMITS.claims),
      ),
      [],
    ),
    disabledTools: v.optional(v.array(v.picklist(TOOL_IDS)), []),
    customSites: v.optional(v.pipe(v.array(CustomSiteSchema), v.maxLength(100)), []),
    // Optional with no default: a backup without them reads back exactly as it was written.
    formerReports: v.optional(
      v.pipe(v.array(v.object({ id, name: v.pipe(name, v.minLength(1, 'must not be empty')) })), v.maxLength(LIMITS.reports)),
    ),
    retentionMonths: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(RETENTION_MAX_MONTHS))),
    hideNotificationTitles: v.optional(v.boolean()),
  }),
  v.check((s) => new Set(s.reports.map((r) => r.id)).size === s.reports.length, 'reports: two reports share one id'),
  v.check((s) => s.claims.every((c) => s.reports.some((r) => r.id === c.reportId)), 'claims: a claim names a report that is not in the roster'),
);

const InterventionSchema = v.pipe(
  v.object({
    id,
    kind: v.optional(v.picklist(INTERVENTION_KINDS)),
    intent: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.intentLength, `must be at most ${LIMITS.intentLength} characters`))),
    tool: v.picklist(TOOL_IDS),
    artifact: ArtifactSchema,
    reportId: id,
    purpose: v.picklist(PURPOSES),
    startedAt: isoTime,
    plannedEndAt: isoTime,
    endedAt: v.nullish(isoTime, null),
    status: v.picklist(INTERVENTION_STATUSES),
    activeMs: v.optional(v.pipe(v.number(), v.minValue(0)), 0),
    lastActivityAt: v.optional(isoTime),
    stretchBroken: v.optional(v.boolean(), false),
    remindedAt: v.nullish(isoTime, null),
    closing: v.nullish(
      v.object({
        saidFramework: v.nullish(v.boolean(), null),
        ownerNow: v.nullish(v.picklist(['report', 'me']), null),
        answeredAt: isoTime,
      }),
      null,
    ),
  }),
  v.check((r) => (r.status === 'active') === (r.endedAt === null), 'an active intervention has no end, an ended one has one'),
  v.transform((r): Intervention => ({ ...r, lastActivityAt: r.lastActivityAt ?? r.endedAt ?? r.startedAt })),
);

const PromptSchema = v.pipe(
  v.object({
    id,
    kind: v.optional(v.picklist(INTERVENTION_KINDS)),
    at: isoTime,
    tool: v.picklist(TOOL_IDS),
    artifact: ArtifactSchema,
    reportId: id,
    answer: v.picklist(PROMPT_ANSWERS),
    answeredAt: v.nullish(isoTime, null),
    interventionId: v.nullish(id, null),
  }),
  v.transform((p): PromptRecord => p),
);

const score = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4));
export const RatingSchema = v.pipe(
  v.object({
    week: v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/, 'must be an ISO week like 2026-W48')),
    reportId: id,
    alignment: score,
    confidence: score,
    at: isoTime,
  }),
  v.transform((r) => ({ ...r, id: `${r.week}:${r.reportId}`, alignment: r.alignment as Rating['alignment'], confidence: r.confidence as Rating['confidence'] })),
);

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.optional(isoTime),
  settings: SettingsSchema,
  interventions: v.optional(v.array(InterventionSchema), []),
  prompts: v.optional(v.array(PromptSchema), []),
  ratings: v.optional(v.array(RatingSchema), []),
});

export type ParsedBackup = v.InferOutput<typeof BackupSchema>;
export type BackupParse = { ok: true; backup: ParsedBackup } | { ok: false; error: string };

/** Reads a backup file's text. Each way a file can be wrong gets its own message. */
export function parseBackup(text: string): BackupParse {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: 'This file is too large to be a Pullback backup (over 50 MB). Nothing was imported.' };
  if (text.trim() === '') return { ok: false, error: 'This file is empty. Nothing was imported.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so it cannot be a Pullback backup. Nothing was imported.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: 'This JSON file is not a Pullback backup (its "format" is not "pullback-backup"). Nothing was imported.' };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return { ok: false, error: `This backup was made by a newer Pullback (format version ${version}). Update Pullback, then import it. Nothing was imported.` };
  }
  if (version !== BACKUP_VERSION) {
    return { ok: false, error: `This backup has an unknown format version (${JSON.stringify(version)}). Nothing was imported.` };
  }
  const result = v.safeParse(BackupSchema, json);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = v.getDotPath(issue);
    return { ok: false, error: `This backup is damaged: ${path ?? 'a field'} ${issue.message}. Nothing was imported.` };
  }
  return { ok: true, backup: result.output };
}

export function buildBackup(settings: Settings, interventions: Intervention[], prompts: PromptRecord[], ratings: Rating[] = [], now = new Date()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), settings, interventions, prompts, ratings };
}

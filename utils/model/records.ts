/**
 * The records Pullback keeps and its settings, each shape written once as a
 * valibot schema; the TypeScript types are inferred from them. These are the
 * backup file's shapes too (utils/background/backup.ts), so a record travels from
 * IndexedDB to the export and back without translation. Times are ISO-8601
 * strings in UTC.
 *
 * Content scripts import only types from here (the schemas cost them
 * nothing); the background and the extension pages use the schemas.
 */
import * as v from 'valibot';
import {
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  ISO_WEEK_PATTERN,
  LIMITS,
  PLANNED_UNTIL,
  PROMPT_ANSWERS,
  PURPOSES,
  RANGES,
  RETENTION_CHOICES,
  SCORES,
  SETTING_DEFAULTS,
  TOOL_IDS,
} from '@/utils/model/constants';

export * from '@/utils/model/constants';

// ---- Building blocks ----

export const ToolIdSchema = v.picklist(TOOL_IDS);

// Marked free of side effects so that a bundle importing this file for one schema
// drops the others.
/* @__NO_SIDE_EFFECTS__ */
function text(max: number) {
  return v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
}
/* @__NO_SIDE_EFFECTS__ */
function trimmed(max: number) {
  return v.pipe(v.string(), v.trim(), v.maxLength(max, `must be at most ${max} characters`));
}
/** Trimmed, at least one character. */
/* @__NO_SIDE_EFFECTS__ */
export function nonEmptyText(max: number) {
  return v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
}
/* @__NO_SIDE_EFFECTS__ */
export function inRange(range: { min: number; max: number }) {
  return v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(range.min, `must be from ${range.min} to ${range.max}`),
    v.maxValue(range.max, `must be from ${range.min} to ${range.max}`),
  );
}
export const IdSchema = nonEmptyText(LIMITS.idLength);

/** ISO 8601 with a time zone, as Pullback writes it. Date.parse alone would guess "May 3" into 2001. */
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** A date the calendar has: Date.parse turns 2026-02-30 into March 2nd without a word. */
function isCalendarDateTime(s: string): boolean {
  const parts = ISO_TIME.exec(s);
  if (!parts) return true; // Not ISO 8601 at all: the check before says so.
  const [y, mo, d, h, mi, se] = parts.slice(1, 7).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  return (
    mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= daysInMonth && h! <= 23 && mi! <= 59 && se! <= 59
  );
}
/**
 * Every check below passes for this form with a real date in the accepted years, and it is its own
 * canonical form: how Pullback writes every time, so a year's backup (600,000 times) is checked
 * with a few digit reads instead of three patterns and four Dates each.
 */
function isWrittenByPullback(s: string): boolean {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 /* Z */ || !WRITTEN.test(s)) return false;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days =
    month === 2
      ? leap
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  return (
    year >= RANGES.years.min &&
    year <= RANGES.years.max &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= days &&
    digitsAt(s, 11, 2) <= 23 &&
    digitsAt(s, 14, 2) <= 59 &&
    digitsAt(s, 17, 2) <= 59
  );
}
const WRITTEN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
function digitsAt(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}
export const IsoTimeSchema = v.pipe(
  v.string(),
  v.check(
    (s) => isWrittenByPullback(s) || (ISO_TIME.test(s) && !Number.isNaN(Date.parse(s))),
    'must be a date and time in ISO 8601 (2026-11-28T10:00:00.000Z)',
  ),
  v.check(
    (s) => isWrittenByPullback(s) || isCalendarDateTime(s),
    'must be a real calendar date and time',
  ),
  v.check((s) => {
    if (isWrittenByPullback(s)) return true;
    const year = new Date(s).getUTCFullYear();
    return Number.isNaN(year) || (year >= RANGES.years.min && year <= RANGES.years.max);
  }, `must be in the years ${RANGES.years.min} to ${RANGES.years.max}`),
  v.transform((s) => (isWrittenByPullback(s) ? s : new Date(s).toISOString())),
);
/** Item addresses and claim prefixes: web addresses only (never javascript:, data:, file:). */
export const WebUrlSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.urlLength, `must be at most ${LIMITS.urlLength} characters`),
  v.url('must be a URL'),
  v.regex(/^https?:\/\//i, 'must be an http(s) address'),
);
export const IsoWeekSchema = v.pipe(
  v.string(),
  v.regex(ISO_WEEK_PATTERN, 'must be an ISO week like 2026-W48'),
);

// ---- Artifacts and people ----

export const ArtifactSchema = v.object({
  /** Stable per tool: `PAY-142`, `owner/repo#12`, a file key. */
  key: nonEmptyText(LIMITS.keyLength),
  title: text(LIMITS.titleLength),
  url: WebUrlSchema,
});
export type Artifact = v.InferOutput<typeof ArtifactSchema>;

const NameSchema = trimmed(LIMITS.nameLength);
/** Emails, account ids, handles: anything a tool may show instead of the name. Blank and repeated ones are dropped. */
const AliasesSchema = v.pipe(
  v.array(trimmed(LIMITS.identityLength)),
  v.maxLength(LIMITS.aliases, `must have at most ${LIMITS.aliases} aliases`),
  v.transform((list) => [...new Set(list.filter(Boolean))]),
);

export const PersonSchema = v.object({ name: NameSchema, aliases: v.optional(AliasesSchema, []) });
export type Person = v.InferOutput<typeof PersonSchema>;

export const ReportSchema = v.object({
  id: IdSchema,
  name: v.pipe(NameSchema, v.minLength(1, 'must not be empty')),
  aliases: v.optional(AliasesSchema, []),
});
export type Report = v.InferOutput<typeof ReportSchema>;

// ---- Settings ----

/** A site the lead added on the options page, with the regions whose editing counts. */
export const CustomSiteSchema = v.object({
  /** "https://wiki.acme.test": the origin the permission was granted for. */
  origin: v.pipe(
    v.string(),
    v.regex(/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i, 'must be an origin like https://wiki.acme.test'),
    v.maxLength(LIMITS.urlLength),
  ),
  label: nonEmptyText(LIMITS.nameLength),
  /** CSS selectors of the editable regions that count ("main [contenteditable], textarea.body"). */
  editableSelector: nonEmptyText(LIMITS.selectorLength),
  /** CSS selectors of conversation (comments) inside them, which never prompts; may be empty. */
  conversationSelector: v.optional(trimmed(LIMITS.selectorLength), ''),
});
export type CustomSite = v.InferOutput<typeof CustomSiteSchema>;

/** An artifact, or everything under a URL prefix, belongs to a report. */
export const ClaimSchema = v.object({
  id: IdSchema,
  reportId: IdSchema,
  /** An artifact's canonical URL, or a shorter prefix (a Figma project, a repo, a Notion section). */
  urlPrefix: WebUrlSchema,
  /** What the lead saw when claiming ("Checkout flow — Figma"). */
  label: text(LIMITS.titleLength),
  createdAt: IsoTimeSchema,
});
export type Claim = v.InferOutput<typeof ClaimSchema>;

/** A local clock time, "HH:MM". */
export const ClockTimeSchema = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 16:00'),
);

/** The weekly "look in the mirror" notification that opens the summary. */
export const WeeklyDigestSchema = v.object({
  enabled: v.boolean(),
  /** 0 Sunday … 6 Saturday, as Date#getDay. */
  day: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
  /** Local time, "HH:MM". */
  time: ClockTimeSchema,
});
export type WeeklyDigest = v.InferOutput<typeof WeeklyDigestSchema>;

/** A report taken off the roster with their history kept. */
export const FormerReportSchema = v.object({
  id: IdSchema,
  name: v.pipe(NameSchema, v.minLength(1, 'must not be empty')),
});

/** Keep the last N months (0: all): one of the options page's choices. */
export const RetentionSchema = v.picklist(
  RETENTION_CHOICES,
  `must be one of the options page’s choices (${RETENTION_CHOICES.join(', ')} months; 0 keeps everything)`,
);

/** Each setting's bounds, written once: the backup, the options page and every synced item use these. */
export const SettingsFieldsSchema = v.object({
  me: PersonSchema,
  reports: v.pipe(v.array(ReportSchema), v.maxLength(LIMITS.reports)),
  /** After any answer, the same artifact does not prompt again for this long. */
  cooldownMinutes: v.optional(inRange(RANGES.cooldownMinutes), SETTING_DEFAULTS.cooldownMinutes),
  /** No input for this long and the machine counts as idle: no hands-on time. */
  idleMinutes: v.optional(inRange(RANGES.idleMinutes), SETTING_DEFAULTS.idleMinutes),
  /** An active intervention with no heartbeat for this long is closed as lapsed. */
  lapseHours: v.optional(inRange(RANGES.lapseHours), SETTING_DEFAULTS.lapseHours),
  weeklyDigest: v.optional(WeeklyDigestSchema, SETTING_DEFAULTS.weeklyDigest),
  /** "This file/page/project is Alice's work", for tools that show no owner (Figma, Notion, Docs). */
  claims: v.optional(v.pipe(v.array(ClaimSchema), v.maxLength(LIMITS.claims)), []),
  /** Tools the lead switched off: their edits never prompt. */
  disabledTools: v.optional(v.array(ToolIdSchema), []),
  /** Sites the lead added, beyond the supported tools (owners come from claims). */
  customSites: v.optional(v.pipe(v.array(CustomSiteSchema), v.maxLength(LIMITS.customSites)), []),
  // Optional with no default: a backup without them reads back exactly as it was written.
  /** Reports taken off the roster with their history kept: their records still show their name. */
  formerReports: v.optional(v.pipe(v.array(FormerReportSchema), v.maxLength(LIMITS.reports))),
  /** Keep the last N months of records; older finished ones are deleted by the sweep. Absent or 0: keep all. */
  retentionMonths: v.optional(RetentionSchema),
  /** System notifications say "an intervention" instead of the item's title (shared screens). */
  hideNotificationTitles: v.optional(v.boolean()),
  /** How long an intervention is planned for unless the lead says otherwise. Absent: 15 minutes. */
  defaultPlanMinutes: v.optional(inRange(RANGES.durationMinutes)),
  /** Ask from this many content-changing keystrokes in one stretch on an item (a paste or drop asks at once). */
  askAfterKeys: v.optional(inRange(RANGES.askAfterKeys), SETTING_DEFAULTS.askAfterKeys),
  /** The working day's end, local time "HH:MM": "End of day" in the prompt plans to it. */
  workdayEnd: v.optional(ClockTimeSchema, SETTING_DEFAULTS.workdayEnd),
});

export const SettingsSchema = v.pipe(
  SettingsFieldsSchema,
  v.check(
    (s) => new Set(s.reports.map((r) => r.id)).size === s.reports.length,
    'reports: two reports share one id',
  ),
  v.check(
    (s) => s.claims.every((c) => s.reports.some((r) => r.id === c.reportId)),
    'claims: a claim names a report that is not in the roster',
  ),
);
export type Settings = v.InferOutput<typeof SettingsSchema>;

// ---- The log ----

/** The two closing questions, both optional. */
export const ClosingSchema = v.object({
  /** Did I say the framework I used out loud? */
  saidFramework: v.nullish(v.boolean(), null),
  /** Who owns the detail now. */
  ownerNow: v.nullish(v.picklist(['report', 'me']), null),
  answeredAt: IsoTimeSchema,
});
export type Closing = v.InferOutput<typeof ClosingSchema>;

/** An item added to an open intervention: its hands-on time counts toward it. */
export const JoinedSchema = v.object({
  tool: ToolIdSchema,
  artifact: ArtifactSchema,
  at: IsoTimeSchema,
});
export type Joined = v.InferOutput<typeof JoinedSchema>;

export const InterventionSchema = v.pipe(
  v.object({
    id: IdSchema,
    /** Absent: 'edit'. Copied from the prompt the lead answered. */
    kind: v.optional(v.picklist(INTERVENTION_KINDS)),
    /** The lead's few words on "Yes": what the report should learn, or the framework used. */
    intent: v.optional(text(LIMITS.intentLength)),
    tool: ToolIdSchema,
    artifact: ArtifactSchema,
    reportId: IdSchema,
    purpose: v.picklist(PURPOSES),
    startedAt: IsoTimeSchema,
    plannedEndAt: IsoTimeSchema,
    endedAt: v.nullish(IsoTimeSchema, null),
    status: v.picklist(INTERVENTION_STATUSES),
    /** Hands-on time: heartbeats merged within a pulse window. */
    activeMs: v.optional(v.pipe(v.number(), v.minValue(0)), 0),
    /** Last heartbeat; the base for hands-on time and for the lapse rule (absent in old files: the end or start). */
    lastActivityAt: v.optional(IsoTimeSchema),
    /** Set when the machine went idle: the next heartbeat starts a new stretch. */
    stretchBroken: v.optional(v.boolean(), false),
    /** When the pull-back reminder was last shown (null: not yet for this planned end). */
    remindedAt: v.nullish(IsoTimeSchema, null),
    closing: v.nullish(ClosingSchema, null),
    // Optional with no default: records and backups written before read back exactly as they were.
    /** Other items of the same report's work the lead added to this intervention ("Add to ..."). */
    joined: v.optional(v.pipe(v.array(JoinedSchema), v.maxLength(LIMITS.joined))),
    /**
     * 'end-of-day': to the working day's end (shown as that clock time); 'day': to a day's
     * working-day end the lead picked; 'done': no planned end (lists say "until done"), and
     * `plannedEndAt` is the next weekly reminder.
     */
    plannedUntil: v.optional(v.picklist(PLANNED_UNTIL)),
  }),
  v.check(
    (r) => (r.status === 'active') === (r.endedAt === null),
    'an active intervention has no end, an ended one has one',
  ),
  // Plausible, field by field (times are normalised ISO strings here, so they compare as text).
  v.forward(
    v.check((r) => r.endedAt === null || r.endedAt >= r.startedAt, 'must not be before startedAt'),
    ['endedAt'],
  ),
  v.forward(
    v.check((r) => r.plannedEndAt >= r.startedAt, 'must not be before startedAt'),
    ['plannedEndAt'],
  ),
  v.forward(
    v.check(
      (r) => !r.lastActivityAt || r.lastActivityAt >= r.startedAt,
      'must not be before startedAt',
    ),
    ['lastActivityAt'],
  ),
  v.forward(
    v.check(
      (r) => r.activeMs <= handsOnCeiling(r),
      'must not exceed the time from startedAt to endedAt (or to now, while active)',
    ),
    ['activeMs'],
  ),
  v.forward(
    v.check(
      (r) => !r.closing || r.closing.answeredAt >= r.startedAt,
      'must not be before startedAt (the closing questions come at the end)',
    ),
    ['closing', 'answeredAt'],
  ),
  v.transform((r) => ({ ...r, lastActivityAt: r.lastActivityAt ?? r.endedAt ?? r.startedAt })),
);
export type Intervention = v.InferOutput<typeof InterventionSchema>;

/**
 * Hands-on time fits inside the span: start to end, or, while active, start to now. Never to the
 * last heartbeat: a heartbeat stamped decades ahead would make 73 years of hands-on time plausible.
 */
function handsOnCeiling(r: { startedAt: string; endedAt: string | null }): number {
  const end = r.endedAt === null ? Date.now() : Date.parse(r.endedAt);
  // Not below zero: a start in the future is refused for itself, naming startedAt.
  return Math.max(0, end - Date.parse(r.startedAt));
}

export const PromptRecordSchema = v.pipe(
  v.object({
    id: IdSchema,
    /** Absent: 'edit'. What the content script noticed: an edit or a take-over. */
    kind: v.optional(v.picklist(INTERVENTION_KINDS)),
    at: IsoTimeSchema,
    tool: ToolIdSchema,
    artifact: ArtifactSchema,
    reportId: IdSchema,
    answer: v.picklist(PROMPT_ANSWERS),
    answeredAt: v.nullish(IsoTimeSchema, null),
    /** For answers of `deliberate`: the intervention the answer started (or the open one it joined). */
    interventionId: v.nullish(IdSchema, null),
    /** Editing time on the item before this prompt showed (ms); it counts as hands-on time on Yes. */
    editMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.editMs))),
  }),
  v.forward(
    v.check(
      (p) => p.answeredAt === null || p.answeredAt >= p.at,
      'must not be before at (when the prompt was shown)',
    ),
    ['answeredAt'],
  ),
);
export type PromptRecord = v.InferOutput<typeof PromptRecordSchema>;

/** One entry of the pause log (utils/background/pause.ts keeps the last 100 in extension storage); in the backup since it was added, optional. */
export const PauseEventSchema = v.object({
  id: IdSchema,
  at: IsoTimeSchema,
  kind: v.picklist(['paused', 'resumed', 'ended']),
  /** For `paused`: the planned end (null: until resumed). */
  until: v.nullish(IsoTimeSchema),
});
export type PauseEventRecord = v.InferOutput<typeof PauseEventSchema>;

/**
 * Touches: small changes to a report's item that stopped before Pullback asked (a typo fixed),
 * counted per report per week; its id is `${week}:${reportId}`.
 */
export const TouchSchema = v.pipe(
  v.object({
    week: IsoWeekSchema,
    reportId: IdSchema,
    count: v.pipe(v.number(), v.integer(), v.minValue(1)),
    /** The latest touch counted. */
    at: IsoTimeSchema,
  }),
  v.transform((t) => ({ id: `${t.week}:${t.reportId}`, ...t })),
);
export type Touch = v.InferOutput<typeof TouchSchema>;

/** One report's alignment x confidence check-in for one week; its id is `${week}:${reportId}`. */
export const RatingSchema = v.pipe(
  v.object({
    week: IsoWeekSchema,
    reportId: IdSchema,
    alignment: v.picklist(SCORES, 'must be 1, 2, 3 or 4'),
    confidence: v.picklist(SCORES, 'must be 1, 2, 3 or 4'),
    at: IsoTimeSchema,
  }),
  v.transform((r) => ({ id: `${r.week}:${r.reportId}`, ...r })),
);
export type Rating = v.InferOutput<typeof RatingSchema>;

/** A new install's settings. */
export const DEFAULT_SETTINGS: Settings = {
  me: { name: '', aliases: [] },
  reports: [],
  ...SETTING_DEFAULTS,
  claims: [],
  disabledTools: [],
  customSites: [],
};

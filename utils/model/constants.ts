/**
 * The named values records are made of, which the UI and the validation both
 * use: tool ids, purposes, answers, kinds, limits and ranges. Plain values,
 * no validator, so the in-page prompt can import them without carrying
 * valibot into every content script (utils/model/records.ts re-exports all of it).
 */
import { CUSTOM_TOOL, SITE_TOOL_IDS, type SiteToolId } from '@/utils/model/tools';

/** Every tool id: the supported tools (utils/model/tools.ts, their order) and the lead's own sites. */
export type ToolId = SiteToolId | typeof CUSTOM_TOOL.id;
export const TOOL_IDS: readonly ToolId[] = /* @__PURE__ */ (() => [
  ...SITE_TOOL_IDS,
  CUSTOM_TOOL.id,
])();

/** Why the lead chose to dive in: the three reasons the framework accepts. */
export const PURPOSES = ['back-on-track', 'teach-framework', 'details-matter'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_LABELS: Record<Purpose, string> = {
  'back-on-track': 'Get it back on track',
  'teach-framework': 'Teach a framework',
  'details-matter': 'The details matter here',
};

export const PROMPT_ANSWERS = [
  'deliberate',
  'stepped-back',
  'dismissed',
  'unanswered',
  'not-takeover',
] as const;
/**
 * `unanswered`: the prompt was shown and left (tab closed, navigated away). `not-takeover`: asked
 * about a take-over, the lead said it was none (only unblocking a field): no intervention.
 */
export type PromptAnswer = (typeof PROMPT_ANSWERS)[number];

/**
 * What the lead did to a report's work: edited its details, or took it over
 * (reassigned it to themself, moved it across the board). Absent means 'edit':
 * records written before take-overs were noticed stay as they are.
 */
export const INTERVENTION_KINDS = ['edit', 'takeover'] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

/**
 * How the plan ends besides a length: the working day's end, a day's working-day end the lead
 * picked, or "until it is done" (a take-over: no planned end; `plannedEndAt` holds the next weekly
 * reminder, moved on a week each time it comes).
 */
export const PLANNED_UNTIL = ['end-of-day', 'day', 'done'] as const;
export type PlannedUntil = (typeof PLANNED_UNTIL)[number];
/** "Until it is done": asked again this often. */
export const UNTIL_DONE_REMINDER_DAYS = 7;
/**
 * A take-over past its planned end is kept on by its plan, never by minutes: to the next working
 * day's end the lead set, or until it is done (`extendIntervention`'s `until`).
 */
export const KEEP_UNTIL = ['next-workday-end', 'done'] as const;
export type KeepUntil = (typeof KEEP_UNTIL)[number];

export const INTERVENTION_STATUSES = ['active', 'ended', 'lapsed'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** Where a check-in puts a report: alignment x confidence (utils/reports/summary.ts quadrantOf). */
export const QUADRANTS = ['support', 'give-context', 'build-confidence', 'act-now'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
/** Each quadrant's name as the lead reads it. */
export const QUADRANT_TITLES: Record<Quadrant, string> = {
  support: 'Full support',
  'give-context': 'Give context',
  'build-confidence': 'Build confidence',
  'act-now': 'Act now',
};

/** A check-in's quadrant: alignment x confidence, each low (1-2) or high (3-4). */
export function quadrantOf(r: { alignment: number; confidence: number }): Quadrant {
  const aligned = r.alignment >= 3;
  const confident = r.confidence >= 3;
  if (aligned) return confident ? 'support' : 'build-confidence';
  return confident ? 'give-context' : 'act-now';
}

/** Alignment and confidence are scored 1-4 (1-2 low, 3-4 high). */
export const SCORES = [1, 2, 3, 4] as const;

export const LIMITS = {
  keyLength: 200,
  titleLength: 500,
  urlLength: 2048,
  identityLength: 320,
  identities: 20,
  claims: 1000,
  nameLength: 120,
  aliases: 50,
  reports: 500,
  idLength: 100,
  intentLength: 280,
  customSites: 100,
  selectorLength: 1000,
  /** Items added to one intervention. */
  joined: 100,
  /** Editing before a prompt counted as hands-on time: at most ten minutes. */
  editMs: 600_000,
  /** A year of heavy use is a few MB; anything far bigger is not a Pullback backup. */
  backupBytes: 50 * 1024 * 1024,
} as const;

/** Inclusive ranges of the numbers the lead sets; the options page and the prompt use these too. */
export const RANGES = {
  /** After any answer, minutes before the same artifact may prompt again (0: at once). */
  cooldownMinutes: { min: 0, max: 7 * 24 * 60 },
  /** Chrome's idle API cannot detect less than 15 seconds; a whole minute is the useful floor. */
  idleMinutes: { min: 1, max: 60 },
  lapseHours: { min: 1, max: 7 * 24 },
  /** A planned duration or an extension, in minutes: "Today" at most reaches midnight. */
  durationMinutes: { min: 1, max: 24 * 60 },
  /** Years a record's dates may fall in: anything else is a damaged or forged file (0000, 9999). */
  years: { min: 2000, max: 2100 },
  /** Content-changing keystrokes in one stretch on an item before Pullback asks (1: on the first). */
  askAfterKeys: { min: 1, max: 50 },
} as const;

/**
 * Keep the last N months of records (0: keep everything): exactly the options page's choices,
 * wherever a value comes from (the page, a backup, another browser), since a value no one could
 * choose here is a damaged or forged one.
 */
export const RETENTION_CHOICES = [0, 3, 6, 12, 24] as const;
export type RetentionMonths = (typeof RETENTION_CHOICES)[number];

/**
 * How far past now a time from elsewhere may lie (a backup's starts, a synced change): clocks
 * differ by minutes, not days; a change stamped in the far future would win every merge for ever.
 */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** '2026-W48': an ISO week of the years Pullback accepts (weeks 01 to 53). */
export const ISO_WEEK_PATTERN = /^(20\d{2}|2100)-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** The numbers a new install starts with (and an older backup's missing fields get). */
export const SETTING_DEFAULTS = {
  cooldownMinutes: 30,
  idleMinutes: 2,
  lapseHours: 8,
  weeklyDigest: { enabled: true, day: 5, time: '16:00' },
  /** Fewer keystrokes than this in one stretch (and no paste or drop) is a touch: no question. */
  askAfterKeys: 4,
  /** The working day's end, local "HH:MM": what "End of day" plans to. */
  workdayEnd: '18:00',
};

/** An intervention's planned length when the lead has not set their own default. */
export const DEFAULT_PLAN_MINUTES = 15;

/** The lead's default plan length (options, Timing): the prompt's first choice and a re-plan's length. */
export function planMinutes(settings: { defaultPlanMinutes?: number } | null | undefined): number {
  return settings?.defaultPlanMinutes ?? DEFAULT_PLAN_MINUTES;
}

/** The stores a single record can be deleted from. */
export const FORGET_STORES = ['interventions', 'prompts'] as const;
export type ForgetStore = (typeof FORGET_STORES)[number];

/** The record lists of a backup, in the file's order. */
export const BACKUP_STORES = ['interventions', 'prompts', 'ratings', 'touches'] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];

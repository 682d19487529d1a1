/**
 * The records Pullback keeps. These shapes are the backup file's shapes too
 * (see utils/backup.ts), so a record travels from IndexedDB to the export
 * and back without translation. Times are ISO-8601 strings in UTC.
 */

import { CUSTOM_TOOL, SITE_TOOL_IDS, type SiteToolId } from './sites/tools';

/** Every tool id: the supported tools (utils/sites/tools.ts, their order) and the lead's own sites. */
export type ToolId = SiteToolId | typeof CUSTOM_TOOL.id;
export const TOOL_IDS: readonly ToolId[] = [...SITE_TOOL_IDS, CUSTOM_TOOL.id];

/** Why the lead chose to dive in: the three reasons the framework accepts. */
export const PURPOSES = ['back-on-track', 'teach-framework', 'details-matter'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_LABELS: Record<Purpose, string> = {
  'back-on-track': 'Get it back on track',
  'teach-framework': 'Teach a framework',
  'details-matter': 'The details matter here',
};

export const PROMPT_ANSWERS = ['deliberate', 'stepped-back', 'dismissed', 'unanswered'] as const;
/** `unanswered`: the prompt was shown and left (tab closed, navigated away). */
export type PromptAnswer = (typeof PROMPT_ANSWERS)[number];

/**
 * What the lead did to a report's work: edited its details, or took it over
 * (reassigned it to themself, moved it across the board). Absent means 'edit':
 * records written before take-overs were noticed stay as they are.
 */
export const INTERVENTION_KINDS = ['edit', 'takeover'] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

export const INTERVENTION_STATUSES = ['active', 'ended', 'lapsed'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export interface Artifact {
  /** Stable per tool: `PAY-142`, `owner/repo#12`, a file key. */
  key: string;
  title: string;
  url: string;
}

export interface Person {
  name: string;
  /** Emails, account ids, handles: anything a tool may show instead of the name. */
  aliases: string[];
}

export interface Report extends Person {
  id: string;
}

export interface Settings {
  me: Person;
  reports: Report[];
  /** After any answer, the same artifact does not prompt again for this long. */
  cooldownMinutes: number;
  /** No input for this long and the machine counts as idle: no hands-on time. */
  idleMinutes: number;
  /** An active intervention with no heartbeat for this long is closed as lapsed. */
  lapseHours: number;
  /** The weekly "look in the mirror" notification that opens the summary. */
  weeklyDigest: WeeklyDigest;
  /** "This file/page/project is Alice's work", for tools that show no owner (Figma, Notion, Docs). */
  claims: Claim[];
  /** Tools the lead switched off: their edits never prompt. */
  disabledTools: ToolId[];
  /** Sites the lead added, beyond the supported tools (owners come from claims). */
  customSites: CustomSite[];
  /** Reports taken off the roster with their history kept: their records still show their name. */
  formerReports?: Array<{ id: string; name: string }>;
  /** Keep the last N months of records; older finished ones are deleted by the sweep. Absent or 0: keep all. */
  retentionMonths?: number;
  /** System notifications say "an intervention" instead of the item's title (shared screens). */
  hideNotificationTitles?: boolean;
}

/** A site the lead added on the options page, with the regions whose editing counts. */
export interface CustomSite {
  /** "https://wiki.acme.test": the origin the permission was granted for. */
  origin: string;
  label: string;
  /** CSS selectors of the editable regions that count ("main [contenteditable], textarea.body"). */
  editableSelector: string;
  /** CSS selectors of conversation (comments) inside them, which never prompts; may be empty. */
  conversationSelector: string;
}

/** An artifact, or everything under a URL prefix, belongs to a report. */
export interface Claim {
  id: string;
  reportId: string;
  /** An artifact's canonical URL, or a shorter prefix (a Figma project, a repo, a Notion section). */
  urlPrefix: string;
  /** What the lead saw when claiming ("Checkout flow — Figma"). */
  label: string;
  createdAt: string;
}

export interface WeeklyDigest {
  enabled: boolean;
  /** 0 Sunday … 6 Saturday, as Date#getDay. */
  day: number;
  /** Local time, "HH:MM". */
  time: string;
}

/** The two closing questions, both optional. */
export interface Closing {
  /** Did I say the framework I used out loud? */
  saidFramework: boolean | null;
  /** Who owns the detail now. */
  ownerNow: 'report' | 'me' | null;
  answeredAt: string;
}

export interface Intervention {
  id: string;
  /** Absent: 'edit'. Copied from the prompt the lead answered. */
  kind?: InterventionKind;
  /** The lead's few words on "Yes": what the report should learn, or the framework used. */
  intent?: string;
  tool: ToolId;
  artifact: Artifact;
  reportId: string;
  purpose: Purpose;
  startedAt: string;
  plannedEndAt: string;
  endedAt: string | null;
  status: InterventionStatus;
  /** Hands-on time: heartbeats merged within a pulse window. */
  activeMs: number;
  /** Last heartbeat; the base for hands-on time and for the lapse rule. */
  lastActivityAt: string;
  /** Set when the machine went idle: the next heartbeat starts a new stretch. */
  stretchBroken: boolean;
  /** When the pull-back reminder was last shown (null: not yet for this planned end). */
  remindedAt: string | null;
  closing: Closing | null;
}

export interface PromptRecord {
  id: string;
  /** Absent: 'edit'. What the content script noticed: an edit or a take-over. */
  kind?: InterventionKind;
  at: string;
  tool: ToolId;
  artifact: Artifact;
  reportId: string;
  answer: PromptAnswer;
  answeredAt: string | null;
  /** For answers of `deliberate`: the intervention the answer started. */
  interventionId: string | null;
}

/** The key that makes one artifact one thing across tabs and URLs. */
export function artifactRef(tool: ToolId, key: string): string {
  return `${tool}:${key}`;
}

export const DEFAULT_SETTINGS: Settings = {
  me: { name: '', aliases: [] },
  reports: [],
  cooldownMinutes: 30,
  idleMinutes: 2,
  lapseHours: 8,
  weeklyDigest: { enabled: true, day: 5, time: '16:00' },
  claims: [],
  disabledTools: [],
  customSites: [],
};

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
  /** A backup file: a year of heavy use is a few MB; anything far bigger is not ours (checked before reading it). */
  backupBytes: 50 * 1024 * 1024,
  intentLength: 280,
} as const;

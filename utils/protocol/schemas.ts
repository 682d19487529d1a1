/**
 * Schemas for every message payload that crosses into the background, from a
 * context we do not fully trust (content scripts run inside host pages) or
 * from an extension page. Bounded lengths, known enums, real URLs; anything
 * else is refused before a write. The payload types in utils/protocol/messages.ts are
 * inferred from these (as types only, so the content script carries no
 * validator).
 */
import * as v from 'valibot';
import {
  ArtifactSchema,
  IdSchema,
  inRange,
  INTERVENTION_KINDS,
  InterventionSchema,
  IsoTimeSchema,
  IsoWeekSchema,
  LIMITS,
  nonEmptyText,
  PLANNED_UNTIL,
  PURPOSES,
  RetentionSchema,
  RANGES,
  SCORES,
  TOOL_IDS,
  ToolIdSchema,
} from '@/utils/model/records';

export { ArtifactSchema, IdSchema };
import { BACKUP_STORES, FORGET_STORES, KEEP_UNTIL, QUADRANTS } from '@/utils/model/constants';

const text = (max: number) =>
  v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));

const IdentitySchema = v.pipe(v.array(text(LIMITS.identityLength)), v.maxLength(LIMITS.identities));

/** Content script -> background: "the lead is editing this artifact". */
export const EditSignalSchema = v.object({
  /** Absent: 'edit'. A take-over detection (reassign, status move) sends 'takeover'. */
  kind: v.optional(v.picklist(INTERVENTION_KINDS)),
  tool: ToolIdSchema,
  artifact: ArtifactSchema,
  /** Who the tool says owns the artifact. */
  owner: IdentitySchema,
  /** Who the tool says is looking at it (Jira's /myself). */
  viewer: IdentitySchema,
  /** The page has an owner the adapter could not read (`owner` is then empty): only the lead's claim can say whose it is. */
  ownerUnread: v.optional(v.literal(true)),
  /**
   * The editing on the item so far without a break (utils/page/detector.ts): content-changing keystrokes,
   * whether something was pasted or dropped, and for how long (ms). Absent: a take-over, which asks at once.
   */
  stretch: v.optional(
    v.object({
      keys: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
      pasted: v.boolean(),
      ms: v.pipe(
        v.number(),
        v.minValue(0),
        v.transform((ms) => Math.min(Math.round(ms), LIMITS.editMs)),
      ),
    }),
  ),
});
export type EditSignal = v.InferOutput<typeof EditSignalSchema>;

export const PROMPT_CHOICES = ['deliberate', 'stepped-back', 'dismissed', 'not-takeover'] as const;
export type PromptChoice = (typeof PROMPT_CHOICES)[number];

/** The lead's few words on "Yes" (what the report should learn, or the framework); blank is none. */
const IntentSchema = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(LIMITS.intentLength, `must be at most ${LIMITS.intentLength} characters`),
  ),
);

/** Content script -> background: the lead answered a prompt. */
export const PromptAnswerSchema = v.object({
  promptId: IdSchema,
  answer: v.picklist(PROMPT_CHOICES),
  purpose: v.optional(v.picklist(PURPOSES)),
  /** Minutes from now. */
  plannedMinutes: v.optional(inRange(RANGES.durationMinutes)),
  /**
   * Wins over plannedMinutes: the working day's end the lead set (the background reads the clock
   * time), `untilDay`'s working-day end, or until it is done (a take-over).
   */
  until: v.optional(v.picklist(PLANNED_UNTIL)),
  /** For `until: 'day'`: the local day, "YYYY-MM-DD". */
  untilDay: v.optional(v.pipe(v.string(), v.isoDate('must be a day like 2026-12-11'))),
  /** "Add to ...": the report's open intervention this item joins instead of starting one. */
  join: v.optional(IdSchema),
  intent: IntentSchema,
});
export type PromptAnswerInput = v.InferOutput<typeof PromptAnswerSchema>;

/** The prompt's step after Yes: why the lead stepped in and their few words, both optional. */
export const AnnotateSchema = v.object({
  id: IdSchema,
  purpose: v.optional(v.picklist(PURPOSES)),
  intent: IntentSchema,
});
export type AnnotateInput = v.InferOutput<typeof AnnotateSchema>;

/** Content script -> background: the lead interacts with an artifact's page. */
export const HeartbeatSchema = v.object({
  tool: ToolIdSchema,
  key: nonEmptyText(LIMITS.keyLength),
});
export type Heartbeat = v.InferOutput<typeof HeartbeatSchema>;

/**
 * Keep an intervention on: by minutes (an edit's "15 more minutes", the popup's re-plan), or, for
 * a take-over, `until` the next working day's end or until it is done (the background reads the
 * clock and the lead's working day). Exactly one of the two.
 */
export const ExtendSchema = v.union(
  [
    v.strictObject({ id: IdSchema, minutes: inRange(RANGES.durationMinutes) }),
    v.strictObject({ id: IdSchema, until: v.picklist(KEEP_UNTIL) }),
  ],
  'needs either minutes (a whole number) or until ("next-workday-end" or "done"), not both',
);
export type ExtendInput = v.InferOutput<typeof ExtendSchema>;

/** Any message that names one record by id (end an intervention, remove a claim). */
export const EndSchema = v.object({ id: IdSchema });
export type IdInput = v.InferOutput<typeof EndSchema>;

/** The closing questions' answers for one intervention (stored as its `closing`, with the time). */
export const ClosingAnswerSchema = v.object({
  id: IdSchema,
  saidFramework: v.nullable(v.boolean()),
  ownerNow: v.nullable(v.picklist(['report', 'me'])),
});
export type ClosingInput = v.InferOutput<typeof ClosingAnswerSchema>;

/** Parse untrusted input; throws an Error whose message says which field is wrong. */
export function parseOrThrow<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  what: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  throw new Error(`Invalid ${what}: ${path ? `${path} ` : ''}${issue?.message ?? 'unreadable'}`);
}

/** ISO bounds for records, and week ids for ratings, of the weeks a summary shows. */
export const SummaryRangeSchema = v.object({
  fromIso: v.pipe(v.string(), v.isoTimestamp()),
  toIso: v.pipe(v.string(), v.isoTimestamp()),
  fromWeek: IsoWeekSchema,
  toWeek: IsoWeekSchema,
});
export type SummaryRange = v.InferOutput<typeof SummaryRangeSchema>;

/** One chunk of the backup: a store's records after a key (null: from its first). */
export const ExportChunkSchema = v.object({
  store: v.picklist(BACKUP_STORES),
  after: v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.idLength))),
});
export type ExportChunkInput = v.InferOutput<typeof ExportChunkSchema>;

export const RatingInputSchema = v.object({
  week: IsoWeekSchema,
  reportId: IdSchema,
  alignment: v.picklist(SCORES),
  confidence: v.picklist(SCORES),
});
export type RatingInput = v.InferOutput<typeof RatingInputSchema>;

export const ClaimInputSchema = v.object({
  reportId: IdSchema,
  urlPrefix: v.pipe(
    text(LIMITS.urlLength),
    v.url('must be a URL'),
    v.regex(/^https:\/\//, 'must start with https://'),
  ),
  label: text(LIMITS.titleLength),
});
export type ClaimInput = v.InferOutput<typeof ClaimInputSchema>;

export const DiagnosticSchema = v.object({
  tool: ToolIdSchema,
  problem: nonEmptyText(200),
  where: text(LIMITS.urlLength),
});
export type DiagnosticInput = v.InferOutput<typeof DiagnosticSchema>;

// Forgetting (page-only messages, validated all the same).
export const DeleteRecordSchema = v.object({ store: v.picklist(FORGET_STORES), id: IdSchema });
export type DeleteRecordInput = v.InferOutput<typeof DeleteRecordSchema>;
export const ReportIdSchema = v.object({ reportId: IdSchema });
export type ReportIdInput = v.InferOutput<typeof ReportIdSchema>;
/** A synced item's key, for the options page's "Put mine back" and "Keep theirs" (utils/settings/sync.ts). */
export const SyncKeySchema = v.object({
  key: v.pipe(
    v.string(),
    v.startsWith('pb1.', 'must be a Pullback sync entry'),
    v.maxLength(LIMITS.urlLength + 20),
  ),
});
export type SyncKeyInput = v.InferOutput<typeof SyncKeySchema>;
export const RetentionInputSchema = v.object({ months: RetentionSchema });
const beforeIso = v.pipe(v.string(), v.isoTimestamp('must be a date and time in ISO 8601'));
export const DeleteBeforeSchema = v.object({ beforeIso });
export type DeleteBeforeInput = v.InferOutput<typeof DeleteBeforeSchema>;
export const ForgetScopeSchema = v.variant('kind', [
  v.object({ kind: v.literal('record'), store: v.picklist(FORGET_STORES), id: IdSchema }),
  v.object({ kind: v.literal('report'), reportId: IdSchema }),
  v.object({ kind: v.literal('before'), beforeIso }),
  v.object({ kind: v.literal('everything') }),
]);
export type ForgetScopeInput = v.InferOutput<typeof ForgetScopeSchema>;

const identities = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(LIMITS.identityLength))),
  v.maxLength(LIMITS.identities),
);
const selectorList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(1000))), v.maxLength(200));

/** A content script's reading of its page (it comes from a host page's context: bounded like an edit). */
export const PageReadingSchema = v.object({
  tool: v.picklist(TOOL_IDS),
  toolLabel: v.pipe(v.string(), v.maxLength(60)),
  artifact: v.nullable(ArtifactSchema),
  owner: v.nullable(identities),
  viewer: identities,
  urlShape: v.pipe(v.string(), v.maxLength(LIMITS.urlLength)),
  selectors: v.object({ matched: selectorList, missed: selectorList }),
});
export type PageReading = v.InferOutput<typeof PageReadingSchema>;

// Extension pages' requests with plain inputs: parsed like the rest, so every inbound shape is here.
/** The popup's log: how many rows (clamped to 1-500 by the background; absent: 50). */
export const ListLogSchema = v.optional(
  v.object({ limit: v.optional(v.pipe(v.number(), v.finite())) }),
  {},
);
export type ListLogInput = v.InferOutput<typeof ListLogSchema>;
/** A backup file's text, read by the page (its size is checked where it is parsed). */
export const ImportSchema = v.object({ text: v.string('must be the file’s text') });
export type ImportInput = v.InferOutput<typeof ImportSchema>;
export const TabIdSchema = v.object({
  tabId: v.pipe(v.number(), v.integer('is a whole number'), v.minValue(0)),
});
export type TabIdInput = v.InferOutput<typeof TabIdSchema>;
/** A pause's end (checked against the clock where it starts), or null: until resumed. */
export const PauseSchema = v.object({ until: v.nullable(v.string()) });
export type PauseInput = v.InferOutput<typeof PauseSchema>;
/** A content script asking for its tool's lookups, by its script's name. */
export const LoadLookupSchema = v.object({ contentScript: v.pipe(v.string(), v.maxLength(60)) });
export type LoadLookupInput = v.InferOutput<typeof LoadLookupSchema>;

const ReportRefSchema = v.object({ id: IdSchema, name: nonEmptyText(LIMITS.nameLength) });
const ToolLabelSchema = text(LIMITS.nameLength);

/** What the background told the page beside the item (utils/protocol/messages.ts PromptContext). */
const PromptContextSchema = v.object({
  joinable: v.optional(
    v.object({
      interventionId: IdSchema,
      tool: ToolIdSchema,
      artifact: ArtifactSchema,
      startedAt: IsoTimeSchema,
    }),
  ),
  checkIn: v.optional(
    v.object({
      quadrant: v.picklist(QUADRANTS),
      label: text(LIMITS.nameLength),
      week: IsoWeekSchema,
      at: IsoTimeSchema,
      purpose: v.picklist(PURPOSES),
    }),
  ),
  workdayEndsAt: IsoTimeSchema,
  plannedMinutes: v.optional(inRange(RANGES.durationMinutes)),
});

/**
 * Content script -> background: the prompt it wants its frame to show (components/prompt/PromptHost.ts).
 * Shown only in Pullback's own frame or popup, as text; bounded like everything else.
 */
export const PromptRequestSchema = v.variant('kind', [
  v.object({
    kind: v.literal('ask'),
    promptId: IdSchema,
    report: ReportRefSchema,
    artifact: ArtifactSchema,
    toolLabel: ToolLabelSchema,
    takeover: v.optional(v.boolean()),
    context: v.optional(PromptContextSchema),
  }),
  v.object({
    kind: v.literal('overdue'),
    intervention: InterventionSchema,
    report: ReportRefSchema,
    artifact: ArtifactSchema,
    toolLabel: ToolLabelSchema,
    keepUntil: v.optional(IsoTimeSchema),
  }),
]);
export const StagePromptSchema = v.object({ request: PromptRequestSchema });
/** The prompt's frame -> (background) -> its content script: which frame, and what happened. */
export const RelayFrameEventSchema = v.object({
  frameId: v.pipe(v.number(), v.integer('is a whole number'), v.minValue(0)),
  event: v.variant('event', [
    v.object({
      seq: v.number(),
      event: v.picklist(['shown', 'resized']),
      height: v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)),
    }),
    v.object({ seq: v.number(), event: v.picklist(['answered', 'started', 'closed']) }),
  ]),
});

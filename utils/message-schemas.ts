/**
 * Schemas for everything that crosses into the background from a context we
 * do not fully trust (content scripts run inside host pages). Bounded
 * lengths, known enums, real URLs; anything else is refused before a write.
 */
import * as v from 'valibot';
import { INTERVENTION_KINDS, LIMITS, PURPOSES, TOOL_IDS } from './model';
import { FORGET_STORES } from './forget';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const ArtifactSchema = v.object({
  key: nonEmpty(LIMITS.keyLength),
  title: text(LIMITS.titleLength),
  url: v.pipe(text(LIMITS.urlLength), v.url('must be a URL')),
});

const IdentitySchema = v.pipe(v.array(text(LIMITS.identityLength)), v.maxLength(LIMITS.identities));

/** Content script -> background: "the lead is editing this artifact". */
export const EditSignalSchema = v.object({
  /** Absent: 'edit'. A take-over detection (reassign, status move) sends 'takeover'. */
  kind: v.optional(v.picklist(INTERVENTION_KINDS)),
  tool: v.picklist(TOOL_IDS),
  artifact: ArtifactSchema,
  /** Who the tool says owns the artifact. */
  owner: IdentitySchema,
  /** Who the tool says is looking at it (Jira's /myself). */
  viewer: IdentitySchema,
});
export type EditSignal = v.InferOutput<typeof EditSignalSchema>;

export const PROMPT_CHOICES = ['deliberate', 'stepped-back', 'dismissed'] as const;

/** Content script -> background: the lead answered a prompt. */
export const PromptAnswerSchema = v.object({
  promptId: nonEmpty(LIMITS.idLength),
  answer: v.picklist(PROMPT_CHOICES),
  purpose: v.optional(v.picklist(PURPOSES)),
  /** Minutes from now; "today" is computed by the prompt in the lead's time zone. */
  plannedMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7 * 24 * 60))),
  /** The lead's few words on "Yes" (what the report should learn, or the framework); blank is none. */
  intent: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.intentLength, `must be at most ${LIMITS.intentLength} characters`))),
});
export type PromptAnswerInput = v.InferOutput<typeof PromptAnswerSchema>;

/** Content script -> background: the lead interacts with an artifact's page. */
export const HeartbeatSchema = v.object({
  tool: v.picklist(TOOL_IDS),
  key: nonEmpty(LIMITS.keyLength),
});
export type Heartbeat = v.InferOutput<typeof HeartbeatSchema>;

export const ExtendSchema = v.object({
  id: nonEmpty(LIMITS.idLength),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60)),
});

export const EndSchema = v.object({ id: nonEmpty(LIMITS.idLength) });

export const ClosingSchema = v.object({
  id: nonEmpty(LIMITS.idLength),
  saidFramework: v.nullable(v.boolean()),
  ownerNow: v.nullable(v.picklist(['report', 'me'])),
});
export type ClosingInput = v.InferOutput<typeof ClosingSchema>;

export const IdSchema = nonEmpty(LIMITS.idLength);

/** Parse untrusted input; throws an Error whose message says which field is wrong. */
export function parseOrThrow<S extends v.GenericSchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  throw new Error(`Invalid ${what}: ${path ? `${path} ` : ''}${issue?.message ?? 'unreadable'}`);
}


export const SummaryRangeSchema = v.object({
  fromIso: v.pipe(v.string(), v.isoTimestamp()),
  toIso: v.pipe(v.string(), v.isoTimestamp()),
  fromWeek: v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/)),
  toWeek: v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/)),
});

export const RatingInputSchema = v.object({
  week: v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/, 'must be an ISO week like 2026-W48')),
  reportId: nonEmpty(LIMITS.idLength),
  alignment: v.picklist([1, 2, 3, 4] as const),
  confidence: v.picklist([1, 2, 3, 4] as const),
});

export const ClaimInputSchema = v.object({
  reportId: nonEmpty(LIMITS.idLength),
  urlPrefix: v.pipe(text(LIMITS.urlLength), v.url('must be a URL'), v.regex(/^https:\/\//, 'must start with https://')),
  label: text(LIMITS.titleLength),
});

export const DiagnosticSchema = v.object({
  tool: v.picklist(TOOL_IDS),
  problem: nonEmpty(200),
  where: text(LIMITS.urlLength),
});

// Forgetting (page-only messages, validated all the same).
export const DeleteRecordSchema = v.object({ store: v.picklist(FORGET_STORES), id: IdSchema });
export const ReportIdSchema = v.object({ reportId: IdSchema });
const beforeIso = v.pipe(v.string(), v.isoTimestamp('must be a date and time in ISO 8601'));
export const DeleteBeforeSchema = v.object({ beforeIso });
export const ForgetScopeSchema = v.variant('kind', [
  v.object({ kind: v.literal('record'), store: v.picklist(FORGET_STORES), id: IdSchema }),
  v.object({ kind: v.literal('report'), reportId: IdSchema }),
  v.object({ kind: v.literal('before'), beforeIso }),
  v.object({ kind: v.literal('everything') }),
]);

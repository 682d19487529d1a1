/**
 * The one message protocol between the background (the only writer of the
 * database) and everything else. The background parses every message from a
 * content script with utils/message-schemas.ts before it writes anything;
 * this file stays free of the validator so the content script stays small.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ClosingInput, EditSignal, Heartbeat, PROMPT_CHOICES, PromptAnswerInput } from './message-schemas';
import type { Artifact, Claim, Intervention, InterventionKind, PromptRecord, Settings, ToolId } from './model';
import type { Rating } from './summary';

export type ReportRef = { id: string; name: string };

export type EditDecision =
  /** `kind` (absent: 'edit') lets the page word the question for a take-over. */
  | { action: 'prompt'; promptId: string; report: ReportRef; tool: ToolId; artifact: Artifact; kind?: InterventionKind }
  /** An active intervention on this artifact took the edit as a heartbeat. */
  | { action: 'feeding'; interventionId: string; report: ReportRef }
  /** As feeding, but past its planned end: the page offers to pull back now. */
  | { action: 'overdue'; intervention: Intervention; report: ReportRef }
  | { action: 'none'; reason: 'mine' | 'not-a-report' | 'cooldown' | 'no-roster' | 'not-active' | 'tool-off' };

export type AnswerResult = { prompt: PromptRecord; intervention: Intervention | null };

/** A row in the popup: the record plus the report's name as the roster has it. */
export type InterventionView = Intervention & { reportName: string };
export type PromptView = PromptRecord & { reportName: string };

/** ISO bounds for records, and week ids for ratings, of the weeks a summary shows. */
export type SummaryRange = { fromIso: string; toIso: string; fromWeek: string; toWeek: string };
export type SummaryData = { interventions: Intervention[]; prompts: PromptRecord[]; ratings: Rating[] };

export type ImportResult =
  | { ok: true; reports: number; interventionsAdded: number; promptsAdded: number; duplicatesSkipped: number }
  | { ok: false; error: string };

export interface ProtocolMap {
  // From content scripts (validated, bounded):
  edit(data: EditSignal): EditDecision;
  answerPrompt(data: PromptAnswerInput): AnswerResult;
  heartbeat(data: Heartbeat): EditDecision;
  /** The in-page "time to pull back?" and the popup end and extend through these too. */
  endIntervention(data: { id: string }): Intervention;
  extendIntervention(data: { id: string; minutes: number }): Intervention;
  recordClosing(data: ClosingInput): Intervention;
  // From extension pages only (checked by sender):
  listActive(): InterventionView[];
  listLog(data: { limit: number }): { interventions: InterventionView[]; prompts: PromptView[] };
  listAwaitingClosing(): InterventionView[];
  exportBackup(): string;
  importBackup(data: { text: string }): ImportResult;
  saveSettings(data: Settings): Settings;
  summaryData(data: SummaryRange): SummaryData;
  addClaim(data: Pick<Claim, 'reportId' | 'urlPrefix' | 'label'>): Claim;
  removeClaim(data: { id: string }): void;
  saveRating(data: Omit<Rating, 'id' | 'at'>): Rating;
  /** Content script: inject the in-page prompt into my frame (it loads only when a prompt may show). */
  loadPrompt(): void;
  /** An adapter could not find something it needs on a page (shown on the options page). */
  reportDiagnostic(data: { tool: ToolId; problem: string; where: string }): void;
  // Background or popup -> content script:
  focusPrompt(): boolean;
  /** What the page in this tab is, for "This belongs to…" in the popup. */
  currentArtifact(): { tool: ToolId; toolLabel: string; artifact: Artifact } | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: undefined });


export type PromptChoice = (typeof PROMPT_CHOICES)[number];
export type { ClosingInput, EditSignal, Heartbeat, PromptAnswerInput };

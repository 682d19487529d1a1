/**
 * The one message protocol between the background (the only writer of the
 * database) and everything else. The background parses every message from a
 * content script with utils/protocol/schemas.ts before it writes anything;
 * this file stays free of the validator so the content script stays small.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  AnnotateInput,
  ClaimInput,
  ClosingInput,
  DeleteBeforeInput,
  DeleteRecordInput,
  DiagnosticInput,
  EditSignal,
  ExportChunkInput,
  ExtendInput,
  Heartbeat,
  IdInput,
  ForgetScopeInput,
  PageReading,
  ImportInput,
  ListLogInput,
  LoadLookupInput,
  PauseInput,
  PromptAnswerInput,
  TabIdInput,
  PromptChoice,
  RatingInput,
  ReportIdInput,
  SummaryRange,
  SyncKeyInput,
} from '@/utils/protocol/schemas';
import type {
  Artifact,
  Claim,
  CustomSite,
  Intervention,
  InterventionKind,
  PromptRecord,
  Purpose,
  Quadrant,
  Rating,
  Settings,
  ToolId,
  Touch,
} from '@/utils/model/records';
import type { ForgetStore, RetentionMonths } from '@/utils/model/constants';

export type ReportRef = { id: string; name: string };

/**
 * What the prompt knows besides the item (its payload, for the card to show): the report's open
 * intervention this edit can join, where the lead last put the report, and the working day's end.
 */
export interface PromptContext {
  /** The report's open intervention on other work: the card offers "Add to <its key>". */
  joinable?: { interventionId: string; tool: ToolId; artifact: Artifact; startedAt: string };
  /** The report's latest check-in: its quadrant's name ("Full support"), when, and the purpose that fits it. */
  checkIn?: { quadrant: Quadrant; label: string; week: string; at: string; purpose: Purpose };
  /** "End of day": the working day's end the lead set, today's or (once passed) tomorrow's, ISO. */
  workdayEndsAt: string;
  /** The lead's default plan length (minutes): the prompt's first choice. */
  plannedMinutes?: number;
}

export type EditDecision =
  /** `kind` (absent: 'edit') lets the page word the question for a take-over. */
  | ({
      action: 'prompt';
      promptId: string;
      report: ReportRef;
      tool: ToolId;
      artifact: Artifact;
      kind?: InterventionKind;
    } & PromptContext)
  /**
   * A report's item, but only a touch so far: the page asks again once the stretch reaches
   * `threshold` keystrokes (or a paste), and says "touch" if it stops before.
   */
  | { action: 'touch'; threshold: number; report: ReportRef }
  /** An active intervention on this artifact took the edit as a heartbeat. */
  | { action: 'feeding'; interventionId: string; report: ReportRef }
  /**
   * As feeding, but past its planned end: the page offers to pull back now. `keepUntil` (a
   * take-over's): the next working day's end, ISO, which "Keep it until …" would plan.
   */
  | { action: 'overdue'; intervention: Intervention; report: ReportRef; keepUntil?: string }
  | {
      action: 'none';
      reason:
        'mine' | 'not-a-report' | 'cooldown' | 'no-roster' | 'not-active' | 'tool-off' | 'paused';
    };

export type AnswerResult = { prompt: PromptRecord; intervention: Intervention | null };

/** What the prompt shows: the question on an edit or a take-over, or "time to pull back?". */
export type PromptRequest =
  /** Editing a report's artifact: is this deliberate? */
  /** `takeover`: the lead assigned the report's item to themself; same dialog, its own question. */
  | {
      kind: 'ask';
      promptId: string;
      report: ReportRef;
      artifact: Artifact;
      toolLabel: string;
      takeover?: boolean;
      /** What Pullback knows besides the item: an open intervention to join, the check-in, the day's end. */
      context?: PromptContext;
    }
  /** Back on an artifact whose intervention is past its planned end. */
  | {
      kind: 'overdue';
      intervention: Intervention;
      report: ReportRef;
      artifact: Artifact;
      toolLabel: string;
      /** A take-over's "Keep it until …": the next working day's end, ISO. */
      keepUntil?: string;
    };

/**
 * A prompt the content script handed to the background for its frame (components/prompt/PromptHost.ts):
 * `seq` tells one showing from the next; `tabId` and `frameId` say where the content script that
 * staged it lives, so the frame can tell it what became of it.
 */
export type StagedPrompt = { seq: number; request: PromptRequest; tabId: number; frameId: number };

/** From the prompt's frame to the content script that staged it (`seq`: which showing). */
export type PromptFrameEvent = { seq: number } & (
  | /** Drawn, `height` CSS pixels tall: show the frame. */ { event: 'shown'; height: number }
  | { event: 'resized'; height: number }
  /** An answer was given: the keyboard goes back to the page's editor if it was in the prompt. */
  | { event: 'answered' }
  /** The lead said Yes: hands-on time on this artifact counts from now on. */
  | { event: 'started' }
  /** Nothing more to show: hide the frame. */
  | { event: 'closed' }
);

/** A row in the popup: the record plus the report's name as the roster has it. */
export type InterventionView = Intervention & { reportName: string };
export type PromptView = PromptRecord & { reportName: string };

export type SummaryData = {
  interventions: Intervention[];
  prompts: PromptRecord[];
  ratings: Rating[];
  /** Touches per report per week of the range (small changes that never asked). */
  touches: Touch[];
};

export type ImportResult =
  | {
      ok: true;
      reports: number;
      interventionsAdded: number;
      promptsAdded: number;
      duplicatesSkipped: number;
    }
  | { ok: false; error: string };

/** What the background answers: utils/background/routes.ts has one route for each. */
export interface BackgroundMessages {
  // From content scripts (validated, bounded):
  edit(data: EditSignal): EditDecision;
  answerPrompt(data: PromptAnswerInput): AnswerResult;
  heartbeat(data: Heartbeat): EditDecision;
  /** A stretch of editing on a report's item stopped before it asked: counted as a touch. */
  touch(data: EditSignal): void;
  /** The in-page "time to pull back?" and the popup end and extend through these too. */
  endIntervention(data: IdInput): Intervention;
  extendIntervention(data: ExtendInput): Intervention;
  recordClosing(data: ClosingInput): Intervention;
  /** The step after Yes: why the lead stepped in and their few words, on the started intervention. */
  annotateIntervention(data: AnnotateInput): Intervention;
  // From extension pages only (checked by sender):
  listActive(): InterventionView[];
  listLog(data?: ListLogInput): { interventions: InterventionView[]; prompts: PromptView[] };
  listAwaitingClosing(): InterventionView[];
  exportBackup(): string;
  /** The backup in parts (utils/background/backup-writer.ts): its opening, then records a chunk at a time. */
  exportOpening(): string;
  /** The lead's own last line for notes to reports ('' for none): the hand-back note ends with it. */
  noteClosingLine(): string;
  exportChunk(data: ExportChunkInput): BackupChunk;
  importBackup(data: ImportInput): ImportResult;
  saveSettings(data: Settings): Settings;
  summaryData(data: SummaryRange): SummaryData;
  addClaim(data: ClaimInput): Claim;
  removeClaim(data: IdInput): void;
  saveRating(data: RatingInput): Rating;
  // Forgetting (utils/background/forget.ts): each returns what it deleted; forgetPreview what it would delete.
  deleteRecord(data: DeleteRecordInput): ForgetCounts;
  /** Their roster entry, interventions, prompts, check-ins and claims. */
  forgetReport(data: ReportIdInput): ForgetCounts;
  /** Finished interventions started, prompts shown and check-ins made before the date. */
  deleteBefore(data: DeleteBeforeInput): ForgetCounts;
  /** Every record, the roster (me included) and claims; preferences stay. */
  deleteEverything(data?: Record<string, never>): ForgetCounts;
  forgetPreview(data: ForgetScope): ForgetCounts;
  /** Off the roster, history kept under their name (formerReports). */
  retireReport(data: ReportIdInput): Settings;
  /** Content script: inject the prompt's host into my frame (it loads only when a prompt may show). */
  loadPrompt(): void;
  /** Content script: this prompt is for my tab; the prompt's frame there will ask for it. */
  stagePrompt(data: { request: PromptRequest }): { seq: number };
  /** Content script: nothing to show any more (navigation); the frame empties itself when nudged. */
  unstagePrompt(): void;
  /** The prompt's frame (an extension page inside a tool's tab): what to show, or null. */
  claimPrompt(): StagedPrompt | null;
  /**
   * The prompt's frame: tell the content script of my tab (in frame `frameId`, the one that
   * staged the prompt) what became of it; the background passes it on as promptFrameEvent.
   */
  relayPromptFrameEvent(data: { frameId: number; event: PromptFrameEvent }): void;
  /** Content script: the page blocks Pullback's frame (its CSP): ask in the toolbar instead. */
  promptToToolbar(data: { request: PromptRequest }): void;
  /** The popup: the question waiting in the toolbar for this tab, if any. */
  waitingPrompt(data: { tabId: number }): PromptRequest | null;
  /** Content script: inject my tool's owner lookups and page reader (entrypoints/<contentScript>-lookup.ts) into my frame. */
  loadLookup(data: LoadLookupInput): void;
  /** An adapter could not find something it needs on a page (shown on the options page). */
  reportDiagnostic(data: DiagnosticInput): void;
  /** A content script on a site the lead added: that site's definition (by the sender's origin), or null. */
  customSiteHere(): CustomSite | null;
  /** The popup's "On this page": what the tab's content script reads, and what an edit there would do. */
  describeTab(data: TabIdInput): { reading: PageReading; verdict: PageVerdict } | null;
  /** Pause prompts until a time (the popup's "1 hour", "until tomorrow" in the lead's clock), or null: until resumed. */
  pausePrompts(data: PauseInput): void;
  resumePrompts(): void;
  /** Settings on every browser (utils/settings/store.ts): put this browser's replaced version back, or let it go. */
  syncPutBack(data: SyncKeyInput): Settings;
  syncDismiss(data: SyncKeyInput): void;
  /** Drop an entry from another browser that this one cannot read (it blocks nothing else, but never syncs). */
  syncDropStuck(data: SyncKeyInput): Settings;
  /** A stricter retention from another browser or a backup, waiting for the lead here (null: none waits). */
  pendingRetention(): PendingRetention | null;
  /** Keep the last N months on this browser (the options page's choice, or confirming a pending one): what it deleted. */
  keepRecordsFor(data: { months: RetentionMonths }): ForgetCounts;
}

/** What content scripts answer: sent to a tab by the background or the popup. */
export interface ContentScriptMessages {
  /** What the content script reads on its page (for describeTab). */
  describePage(): PageReading | null;
  /** The roster changed for this page (a report added from the popup): judge its next edit afresh. */
  rereadPage(): void;
  focusPrompt(): boolean;
  /** The prompt's frame (through the background) -> the content script of its tab and frame. */
  promptFrameEvent(data: PromptFrameEvent): void;
  /** What the page in this tab is, for "This belongs to…" in the popup. */
  currentArtifact(): { tool: ToolId; toolLabel: string; artifact: Artifact } | null;
}

export interface ProtocolMap extends BackgroundMessages, ContentScriptMessages {}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  logger: undefined,
});

export type {
  AnnotateInput,
  ClaimInput,
  ClosingInput,
  EditSignal,
  Heartbeat,
  PromptAnswerInput,
  PromptChoice,
  RatingInput,
  SummaryRange,
};
export type { ForgetStore };

export type { PageReading };
/** What a deletion covers; `forgetPreview` takes the same shape. */
export type ForgetScope = ForgetScopeInput;

/** A retention that waits for the lead on this browser (utils/background/forget.ts). */
export interface PendingRetention {
  /** The synced (or imported) setting, stricter than this browser's. */
  months: RetentionMonths;
  /** What this browser keeps until the lead confirms (0: everything). */
  hereMonths: RetentionMonths;
  /** What confirming deletes now. */
  counts: ForgetCounts;
}

/** How much a deletion removes (or removed): the numbers the confirmation states. */
export interface ForgetCounts {
  interventions: number;
  prompts: number;
  ratings: number;
  claims: number;
  /** Roster entries, current or former (kept-history) ones. */
  reports: number;
  /** Pause log events (only "everything" and "before a date" take them). */
  pauseEvents?: number;
  /** Weekly touch counts (small changes that never asked). */
  touches?: number;
}

/** Records as text, and the key to continue after (null: the list is done). */
export interface BackupChunk {
  text: string;
  last: string | null;
}

/** Who the owner is to Pullback. */
export type OwnerStanding =
  | { kind: 'report'; reportId: string; reportName: string; byClaim: boolean }
  | { kind: 'me' }
  /** The tool names someone who is neither me nor in the roster. */
  | { kind: 'not-in-roster' }
  /** The tool names nobody (unassigned, or a tool that shows no owner). */
  | { kind: 'nobody' }
  /** The adapter could not read the owner (or the item) here. */
  | { kind: 'unreadable'; what: 'item' | 'owner' };

/** Why an edit does nothing. */
export type QuietWhy =
  | 'no-roster'
  | 'tool-off'
  | 'mine'
  | 'not-a-report'
  | 'nobody'
  | 'unreadable'
  | 'paused'
  | 'cooldown';

/** What an edit does: the edit decision's outcome (utils/background/edit-decision.ts). */
export type EditEffect =
  | {
      effect: 'nothing';
      why: QuietWhy;
      /** For a cooldown: the first moment an edit asks again. For a pause: its end (null: until resumed). */
      until?: string | null;
    }
  /** An open intervention takes the edit as hands-on time; `overdue` asks to pull back (never while paused). */
  | { effect: 'count'; interventionId: string; overdue: boolean }
  /** A report's item, but only a few characters so far: no question; counted as a touch if it stops here. */
  | { effect: 'touch'; threshold: number }
  /**
   * Ask. `waiting`: the item's last prompt is still unanswered (shown again, not logged twice).
   * `joinable`: the report's open intervention on other work, which this item can join.
   * `threshold`: keystrokes in one stretch before asking.
   */
  | { effect: 'prompt'; waiting: boolean; joinable: string | null; threshold: number };

export type PageVerdict = { standing: OwnerStanding } & EditEffect;

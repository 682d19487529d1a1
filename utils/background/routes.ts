/**
 * Every message the background answers, as one table: who may send it, the schema its data must
 * pass (utils/protocol/schemas.ts), what it does, and whether the badge and reminders follow. The
 * background registers the table once (`registerRoutes`): a route's sender is checked, its data
 * parsed, then its handler runs.
 */
import { importProgressItem } from '@/utils/background/import-progress';
import { closingLineItem } from '@/utils/settings/note-items';
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { PullbackDatabase } from '@/utils/background/db';
import { forgetDiagnostics, recordDiagnostic } from '@/utils/background/diagnostics';
import { verdictFor } from '@/utils/background/page-verdict';
import { checkPauseUntil, resumePause, startPause, PAUSE_ALARM } from '@/utils/background/pause';
import type { PullbackService } from '@/utils/background/service';
import { markTab } from '@/utils/background/toolbar';
import {
  claimPrompt,
  dropWaiting,
  isPromptFrame,
  promptToToolbar,
  stagePrompt,
  unstagePrompt,
  waitingPrompt,
} from '@/utils/background/prompt-relay';
import { SettingsSchema, type Settings, type ToolId } from '@/utils/model/records';
import { contentScriptNames } from '@/utils/model/tools';
import {
  onMessage,
  sendMessage,
  type BackgroundMessages,
  type ProtocolMap,
} from '@/utils/protocol/messages';
import {
  ClaimInputSchema,
  ClosingAnswerSchema,
  DeleteBeforeSchema,
  DeleteRecordSchema,
  DiagnosticSchema,
  EditSignalSchema,
  EndSchema,
  ExportChunkSchema,
  ExtendSchema,
  ForgetScopeSchema,
  HeartbeatSchema,
  ImportSchema,
  ListLogSchema,
  LoadLookupSchema,
  PageReadingSchema,
  parseOrThrow,
  PauseSchema,
  PromptAnswerSchema,
  AnnotateSchema,
  RatingInputSchema,
  ReportIdSchema,
  RetentionInputSchema,
  SummaryRangeSchema,
  StagePromptSchema,
  SyncKeySchema,
  TabIdSchema,
  RelayFrameEventSchema,
} from '@/utils/protocol/schemas';
import { assertSenderServes, senderPage } from '@/utils/protocol/sender-trust';
import type { createSettingsStore } from '@/utils/settings/store';

type Sender = chrome.runtime.MessageSender;
/** A route answers only what the protocol says the background answers. */
type Message = keyof BackgroundMessages;

/** Who may send a message. */
export type SenderKind =
  /** A content script on a tool's page: the sender's page must serve what the message claims. */
  | 'served-page'
  /** A content script in a tab, asking for its own frame or reporting on its own page. */
  | 'tab'
  /** Pullback's own pages (popup, options, summary, welcome): refused from content scripts. */
  | 'extension-page'
  /** The prompt and the popup alike: ending, extending and answering by record id. */
  | 'prompt-or-page'
  /** Pullback's prompt page in its frame on a tool's page (utils/background/prompt-relay.ts). */
  | 'prompt-frame'
  /** Pullback's own pages or its prompt frame: never a content script. */
  | 'page-or-frame';

/** What the handler gets: the schema's output, or the message's declared data when it takes none. */
type DataOf<K extends Message, S> = S extends v.GenericSchema
  ? v.InferOutput<S>
  : GetDataType<ProtocolMap[K]>;

export interface Route<K extends Message = Message, S = unknown> {
  type: K;
  from: SenderKind;
  /** The inbound data's shape, and how an error names it ("Invalid <what>: ..."). */
  schema?: S;
  what?: string;
  /** For served-page routes: the tool and address the message claims, checked against the sender. */
  claims?: (data: DataOf<K, S>) => { tool: ToolId; artifactUrl?: string };
  /** After it runs, the badge, alarms and reminders are brought up to date. */
  refreshes?: boolean;
  handle(
    data: DataOf<K, S>,
    sender: Sender,
  ): Promise<GetReturnType<ProtocolMap[K]>> | GetReturnType<ProtocolMap[K]>;
}

/** One route, its data typed by its schema. */
export const route = <K extends Message, S extends v.GenericSchema | undefined = undefined>(
  r: Route<K, S>,
): Route<K, S> => r;

/** What the routes need of the running background. */
export interface Background {
  service(): Promise<PullbackService>;
  /** The database, once the service has opened it. */
  database(): PullbackDatabase;
  settings(): Promise<Settings>;
  settingsStore: ReturnType<typeof createSettingsStore>;
  /** The pause in force now (null: none), ending one that ran out. */
  currentPause(): Promise<{ until: string | null } | null>;
  /** Badge, alarms, reminders and the pause icon, brought up to date. */
  refreshNow(): Promise<void>;
}

export const NOT_FROM_PAGES = 'This request is only accepted from Pullback’s own pages.';

/** Refuses a sender that is not of the route's kind (throws, so the sender gets the reason). */
export async function checkSender(
  kind: SenderKind,
  sender: Sender,
  claim: (() => { tool: ToolId; artifactUrl?: string }) | undefined,
  settings: () => Promise<Settings>,
): Promise<void> {
  switch (kind) {
    case 'extension-page':
      if (
        sender.id !== browser.runtime.id ||
        sender.tab?.url?.startsWith('http') ||
        !sender.url?.startsWith(browser.runtime.getURL('/'))
      )
        throw new Error(NOT_FROM_PAGES);
      return;
    case 'tab':
      if (sender.tab?.id === undefined) throw new Error('Only a tab’s content script asks this.');
      return;
    case 'served-page':
      // Validated, and believed only as far as the sender's page agrees (utils/protocol/sender-trust.ts).
      if (claim) assertSenderServes(sender, claim(), (await settings()).customSites);
      return;
    case 'prompt-or-page':
      return;
    case 'prompt-frame':
      if (!isPromptFrame(sender, browser.runtime.id) || sender.tab?.id === undefined)
        throw new Error('Only Pullback’s prompt frame asks this.');
      return;
    case 'page-or-frame':
      if (isPromptFrame(sender, browser.runtime.id)) return;
      return checkSender('extension-page', sender, claim, settings);
  }
}

/** Registers every route: sender, then data, then the handler, then (if it says so) the refresh. */
export function registerRoutes(
  routes: readonly Route<Message, unknown>[],
  bg: Pick<Background, 'settings' | 'refreshNow'>,
) {
  const seen = new Set<Message>();
  for (const r of routes) {
    if (seen.has(r.type)) throw new Error(`Two routes answer “${r.type}”.`);
    seen.add(r.type);
    onMessage(r.type, async ({ data: raw, sender }) => {
      // A served page's claim is read from its data, so its data is parsed first; every other
      // sender is refused before its data is looked at.
      if (r.from !== 'served-page') await checkSender(r.from, sender, undefined, bg.settings);
      const data = r.schema
        ? parseOrThrow(r.schema as v.GenericSchema, raw, r.what ?? r.type)
        : raw;
      if (r.from === 'served-page')
        await checkSender(
          r.from,
          sender,
          r.claims && (() => r.claims!(data as never)),
          bg.settings,
        );
      const result = await r.handle(data as never, sender);
      if (r.refreshes) await bg.refreshNow();
      return result as never;
    });
  }
}

/** Injects one of the extension's scripts into the asking frame. */
const inject = (sender: Sender, file: string) =>
  browser.scripting.executeScript({
    target: { tabId: sender.tab!.id!, frameIds: [sender.frameId ?? 0] },
    files: [file as ScriptPublicPath],
  });

/** The background's routes. */
export function backgroundRoutes(bg: Background): Route<Message, unknown>[] {
  const s = () => bg.service();
  const table = [
    // The edit path: a content script on a tool's page. The pause is one of the edit decision's
    // facts (utils/background/edit-decision.ts): while paused an edit only counts toward an open
    // intervention, and nothing asks.
    route({
      type: 'edit',
      from: 'served-page',
      schema: EditSignalSchema,
      what: 'edit signal',
      claims: (signal) => ({ tool: signal.tool, artifactUrl: signal.artifact.url }),
      handle: async (signal) => (await s()).edit(signal),
    }),
    // A stretch of editing that stopped short of asking: a touch.
    route({
      type: 'touch',
      from: 'served-page',
      schema: EditSignalSchema,
      what: 'touch',
      claims: (signal) => ({ tool: signal.tool, artifactUrl: signal.artifact.url }),
      handle: async (signal) => void (await (await s()).touch(signal)),
    }),
    route({
      type: 'heartbeat',
      from: 'served-page',
      schema: HeartbeatSchema,
      what: 'heartbeat',
      claims: (beat) => ({ tool: beat.tool }),
      handle: async (beat) => (await s()).heartbeat(beat),
    }),
    // A content script on a site the lead added asks for that site's definition (storage is closed to it).
    route({
      type: 'customSiteHere',
      from: 'tab',
      handle: async (_data, sender) => {
        const page = senderPage(sender);
        return (
          (page && (await bg.settings()).customSites.find((x) => x.origin === page.origin)) || null
        );
      },
    }),
    // The in-page prompt is injected into the asking content script's frame only when a prompt may
    // show: the always-loaded script stays small.
    route({
      type: 'loadPrompt',
      from: 'tab',
      handle: async (_d, sender) => void (await inject(sender, '/prompt.js')),
    }),
    // Likewise the owner lookups and the popup's page reader, when the lead first focuses an editor.
    route({
      type: 'loadLookup',
      from: 'tab',
      schema: LoadLookupSchema,
      what: 'lookup request',
      handle: async ({ contentScript }, sender) => {
        if (!contentScriptNames().has(contentScript))
          throw new Error(`No lookups for “${contentScript.slice(0, 40)}”.`);
        await inject(sender, `/${contentScript}-lookup.js`);
      },
    }),
    route({
      type: 'reportDiagnostic',
      from: 'tab',
      schema: DiagnosticSchema,
      what: 'diagnostic',
      handle: async (diagnostic, sender) => {
        // The lead was editing here and the adapter could not read the page: that tab's icon says so.
        if (sender.tab?.id !== undefined)
          await markTab(sender.tab.id, diagnostic.problem).catch(() => {});
        return recordDiagnostic(diagnostic);
      },
    }),

    // The prompt and the popup alike.
    route({
      type: 'answerPrompt',
      from: 'prompt-or-page',
      schema: PromptAnswerSchema,
      what: 'answer',
      refreshes: true,
      handle: async (answer) => {
        const result = await (await s()).answerPrompt(answer);
        // Answered in the popup (or anywhere): it no longer waits there. Saved whatever the icon does.
        await dropWaiting({ promptId: answer.promptId }).catch(() => {});
        return result;
      },
    }),
    // The prompt's frame (components/prompt/PromptHost.ts): staged by the tab's content script,
    // claimed by Pullback's own page in that tab's frame; where the page blocks the frame, the
    // toolbar asks instead (a "?" on the tab, the question in the popup).
    route({
      type: 'stagePrompt',
      from: 'tab',
      schema: StagePromptSchema,
      what: 'prompt',
      handle: ({ request }, sender) => stagePrompt(request, sender),
    }),
    route({
      type: 'unstagePrompt',
      from: 'tab',
      handle: (_d, sender) => unstagePrompt(sender),
    }),
    route({
      type: 'claimPrompt',
      from: 'prompt-frame',
      handle: (_d, sender) => claimPrompt(sender, browser.runtime.id),
    }),
    // Firefox gives an extension frame inside a web page no tabs API: its news goes through here.
    route({
      type: 'relayPromptFrameEvent',
      from: 'prompt-frame',
      schema: RelayFrameEventSchema,
      what: 'prompt frame event',
      handle: async ({ frameId, event }, sender) =>
        void (await sendMessage('promptFrameEvent', event, {
          tabId: sender.tab!.id!,
          frameId,
        }).catch(() => {})), // Navigated away: nobody is left to tell.
    }),
    route({
      type: 'promptToToolbar',
      from: 'tab',
      schema: StagePromptSchema,
      what: 'prompt',
      handle: ({ request }, sender) => promptToToolbar(request, sender),
    }),
    route({
      type: 'waitingPrompt',
      from: 'extension-page',
      schema: TabIdSchema,
      what: 'tab',
      handle: ({ tabId }) => waitingPrompt(tabId),
    }),
    route({
      type: 'endIntervention',
      from: 'prompt-or-page',
      schema: EndSchema,
      what: 'intervention',
      refreshes: true,
      handle: async ({ id }) => (await s()).endIntervention(id),
    }),
    route({
      type: 'extendIntervention',
      from: 'prompt-or-page',
      schema: ExtendSchema,
      what: 'extension',
      refreshes: true,
      handle: async (data) =>
        (await s()).extendIntervention(data.id, 'minutes' in data ? data.minutes : data.until),
    }),
    route({
      type: 'recordClosing',
      from: 'prompt-or-page',
      schema: ClosingAnswerSchema,
      what: 'closing answers',
      refreshes: true,
      handle: async ({ id, ...answers }) => (await s()).recordClosing(id, answers),
    }),
    route({
      type: 'annotateIntervention',
      from: 'prompt-or-page',
      schema: AnnotateSchema,
      what: 'purpose and words',
      handle: async ({ id, ...notes }) => (await s()).annotateIntervention(id, notes),
    }),

    // Pullback's own pages.
    route({
      type: 'listActive',
      from: 'extension-page',
      handle: async () => (await s()).listActive(),
    }),
    route({
      type: 'listAwaitingClosing',
      from: 'extension-page',
      handle: async () => (await s()).listAwaitingClosing(),
    }),
    route({
      type: 'listLog',
      from: 'extension-page',
      schema: ListLogSchema,
      what: 'log request',
      handle: async ({ limit }) =>
        (await s()).listLog(Math.min(Math.max(Math.trunc(limit ?? 50) || 50, 1), 500)),
    }),
    route({
      type: 'exportBackup',
      from: 'extension-page',
      handle: async () => (await s()).exportBackup(),
    }),
    route({
      type: 'noteClosingLine',
      from: 'page-or-frame',
      // The prompt's frame may not read settings itself (docs/layout.md): it asks here.
      handle: () => closingLineItem.getValue(),
    }),
    route({
      type: 'exportOpening',
      from: 'extension-page',
      handle: async () => (await s()).exportOpening(),
    }),
    route({
      type: 'exportChunk',
      from: 'extension-page',
      schema: ExportChunkSchema,
      what: 'backup part',
      handle: async ({ store, after }) => (await s()).exportChunk(store, after),
    }),
    route({
      type: 'importBackup',
      from: 'extension-page',
      schema: ImportSchema,
      what: 'backup',
      refreshes: true,
      // The options page shows how far it has got (records read of the total), then the result.
      handle: async ({ text }) => {
        try {
          return await (
            await s()
          ).importBackup(
            text,
            (read, total, saving, saved) =>
              void importProgressItem.setValue({ read, total, saving, saved }),
          );
        } finally {
          await importProgressItem.setValue(null);
        }
      },
    }),
    route({
      type: 'summaryData',
      from: 'extension-page',
      schema: SummaryRangeSchema,
      what: 'summary range',
      handle: async (range) => (await s()).summaryData(range),
    }),
    route({
      type: 'saveRating',
      from: 'extension-page',
      schema: RatingInputSchema,
      what: 'rating',
      handle: async (rating) => (await s()).saveRating(rating),
    }),
    route({
      type: 'addClaim',
      from: 'extension-page',
      schema: ClaimInputSchema,
      what: 'claim',
      handle: async (claim) => (await s()).addClaim(claim),
    }),
    route({
      type: 'removeClaim',
      from: 'extension-page',
      schema: EndSchema,
      what: 'claim',
      handle: async ({ id }) => (await s()).removeClaim(id),
    }),
    route({
      type: 'saveSettings',
      from: 'extension-page',
      schema: SettingsSchema,
      what: 'settings',
      refreshes: true,
      handle: async (settings) => {
        const service = await s();
        const before = (await bg.settings()).retentionMonths ?? 0;
        const saved = await service.saveSettings(settings);
        // The lead chose how long to keep records on this page: in force here at once.
        if ((settings.retentionMonths ?? 0) !== before)
          await service.keepRecordsFor(settings.retentionMonths ?? 0);
        return saved;
      },
    }),
    // Forgetting (utils/background/forget.ts): the badge and reminders follow at once.
    route({
      type: 'forgetPreview',
      from: 'extension-page',
      schema: ForgetScopeSchema,
      what: 'what to forget',
      handle: async (scope) => (await s()).forgetPreview(scope),
    }),
    route({
      type: 'deleteRecord',
      from: 'extension-page',
      schema: DeleteRecordSchema,
      what: 'record',
      refreshes: true,
      handle: async ({ store, id }) => (await s()).deleteRecord(store, id),
    }),
    route({
      type: 'forgetReport',
      from: 'extension-page',
      schema: ReportIdSchema,
      what: 'report',
      refreshes: true,
      handle: async ({ reportId }) => {
        // Every trace sync and diagnostics kept of them goes too, first: a change another browser
        // made a moment ago must not hold the report back (utils/settings/store.ts forgetTraces).
        const settings = await bg.settings();
        const report = settings.reports.find((r) => r.id === reportId);
        const former = settings.formerReports?.find((r) => r.id === reportId);
        await bg.settingsStore.forgetTraces([
          reportId,
          report?.name ?? former?.name ?? '',
          ...(report?.aliases ?? []),
        ]);
        await forgetDiagnostics('names');
        return (await s()).forgetReport(reportId);
      },
    }),
    route({
      type: 'retireReport',
      from: 'extension-page',
      schema: ReportIdSchema,
      what: 'report',
      refreshes: true,
      handle: async ({ reportId }) => (await s()).retireReport(reportId),
    }),
    route({
      type: 'deleteBefore',
      from: 'extension-page',
      schema: DeleteBeforeSchema,
      what: 'date',
      refreshes: true,
      handle: async ({ beforeIso }) => (await s()).deleteBefore(beforeIso),
    }),
    route({
      type: 'deleteEverything',
      from: 'extension-page',
      refreshes: true,
      handle: async () => {
        await bg.settingsStore.forgetTraces();
        await forgetDiagnostics('all');
        return (await s()).deleteEverything();
      },
    }),
    // The popup's "On this page": the tab's content script reads, the background judges, nothing is written.
    route({
      type: 'describeTab',
      from: 'extension-page',
      schema: TabIdSchema,
      what: 'tab',
      handle: async ({ tabId }) => {
        const raw = await sendMessage('describePage', undefined, tabId).catch(() => null);
        if (!raw) return null;
        const reading = parseOrThrow(PageReadingSchema, raw, 'page reading');
        await s();
        const verdict = await verdictFor(reading, {
          db: bg.database(),
          settings: await bg.settings(),
          pause: await bg.currentPause(),
          now: new Date(),
        });
        return { reading, verdict };
      },
    }),
    // Pause: from the popup (and the keyboard command); it ends by itself at its end.
    route({
      type: 'pausePrompts',
      from: 'extension-page',
      schema: PauseSchema,
      what: 'pause',
      refreshes: true,
      handle: async ({ until }) =>
        void (await startPause(checkPauseUntil(until, new Date()), new Date())),
    }),
    route({
      type: 'resumePrompts',
      from: 'extension-page',
      refreshes: true,
      handle: async () => {
        await resumePause(new Date());
        await browser.alarms.clear(PAUSE_ALARM);
      },
    }),
    route({
      type: 'syncPutBack',
      from: 'extension-page',
      schema: SyncKeySchema,
      what: 'sync entry',
      refreshes: true,
      handle: ({ key }) => bg.settingsStore.putBack(key),
    }),
    route({
      type: 'syncDismiss',
      from: 'extension-page',
      schema: SyncKeySchema,
      what: 'sync entry',
      handle: ({ key }) => bg.settingsStore.dismiss(key),
    }),
    route({
      type: 'syncDropStuck',
      from: 'extension-page',
      schema: SyncKeySchema,
      what: 'sync entry',
      refreshes: true,
      handle: ({ key }) => bg.settingsStore.dropStuck(key),
    }),
    // Retention: a stricter one from elsewhere waits for the lead here (utils/background/forget.ts).
    route({
      type: 'pendingRetention',
      from: 'extension-page',
      handle: async () => (await s()).pendingRetention(),
    }),
    route({
      type: 'keepRecordsFor',
      from: 'extension-page',
      schema: RetentionInputSchema,
      what: 'retention',
      refreshes: true,
      handle: async ({ months }) => (await s()).keepRecordsFor(months),
    }),
  ];
  return table as Route<Message, unknown>[];
}

/**
 * The toolbar popup: pause, then active interventions (overdue first), each
 * with its way out ("Pull back"), then what Pullback reads on this page, then
 * the recent log: one row per event (prompts, interventions, pauses).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { createClosingQuestions } from '@/components/prompt/ClosingQuestions';
import { formatClock, formatTime } from '@/components/ui/format';
import { EXTEND_MINUTES, formatDuration, isOverdue, spanMs } from '@/utils/model/durations';
import { sendMessage, type InterventionView, type PromptView } from '@/utils/protocol/messages';
import { PURPOSE_LABELS, type Settings } from '@/utils/model/records';
import { OnThisPage } from '@/entrypoints/popup/OnThisPage';
import { PauseControl } from '@/entrypoints/popup/PauseControl';
import { WaitingQuestion } from '@/entrypoints/popup/WaitingQuestion';
import { AccessNotice } from '@/components/ui/AccessNotice';
import { settingsItem } from '@/utils/settings/store';
import { describePauseEnd, pauseLogItem, type PauseEvent } from '@/utils/background/pause';

const ANSWER_LABELS: Record<PromptView['answer'], string> = {
  deliberate: 'started an intervention',
  'stepped-back': 'caught myself and stepped back',
  dismissed: 'not now',
  unanswered: 'left unanswered',
};

/** A row of the log; `record` is what deleting the row removes (pauses are not records). */
type LogEntry = {
  at: string;
  id: string;
  text: string;
  record?: { store: 'interventions' | 'prompts'; id: string; what: string };
};

/** Overdue first (the one to act on), then by planned end, soonest first. */
function byUrgency(now: Date) {
  return (a: InterventionView, b: InterventionView) =>
    Number(isOverdue(b, now)) - Number(isOverdue(a, now)) ||
    a.plannedEndAt.localeCompare(b.plannedEndAt);
}

export function Popup() {
  const [active, setActive] = useState<InterventionView[] | null>(null);
  const [closing, setClosing] = useState<InterventionView[]>([]);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<LogEntry | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());

  async function refresh() {
    try {
      const [list, awaiting, recent, settings, pauses] = await Promise.all([
        sendMessage('listActive'),
        sendMessage('listAwaitingClosing'),
        sendMessage('listLog', { limit: 30 }),
        settingsItem.getValue(),
        pauseLogItem.getValue(),
      ]);
      const now = new Date();
      setActive([...list].sort(byUrgency(now)));
      setClosing(awaiting);
      // Same settings as before: keep the object, so "On this page" is not judged again for nothing.
      setSettings((before) =>
        before && JSON.stringify(before) === JSON.stringify(settings) ? before : settings,
      );
      setLog(toLog(recent.interventions, recent.prompts, pauses));
      setNow(now);
      setError(null);
    } catch (e) {
      setError(`Pullback could not read its log: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  useEffect(() => {
    // npm run bench times the popup's opening up to here: the first render with the lists in it.
    if (active !== null && !performance.getEntriesByName('pullback:popup-rendered').length)
      performance.mark('pullback:popup-rendered');
  }, [active]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 15_000);
    return () => clearInterval(timer);
  }, []);

  async function act(what: string, action: () => Promise<unknown>) {
    try {
      await action();
      await refresh();
    } catch (e) {
      setError(`Could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const pullBack = (id: string) =>
    act('end the intervention', () => sendMessage('endIntervention', { id }));
  const extend = (id: string) =>
    act('extend the intervention', () =>
      sendMessage('extendIntervention', { id, minutes: EXTEND_MINUTES }),
    );

  return (
    <main>
      <h1>Pullback</h1>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      <WaitingQuestion onAnswered={() => void refresh()} />
      <PauseControl onChanged={() => void refresh()} />
      {settings && (
        <AccessNotice switchedOff={settings.disabledTools} addedSites={settings.customSites} />
      )}
      {settings && settings.reports.length === 0 && (
        <div class="next-step" role="note" aria-label="What to do next">
          <p>
            <strong>Next: tell Pullback who your reports are.</strong> Until then it stays quiet
            everywhere.
          </p>
          <p>
            Open one of their tickets or pages and use <em>Add … as a report</em> under “On this
            page” below, or{' '}
            <a href="/welcome.html" target="_blank">
              set up your team
            </a>
            .
          </p>
        </div>
      )}
      <section aria-labelledby="active-heading">
        <h2 id="active-heading">Active interventions</h2>
        {active === null ? (
          <p class="muted">Loading…</p>
        ) : active.length === 0 ? (
          <p class="muted">None right now.</p>
        ) : (
          <ul class="rows">
            {active.map((r) => {
              const overdue = isOverdue(r, now);
              return (
                <li key={r.id}>
                  <div class="row-head">
                    <span class="who">
                      <a class="key" href={r.artifact.url} target="_blank" rel="noreferrer">
                        {r.artifact.key}
                      </a>{' '}
                      · {r.reportName}
                    </span>
                    {overdue && <span class="overdue">Overdue: time to pull back</span>}
                  </div>
                  {r.artifact.title && (
                    <div class="muted title" title={r.artifact.title}>
                      {r.artifact.title}
                    </div>
                  )}
                  <div>
                    {PURPOSE_LABELS[r.purpose]} · {formatDuration(spanMs(r, now))} of{' '}
                    {formatDuration(Date.parse(r.plannedEndAt) - Date.parse(r.startedAt))} planned ·
                    hands-on {formatDuration(r.activeMs)}
                  </div>
                  <div class="row-actions">
                    <button
                      type="button"
                      class="primary"
                      onClick={() => pullBack(r.id)}
                      aria-label={`Pull back from ${r.artifact.key} (${r.reportName})`}
                    >
                      Pull back
                    </button>
                    {overdue && (
                      <button type="button" onClick={() => extend(r.id)}>
                        {EXTEND_MINUTES} more minutes
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {closing.length > 0 && (
        <section aria-labelledby="closing-heading">
          <h2 id="closing-heading">Just pulled back</h2>
          {closing.map((r) => (
            <div key={r.id} class="card">
              <p>
                <span class="key">{r.artifact.key}</span> · {r.reportName} ·{' '}
                {r.status === 'lapsed' ? 'closed by Pullback when the work went quiet' : 'ended'}{' '}
                after {formatDuration(spanMs(r, now))}
              </p>
              <ClosingQuestionsMount record={r} onDone={() => void refresh()} />
            </div>
          ))}
        </section>
      )}
      {settings && <OnThisPage settings={settings} onChanged={() => void refresh()} />}
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">Recent</h2>
        {log.length === 0 ? (
          <p class="muted">Nothing yet.</p>
        ) : (
          // A table, not a list: the popup's list items are the active interventions only.
          <table class="log">
            <caption class="visually-hidden">
              Recent interventions and prompts, newest first
            </caption>
            <tbody>
              {log.map((e) => (
                <tr key={e.id}>
                  <td class="muted">{formatTime(e.at)}</td>
                  <td>{e.text}</td>
                  <td>
                    {e.record && (
                      <button
                        type="button"
                        class="delete"
                        aria-label={`Delete from the log: ${e.text}`}
                        title="Delete this record"
                        onClick={() => setConfirming(e)}
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {confirming?.record && (
          <ConfirmDelete
            entry={confirming}
            onCancel={() => setConfirming(null)}
            onConfirm={async () => {
              const { store, id, what } = confirming.record!;
              setConfirming(null);
              try {
                await sendMessage('deleteRecord', { store, id });
                setDeleted(`Deleted ${what}.`);
                await refresh();
              } catch (e) {
                setError(
                  `Could not delete the record: ${e instanceof Error ? e.message : String(e)}`,
                );
              }
            }}
          />
        )}
        {deleted && (
          <p role="status" class="status">
            {deleted}
          </p>
        )}
      </section>
      <nav>
        <a href="/summary.html" target="_blank">
          Weekly summary
        </a>
        <a href="/options.html" target="_blank">
          Roster and settings
        </a>
      </nav>
    </main>
  );
}

const PAUSE_TEXT: Record<PauseEvent['kind'], (e: PauseEvent) => string> = {
  // Worded without "paused", so that word on the popup always means a pause in force.
  paused: (e) =>
    `Pause started, prompts silent ${describePauseEnd(e.until ?? null, new Date(e.at))}`,
  resumed: () => 'Resumed prompts',
  ended: () => 'Pause ended by itself; prompts are back',
};

function toLog(
  interventions: InterventionView[],
  prompts: PromptView[],
  pauses: PauseEvent[] = [],
): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const r of interventions) {
    if (r.endedAt) {
      entries.push({
        record: interventionRecord(r),
        id: `${r.id}-end`,
        at: r.endedAt,
        text: `${r.status === 'lapsed' ? 'Closed when the work went quiet:' : 'Pulled back from'} ${r.artifact.key} (${r.reportName}) after ${formatDuration(spanMs(r, new Date(r.endedAt)))}, hands-on ${formatDuration(r.activeMs)}${Date.parse(r.endedAt) <= Date.parse(r.plannedEndAt) ? ', on time' : `, planned end was ${formatClock(r.plannedEndAt)}`}`,
      });
    }
    entries.push({
      record: interventionRecord(r),
      id: `${r.id}-start`,
      at: r.startedAt,
      text: `Started on ${r.artifact.key} (${r.reportName}): ${PURPOSE_LABELS[r.purpose]}`,
    });
  }
  const listed = new Set(interventions.map((r) => r.id));
  for (const p of prompts) {
    // "Yes" and the start of its intervention are one event: the start's row says it.
    if (p.answer === 'deliberate' && p.interventionId && listed.has(p.interventionId)) continue;
    entries.push({
      record: {
        store: 'prompts',
        id: p.id,
        what: `the prompt on ${p.artifact.key} (${p.reportName}) from ${formatTime(p.at)}, answered “${ANSWER_LABELS[p.answer]}”`,
      },
      id: p.id,
      at: p.answeredAt ?? p.at,
      text: `Asked on ${p.artifact.key} (${p.reportName}): ${ANSWER_LABELS[p.answer]}`,
    });
  }
  for (const e of pauses)
    entries.push({ id: `pause-${e.id}`, at: e.at, text: PAUSE_TEXT[e.kind](e) });
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, 30);
}

function interventionRecord(r: InterventionView): NonNullable<LogEntry['record']> {
  return {
    store: 'interventions',
    id: r.id,
    what: `the intervention on ${r.artifact.key} (${r.reportName}) started ${formatTime(r.startedAt)}, with its hands-on time and closing answers`,
  };
}

/** Deleting asks first, and says what will go. */
function ConfirmDelete({
  entry,
  onCancel,
  onConfirm,
}: {
  entry: LogEntry;
  onCancel(): void;
  onConfirm(): void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), [entry.id]);
  return (
    <div
      role="alertdialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-what"
      class="confirm"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p id="delete-title">
        <strong>Delete this record?</strong>
      </p>
      <p id="delete-what">
        This deletes {entry.record!.what} from this browser. It will not be in the log, the summary
        or exports. This cannot be undone.
        {entry.record!.store === 'interventions'
          ? ' The prompt that started it, if any, stays in the log.'
          : ''}
      </p>
      <div class="row-actions">
        <button type="button" class="danger" onClick={onConfirm}>
          Delete
        </button>
        <button type="button" ref={keep} onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}

/** The closing questions are plain DOM (shared with the in-page prompt): mounted once per record. */
function ClosingQuestionsMount({ record, onDone }: { record: InterventionView; onDone(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(
      createClosingQuestions({
        record,
        onSave: (answers) => sendMessage('recordClosing', { id: record.id, ...answers }),
        onDone,
      }),
    );
  }, [record.id]);
  return <div ref={ref} />;
}

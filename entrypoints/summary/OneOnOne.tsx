/**
 * The 1:1 page (`summary.html#2026-W48/alice`): one report's last eight weeks, in two labelled
 * sides. "For <name>" holds the talking points and the actions the lead adds; "Only for you"
 * the check-ins, durations, caught myself and reflections. "Copy for <name>" copies the first
 * only; "Copy my prep" copies both and says it is private.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SummaryData } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/model/records';
import { closingLineItem, oneOnOneActionsItem } from '@/utils/settings/note-items';
import { firstNameOf } from '@/utils/reports/handback';
import { oneOnOne } from '@/utils/reports/one-on-one';
import { prepMarkdown, sharedMarkdown } from '@/utils/reports/one-on-one-markdown';
import { settingsItem } from '@/utils/settings/store';
import { FORMER_REPORT_NAME, summarizeWeek, WINDOW_WEEKS } from '@/utils/reports/summary';
import { summaryHash, type SummaryRoute } from '@/utils/reports/summary-route';
import { shiftWeek, weekIdOf, weekLabel, type WeekId } from '@/utils/model/week';
import { CopyButton } from '@/entrypoints/summary/one-on-one/CopyButton';
import { ForReport } from '@/entrypoints/summary/one-on-one/ForReport';
import { BackLink, NoSuchPage } from '@/entrypoints/summary/one-on-one/NoSuchPage';
import { OnlyForYou } from '@/entrypoints/summary/one-on-one/OnlyForYou';
import { useWeekWindow } from '@/entrypoints/summary/useWeekWindow';
import '@/entrypoints/summary/one-on-one.css';

type Who = { id: string; name: string; former: boolean; nameKept: boolean };

/** Who the id names: on the roster, a former report with their name kept, or only found in the records. */
function whoIs(settings: Settings, reportId: string, data: SummaryData): Who | null {
  const current = settings.reports.find((r) => r.id === reportId);
  if (current) return { id: current.id, name: current.name, former: false, nameKept: true };
  const former = settings.formerReports?.find((r) => r.id === reportId);
  if (former) return { id: former.id, name: former.name, former: true, nameKept: true };
  const inRecords = [data.interventions, data.prompts, data.ratings].some((list) =>
    list.some((r) => r.reportId === reportId),
  );
  return inRecords
    ? { id: reportId, name: FORMER_REPORT_NAME, former: true, nameKept: false }
    : null;
}

export function OneOnOnePage({ route }: { route: Exclude<SummaryRoute, { page: 'week' }> }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const { data, error } = useWeekWindow(route.page === 'one-on-one' ? route.week : null);

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
  }, []);

  if (route.page === 'no-such-week')
    return (
      <NoSuchPage heading="No such week" problem={route.problem} week={null} settings={settings} />
    );
  if (route.page === 'bad-link') {
    return (
      <NoSuchPage
        heading="This 1:1 link cannot be read"
        problem={route.problem}
        week={route.week}
        settings={settings}
      />
    );
  }
  if (error) {
    return (
      <main class="summary one-on-one">
        <p role="alert" class="alert">
          {error}
        </p>
        <BackLink week={route.week} />
      </main>
    );
  }
  if (!settings || !data)
    return (
      <main class="summary one-on-one">
        <p class="muted">Loading…</p>
      </main>
    );

  const who = whoIs(settings, route.reportId, data);
  if (!who) {
    return (
      <NoSuchPage
        heading="No 1:1 page for this report"
        problem={`Pullback has no report with the id “${route.reportId}”: not on your roster, not among your former reports, and nothing in the log for these ${WINDOW_WEEKS} weeks. If you used Forget for them, everything Pullback kept about them is gone.`}
        week={route.week}
        settings={settings}
      />
    );
  }
  return <OneOnOneReady who={who} week={route.week} settings={settings} data={data} />;
}

/** The lead's actions for one report, kept on this device until removed. */
function useActions(reportId: string): [string[], (next: string[]) => void] {
  const [actions, setActions] = useState<string[]>([]);
  useEffect(() => {
    void oneOnOneActionsItem.getValue().then((all) => setActions(all[reportId] ?? []));
  }, [reportId]);
  const save = (next: string[]) => {
    setActions(next);
    void oneOnOneActionsItem.getValue().then((all) => {
      const { [reportId]: _old, ...rest } = all;
      return oneOnOneActionsItem.setValue(next.length ? { ...rest, [reportId]: next } : rest);
    });
  };
  return [actions, save];
}

function OneOnOneReady({
  who,
  week,
  settings,
  data,
}: {
  who: Who;
  week: WeekId;
  settings: Settings;
  data: SummaryData;
}) {
  const [closingLine, setClosingLine] = useState('');
  useEffect(() => void closingLineItem.getValue().then(setClosingLine), []);
  const [actions, setActions] = useActions(who.id);
  const view = useMemo(
    () =>
      oneOnOne({
        week,
        now: new Date(),
        report: { id: who.id, name: who.name, former: who.former },
        leadName: settings.me.name,
        interventions: data.interventions,
        prompts: data.prompts,
        ratings: data.ratings,
        touches: data.touches,
        closingLine,
      }),
    [who, week, settings, data, closingLine],
  );
  // This week's reflections that name this report's records (or their check-in).
  const reflections = useMemo(() => {
    const ids = new Set(
      [data.interventions, data.prompts, data.ratings].flatMap((list) =>
        list.filter((r) => r.reportId === who.id).map((r) => r.id),
      ),
    );
    return summarizeWeek({
      week,
      now: new Date(),
      reports: settings.reports,
      ...data,
    }).reflections.filter((r) => r.recordIds.some((id) => ids.has(id)));
  }, [who, week, settings, data]);
  useEffect(() => {
    document.title = `Pullback — 1:1 with ${who.name}, ${view.rangeLabel}`;
  }, [who, view]);
  const thisWeek = weekIdOf(new Date());
  const first = who.nameKept ? firstNameOf(who.name) : 'them';
  const shared = useMemo(() => sharedMarkdown(view, actions), [view, actions]);
  const prep = useMemo(
    () => prepMarkdown(view, actions, reflections),
    [view, actions, reflections],
  );

  return (
    <main class="summary one-on-one">
      <header class="summary-head">
        <h1>
          1:1 with {who.name} <span>· {view.rangeLabel}</span>
        </h1>
        <nav class="week-nav no-print" aria-label="1:1 page">
          <BackLink week={week} />
          <a href={summaryHash({ week: shiftWeek(week, -1), reportId: who.id })}>
            ← A week earlier
          </a>
          {week < thisWeek && (
            <a href={summaryHash({ week: shiftWeek(week, 1), reportId: who.id })}>A week later →</a>
          )}
        </nav>
      </header>
      <p class="muted">
        The {WINDOW_WEEKS} weeks up to {weekLabel(week)}.
      </p>
      {who.former && (
        <p class="former-note" data-testid="former-report">
          {who.nameKept
            ? `${who.name} is a former report: no longer on your roster, their history kept. This page shows what the log holds.`
            : 'This report is no longer on your roster and Pullback did not keep their name; this page shows what the log holds for them.'}
        </p>
      )}
      <div class="oo-actions no-print">
        <CopyButton
          id="oo-copy-shared"
          primary
          label={`Copy for ${who.name}`}
          text={shared}
          copied={`Copied the talking points: nothing private in them. Paste them into your 1:1 document with ${first}.`}
          fallbackLabel={`The talking points for ${who.name} as Markdown`}
        />
        <CopyButton
          id="oo-copy-prep"
          label="Copy my prep"
          text={prep}
          copied={`Copied your prep. It is private: it holds check-ins, durations and where you caught yourself. Keep it out of anything ${first} can see.`}
          fallbackLabel="Your private prep as Markdown"
        />
        <button type="button" onClick={() => print()}>
          Print
        </button>
      </div>
      <div class="oo-sides">
        <ForReport view={view} name={who.name} actions={actions} onActions={setActions} />
        <OnlyForYou view={view} name={who.name} firstName={first} reflections={reflections} />
      </div>
    </main>
  );
}

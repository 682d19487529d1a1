/**
 * The toolbar popup, top to bottom: pause; active interventions (overdue first, compact, one
 * action for all overdue ones); the queue waiting for closing questions; what Pullback reads on
 * this page; the recent log. Each part is its own file; the data is read in usePopupData.
 */
import { AccessNotice } from '@/components/ui/AccessNotice';
import { sendMessage } from '@/utils/protocol/messages';
import { planMinutes, SETTING_DEFAULTS } from '@/utils/model/constants';
import { ActiveList } from '@/entrypoints/popup/ActiveList';
import { ClosingQueue } from '@/entrypoints/popup/ClosingQueue';
import { NextStep } from '@/entrypoints/popup/NextStep';
import { OnThisPage } from '@/entrypoints/popup/OnThisPage';
import { PauseControl } from '@/entrypoints/popup/PauseControl';
import { WaitingQuestion } from '@/entrypoints/popup/WaitingQuestion';
import { RecentLog } from '@/entrypoints/popup/RecentLog';
import { usePopupData } from '@/entrypoints/popup/use-popup-data';

export function Popup() {
  const { active, closing, log, settings, now, error, refresh, act } = usePopupData();
  const replanMinutes = planMinutes(settings);

  const pullBack = (ids: string[]) =>
    act(ids.length > 1 ? 'hand them back' : 'end the intervention', () =>
      Promise.all(ids.map((id) => sendMessage('endIntervention', { id }))),
    );
  const replan = (ids: string[]) =>
    act('re-plan', () =>
      Promise.all(
        ids.map((id) => sendMessage('extendIntervention', { id, minutes: replanMinutes })),
      ),
    );

  const keep = (id: string) =>
    act('keep the take-over', () =>
      sendMessage('extendIntervention', { id, until: 'next-workday-end' }),
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
      {settings && settings.reports.length === 0 && <NextStep />}
      <section aria-labelledby="active-heading">
        <h2 id="active-heading">Active interventions</h2>
        <ActiveList
          active={active}
          now={now}
          replanMinutes={replanMinutes}
          workdayEnd={settings?.workdayEnd ?? SETTING_DEFAULTS.workdayEnd}
          onPullBack={(ids) => void pullBack(ids)}
          onReplan={(ids) => void replan(ids)}
          onKeep={(id) => void keep(id)}
        />
      </section>
      <ClosingQueue waiting={closing} now={now} onDone={() => void refresh()} />
      {settings && <OnThisPage settings={settings} onChanged={() => void refresh()} />}
      <RecentLog log={log} act={act} />
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

/**
 * "On this page": what Pullback reads on the tab (the tool, the item, its
 * owner as the tool names them), who that is to Pullback, and what an edit
 * here will do and why. From here the lead builds the roster from the tools
 * ("Add <name> as a report", "This is me"), claims items of tools that name no
 * owner, and copies the details of a page Pullback could not read.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatClock } from '@/components/ui/format';
import { sendMessage } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/model/records';
import type { PageVerdict, ProtocolMap } from '@/utils/protocol/messages';
import { describePauseEnd } from '@/utils/background/pause';
import { displayNameOf, personFrom, withMe, withReport } from '@/utils/people/people';
import type { PageReading } from '@/utils/sites/types';
import { ClaimForm } from '@/entrypoints/popup/ClaimCurrentPage';
import { copyDetailsText, unreadableParts } from '@/entrypoints/popup/page-details';
import { OutcomeLine } from '@/components/ui/OutcomeLine';
import { errorText } from '@/utils/model/error-text';

type Described = ReturnType<ProtocolMap['describeTab']>;
type Status = { kind: 'ok' | 'error'; text: string } | null;

/** The tab to describe: `?tab=<id>` when the popup is opened as a page, else the active tab of the last focused window. */
export async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

export function OnThisPage({ settings, onChanged }: { settings: Settings; onChanged(): void }) {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [described, setDescribed] = useState<Described | undefined>(undefined);
  const [status, setStatus] = useState<Status>(null);

  async function describe(id = tabId) {
    if (id === undefined) return setDescribed(null);
    try {
      setDescribed(await sendMessage('describeTab', { tabId: id }));
    } catch (e) {
      setDescribed(null);
      setStatus({
        kind: 'error',
        text: `Pullback could not read this tab: ${errorText(e)}`,
      });
    }
  }

  useEffect(() => {
    void targetTabId().then((id) => {
      setTabId(id);
      void describe(id);
    });
  }, []);
  // Settings changed (a claim, a report added, a tool switched): judge again.
  useEffect(() => {
    if (described !== undefined) void describe();
  }, [settings]);

  if (described === undefined) return null;
  const heading = <h2 id="page-heading">On this page</h2>;
  if (described === null) {
    return (
      <section aria-labelledby="page-heading">
        {heading}
        <p class="muted">
          Pullback does not read this page. It listens in the tools you use and in sites you add in
          the settings.
        </p>
        <OutcomeLine status={status} />
      </section>
    );
  }

  const { reading, verdict } = described;
  const ownerName = reading.owner?.length ? displayNameOf(reading.owner) : '';
  const missing = unreadableParts(reading);

  async function addPerson(as: 'report' | 'me') {
    try {
      const person = personFrom(reading.owner ?? []);
      const next =
        as === 'report' ? withReport(settings, person).settings : withMe(settings, person);
      await sendMessage('saveSettings', next);
      // The page had settled on "not one of your reports": its next edit is judged afresh.
      if (tabId !== undefined) await sendMessage('rereadPage', undefined, tabId).catch(() => {});
      const aliases = person.aliases.length ? `, with ${person.aliases.join(', ')} as aliases` : '';
      setStatus({
        kind: 'ok',
        text:
          as === 'report'
            ? `Added ${person.name} as a report${aliases}. Your next edit here asks.`
            : `Saved: ${person.name} is you${aliases}.`,
      });
      onChanged();
    } catch (e) {
      setStatus({
        kind: 'error',
        text: `Not saved: ${errorText(e)}`,
      });
    }
  }

  async function copyDetails() {
    const text = copyDetailsText(
      reading,
      missing,
      browser.runtime.getManifest().version,
      navigator.userAgent,
    );
    try {
      await navigator.clipboard.writeText(text);
      setStatus({
        kind: 'ok',
        text: 'Details copied. They hold no page text and no names: paste them into a bug report.',
      });
    } catch {
      setStatus({
        kind: 'error',
        text: 'The browser did not let Pullback copy. The details are below: select them and copy.',
      });
    }
  }

  return (
    <section aria-labelledby="page-heading">
      {heading}
      <p class="page-item">
        {reading.toolLabel}
        {reading.artifact && (
          <>
            {' '}
            <span class="key">{reading.artifact.key}</span>{' '}
            <span class="title" title={reading.artifact.title}>
              {reading.artifact.title}
            </span>
          </>
        )}
      </p>
      <p>
        <Standing verdict={verdict} reading={reading} ownerName={ownerName} />
      </p>
      <p>
        <Effect verdict={verdict} reading={reading} settings={settings} />
      </p>
      {verdict.standing.kind === 'not-in-roster' && (
        <div class="row-actions">
          <button type="button" class="primary" onClick={() => addPerson('report')}>
            Add {ownerName} as a report
          </button>
          <button type="button" onClick={() => addPerson('me')}>
            This is me
          </button>
        </div>
      )}
      {/* Only where the tool names no owner, or Pullback could not read it: a claim says whose work it is. */}
      {reading.artifact &&
        settings.reports.length > 0 &&
        (verdict.standing.kind === 'nobody' ||
          (verdict.standing.kind === 'unreadable' && verdict.standing.what === 'owner') ||
          (verdict.standing.kind === 'report' && verdict.standing.byClaim)) && (
          <ClaimForm
            settings={settings}
            toolLabel={reading.toolLabel}
            artifact={reading.artifact}
            onChanged={() => {
              // The page had settled its edits there: the next one is judged afresh, with the claim.
              if (tabId !== undefined)
                void sendMessage('rereadPage', undefined, tabId).catch(() => {});
              onChanged();
            }}
          />
        )}
      {missing.length > 0 && (
        <div class="problem">
          <p>
            Pullback could not read {missing.join(' or ')} here
            {reading.tool ? `: ${reading.toolLabel} may have changed its page` : ''}
            {verdict.standing.kind === 'report' && verdict.standing.byClaim
              ? '; your claim says whose work it is.'
              : reading.artifact && reading.owner === null && settings.reports.length > 0
                ? ', so edits here do nothing until you say whose work it is above.'
                : ', so edits here do nothing.'}{' '}
            Copy the details to report it.
          </p>
          <button type="button" onClick={copyDetails}>
            Copy details
          </button>
          <details>
            <summary>What the details say</summary>
            <pre class="details">
              {copyDetailsText(
                reading,
                missing,
                browser.runtime.getManifest().version,
                navigator.userAgent,
              )}
            </pre>
          </details>
        </div>
      )}
      <OutcomeLine status={status} />
    </section>
  );
}

/** Who the owner is to Pullback, in a lead's words. */
function Standing({
  verdict,
  reading,
  ownerName,
}: {
  verdict: PageVerdict;
  reading: PageReading;
  ownerName: string;
}) {
  const tool = reading.toolLabel;
  const s = verdict.standing;
  switch (s.kind) {
    case 'report':
      return s.byClaim ? (
        <>
          {reading.owner === null
            ? 'Pullback could not read who owns this item'
            : `${tool} names no owner`}
          ; you said this is <strong>{s.reportName}</strong>’s work, one of your reports.
        </>
      ) : (
        <>
          Owner in {tool}: <strong>{ownerName}</strong>, one of your reports
          {ownerName !== s.reportName ? ` (${s.reportName} in your roster)` : ''}.
        </>
      );
    case 'me':
      return (
        <>
          Owner in {tool}: <strong>{ownerName}</strong>, that is you.
        </>
      );
    case 'not-in-roster':
      return (
        <>
          Owner in {tool}: <strong>{ownerName}</strong>, not in your roster.
        </>
      );
    case 'nobody':
      return <>{tool} names no owner for this item.</>;
    case 'unreadable':
      return s.what === 'item' ? (
        <>Pullback could not tell which item this page is.</>
      ) : (
        <>Pullback could not read who owns this item.</>
      );
  }
}

/** What an edit here will do, and why. */
function Effect({
  verdict,
  reading,
  settings,
}: {
  verdict: PageVerdict;
  reading: PageReading;
  settings: Settings;
}) {
  const now = new Date();
  if (verdict.effect === 'prompt' || verdict.effect === 'touch') {
    const when =
      verdict.threshold <= 1
        ? 'on your first keystroke'
        : `once you have made ${verdict.threshold} changes in a row (a paste at once); a smaller fix is counted as a touch`;
    if (verdict.effect === 'prompt' && verdict.waiting)
      return (
        <>If you edit here: a Pullback question is already waiting on this page; answer it there.</>
      );
    return verdict.effect === 'prompt' && verdict.joinable ? (
      <>
        If you edit here: Pullback offers to add this to your open intervention on{' '}
        {verdict.standing.kind === 'report' ? verdict.standing.reportName : 'this report'}’s work,{' '}
        {when}.
      </>
    ) : (
      <>
        If you edit here: Pullback asks whether this is a deliberate, temporary intervention, {when}
        .
      </>
    );
  }
  if (verdict.effect === 'count') {
    return (
      <>
        If you edit here: it counts toward your active intervention on {reading.artifact?.key}
        {verdict.overdue ? ', which is past its planned end' : ''}.
      </>
    );
  }
  const because: Record<typeof verdict.why, string> = {
    'no-roster': 'Pullback does not know your reports yet',
    'tool-off': `you switched ${reading.toolLabel} off in the settings`,
    mine: 'it is yours',
    'not-a-report': 'the owner is not one of your reports',
    nobody: settings.reports.length
      ? 'no one owns it yet: say whose work it is below'
      : 'no one owns it',
    unreadable:
      settings.reports.length && reading.artifact
        ? 'Pullback cannot tell whose it is: say whose work it is below'
        : 'Pullback cannot tell whose it is',
    paused: `prompts are paused ${describePauseEnd(verdict.until ?? null, now)}`,
    cooldown: `you were asked already: quiet until ${verdict.until ? formatClock(verdict.until) : 'later'}`,
  };
  return <>If you edit here: nothing, because {because[verdict.why]}.</>;
}

/**
 * What Pullback keeps and for how long: retention (off by default), titles
 * in system notifications, and deleting before a date or everything. Each
 * deletion is confirmed with the counts of what goes.
 */
import { useEffect, useState } from 'preact/hooks';
import { describeCounts, RETENTION_MONTHS, type ForgetScope } from '@/utils/background/forget';
import { RetentionSchema, type Settings } from '@/utils/model/records';
import { sendMessage, type PendingRetention } from '@/utils/protocol/messages';
import * as v from 'valibot';
import { saver } from '@/entrypoints/options/autosave';
import { ForgetDialog } from '@/components/ui/ForgetDialog';
import { OutcomeLine } from '@/components/ui/OutcomeLine';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** Local midnight at the start of a yyyy-mm-dd day, as the ISO time the background takes. */
const startOfLocalDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();

export function PrivacySection({ settings }: { settings: Settings }) {
  const [day, setDay] = useState('');
  const [dayError, setDayError] = useState<string | null>(null);
  const [pending, setPending] = useState<{
    scope: ForgetScope;
    title: string;
    confirm: string;
    intro: string;
  } | null>(null);
  const [status, setStatus] = useState<Status>(null);

  function askBefore(e: Event) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00`))) {
      setDayError('Choose a date first. Nothing was deleted.');
      return;
    }
    setDayError(null);
    const shown = new Date(`${day}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'long' });
    setPending({
      scope: { kind: 'before', beforeIso: startOfLocalDay(day) },
      title: `Delete everything before ${shown}?`,
      confirm: `Delete before ${shown}`,
      intro: `Interventions started, prompts shown and check-ins made before ${shown} go. Interventions still going on, your roster and settings stay.`,
    });
  }

  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Your data</h2>
      <p class="muted">
        Your log stays in this browser; your roster and settings also follow you through your
        browser’s sync (see “On your other browsers”). Here you decide how long the log is kept, and
        you can delete it.
      </p>
      <label>
        <span>Keep my records for</span>
        <select
          value={String(settings.retentionMonths ?? 0)}
          onChange={(e) => {
            const retentionMonths = v.parse(RetentionSchema, Number(e.currentTarget.value));
            saver.schedule('retention', (s) => ({ ...s, retentionMonths }), 0);
          }}
        >
          <option value="0">As long as I keep Pullback</option>
          {RETENTION_MONTHS.map((m) => (
            <option value={String(m)}>The last {m} months (older ones are deleted)</option>
          ))}
        </select>
      </label>
      <PendingRetentionNotice settings={settings} />
      <label class="inline">
        <input
          type="checkbox"
          checked={settings.hideNotificationTitles === true}
          onChange={(e) => {
            const hideNotificationTitles = e.currentTarget.checked;
            saver.schedule('notification-titles', (s) => ({ ...s, hideNotificationTitles }), 0);
          }}
        />{' '}
        Hide item titles in system notifications (they can show on a shared screen)
      </label>
      <form class="row" aria-label="Delete before a date" onSubmit={askBefore}>
        <label>
          <span>Delete everything before</span>
          <input
            type="date"
            value={day}
            onInput={(e) => setDay(e.currentTarget.value)}
            aria-invalid={dayError ? true : undefined}
          />
        </label>
        <div class="actions">
          <button type="submit">Delete before this date…</button>
        </div>
      </form>
      {dayError && (
        <p role="alert" class="alert">
          {dayError}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="danger"
          onClick={() =>
            setPending({
              scope: { kind: 'everything' },
              title: 'Delete everything?',
              confirm: 'Delete everything',
              intro:
                'Every intervention, prompt and check-in, your roster (you and your reports) and the pages you assigned go. Your preferences (timing, tools, sites, reminders) stay.',
            })
          }
        >
          Delete everything…
        </button>
      </div>
      <OutcomeLine status={status} />
      {pending && (
        <ForgetDialog
          scope={pending.scope}
          title={pending.title}
          intro={<p>{pending.intro}</p>}
          confirm={pending.confirm}
          onCancel={() => setPending(null)}
          onDone={({ deleted, error }) => {
            setStatus(
              deleted
                ? { kind: 'ok', text: `Deleted ${describeCounts(deleted)}.` }
                : { kind: 'error', text: `Nothing was deleted: ${error}` },
            );
            setPending(null);
          }}
        />
      )}
    </section>
  );
}

const keeping = (months: number) =>
  months ? `the last ${months} months` : 'everything, as long as you keep Pullback';

/**
 * A stricter "keep my records for" chosen on another browser (or brought by a backup) deletes
 * nothing here until the lead confirms it here, seeing what it would delete.
 */
function PendingRetentionNotice({ settings }: { settings: Settings }) {
  const [pending, setPending] = useState<PendingRetention | null>(null);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    void sendMessage('pendingRetention', undefined).then(setPending, () => setPending(null));
  }, [settings.retentionMonths]);
  if (!pending) return <OutcomeLine status={status} />;
  const what = describeCounts(pending.counts);
  const confirm = () =>
    sendMessage('keepRecordsFor', { months: pending.months }).then(
      (deleted) => {
        setPending(null);
        setStatus({
          kind: 'ok',
          text: `Now keeping ${keeping(pending.months)} here. Deleted ${describeCounts(deleted)}.`,
        });
      },
      (e) =>
        setStatus({
          kind: 'error',
          text: `Nothing was deleted: ${e instanceof Error ? e.message : String(e)}`,
        }),
    );
  return (
    <div class="notice" role="group" aria-label="Keep records for: waiting for you on this browser">
      <p>
        Your settings now say to keep {keeping(pending.months)} (changed on another browser or by an
        import). On this browser that deletes {what === 'nothing' ? 'nothing yet' : what}. Nothing
        is deleted here until you confirm; until then this browser keeps{' '}
        {keeping(pending.hereMonths)}.
      </p>
      <div class="actions">
        <button type="button" class="danger" onClick={() => void confirm()}>
          {what === 'nothing'
            ? `Keep ${keeping(pending.months)} here`
            : `Delete ${what} and keep ${keeping(pending.months)}`}
        </button>
      </div>
    </div>
  );
}

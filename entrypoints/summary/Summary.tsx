/**
 * The weekly summary. Until the full week view lands (issue 4) it shows the
 * last seven days as plain figures from the same log the popup reads.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDuration } from '@/utils/durations';
import { sendMessage, type InterventionView, type PromptView } from '@/utils/messages';

export function Summary() {
  const [data, setData] = useState<{ interventions: InterventionView[]; prompts: PromptView[] } | null>(null);
  useEffect(() => {
    void sendMessage('listLog', { limit: 500 }).then(setData);
  }, []);
  const since = Date.now() - 7 * 24 * 3600_000;
  const week = data?.interventions.filter((r) => Date.parse(r.startedAt) >= since) ?? [];
  const prompts = data?.prompts.filter((p) => Date.parse(p.at) >= since) ?? [];
  const onTime = week.filter((r) => r.endedAt && r.endedAt <= r.plannedEndAt).length;
  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '20px' }}>
      <h1>Pullback: the last seven days</h1>
      {data === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <dl>
          <dt>Interventions started</dt>
          <dd>{week.length}</dd>
          <dt>Hands-on time</dt>
          <dd>{formatDuration(week.reduce((t, r) => t + r.activeMs, 0))}</dd>
          <dt>Pulled back by the planned end</dt>
          <dd>{onTime} of {week.length}</dd>
          <dt>Prompts where you caught yourself</dt>
          <dd>{prompts.filter((p) => p.answer === 'stepped-back').length} of {prompts.length}</dd>
        </dl>
      )}
      <p class="muted">The full weekly view (per report, alignment × confidence) is on its way.</p>
    </main>
  );
}

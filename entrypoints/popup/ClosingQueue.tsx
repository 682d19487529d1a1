/**
 * Interventions just ended, waiting for their two closing questions: one queue, one at a time
 * (the latest first), with how many are waiting. Answering or skipping one brings the next.
 */
import { useEffect, useRef } from 'preact/hooks';
import { createClosingQuestions } from '@/components/prompt/ClosingQuestions';
import { lifecycleThroughBackground } from '@/components/prompt/lifecycle';
import { formatSpan, spanMs } from '@/utils/model/durations';
import type { InterventionView } from '@/utils/protocol/messages';

export function ClosingQueue({
  waiting,
  now,
  onDone,
}: {
  waiting: InterventionView[];
  now: Date;
  onDone(): void;
}) {
  if (waiting.length === 0) return null;
  // The one just pulled back first: it is the one the lead has in mind.
  const [first] = [...waiting].sort((a, b) => (b.endedAt ?? '').localeCompare(a.endedAt ?? ''));
  const r = first!;
  return (
    <section aria-labelledby="closing-heading">
      <h2 id="closing-heading">
        Waiting to be closed{' '}
        {waiting.length > 1 && <span class="muted">(1 of {waiting.length})</span>}
      </h2>
      <div class="card">
        <p>
          <span class="key">{r.artifact.key}</span> · <span data-name>{r.reportName}</span> ·{' '}
          {r.status === 'lapsed' ? 'closed by Pullback when the work went quiet' : 'ended'} after{' '}
          {formatSpan(spanMs(r, now))}
        </p>
        <ClosingQuestionsMount record={r} onDone={onDone} />
      </div>
    </section>
  );
}

/** The closing questions are plain DOM (shared with the in-page prompt): mounted once per record. */
function ClosingQuestionsMount({ record, onDone }: { record: InterventionView; onDone(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(
      createClosingQuestions({
        record,
        onSave: (answers) => lifecycleThroughBackground.recordClosing(record.id, answers),
        closingLine: lifecycleThroughBackground.closingLine,
        onDone,
      }),
    );
  }, [record.id]);
  return <div ref={ref} />;
}

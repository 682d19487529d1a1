/** "To reflect on": facts from the week, each linking the records behind it; at most one question. */
import type { SummaryData } from '@/utils/protocol/messages';
import type { WeekSummary } from '@/utils/reports/summary';
import { useMemo } from 'preact/hooks';

/** Record links shown after a reflection before "and N more". */
const LINKS_SHOWN = 12;

export function Reflections({
  summary,
  data,
  reveal,
}: {
  summary: WeekSummary;
  data: SummaryData;
  reveal(recordId: string): void;
}) {
  // Item keys by record id, built once: a reflection can name hundreds of records (a year of data).
  const keyOf = useMemo(() => {
    const keys = new Map<string, string>();
    for (const p of data.prompts) keys.set(p.id, p.artifact.key);
    for (const r of data.interventions) keys.set(r.id, r.artifact.key);
    return (id: string) => keys.get(id);
  }, [data]);
  if (summary.reflections.length === 0) return null;
  return (
    <section aria-labelledby="reflect-heading">
      <h2 id="reflect-heading">To reflect on</h2>
      <ul class="reflections">
        {summary.reflections.map((r) => (
          <li data-rule={r.rule}>
            {r.text} <RecordLinks ids={r.recordIds} keyOf={keyOf} reveal={reveal} />
            {r.question && <strong class="question"> {r.question}</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Links to the records behind a reflection (ratings and other non-record ids are left out). */
function RecordLinks({
  ids,
  keyOf,
  reveal,
}: {
  ids: string[];
  keyOf(id: string): string | undefined;
  reveal(recordId: string): void;
}) {
  const known = ids.filter((id) => keyOf(id));
  if (known.length === 0) return null;
  // A busy week's reflection can name hundreds of records: the first few, then how many more.
  const linked = known.slice(0, LINKS_SHOWN);
  return (
    <span class="muted">
      (
      {linked.map((id, i) => (
        <>
          {i > 0 && ', '}
          <a href={`#rec-${id}`} onClick={(e) => (e.preventDefault(), reveal(id))}>
            {keyOf(id)}
          </a>
        </>
      ))}
      {known.length > linked.length &&
        ` and ${known.length - linked.length} more in the table below`}
      )
    </span>
  );
}

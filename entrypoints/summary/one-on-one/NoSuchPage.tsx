/** A 1:1 link that names no report Pullback knows, or cannot be read: say so, and offer the way back and the reports there are. */
import { useEffect } from 'preact/hooks';
import type { Settings } from '@/utils/model/records';
import { summaryHash } from '@/utils/reports/summary-route';
import { weekIdOf, weekLabel, type WeekId } from '@/utils/model/week';

export function BackLink({ week }: { week: WeekId | null }) {
  const target = week ?? weekIdOf(new Date());
  return <a href={summaryHash({ week: target })}>← Back to the week of {weekLabel(target)}</a>;
}

export function NoSuchPage({
  heading,
  problem,
  week,
  settings,
}: {
  heading: string;
  problem: string;
  week: WeekId | null;
  settings: Settings | null;
}) {
  useEffect(() => {
    document.title = 'Pullback — no such 1:1 page';
  }, []);
  const target = week ?? weekIdOf(new Date());
  const reports = settings?.reports ?? [];
  return (
    <main class="summary one-on-one">
      <h1>{heading}</h1>
      <p role="alert" class="alert">
        {problem}
      </p>
      <p>
        <BackLink week={week} />
      </p>
      {reports.length > 0 && (
        <nav aria-label="1:1 pages of your reports">
          <p>1:1 pages of your reports:</p>
          <ul>
            {reports.map((r) => (
              <li>
                <a href={summaryHash({ week: target, reportId: r.id })}>{r.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </main>
  );
}

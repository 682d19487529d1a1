/** What the summary says with no roster yet, and in a week with nothing recorded. */
import type { WeekSummary } from '@/utils/reports/summary';

export function FirstRun() {
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h2 id="empty-heading">Nothing to show yet</h2>
      <p>
        Pullback needs to know who your reports are. Add them on the{' '}
        <a href="/options.html">roster page</a> with the names, emails and account ids your tools
        show for them (or import a backup).
      </p>
      <p>
        Then, whenever you edit the details of their work, Pullback asks whether it is a deliberate,
        temporary intervention. Each week this page shows the pattern: whose work you stepped into,
        for how long, whether you pulled back when you meant to, and where each report stands on
        alignment and confidence.
      </p>
    </section>
  );
}

/**
 * Nothing in the week. Without earlier weeks the page says what will appear; with them, it says
 * what a quiet week can mean, without judging it.
 */
export function QuietWeek({ summary }: { summary: WeekSummary }) {
  const soFar = summary.current ? ' so far' : '';
  if (!summary.earlierData) {
    return (
      <section class="empty" aria-labelledby="quiet-heading">
        <h2 id="quiet-heading">Nothing recorded{soFar}</h2>
        <p>
          No interventions and no prompts yet. As you work in your reports’ tools, Pullback asks
          when you start editing their work, and the pattern builds up here week by week.
        </p>
      </section>
    );
  }
  return (
    <section class="empty" aria-labelledby="quiet-heading">
      <h2 id="quiet-heading">A quiet week{soFar}</h2>
      <p>
        No interventions and no prompts{soFar}, after some in the weeks before. The check-in below
        shows whether each report has the direction and the trust to go on without you.
      </p>
    </section>
  );
}

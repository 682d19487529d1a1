/** Until there is a roster, Pullback stays quiet everywhere: the popup says what to do next. */
export function NextStep() {
  return (
    <div class="next-step" role="note" aria-label="What to do next">
      <p>
        <strong>Next: tell Pullback who your reports are.</strong> Until then it stays quiet
        everywhere.
      </p>
      <p>
        Open one of their tickets or pages and use <em>Add … as a report</em> under “On this page”
        below, or{' '}
        <a href="/welcome.html" target="_blank">
          set up your team
        </a>
        .
      </p>
    </div>
  );
}

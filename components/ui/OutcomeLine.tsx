/**
 * The outcome of what the lead just did, in one line: an error is an alert
 * (read out at once), anything else a polite status. Shared by the options
 * sections, the popup and the welcome page.
 */
export type Outcome = { kind: 'ok' | 'error'; text: string } | null;

export function OutcomeLine({ status }: { status: Outcome }) {
  if (!status) return null;
  const role = status.kind === 'error' ? 'alert' : 'status';
  return (
    <p role={role} class={role}>
      {status.text}
    </p>
  );
}

/**
 * "Pullback cannot see your work in Jira": shown by the popup and the welcome
 * page while a tool's site access is withdrawn (utils/host-access.ts), with
 * one button per tool that asks the browser again from the lead's click.
 * Renders nothing while every tool in use has its access.
 */
import { useEffect, useState } from 'preact/hooks';
import { askForAccess, onAccessChange, withdrawnAccess, type ToolAccess } from '@/utils/host-access';

export function AccessNotice({ switchedOff = [] }: { switchedOff?: readonly string[] }) {
  const [withdrawn, setWithdrawn] = useState<ToolAccess[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const offKey = switchedOff.join(',');

  useEffect(() => {
    const check = () => void withdrawnAccess(switchedOff).then(setWithdrawn);
    check();
    return onAccessChange(check);
  }, [offKey]);

  if (withdrawn.length === 0) return null;
  const ask = async (need: ToolAccess) => {
    setRefused(null);
    const granted = await askForAccess(need).catch(() => false);
    if (!granted) setRefused(need.label);
    setWithdrawn(await withdrawnAccess(switchedOff));
  };
  return (
    <section class="access-notice" aria-labelledby="access-heading">
      <h2 id="access-heading">Pullback cannot see some of your tools</h2>
      <p>Access to these sites was withdrawn in your browser’s extension settings, so edits there go unnoticed.</p>
      <ul>
        {withdrawn.map((need) => (
          <li key={need.label}>
            <span>{need.label}</span>{' '}
            <button type="button" onClick={() => void ask(need)}>
              Allow on {need.label} again
            </button>
          </li>
        ))}
      </ul>
      {refused && (
        <p role="alert">
          {refused}: still not allowed. Your browser kept access withdrawn; you can allow it here or in the extension’s settings.
        </p>
      )}
    </section>
  );
}

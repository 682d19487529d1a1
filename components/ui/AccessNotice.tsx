/**
 * "Pullback cannot see your work in Jira": shown by the popup and the welcome
 * page while a tool's site access is withdrawn, or a site the lead added on
 * another browser has no access here yet (utils/settings/host-access.ts), with
 * one button per tool that asks the browser again from the lead's click.
 * Renders nothing while every tool in use has its access.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  askForAccess,
  onAccessChange,
  withdrawnAccess,
  type AddedSite,
  type ToolAccess,
} from '@/utils/settings/host-access';

export function AccessNotice({
  switchedOff = [],
  addedSites = [],
}: {
  switchedOff?: readonly string[];
  addedSites?: readonly AddedSite[];
}) {
  const [withdrawn, setWithdrawn] = useState<ToolAccess[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const key = [...switchedOff, ...addedSites.map((s) => s.origin)].join(',');
  const withdrawnNow = () => withdrawnAccess(switchedOff, undefined, addedSites);

  useEffect(() => {
    const check = () => void withdrawnNow().then(setWithdrawn);
    check();
    return onAccessChange(check);
  }, [key]);

  if (withdrawn.length === 0) return null;
  const ask = async (need: ToolAccess) => {
    setRefused(null);
    const granted = await askForAccess(need).catch(() => false);
    if (!granted) setRefused(need.label);
    setWithdrawn(await withdrawnNow());
  };
  return (
    <section class="access-notice" aria-labelledby="access-heading">
      <h2 id="access-heading">Pullback cannot see some of your tools</h2>
      <p>
        Pullback has no access to these sites in this browser (withdrawn in its extension settings,
        or added on another of your browsers), so edits there go unnoticed.
      </p>
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
          {refused}: still not allowed. Your browser kept access withdrawn; you can allow it here or
          in the extension’s settings.
        </p>
      )}
    </section>
  );
}

/**
 * Keeps the run-time content script registered for exactly the added sites
 * whose permission the lead granted. Called at start, on settings changes
 * and when a permission is removed in the browser's own UI.
 */
import { browser } from 'wxt/browser';
import type { CustomSite } from '@/utils/model/records';

export const CUSTOM_SCRIPT_ID = 'pullback-custom-sites';

export async function syncCustomSites(sites: readonly CustomSite[]): Promise<string[]> {
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  const matches = sites.map((s) => `${s.origin}/*`).filter((m) => granted.has(m));
  const registered = await browser.scripting.getRegisteredContentScripts({
    ids: [CUSTOM_SCRIPT_ID],
  });
  if (registered.length)
    await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (matches.length) {
    await browser.scripting.registerContentScripts([
      {
        id: CUSTOM_SCRIPT_ID,
        matches,
        js: ['content-scripts/custom.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return matches;
}

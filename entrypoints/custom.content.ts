// Sites the lead added on the options page. Registered at run time by the
// background (utils/background/custom-sites.ts) for the origins the lead granted; the
// manifest lists none, so nothing runs on a site the lead never enabled.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from '@/entrypoints/page/content-script';
import { sendMessage } from '@/entrypoints/page/messaging';
import { customAdapter } from '@/utils/sites/custom';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main() {
    // Extension storage is closed to content scripts: the background answers for this origin.
    const site = await sendMessage('customSiteHere', undefined).catch(() => null);
    if (site) contentScriptFor([customAdapter(site)], 'custom').main();
  },
});

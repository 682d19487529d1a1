// Sites the lead added on the options page. Registered at run time by the
// background (utils/custom-sites.ts) for the origins the lead granted; the
// manifest lists none, so nothing runs on a site the lead never enabled.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptFor } from './page/content-script';
import { settingsItem } from '@/utils/settings';
import { customAdapter } from '@/utils/sites/custom';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main() {
    const site = (await settingsItem.getValue()).customSites.find((s) => s.origin === location.origin);
    if (site) contentScriptFor([customAdapter(site)]).main();
  },
});

/**
 * A site the lead added on the options page. It knows only what the lead
 * told it: the origin, the regions whose editing counts, and the
 * conversation inside them. The artifact is the page (host and path); its
 * owner comes from a claim ("this page belongs to…"), since a generic site
 * shows none we could trust. What it relies on: docs/evidence/custom.md.
 */
import type { CustomSite } from '@/utils/model/records';
import { isTextEditable, type SiteAdapter } from '@/utils/sites/types';

export function customAdapter(site: CustomSite): SiteAdapter {
  return {
    id: 'custom',
    label: site.label,
    matches: [`${site.origin}/*`],
    appliesTo: (url) => url.origin === site.origin,
    artifact(url, doc) {
      const path = url.pathname.replace(/\/+$/, '') || '/';
      return { key: `${url.host}${path}`, title: doc.title.trim(), url: `${url.origin}${path}` };
    },
    ownership: async () => ({ owner: [], viewer: [] }),
    isContentEditor(el) {
      if (!isTextEditable(el)) return false;
      try {
        if (site.conversationSelector && el.closest(site.conversationSelector)) return false;
        return el.closest(site.editableSelector) !== null;
      } catch {
        return false; // A selector the page's engine refuses: nothing counts, nothing breaks.
      }
    },
  };
}

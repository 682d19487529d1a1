/**
 * Sites the lead adds beyond the supported tools. Adding one asks the
 * browser for that origin only (permissions.request, from the click
 * itself); removing one gives the permission back. Pages there are claimed
 * from the popup like Figma files, since a generic site names no owner.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CustomSite } from '@/utils/model/records';
import { saver } from '@/entrypoints/options/autosave';
import { OutcomeLine } from '@/components/ui/OutcomeLine';
import { errorText } from '@/utils/model/error-text';

const DEFAULT_EDITABLE = '[contenteditable="true"], textarea';

/** A selector the browser can parse, or the reason it cannot. */
function selectorProblem(selector: string): string | null {
  try {
    document.createDocumentFragment().querySelector(selector);
    return null;
  } catch {
    return `“${selector}” is not a CSS selector the browser understands.`;
  }
}

/** Adding or removing a site saves at once, like every change on this page. */
async function saveSites(change: (sites: CustomSite[]) => CustomSite[]) {
  await saver.saveNow((s) => ({ ...s, customSites: change(s.customSites) }));
}

export function CustomSites({ sites }: { sites: CustomSite[] }) {
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [editable, setEditable] = useState(DEFAULT_EDITABLE);
  const [conversation, setConversation] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  function add(e: Event) {
    e.preventDefault();
    let origin: string;
    try {
      const url = new URL(
        address.trim().includes('://') ? address.trim() : `https://${address.trim()}`,
      );
      if (!/^https?:$/.test(url.protocol)) throw new Error();
      origin = url.origin;
    } catch {
      setStatus({
        kind: 'error',
        text: 'Enter the site’s address, like https://wiki.acme.test. Nothing was added.',
      });
      return;
    }
    const problem =
      selectorProblem(editable.trim() || '*') ??
      (conversation.trim() ? selectorProblem(conversation.trim()) : null);
    if (problem || !editable.trim()) {
      setStatus({
        kind: 'error',
        text: `${problem ?? 'Say which regions count as editing.'} Nothing was added.`,
      });
      return;
    }
    // The permission prompt must come from the click itself: ask before anything else is awaited.
    void browser.permissions.request({ origins: [`${origin}/*`] }).then(
      async (granted) => {
        if (!granted) {
          setStatus({
            kind: 'error',
            text: `The browser did not grant access to ${origin}. Nothing was added.`,
          });
          return;
        }
        const site: CustomSite = {
          origin,
          label: label.trim() || new URL(origin).host,
          editableSelector: editable.trim(),
          conversationSelector: conversation.trim(),
        };
        await saveSites((all) => [...all.filter((s) => s.origin !== origin), site]);
        setStatus({
          kind: 'ok',
          text: `Added ${site.label}. Assign its pages to a report from the popup, on each page.`,
        });
        setAddress('');
        setLabel('');
      },
      (err) =>
        setStatus({
          kind: 'error',
          text: `${errorText(err)} Nothing was added.`,
        }),
    );
  }

  async function remove(site: CustomSite) {
    // A permission the browser will not take back (granted at install) stays; the site is removed all the same.
    await browser.permissions.remove({ origins: [`${site.origin}/*`] }).catch(() => false);
    await saveSites((all) => all.filter((s) => s.origin !== site.origin));
    setStatus({ kind: 'ok', text: `Removed ${site.label}. Pullback no longer runs there.` });
  }

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Your own sites</h2>
      <p class="muted">
        Add a site your team works in (a wiki, an internal tool). Pullback asks the browser for that
        site only, and runs nowhere else you have not enabled.
      </p>
      {sites.map((site) => (
        <div class="claim" role="group" aria-label={`Site ${site.label}`}>
          <span>
            <strong>{site.label}</strong> <span class="muted">{site.origin}</span>
          </span>
          <span class="muted">
            {site.editableSelector === DEFAULT_EDITABLE
              ? 'typing in any editable area counts'
              : 'typing counts in the areas you chose'}
          </span>
          <button type="button" onClick={() => remove(site)}>
            Remove
          </button>
        </div>
      ))}
      <form onSubmit={add} aria-label="Add a site">
        <div class="row">
          <label>
            <span>Site address</span>
            <input
              type="url"
              value={address}
              placeholder="https://wiki.acme.test"
              onInput={(e) => setAddress(e.currentTarget.value)}
            />
          </label>
          <label>
            <span>Name</span>
            <input
              type="text"
              value={label}
              placeholder="Team wiki"
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          </label>
        </div>
        {/* Most sites need neither: typing in any editable area counts, and nothing is left out. */}
        <details class="advanced">
          <summary>Advanced: which parts of its pages count</summary>
          <p class="muted">
            By default, typing in any editable area of the site counts as editing. To narrow that,
            or to leave out a part such as comments, describe the parts as CSS selectors (the way a
            web developer names parts of a page).
          </p>
          <label>
            <span>Where on its pages typing counts (CSS selectors)</span>
            <input
              type="text"
              value={editable}
              onInput={(e) => setEditable(e.currentTarget.value)}
            />
          </label>
          <label>
            <span>
              Conversation inside them that never counts, e.g. comments (CSS selectors, optional)
            </span>
            <input
              type="text"
              value={conversation}
              onInput={(e) => setConversation(e.currentTarget.value)}
            />
          </label>
        </details>
        <div class="actions">
          <button type="submit">Add site</button>
        </div>
      </form>
      <OutcomeLine status={status} />
    </section>
  );
}

/**
 * "For <name>": what the lead can say in the 1:1 and share afterwards. Talking points from the
 * weeks (what I stepped into and handed back, the frameworks in my words, what is still with me)
 * and the actions the lead adds. Nothing here is a duration, a rating or "caught myself": those
 * are on the other side of the page.
 */
import { useState } from 'preact/hooks';
import { pointText } from '@/utils/reports/one-on-one-markdown';
import type { OneOnOne, OneOnOneIntervention } from '@/utils/reports/one-on-one';

export function ForReport({
  view,
  name,
  actions,
  onActions,
}: {
  view: OneOnOne;
  name: string;
  actions: string[];
  onActions(actions: string[]): void;
}) {
  const tp = view.talkingPoints;
  const nothing =
    tp.handedBack.length +
      tp.frameworks.length +
      tp.openTakeovers.length +
      tp.stillWithMe.length ===
    0;
  return (
    <section aria-labelledby="oo-for-heading" class="oo-side oo-shared" data-side="shared">
      <h2 id="oo-for-heading">For {name}</h2>
      <p class="muted oo-side-note">What you can talk through and share with {name}.</p>
      {nothing && <p class="muted">Nothing from the log in these weeks to talk through.</p>}
      <Points heading="Stepped into and handed back" items={tp.handedBack} />
      {tp.frameworks.length > 0 && (
        <>
          <h3>Frameworks, in my words</h3>
          <ul class="oo-items">
            {tp.frameworks.map((f) => (
              <li>
                <span class="key">{f.key}</span>: <span class="oo-quote">“{f.words}”</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Points heading="Take-overs still with me" items={tp.openTakeovers} />
      <Points heading="Still with me" items={tp.stillWithMe} />
      <Actions name={name} actions={actions} onActions={onActions} />
    </section>
  );
}

function Points({ heading, items }: { heading: string; items: OneOnOneIntervention[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul class="oo-items">
        {items.map((x) => (
          <li data-record={x.record.id}>
            <a class="key" href={x.record.artifact.url} target="_blank" rel="noreferrer">
              {x.record.artifact.key}
            </a>{' '}
            {x.record.artifact.title}: {pointText(x)}
          </li>
        ))}
      </ul>
    </>
  );
}

function Actions({
  name,
  actions,
  onActions,
}: {
  name: string;
  actions: string[];
  onActions(actions: string[]): void;
}) {
  const [draft, setDraft] = useState('');
  function add(e: Event) {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    onActions([...actions, text]);
    setDraft('');
  }
  return (
    <>
      <h3 id="oo-actions-heading">Actions</h3>
      {actions.length > 0 ? (
        <ul class="oo-items oo-action-list" aria-labelledby="oo-actions-heading">
          {actions.map((a, i) => (
            <li>
              {a}{' '}
              <button
                type="button"
                class="link-button no-print"
                aria-label={`Remove the action “${a}”`}
                onClick={() => onActions(actions.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None yet. Add what you and {name} agree to do.</p>
      )}
      <form class="oo-add-action no-print" onSubmit={add}>
        <label>
          <span>Add an action for the 1:1</span>
          <input
            type="text"
            value={draft}
            maxLength={300}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Add</button>
      </form>
    </>
  );
}

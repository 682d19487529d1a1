// @vitest-environment happy-dom
/**
 * The take-over watcher: an assigning click sends a 'takeover'
 * signal naming the assignee being replaced, only when the item goes to the
 * lead; reassigning to someone else and items nobody had send nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jira, jiraPageAdapter } from '@/utils/sites/jira';
import {
  click,
  setUrl,
  triggerWithLateLookups as lateLookups,
  watchTakeovers,
} from './takeover-harness';

function page(assignee: string | null) {
  setUrl('https://acme.atlassian.net/browse/PAY-1');
  const person = assignee
    ? `<div data-testid="profilecard-next.ui.profilecard.profilecard-trigger"><span role="button" aria-label="More information about ${assignee}"><div role="img"><span>${assignee}</span></div><span><span>${assignee}</span></span></span></div>`
    : '<span>Unassigned</span>';
  document.body.innerHTML = `<h1 data-testid="issue.views.issue-base.foundation.summary.heading">Pay</h1>
    <div data-testid="issue.issue-view-layout.issue-view-assignee-field.assignee"><div data-testid="issue.views.field.user.assignee">${person}
    <div role="button" id="me" data-testid="issue-view-layout-assignee-field.ui.assign-to-me">Assign to me</div></div></div>`;
}

/** The API already answers with the new assignee (Dana): the page's earlier reading must win. */
function apiAnswersDana() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const body = String(url).endsWith('/myself')
        ? { displayName: 'Dana Lead', accountId: 'd0' }
        : { fields: { summary: 'Pay', assignee: { displayName: 'Dana Lead', accountId: 'd0' } } };
      return new Response(JSON.stringify(body), {
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
}

const watch = () => watchTakeovers(jira);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('take-over watcher', () => {
  it('"Assign to me" on Alice’s item sends a takeover naming Alice, not the new assignee', async () => {
    page('Alice Chen');
    apiAnswersDana();
    const { sent, watcher } = watch();
    click(document.getElementById('me')!);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      kind: 'takeover',
      tool: 'jira',
      owner: ['Alice Chen'],
      artifact: { key: 'PAY-1' },
    });
    watcher.stop();
  });

  it('with the picker open (the assignee hidden), the assignee seen when it was opened is the one replaced', async () => {
    page('Alice Chen');
    apiAnswersDana();
    const { sent, watcher } = watch();
    const field = document.querySelector('[data-testid="issue.views.field.user.assignee"]')!;
    field
      .querySelector('[role="button"]')!
      .dispatchEvent(new Event('pointerdown', { bubbles: true }));
    field.innerHTML =
      '<input role="combobox"><div role="listbox"><div role="option" id="dana"><span>Dana Lead</span></div><div role="option" id="bob"><span>Bob Okafor</span></div></div>';
    click(document.getElementById('bob')!);
    click(document.getElementById('dana')!);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      kind: 'takeover',
      owner: ['Alice Chen'],
      viewer: ['Dana Lead', 'd0'],
    });
    watcher.stop();
  });

  it('an item nobody had, and clicks that assign nothing, send nothing', async () => {
    page(null);
    apiAnswersDana();
    const { sent, watcher } = watch();
    click(document.getElementById('me')!);
    click(document.querySelector('h1')!);
    // Both are decided from the page alone: nothing is asked of the API, nothing is sent.
    expect(fetch).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    watcher.stop();
  });
});

describe('take-over trigger (the watcher loads with the lookups)', () => {
  const triggerWithLateLookups = () => lateLookups(jira, jiraPageAdapter);

  it('the first "Assign to me" on a fresh page, before the watcher is there, is judged with the assignee from before the click', async () => {
    page('Alice Chen');
    apiAnswersDana();
    const { trigger, arrive, sent } = triggerWithLateLookups();
    click(document.getElementById('me')!);
    // The tool shows the new assignee before the lookups arrive.
    document.querySelector('[data-testid="issue.views.field.user.assignee"]')!.innerHTML =
      '<div data-testid="profilecard-next.ui.profilecard.profilecard-trigger"><span role="button" aria-label="More information about Dana Lead"><span>Dana Lead</span></span></div>';
    arrive();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      kind: 'takeover',
      tool: 'jira',
      owner: ['Alice Chen'],
      artifact: { key: 'PAY-1' },
    });
    trigger.stop();
  });

  it('loads nothing for presses and clicks outside the assignee field, and drops kept clicks on navigation', async () => {
    page('Alice Chen');
    apiAnswersDana();
    const { trigger, load, arrive, sent } = triggerWithLateLookups();
    click(document.querySelector('h1')!);
    expect(load).not.toHaveBeenCalled();
    click(document.getElementById('me')!);
    expect(load).toHaveBeenCalled();
    trigger.navigated();
    arrive();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetch).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    trigger.stop();
  });
});

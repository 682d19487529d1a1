// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDetector, EDIT_THROTTLE_MS, STRETCH_GAP_MS } from '@/utils/page/detector';
import { boundedSignal, judging } from '@/utils/page/edit-judge';
import type { EditDecision, EditSignal, Heartbeat } from '@/utils/protocol/messages';
import { LIMITS, type Artifact } from '@/utils/model/records';
import type { Ownership, SiteAdapter } from '@/utils/sites/types';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const promptFor = (key: string): EditDecision => ({
  action: 'prompt',
  promptId: `p-${key}`,
  report: { id: 'alice', name: 'Alice Chen' },
  tool: 'jira',
  artifact: { key, title: '', url: `https://acme.atlassian.net/browse/${key}` },
  workdayEndsAt: '2026-12-07T17:00:00.000Z',
});

type OwnershipFn = SiteAdapter['ownership'];

function harness(
  options: { title?: string; ownership?: OwnershipFn; addressFollowed?: boolean } = {},
) {
  document.body.innerHTML = `
    <div id="editor" contenteditable="true" data-editor></div>
    <input id="search" type="search" />
    <pullback-prompt><input id="own" data-editor /></pullback-prompt>`;
  const page = { key: 'PAY-1' as string | null, t: 1_000_000, adapter: true, alive: true };
  const ownership = vi.fn<OwnershipFn>(
    options.ownership ?? (async () => ({ owner: ['Alice Chen'], viewer: ['Dana Lead'] })),
  );
  const adapter: SiteAdapter = {
    id: 'jira',
    label: 'Fake Jira',
    matches: [],
    appliesTo: () => true,
    artifact: (): Artifact | null =>
      page.key
        ? {
            key: page.key,
            title: options.title ?? `Title ${page.key}`,
            url: `https://acme.atlassian.net/browse/${page.key}`,
          }
        : null,
    ownership,
    isContentEditor: (el) => el.hasAttribute('data-editor'),
  };
  const send = vi.fn(async (signal: EditSignal): Promise<EditDecision> =>
    promptFor(signal.artifact.key),
  );
  const sendHeartbeat = vi.fn(async (_beat: Heartbeat): Promise<EditDecision> => ({
    action: 'none',
    reason: 'not-active',
  }));
  const sendTouch = vi.fn(async (_signal: EditSignal) => undefined);
  const onDecision = vi.fn();
  const onNavigate = vi.fn();
  const onQuiet = vi.fn();
  const diagnose = vi.fn();
  const onRetired = vi.fn();
  const onEditorFocus = vi.fn();
  const loadJudging = vi.fn(async () => judging);
  const detector = createDetector(document, {
    diagnose,
    onRetired,
    onEditorFocus,
    isAlive: () => page.alive,
    adapterFor: () => (page.adapter ? adapter : null),
    judging: loadJudging,
    send,
    sendTouch,
    sendHeartbeat,
    onDecision,
    onNavigate,
    onQuiet,
    addressFollowed: options.addressFollowed,
    isOwnUi: (el) => el.closest('pullback-prompt') !== null,
    now: () => page.t,
  });
  detector.start();
  const type = async (id = 'editor', inputType = 'insertText') => {
    const el = document.getElementById(id)!;
    el.dispatchEvent(
      new InputEvent('beforeinput', {
        bubbles: true,
        cancelable: true,
        inputType,
        data: 'x',
      }),
    );
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data: 'x' }));
    await flush();
  };
  return {
    page,
    adapter,
    ownership,
    send,
    sendTouch,
    sendHeartbeat,
    onDecision,
    onNavigate,
    onQuiet,
    diagnose,
    onRetired,
    onEditorFocus,
    detector,
    type,
    judging: loadJudging,
  };
}

let current: ReturnType<typeof harness> | undefined;
beforeEach(() => {
  current = undefined;
  // Files share a worker's window (isolate: false): start every test on a report's ticket address,
  // whatever the file before left the address at.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://acme.atlassian.net/browse/PAY-1',
  );
});
afterEach(() => {
  current?.detector.stop();
  document.body.innerHTML = '';
});
const setup = (...args: Parameters<typeof harness>) => (current = harness(...args));

describe('edit detection', () => {
  it('typing in a content editor sends one edit with the artifact and its owner, and hands the decision on', async () => {
    const h = setup();
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(1);
    expect(h.send).toHaveBeenCalledWith({
      tool: 'jira',
      artifact: {
        key: 'PAY-1',
        title: 'Title PAY-1',
        url: 'https://acme.atlassian.net/browse/PAY-1',
      },
      owner: ['Alice Chen'],
      viewer: ['Dana Lead'],
      stretch: { keys: 1, pasted: false, ms: 0 },
    });
    expect(h.onDecision).toHaveBeenCalledTimes(1);
    expect(h.onDecision).toHaveBeenCalledWith(
      promptFor('PAY-1'),
      expect.objectContaining({ key: 'PAY-1' }),
    );
  });

  it('sends at most one edit per artifact per throttle window while typing', async () => {
    const h = setup();
    await h.type();
    for (let i = 0; i < 5; i++) {
      h.page.t += 900;
      await h.type();
    }
    expect(h.page.t - 1_000_000).toBeLessThan(EDIT_THROTTLE_MS);
    expect(h.send).toHaveBeenCalledTimes(1);
    h.page.t = 1_000_000 + EDIT_THROTTLE_MS;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(2);
  });

  it('throttles per artifact: another artifact is sent right away', async () => {
    const h = setup();
    await h.type();
    // Another item in the same editor is reached by a click (a board's other card, a task pane).
    h.page.key = 'PAY-2';
    h.page.t += 100;
    document.getElementById('editor')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await h.type();
    expect(h.send.mock.calls.map(([s]) => s.artifact.key)).toEqual(['PAY-1', 'PAY-2']);
  });

  it('typing on within the throttle reads nothing from the page: no adapter call a key', async () => {
    const h = setup();
    await h.type();
    const artifact = vi.spyOn(h.adapter, 'artifact');
    const isContentEditor = vi.spyOn(h.adapter, 'isContentEditor');
    for (let i = 0; i < 20; i++) {
      h.page.t += 100;
      await h.type();
    }
    expect(artifact).not.toHaveBeenCalled();
    expect(isContentEditor).not.toHaveBeenCalled();
    expect(h.send).toHaveBeenCalledTimes(1);
    // Once the window passes, the next key is judged and sent.
    h.page.t += EDIT_THROTTLE_MS;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(2);
  });

  it('resolves the owner once per artifact (focus, then many edits)', async () => {
    const h = setup();
    document.getElementById('editor')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await h.type();
    h.page.t += EDIT_THROTTLE_MS;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(2);
    expect(h.ownership).toHaveBeenCalledTimes(1);
  });

  it('uses the tool’s own title when the page has none', async () => {
    const h = setup({
      title: '',
      ownership: async () => ({ owner: ['Alice Chen'], viewer: [], title: 'From the API' }),
    });
    await h.type();
    expect(h.send.mock.calls[0]![0].artifact.title).toBe('From the API');
  });

  it('sends nothing for elements that are not content editors', async () => {
    const h = setup();
    await h.type('search');
    document.body.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    expect(h.send).not.toHaveBeenCalled();
    expect(h.ownership).not.toHaveBeenCalled();
  });

  it('typing on in a field that is not an editor (a search box) is one check a key; a focus or click judges it afresh', async () => {
    const h = setup();
    await h.type('search');
    const isContentEditor = vi.spyOn(h.adapter, 'isContentEditor');
    for (let i = 0; i < 20; i++) await h.type('search');
    expect(isContentEditor).not.toHaveBeenCalled();
    // The same element may have become an editor (a tool switching modes): after a click it is judged again.
    const search = document.getElementById('search')!;
    search.setAttribute('data-editor', '');
    search.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await h.type('search');
    expect(isContentEditor).toHaveBeenCalled();
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it("sends nothing for typing inside Pullback's own UI", async () => {
    const h = setup();
    await h.type('own');
    expect(h.send).not.toHaveBeenCalled();
  });

  it('sends nothing on pages without an adapter or without an artifact', async () => {
    const h = setup();
    h.page.adapter = false;
    await h.type();
    h.page.adapter = true;
    h.page.key = null;
    await h.type();
    expect(h.send).not.toHaveBeenCalled();
  });

  it('an owner that cannot be found is sent as unread (no identities), so the lead’s claim can answer', async () => {
    const h = setup({ ownership: async () => null });
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(1);
    expect(h.send.mock.calls[0]![0]).toMatchObject({ owner: [], ownerUnread: true });
  });

  it('a failed owner lookup is sent as unread too, without throwing into the page', async () => {
    const h = setup({ ownership: async () => Promise.reject(new Error('network')) });
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(1);
    expect(h.send.mock.calls[0]![0]).toMatchObject({ owner: [], ownerUnread: true });
  });

  it('a read owner is never sent as unread', async () => {
    const h = setup();
    await h.type();
    expect(h.send.mock.calls[0]![0].ownerUnread).toBeUndefined();
  });

  it('swallows a refused send (extension reloaded): no decision, no error', async () => {
    const h = setup();
    h.send.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await h.type();
    expect(h.onDecision).not.toHaveBeenCalled();
  });

  it('after "mine" or "not a report", waits a minute before asking about that artifact again', async () => {
    const h = setup();
    h.send.mockResolvedValue({ action: 'none', reason: 'not-a-report' });
    await h.type();
    h.page.t += EDIT_THROTTLE_MS;
    await h.type();
    h.page.t += 30_000;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(1);
    h.page.t = 1_000_000 + 60_000;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(2);
  });

  it('stop() removes the listeners', async () => {
    const h = setup();
    h.detector.stop();
    await h.type();
    expect(h.send).not.toHaveBeenCalled();
  });
});

describe('navigation', () => {
  it('calls onNavigate and does not deliver a late answer for the previous artifact', async () => {
    const h = setup();
    const answer = deferred<EditDecision>();
    h.send.mockReturnValueOnce(answer.promise);
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(1);

    h.page.key = 'PAY-2';
    h.detector.navigated();
    expect(h.onNavigate).toHaveBeenCalledTimes(1);
    answer.resolve(promptFor('PAY-1'));
    await flush();
    expect(h.onDecision).not.toHaveBeenCalled();
  });

  it('does not send an edit whose owner lookup was still pending at navigation, and aborts the lookup', async () => {
    let seenSignal: AbortSignal | undefined;
    const owner = deferred<Ownership | null>();
    const h = setup({ ownership: () => owner.promise });
    h.ownership.mockImplementationOnce(async (_a, _d, signal) => {
      seenSignal = signal;
      return owner.promise;
    });
    await h.type();
    h.detector.navigated();
    expect(seenSignal?.aborted).toBe(true);
    owner.resolve({ owner: ['Alice Chen'], viewer: [] });
    await flush();
    expect(h.send).not.toHaveBeenCalled();
  });

  it('forgets the throttle and the owner: the same artifact after navigation is asked about at once', async () => {
    const h = setup();
    await h.type();
    h.detector.navigated();
    h.page.t += 100;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(2);
    expect(h.ownership).toHaveBeenCalledTimes(2);
    expect(h.onDecision).toHaveBeenCalledTimes(2);
  });
});

describe('interaction heartbeats on a fed artifact', () => {
  const feeding: EditDecision = {
    action: 'feeding',
    interventionId: 'i1',
    report: { id: 'alice', name: 'Alice Chen' },
  };

  it('sends no heartbeat before any intervention is being fed', async () => {
    const h = setup();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await flush();
    expect(h.sendHeartbeat).not.toHaveBeenCalled();
  });

  it('after a feeding decision, clicks and keys send throttled heartbeats for that artifact', async () => {
    const h = setup();
    h.send.mockResolvedValue(feeding);
    h.sendHeartbeat.mockResolvedValue(feeding);
    await h.type();
    h.page.t += EDIT_THROTTLE_MS;
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'j' }));
    await flush();
    expect(h.sendHeartbeat).toHaveBeenCalledTimes(1);
    expect(h.sendHeartbeat).toHaveBeenCalledWith({ tool: 'jira', key: 'PAY-1' });
    h.page.t += EDIT_THROTTLE_MS;
    document.body.dispatchEvent(new Event('wheel', { bubbles: true }));
    await flush();
    expect(h.sendHeartbeat).toHaveBeenCalledTimes(2);
  });

  it('stops heartbeats once the background says the intervention is no longer active', async () => {
    const h = setup();
    h.send.mockResolvedValue(feeding);
    await h.type();
    h.page.t += EDIT_THROTTLE_MS;
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await flush();
    h.page.t += EDIT_THROTTLE_MS;
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await flush();
    expect(h.sendHeartbeat).toHaveBeenCalledTimes(1);
  });

  it('stops heartbeats after navigation', async () => {
    const h = setup();
    h.send.mockResolvedValue(feeding);
    await h.type();
    h.detector.navigated();
    h.page.t += EDIT_THROTTLE_MS;
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await flush();
    expect(h.sendHeartbeat).not.toHaveBeenCalled();
  });
});

/** An event as a page script makes it (`isTrusted` false in a browser). */
function untrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: false });
  return event;
}

describe('only the lead’s own input counts', () => {
  const feeding: EditDecision = {
    action: 'feeding',
    interventionId: 'i1',
    report: { id: 'alice', name: 'Alice Chen' },
  };

  it('ignores input, focus and edits a page script dispatches: no owner lookup, no edit sent', async () => {
    const h = setup();
    const editor = document.getElementById('editor')!;
    editor.dispatchEvent(untrusted(new FocusEvent('focusin', { bubbles: true })));
    editor.dispatchEvent(
      untrusted(
        new InputEvent('beforeinput', { bubbles: true, inputType: 'insertText', data: 'x' }),
      ),
    );
    editor.dispatchEvent(
      untrusted(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' })),
    );
    await flush();
    expect(h.ownership).not.toHaveBeenCalled();
    expect(h.send).not.toHaveBeenCalled();
  });

  it('ignores synthetic clicks, keys and wheels on a fed artifact: no heartbeat', async () => {
    const h = setup();
    h.send.mockResolvedValue(feeding);
    await h.type();
    h.page.t += EDIT_THROTTLE_MS;
    document.body.dispatchEvent(untrusted(new Event('pointerdown', { bubbles: true })));
    document.body.dispatchEvent(
      untrusted(new KeyboardEvent('keydown', { bubbles: true, key: 'j' })),
    );
    document.body.dispatchEvent(untrusted(new Event('wheel', { bubbles: true })));
    await flush();
    expect(h.sendHeartbeat).not.toHaveBeenCalled();
  });

  it('after Yes, the very next click on the item is hands-on time (no edit needed first)', async () => {
    const h = setup();
    await h.type(); // The edit that prompted: its throttle window is still open.
    h.detector.interventionStarted({
      key: 'PAY-1',
      title: 'Title PAY-1',
      url: 'https://acme.atlassian.net/browse/PAY-1',
    });
    h.page.t += 1_000;
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await flush();
    expect(h.sendHeartbeat).toHaveBeenCalledWith({ tool: 'jira', key: 'PAY-1' });
  });
});

describe('edits within the bounds the background accepts', () => {
  it('a 600-character title, a long key and 30 owner identities are clamped, not dropped', async () => {
    const h = setup({ title: 'T'.repeat(600) });
    h.page.key = 'K'.repeat(250);
    h.ownership.mockResolvedValue({
      owner: Array.from({ length: 30 }, (_, i) => `Person ${i} ${'x'.repeat(400)}`),
      viewer: ['Dana Lead'],
    });
    await h.type();
    const sent = h.send.mock.calls[0]![0];
    expect(sent.artifact.title).toHaveLength(LIMITS.titleLength);
    expect(sent.artifact.title.endsWith('…')).toBe(true);
    expect(sent.artifact.key).toHaveLength(LIMITS.keyLength);
    expect(sent.owner).toHaveLength(LIMITS.identities);
    expect(sent.owner.every((id) => id.length <= LIMITS.identityLength)).toBe(true);
    expect(sent.owner[0]!.startsWith('Person 0 ')).toBe(true);
  });

  it('a URL over the limit keeps its origin and path', () => {
    const url = `https://acme.atlassian.net/browse/PAY-1?q=${'x'.repeat(3000)}`;
    const signal = boundedSignal({
      tool: 'jira',
      artifact: { key: 'PAY-1', title: 't', url },
      owner: [],
      viewer: [],
    });
    expect(signal.artifact.url).toBe('https://acme.atlassian.net/browse/PAY-1');
  });

  it('a refusal by the background reaches adapter health with its reason', async () => {
    const h = setup();
    h.send.mockRejectedValueOnce(new Error('Invalid edit: tool must be the tool of this tab'));
    await h.type();
    expect(h.onDecision).not.toHaveBeenCalled();
    expect(h.diagnose).toHaveBeenCalledWith(
      'jira',
      'Pullback refused this edit: Invalid edit: tool must be the tool of this tab',
    );
  });

  it('what an adapter could not read reaches adapter health once per page, and the edit still goes on', async () => {
    const h = setup({
      ownership: async () => ({
        owner: [],
        viewer: [],
        unread: ['the canvas key sink (.focus-target) was not found'],
      }),
    });
    await h.type();
    h.page.t += EDIT_THROTTLE_MS + 1;
    await h.type();
    expect(
      h.diagnose.mock.calls.filter(
        ([, problem]) => problem === 'the canvas key sink (.focus-target) was not found',
      ),
    ).toEqual([['jira', 'the canvas key sink (.focus-target) was not found']]);
    expect(h.send).toHaveBeenCalledTimes(2);
  });

  it('an owner lookup that cannot load reaches adapter health once per page, and the next edit tries again', async () => {
    const h = setup();
    const judgingOnce = h.judging.getMockImplementation()!;
    h.judging
      .mockRejectedValueOnce(new Error('Could not load file'))
      .mockRejectedValueOnce(new Error('Could not load file'));
    await h.type();
    h.page.t += EDIT_THROTTLE_MS;
    await h.type();
    expect(h.send).not.toHaveBeenCalled();
    expect(h.diagnose.mock.calls).toEqual([
      ['jira', 'Pullback could not load its owner lookup on this page'],
    ]);
    h.judging.mockImplementation(judgingOnce);
    h.page.t += EDIT_THROTTLE_MS;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it('a send that failed because the extension was reloaded is not reported', async () => {
    const h = setup();
    h.page.alive = false;
    h.send.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await h.type();
    expect(h.diagnose).not.toHaveBeenCalled();
  });
});

describe('lifecycle without signals a page could fake', () => {
  it('focus in a content editor resolves the owner and says a prompt may follow; other fields do not', async () => {
    const h = setup();
    document.getElementById('search')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(h.onEditorFocus).not.toHaveBeenCalled();
    document.getElementById('editor')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(h.onEditorFocus).toHaveBeenCalledTimes(1);
    // Once the judging (with the lookups) is there: before any keystroke.
    await flush();
    expect(h.ownership).toHaveBeenCalledTimes(1);
  });

  it('once the extension is gone (reloaded or updated), the next input retires the detector for good', async () => {
    const h = setup();
    h.page.alive = false;
    await h.type();
    expect(h.send).not.toHaveBeenCalled();
    expect(h.ownership).not.toHaveBeenCalled();
    expect(h.onRetired).toHaveBeenCalledTimes(1);
    h.page.alive = true; // Listeners are gone: nothing brings it back.
    await h.type();
    expect(h.send).not.toHaveBeenCalled();
  });

  it('notices a soft navigation on the next input where no navigation event told it (no polling)', async () => {
    const h = setup();
    await h.type();
    history.pushState({}, '', '/browse/PAY-2');
    h.page.t += 100;
    await h.type();
    expect(h.onNavigate).toHaveBeenCalledTimes(1);
    expect(h.send).toHaveBeenCalledTimes(2); // The throttle of the previous address is forgotten.
  });

  it('a navigation announced before it commits is not counted twice when the address changes', async () => {
    const h = setup();
    const next = new URL('/browse/PAY-3', location.href).href;
    h.detector.navigated(next);
    history.pushState({}, '', next);
    await h.type();
    expect(h.onNavigate).toHaveBeenCalledTimes(1);
  });
});

describe('a touch is not an intervention: the stretch and its threshold', () => {
  const touchFor = (): EditDecision => ({
    action: 'touch',
    threshold: 4,
    report: { id: 'alice', name: 'Alice Chen' },
  });
  const blur = () =>
    document.getElementById('editor')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));

  it('a few keystrokes ask once, and the stretch is sent again the moment it reaches the threshold', async () => {
    const h = setup();
    h.send.mockImplementation(async (signal) =>
      (signal.stretch?.keys ?? 0) >= 4 ? promptFor(signal.artifact.key) : touchFor(),
    );
    await h.type();
    await h.type();
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(1);
    expect(h.onDecision.mock.calls.map(([d]) => d.action)).toEqual(['touch']);
    h.page.t += 300;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(2);
    expect(h.send.mock.lastCall![0].stretch).toEqual({ keys: 4, pasted: false, ms: 300 });
    expect(h.onDecision.mock.lastCall![0].action).toBe('prompt');
  });

  it('keys typed while the first answer is on its way count: crossing meanwhile asks as soon as it arrives', async () => {
    const h = setup();
    const first = deferred<EditDecision>();
    h.send
      .mockImplementationOnce(() => first.promise)
      .mockImplementation(async (signal) => promptFor(signal.artifact.key));
    for (let i = 0; i < 5; i++) await h.type();
    expect(h.send).toHaveBeenCalledTimes(1);
    first.resolve(touchFor());
    await flush();
    await flush();
    expect(h.send).toHaveBeenCalledTimes(2);
    expect(h.send.mock.lastCall![0].stretch?.keys).toBe(5);
  });

  it('a stretch that stops short (the editor left) is said as a touch, once; a paste asks at once', async () => {
    const h = setup();
    h.send.mockImplementation(async (signal) =>
      signal.stretch?.pasted ? promptFor(signal.artifact.key) : touchFor(),
    );
    await h.type('editor', 'deleteContentBackward');
    blur();
    blur();
    expect(h.sendTouch).toHaveBeenCalledTimes(1);
    expect(h.sendTouch.mock.calls[0]![0]).toMatchObject({
      artifact: { key: 'PAY-1' },
      stretch: { keys: 1, pasted: false },
    });
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(2);
    await h.type('editor', 'insertFromPaste');
    expect(h.send).toHaveBeenCalledTimes(3);
    expect(h.send.mock.lastCall![0].stretch).toMatchObject({ keys: 2, pasted: true });
    blur();
    expect(h.sendTouch).toHaveBeenCalledTimes(1);
  });

  it('leaving the editor before the first answer arrives still counts the touch, once the answer says so', async () => {
    const h = setup();
    const first = deferred<EditDecision>();
    h.send.mockImplementationOnce(() => first.promise);
    await h.type('editor', 'deleteContentBackward');
    blur();
    expect(h.sendTouch).not.toHaveBeenCalled();
    first.resolve(touchFor());
    await flush();
    await flush();
    expect(h.sendTouch).toHaveBeenCalledTimes(1);
    expect(h.sendTouch.mock.calls[0]![0].stretch).toMatchObject({ keys: 1, pasted: false });
    // The late answer set no wait: the next stretch, moments later, is asked about at once.
    h.send.mockImplementation(async (signal) => promptFor(signal.artifact.key));
    h.page.t += 1_000;
    await h.type();
    expect(h.send).toHaveBeenCalledTimes(2);
    expect(h.send.mock.lastCall![0].stretch?.keys).toBe(1);
  });

  it('ten seconds without editing keys end the stretch: a touch, and the next key starts a new one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const h = setup();
      h.send.mockImplementation(async () => touchFor());
      const typed = h.type();
      await vi.advanceTimersByTimeAsync(0);
      await typed;
      h.page.t += STRETCH_GAP_MS;
      await vi.advanceTimersByTimeAsync(STRETCH_GAP_MS);
      expect(h.sendTouch).toHaveBeenCalledTimes(1);
      const again = h.type();
      await vi.advanceTimersByTimeAsync(0);
      await again;
      expect(h.send).toHaveBeenCalledTimes(2);
      expect(h.send.mock.lastCall![0].stretch?.keys).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('quiet while the item waits', () => {
  it('after a settled answer the keystroke’s input listener is left out, and the first key past the wait brings it back', async () => {
    const h = setup();
    h.send.mockImplementation(async () => ({ action: 'none', reason: 'cooldown' }));
    const removed = vi.spyOn(document, 'removeEventListener');
    const added = vi.spyOn(document, 'addEventListener');
    await h.type();
    await h.type(); // Waiting (a cooldown): quiet.
    expect(removed.mock.calls.map(([type]) => type)).toContain('input');
    expect(h.send).toHaveBeenCalledTimes(1);
    added.mockClear();
    h.page.t += 61_000;
    await h.type();
    expect(added.mock.calls.map(([type]) => type)).toContain('input');
    expect(h.send).toHaveBeenCalledTimes(2);
    // One keystroke (beforeinput and input) counts once in the new stretch's send.
    expect(h.send.mock.lastCall![0].stretch?.keys).toBe(1);
  });

  it('where navigations are followed (the Navigation API), a key typed while the item waits reads nothing of the page’s address', async () => {
    const h = setup({ addressFollowed: true });
    h.send.mockImplementation(async () => ({ action: 'none', reason: 'cooldown' }));
    await h.type();
    await h.type(); // Quiet.
    const href = vi.spyOn(document.location, 'href', 'get');
    for (let i = 0; i < 20; i++) await h.type();
    expect(href).not.toHaveBeenCalled();
    expect(h.send).toHaveBeenCalledTimes(1);
    href.mockRestore();
  });

  it('where navigations are followed, nothing of Pullback runs on a key while the item waits; the wait’s end, or a click, wakes the page', async () => {
    const h = setup({ addressFollowed: true });
    h.send.mockImplementation(async () => ({ action: 'none', reason: 'cooldown' }));
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const removed = vi.spyOn(document, 'removeEventListener');
    await h.type();
    await h.type(); // Waiting (a settled answer): quiet, beforeinput included.
    expect(removed.mock.calls.map(([type]) => type)).toEqual(
      expect.arrayContaining(['input', 'beforeinput']),
    );
    const wakeAtWaitEnd = timers.mock.calls.find(([, ms]) => (ms ?? 0) > 50_000);
    expect(wakeAtWaitEnd).toBeDefined();
    timers.mockRestore();

    const added = vi.spyOn(document, 'addEventListener');
    h.page.t += 61_000;
    (wakeAtWaitEnd![0] as () => void)();
    expect(added.mock.calls.map(([type]) => type)).toContain('beforeinput');
    await h.type(); // The first key past the wait asks again.
    expect(h.send).toHaveBeenCalledTimes(2);

    await h.type(); // Quiet again; a click may change what the element is: awake at once.
    added.mockClear();
    document.getElementById('editor')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(added.mock.calls.map(([type]) => type)).toContain('beforeinput');
  });

  it('says when it goes quiet (the take-over watcher’s key listener steps aside too) and wakes when focus leaves the editor', async () => {
    const h = setup();
    h.send.mockImplementation(async () => ({ action: 'none', reason: 'cooldown' }));
    await h.type();
    await h.type();
    expect(h.onQuiet).toHaveBeenLastCalledWith(true);
    // A key outside the editor may be a tool's shortcut (Linear's I): not quiet there.
    document.getElementById('editor')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(h.onQuiet).toHaveBeenLastCalledWith(false);
  });
});

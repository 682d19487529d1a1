// @vitest-environment happy-dom
/**
 * The detector's adapter opt-ins (SiteAdapter.editEvents, .editFrames) and
 * its pace for artifacts whose tool names no owner (claims).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDetector, EDIT_THROTTLE_MS } from '@/utils/page/detector';
import { FRAME_PROBLEMS, listenInEditFrames } from '@/utils/page/edit-frames';
import { judging } from '@/utils/page/edit-judge';
import type { EditDecision, EditSignal } from '@/utils/protocol/messages';
import type { SiteAdapter } from '@/utils/sites/types';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(() => {
  // Frames here are about:blank, written by the test as the page would.
  (window as any).happyDOM.settings.enableIframePageLoading = true;
});

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.innerHTML = '';
});

function harness(extra: Partial<SiteAdapter>, owner: string[] = ['Alice Chen']) {
  const t = { now: 1_000_000 };
  const isContentEditor = vi.fn((el: Element, _event?: Event) => el.hasAttribute('data-editor'));
  const adapter: SiteAdapter = {
    id: 'figma',
    label: 'Fake',
    matches: [],
    appliesTo: () => true,
    artifact: () => ({ key: 'F1', title: 'File', url: 'https://www.figma.com/design/F1/' }),
    ownership: async () => ({ owner, viewer: [] }),
    isContentEditor,
    ...extra,
  };
  const send = vi.fn(async (_s: EditSignal): Promise<EditDecision> => ({
    action: 'none',
    reason: 'not-a-report',
  }));
  const detector = createDetector(document, {
    adapterFor: () => adapter,
    judging: async () => judging,
    send,
    sendHeartbeat: async () => ({ action: 'none', reason: 'not-active' }),
    onDecision: () => {},
    onNavigate: () => {},
    isOwnUi: () => false,
    listenInEditFrames,
    now: () => t.now,
  });
  detector.start();
  stop = () => detector.stop();
  return { t, send, isContentEditor, detector };
}

const harnessAdapter: SiteAdapter = {
  id: 'gdocs',
  label: 'Google Docs',
  matches: [],
  appliesTo: () => true,
  artifact: () => ({ key: 'D1', title: 'Doc', url: 'https://docs.google.com/document/d/D1/' }),
  ownership: async () => ({ owner: [], viewer: [] }),
  isContentEditor: () => true,
};

/** An about:blank frame whose body is an editing host, as Google Docs writes its text event frame. */
async function editableFrame(className: string) {
  document.body.insertAdjacentHTML('beforeend', `<iframe class="${className}"></iframe>`);
  const frame = document.querySelector<HTMLIFrameElement>(`iframe.${className}`)!;
  await flush();
  const frameDoc = frame.contentDocument!;
  frameDoc.body.setAttribute('data-editor', '');
  return frameDoc;
}
const typeIn = (el: Element) =>
  el.dispatchEvent(
    new InputEvent('beforeinput', { bubbles: true, inputType: 'insertText', data: 'x' }),
  );

describe('editEvents', () => {
  it('an adapter that opts into keydown is asked about keydowns, with the event', async () => {
    document.body.innerHTML = '<textarea class="focus-target" data-editor></textarea>';
    const h = harness({ editEvents: ['keydown'] });
    const down = new KeyboardEvent('keydown', { bubbles: true, key: 'Delete' });
    document.querySelector('textarea')!.dispatchEvent(down);
    await flush();
    expect(h.isContentEditor).toHaveBeenCalledWith(document.querySelector('textarea'), down);
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it('the adapter can refuse a key by the event', async () => {
    document.body.innerHTML = '<textarea data-editor></textarea>';
    const h = harness({
      editEvents: ['keydown'],
      isContentEditor: (_el, e) => (e as KeyboardEvent | undefined)?.key !== ' ',
    });
    document
      .querySelector('textarea')!
      .dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: ' ' }));
    await flush();
    expect(h.send).not.toHaveBeenCalled();
  });

  it('without the opt-in, keydowns are not edits (input events still are)', async () => {
    document.body.innerHTML = '<textarea data-editor></textarea>';
    const h = harness({});
    const textarea = document.querySelector('textarea')!;
    textarea.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Delete' }));
    await flush();
    expect(h.send).not.toHaveBeenCalled();
    typeIn(textarea);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
  });
});

describe('editFrames', () => {
  it('listens inside a same-origin edit frame present at start', async () => {
    const frameDoc = await editableFrame('text-target');
    const h = harness({ editFrames: ['iframe.text-target'] });
    typeIn(frameDoc.body);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
    expect(h.isContentEditor).toHaveBeenCalledWith(
      frameDoc.body,
      expect.objectContaining({ type: 'beforeinput' }),
    );
  });

  it('listens inside a frame added later, at once: the frame itself is watched for, not only the window’s blur', async () => {
    const h = harness({ editFrames: ['iframe.text-target'] });
    const frameDoc = await editableFrame('text-target');
    typeIn(frameDoc.body);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it('a frame re-created in a new wrapper (focus going frame to frame, no blur) is listened to; the old one is let go', async () => {
    const h = harness({ editFrames: ['iframe.text-target'] });
    const first = await editableFrame('text-target');
    const oldFrame = document.querySelector('iframe.text-target')!;
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div><iframe class="text-target"></iframe></div>',
    );
    oldFrame.remove();
    await flush();
    const second =
      document.querySelector<HTMLIFrameElement>('iframe.text-target')!.contentDocument!;
    second.body.setAttribute('data-editor', '');
    typeIn(second.body);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
    h.t.now += EDIT_THROTTLE_MS;
    typeIn(first.body);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it('a frame the page rewrites (document.open erases its listeners) is listened to again', async () => {
    const h = harness({ editFrames: ['iframe.text-target'] });
    const frameDoc = await editableFrame('text-target');
    frameDoc.open();
    frameDoc.write('<!doctype html><html><body data-editor contenteditable="true"></body></html>');
    frameDoc.close();
    await flush();
    typeIn(frameDoc.body);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it('a named frame whose document cannot be read is a problem for Adapter health, said once', async () => {
    const diagnose = vi.fn();
    document.body.insertAdjacentHTML('beforeend', '<iframe class="text-target"></iframe>');
    const frame = document.querySelector<HTMLIFrameElement>('iframe.text-target')!;
    // As for a frame of another origin.
    Object.defineProperty(frame, 'contentDocument', { get: () => null });
    const adapter = { editFrames: ['iframe.text-target'] } as const;
    const stopFrames = listenInEditFrames(
      document,
      () => adapter.editFrames,
      ['input'],
      () => {},
      diagnose,
    );
    window.dispatchEvent(new Event('blur'));
    stopFrames();
    expect(diagnose).toHaveBeenCalledWith(FRAME_PROBLEMS.unreadable);
    // Through the detector: once per page, named for the tool.
    const seen: string[] = [];
    const detector = createDetector(document, {
      adapterFor: () => ({ ...harnessAdapter, editFrames: ['iframe.text-target'] }),
      judging: async () => judging,
      send: async () => ({ action: 'none', reason: 'not-a-report' }),
      sendHeartbeat: async () => ({ action: 'none', reason: 'not-active' }),
      onDecision: () => {},
      onNavigate: () => {},
      isOwnUi: () => false,
      diagnose: (tool, problem) => seen.push(`${tool}: ${problem}`),
      listenInEditFrames,
    });
    detector.start();
    window.dispatchEvent(new Event('blur'));
    detector.stop();
    expect(seen).toEqual([`gdocs: ${FRAME_PROBLEMS.unreadable}`]);
  });

  it('a window blur with no named frame in the page says the frame was not found', async () => {
    const diagnose = vi.fn();
    const stopFrames = listenInEditFrames(
      document,
      () => ['iframe.text-target'],
      ['input'],
      () => {},
      diagnose,
    );
    expect(diagnose).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('blur'));
    stopFrames();
    expect(diagnose).toHaveBeenCalledWith(FRAME_PROBLEMS.missing);
  });

  it('ignores frames the adapter does not name, and stop() removes the frame listeners', async () => {
    const other = await editableFrame('other');
    const named = await editableFrame('text-target');
    const h = harness({ editFrames: ['iframe.text-target'] });
    typeIn(other.body);
    await flush();
    expect(h.send).not.toHaveBeenCalled();
    typeIn(named.body);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
    h.detector.stop();
    h.t.now += EDIT_THROTTLE_MS;
    typeIn(named.body);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
  });
});

describe('owner-less artifacts (claims)', () => {
  it('after "not a report" for an artifact whose tool named nobody, asks again at the normal pace (a claim may come)', async () => {
    document.body.innerHTML = '<div contenteditable="true" data-editor id="e"></div>';
    const h = harness({}, []);
    const e = document.getElementById('e')!;
    typeIn(e);
    await flush();
    h.t.now += EDIT_THROTTLE_MS;
    typeIn(e);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(2);
    expect(h.send.mock.calls[0]![0].owner).toEqual([]);
  });

  it('a named owner who is not a report still waits a minute', async () => {
    document.body.innerHTML = '<div contenteditable="true" data-editor id="e"></div>';
    const h = harness({}, ['Carol Peer']);
    const e = document.getElementById('e')!;
    typeIn(e);
    await flush();
    h.t.now += EDIT_THROTTLE_MS;
    typeIn(e);
    await flush();
    expect(h.send).toHaveBeenCalledTimes(1);
  });
});

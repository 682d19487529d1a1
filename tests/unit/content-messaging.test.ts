/**
 * The content script's small messaging client speaks the wire format of
 * @webext-core/messaging (which the background answers with): requests go out
 * as { id, type, data, timestamp }, answers come back as { res } or { err }.
 * That it works against the real background is what every e2e test's edit,
 * heartbeat and popup request shows; here, each rule of the format.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, sendMessage } from '@/entrypoints/page/messaging';

afterEach(() => fakeBrowser.reset());

describe('content-script messaging, in @webext-core/messaging’s format', () => {
  it('sends { id, type, data, timestamp } and resolves with the answer’s res', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ res: { action: 'none', reason: 'not-active' } });
    await expect(sendMessage('heartbeat', { tool: 'jira', key: 'PAY-1' })).resolves.toEqual({
      action: 'none',
      reason: 'not-active',
    });
    expect(send).toHaveBeenCalledWith({
      id: expect.any(Number),
      type: 'heartbeat',
      data: { tool: 'jira', key: 'PAY-1' },
      timestamp: expect.any(Number),
    });
  });

  it('an { err } answer rejects with an Error carrying the handler’s message; no answer rejects too', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValueOnce({
        err: { name: 'Error', message: 'Invalid edit signal: tool must be jira' },
      })
      .mockResolvedValueOnce(undefined);
    await expect(sendMessage('loadPrompt', undefined)).rejects.toThrow(
      'Invalid edit signal: tool must be jira',
    );
    await expect(sendMessage('loadPrompt', undefined)).rejects.toThrow('No response');
  });

  it('answers its own type with { res } (asynchronously, returning true), and leaves other types to others', async () => {
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const stop = onMessage('focusPrompt', () => true);
    const listener = add.mock.calls[0]![0] as unknown as (
      m: unknown,
      s: unknown,
      r: (x: unknown) => void,
    ) => boolean;
    const respond = vi.fn();
    expect(listener({ id: 1, type: 'currentArtifact', timestamp: 1 }, {}, respond)).toBe(false);
    expect(listener({ id: 2, type: 'focusPrompt', timestamp: 1 }, {}, respond)).toBe(true);
    await vi.waitFor(() => expect(respond).toHaveBeenCalledWith({ res: true }));
    expect(respond).toHaveBeenCalledTimes(1);
    stop();
  });

  it('a failing handler answers { err } with its message', async () => {
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    onMessage('currentArtifact', () => {
      throw new Error('no adapter here');
    });
    const listener = add.mock.calls[0]![0] as unknown as (
      m: unknown,
      s: unknown,
      r: (x: unknown) => void,
    ) => boolean;
    const respond = vi.fn();
    listener({ id: 3, type: 'currentArtifact', timestamp: 1 }, {}, respond);
    await vi.waitFor(() =>
      expect(respond).toHaveBeenCalledWith({ err: { name: 'Error', message: 'no adapter here' } }),
    );
  });
});

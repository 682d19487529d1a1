/**
 * The content script's side of utils/protocol/messages.ts, in a few lines: the same
 * protocol (ProtocolMap) and the same wire format as @webext-core/messaging
 * ({ id, type, data, timestamp } out; { res } or { err } back), which the
 * background and the extension pages keep using. The library's client is
 * about 2.7 KB of every tool page's always-loaded script; this is a tenth of
 * that. tests/unit/content-messaging.test.ts holds it to the library's format.
 */
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { ProtocolMap } from '@/utils/protocol/messages';
import { errorText } from '@/utils/model/error-text';

type Type = keyof ProtocolMap;
type Reply = { res?: unknown; err?: { name?: string; message?: string } | null } | undefined;

let nextId = Math.floor(Math.random() * 10_000);

export async function sendMessage<T extends Type>(
  type: T,
  data: GetDataType<ProtocolMap[T]>,
): Promise<GetReturnType<ProtocolMap[T]>> {
  const reply = (await browser.runtime.sendMessage({
    id: nextId++,
    type,
    data,
    timestamp: Date.now(),
  })) as Reply;
  if (!reply) throw new Error('No response');
  if (reply.err != null) {
    const error = new Error(reply.err.message ?? 'Unknown error');
    error.name = reply.err.name ?? 'Error';
    throw error;
  }
  return reply.res as GetReturnType<ProtocolMap[T]>;
}

/** Answers one message type from the background or the popup; returns the function that stops answering. */
export function onMessage<T extends Type>(
  type: T,
  handle: () => GetReturnType<ProtocolMap[T]> | Promise<GetReturnType<ProtocolMap[T]>>,
): () => void {
  const listener = (message: unknown, _sender: unknown, respond: (reply: Reply) => void) => {
    const m = message as { type?: unknown; timestamp?: unknown } | null;
    if (!m || m.type !== type || typeof m.timestamp !== 'number') return false;
    Promise.resolve()
      .then(handle)
      .then(
        (res) => respond({ res }),
        (e: unknown) =>
          respond({
            err: {
              name: e instanceof Error ? e.name : 'Error',
              message: errorText(e),
            },
          }),
      );
    return true; // Answers asynchronously.
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

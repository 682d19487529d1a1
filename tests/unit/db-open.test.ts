/** A failed database open is retried on the next message, not kept for the worker's life. */
import { describe, expect, it } from 'vitest';
import { openedOnDemand } from '@/utils/background/db';

describe('openedOnDemand', () => {
  it('a failed open is tried again on the next call, and then kept', async () => {
    let attempts = 0;
    const get = openedOnDemand(async () => {
      attempts++;
      if (attempts === 1) throw new Error('QuotaExceededError');
      return `handle-${attempts}`;
    });
    await expect(get()).rejects.toThrow('QuotaExceededError');
    await expect(get()).resolves.toBe('handle-2');
    await expect(get()).resolves.toBe('handle-2');
    expect(attempts).toBe(2);
  });

  it('concurrent calls share one open; a connection the browser closed is opened again', async () => {
    let attempts = 0;
    let gone = () => {};
    const get = openedOnDemand(async (onGone) => {
      gone = onGone;
      return ++attempts;
    });
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    gone();
    await expect(get()).resolves.toBe(2);
  });
});

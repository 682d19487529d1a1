import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { releaseHeldWeekly, weeklyDue, weeklyHeldItem } from '@/utils/background/weekly-hold';

afterEach(() => fakeBrowser.reset());

describe('the weekly summary notification and a pause', () => {
  it('shows at once when prompts are not paused, and nothing waits', async () => {
    const show = vi.fn(async () => {});
    expect(await weeklyDue(false, show)).toBe('shown');
    expect(show).toHaveBeenCalledOnce();
    expect(await weeklyHeldItem.getValue()).toBeNull();
  });

  it('is held during a pause and shows once after it, however many weeks it waited', async () => {
    const show = vi.fn(async () => {});
    const on = async () => true;
    expect(await weeklyDue(true, show, new Date('2026-11-27T16:00:00.000Z'))).toBe('held');
    expect(await weeklyDue(true, show, new Date('2026-12-04T16:00:00.000Z'))).toBe('held');
    expect(show).not.toHaveBeenCalled();
    expect(await weeklyHeldItem.getValue()).toBe('2026-11-27T16:00:00.000Z');

    expect(await releaseHeldWeekly(show, on)).toBe(true);
    expect(await releaseHeldWeekly(show, on)).toBe(false);
    expect(show).toHaveBeenCalledOnce();
  });

  it('is dropped, not shown, when the lead switched the weekly notification off meanwhile', async () => {
    const show = vi.fn(async () => {});
    await weeklyDue(true, show);
    expect(await releaseHeldWeekly(show, async () => false)).toBe(false);
    expect(show).not.toHaveBeenCalled();
    expect(await weeklyHeldItem.getValue()).toBeNull();
  });
});

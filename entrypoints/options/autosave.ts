/**
 * The options page's one save model: every change saves as it is made.
 * Sections hand the saver a change (a function from the stored settings to
 * the next settings); it waits a moment for typing to pause, then saves
 * through the background, one save at a time, each applied to the newest
 * settings (so a section never overwrites what another section or another
 * tab saved). A value that does not validate is held back with its reason.
 * While anything is waiting, saving or held back, leaving the page warns,
 * and the waiting saves are sent at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/model/records';
import { settingsItem } from '@/utils/settings/store';
import { errorText } from '@/utils/model/error-text';

export type Change = (current: Settings) => Settings;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; settings: Settings }
  | { kind: 'held'; reasons: string[] }
  | { kind: 'failed'; reason: string };

/** Typing pauses this long before a save. */
export const SAVE_DELAY_MS = 400;

function createSaver() {
  let latest: Settings | null = null;
  const waiting = new Map<string, { change: Change; timer: ReturnType<typeof setTimeout> }>();
  const held = new Map<string, string>();
  let inFlight = 0;
  let chain: Promise<unknown> = Promise.resolve();
  let last: { ok: true; settings: Settings } | { ok: false; reason: string } | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  function send(change: Change): Promise<Settings> {
    inFlight++;
    notify();
    const run = chain.then(async () => {
      const base = latest ?? (await settingsItem.getValue());
      const saved = await sendMessage('saveSettings', change(base));
      latest = saved;
      return saved;
    });
    chain = run
      .then(
        (settings) => (last = { ok: true, settings }),
        (err) => (last = { ok: false, reason: errorText(err) }),
      )
      .finally(() => {
        inFlight--;
        notify();
      });
    return run;
  }

  function flush(key: string) {
    const entry = waiting.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    waiting.delete(key);
    void send(entry.change).catch(() => {});
  }

  return {
    /** The settings as stored (kept current by the page's storage watch and by each save). */
    seen(settings: Settings) {
      latest = settings;
    },
    /** Saves `change` once typing under `key` pauses (delay 0: at once). Replaces a waiting change of the same key. */
    schedule(key: string, change: Change, delay = SAVE_DELAY_MS) {
      held.delete(key);
      const previous = waiting.get(key);
      if (previous) clearTimeout(previous.timer);
      waiting.set(key, { change, timer: setTimeout(() => flush(key), delay) });
      notify();
    },
    /** A value under `key` does not validate: nothing is saved for it, and the page says why. */
    hold(key: string, reason: string) {
      const previous = waiting.get(key);
      if (previous) clearTimeout(previous.timer);
      waiting.delete(key);
      held.set(key, reason);
      notify();
    },
    /** An action saved at once (adding a site, removing a claim); resolves with the stored settings. */
    saveNow(change: Change): Promise<Settings> {
      return send(change);
    },
    isPending: (key: string) => waiting.has(key) || held.has(key),
    isDirty: () => waiting.size > 0 || held.size > 0 || inFlight > 0,
    flushAll() {
      for (const key of [...waiting.keys()]) flush(key);
    },
    state(): SaveState {
      if (held.size) return { kind: 'held', reasons: [...held.values()] };
      if (waiting.size || inFlight) return { kind: 'saving' };
      if (!last) return { kind: 'idle' };
      return last.ok
        ? { kind: 'saved', settings: last.settings }
        : { kind: 'failed', reason: last.reason };
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const saver = createSaver();
export type Saver = typeof saver;

/** Re-renders on every change of the save state. */
export function useSaveState(): SaveState {
  const [state, setState] = useState(saver.state());
  useEffect(() => saver.subscribe(() => setState(saver.state())), []);
  return state;
}

/** The stored settings, live: an import, the popup or another tab changes them and the page follows. */
export function useStoredSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const take = (s: Settings | null) => {
      if (!s) return;
      saver.seen(s);
      setSettings(s);
    };
    void settingsItem.getValue().then(take);
    return settingsItem.watch(take);
  }, []);
  return settings;
}

/** Leaving with anything unsaved: send what waits, and let the browser ask. */
export function guardLeaving(): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!saver.isDirty()) return;
    saver.flushAll();
    e.preventDefault();
    e.returnValue = ''; // Chrome before 119 asks only when returnValue is set.
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') saver.flushAll();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  document.addEventListener('visibilitychange', onHidden);
  return () => (
    window.removeEventListener('beforeunload', onBeforeUnload),
    document.removeEventListener('visibilitychange', onHidden)
  );
}

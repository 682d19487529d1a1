/**
 * Settings live in extension storage (via @wxt-dev/storage) rather than in
 * IndexedDB: they are small, every context reads them, and storage can be
 * watched for changes. Only the background writes them, after validation.
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, type Settings } from './model';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: {
    // v2 (lifecycle): idle threshold and lapse time, at their defaults.
    2: (old: Omit<Settings, 'idleMinutes' | 'lapseHours' | 'weeklyDigest'>): Omit<Settings, 'weeklyDigest'> => ({
      ...old,
      idleMinutes: DEFAULT_SETTINGS.idleMinutes,
      lapseHours: DEFAULT_SETTINGS.lapseHours,
    }),
    // v3 (weekly summary): the Friday notification, on by default.
    3: (old: Omit<Settings, 'weeklyDigest'>): Settings => ({ ...old, weeklyDigest: DEFAULT_SETTINGS.weeklyDigest }),
  },
});

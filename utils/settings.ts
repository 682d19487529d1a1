/**
 * Settings live in extension storage (via @wxt-dev/storage) rather than in
 * IndexedDB: they are small, every context reads them, and storage can be
 * watched for changes. Only the background writes them, after validation.
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS } from './model-constants';
import type { Settings } from './model';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 4,
  migrations: {
    // v2 (lifecycle): idle threshold and lapse time, at their defaults.
    2: (old: Omit<Settings, 'idleMinutes' | 'lapseHours' | 'weeklyDigest' | 'claims' | 'disabledTools' | 'customSites'>) => ({
      ...old,
      idleMinutes: DEFAULT_SETTINGS.idleMinutes,
      lapseHours: DEFAULT_SETTINGS.lapseHours,
    }),
    // v3 (weekly summary): the Friday notification, on by default.
    3: (old: Omit<Settings, 'weeklyDigest' | 'claims' | 'disabledTools' | 'customSites'>) => ({ ...old, weeklyDigest: DEFAULT_SETTINGS.weeklyDigest }),
    // v4 (more tools): claims for tools without owners, per-tool switches, sites the lead adds.
    4: (old: Omit<Settings, 'claims' | 'disabledTools' | 'customSites'>): Settings => ({ ...old, claims: [], disabledTools: [], customSites: [] }),
  },
});

/** What adapters could not find, so a broken selector is visible on the options page. */
export interface Diagnostic {
  tool: string;
  problem: string;
  /** Origin and path only: no query strings, no titles. */
  where: string;
  lastSeenAt: string;
  count: number;
}

export const diagnosticsItem = storage.defineItem<Diagnostic[]>('local:diagnostics', { fallback: [] });
export const MAX_DIAGNOSTICS = 30;

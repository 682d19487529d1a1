/**
 * How far a long import has got, for the options page to show while the background works: records
 * read of the total, then saving. In the session area: it means nothing after the browser closes.
 */
import { storage } from '@wxt-dev/storage';

export interface ImportProgress {
  read: number;
  total: number;
  /** Every record read and checked; now written in one transaction. */
  saving: boolean;
  /** While saving: how many of the records are written so far. */
  saved?: number;
}

export const importProgressItem = storage.defineItem<ImportProgress | null>(
  'session:importProgress',
  { fallback: null },
);

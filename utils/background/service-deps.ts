/**
 * What every job of the background's service is written against: the database, a settings reader
 * and writer, the clock and ids (so unit tests can hold them), and the pause log for the backup.
 */
import type { PullbackDatabase } from '@/utils/background/db';
import { pauseLogItem, type PauseEvent } from '@/utils/background/pause';
import type { RetentionMonths, Settings } from '@/utils/model/records';

export interface ServiceDeps {
  db: PullbackDatabase;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<void>;
  now?: () => Date;
  newId?: () => string;
  /** The pause in force (utils/background/pause.ts), if any: the edit decision's pause. */
  getPause?: () => Promise<{ until: string | null } | null>;
  /** The pause log (extension storage, utils/background/pause.ts), for the backup. */
  pauseLog?: { get(): Promise<PauseEvent[]>; set(events: PauseEvent[]): Promise<void> };
  /** The retention in force on this browser (utils/background/forget.ts); extension storage when absent. */
  retentionHere?: {
    get(): Promise<RetentionMonths | null>;
    set(months: RetentionMonths): Promise<void>;
  };
}
/** The deps with their defaults filled in, as each job gets them. */
export type JobDeps = Required<Omit<ServiceDeps, 'retentionHere'>>;

export class UnknownRecordError extends Error {}

export const storedPauseLog = {
  get: () => pauseLogItem.getValue(),
  set: (events: PauseEvent[]) => pauseLogItem.setValue(events),
};

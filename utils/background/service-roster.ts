/**
 * The service's roster jobs: settings saved whole, and claims ("This belongs to…") added and
 * removed, one per URL prefix.
 */
import { UnknownRecordError, type JobDeps } from '@/utils/background/service-deps';
import type { Claim, Settings } from '@/utils/model/records';
import type { ClaimInput } from '@/utils/protocol/schemas';

export function createRosterJobs({ getSettings, setSettings, now, newId }: JobDeps) {
  return {
    async saveSettings(settings: Settings): Promise<Settings> {
      await setSettings(settings);
      return settings;
    },

    /** "This belongs to…": one claim per URL prefix (claiming again re-assigns it). */
    async addClaim(input: ClaimInput): Promise<Claim> {
      const settings = await getSettings();
      if (!settings.reports.some((r) => r.id === input.reportId))
        throw new UnknownRecordError('That report is not in your roster.');
      const claim: Claim = { ...input, id: newId(), createdAt: now().toISOString() };
      await setSettings({
        ...settings,
        claims: [...settings.claims.filter((c) => c.urlPrefix !== input.urlPrefix), claim],
      });
      return claim;
    },

    async removeClaim(id: string): Promise<void> {
      const settings = await getSettings();
      await setSettings({ ...settings, claims: settings.claims.filter((c) => c.id !== id) });
    },
  };
}

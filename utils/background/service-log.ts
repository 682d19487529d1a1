/**
 * The service's reading jobs: the popup's lists, the summary's records and the weekly check-in
 * (one per report per week). Rows carry the report's name as the roster has it.
 */
import {
  activeInterventions,
  interventionsStartedBetween,
  promptsBetween,
  ratingsBetween,
  touchesBetween,
  recentInterventions,
  recentPrompts,
} from '@/utils/background/db';
import type { JobDeps } from '@/utils/background/service-deps';
import type { Rating } from '@/utils/model/records';
import type {
  InterventionView,
  PromptView,
  SummaryData,
  SummaryRange,
} from '@/utils/protocol/messages';
import type { RatingInput } from '@/utils/protocol/schemas';
import { reportNameMap } from '@/utils/people/roster';

export function createLogJobs({ db, getSettings, now }: JobDeps) {
  async function reportNames(): Promise<Map<string, string>> {
    return reportNameMap(await getSettings());
  }
  const named = <T extends { reportId: string }>(names: Map<string, string>, row: T) => ({
    ...row,
    reportName: names.get(row.reportId) ?? 'a former report',
  });

  return {
    /** Ended recently with the closing questions still open: the popup offers them. */
    async listAwaitingClosing(withinMs = 24 * 3_600_000): Promise<InterventionView[]> {
      const names = await reportNames();
      const since = new Date(now().getTime() - withinMs).toISOString();
      const recent = await recentInterventions(db, 50);
      return recent
        .filter((r) => r.status !== 'active' && !r.closing && (r.endedAt ?? '') >= since)
        .map((r) => named(names, r));
    },

    async listActive(): Promise<InterventionView[]> {
      const names = await reportNames();
      return (await activeInterventions(db)).map((r) => named(names, r));
    },

    async listLog(
      limit: number,
    ): Promise<{ interventions: InterventionView[]; prompts: PromptView[] }> {
      const names = await reportNames();
      const [interventions, prompts] = await Promise.all([
        recentInterventions(db, limit),
        recentPrompts(db, limit),
      ]);
      return {
        interventions: interventions.map((r) => named(names, r)),
        prompts: prompts.map((p) => named(names, p)),
      };
    },

    /**
     * The records behind a summary: started (or shown, or rated) within the
     * range, through the time indexes, plus anything still active from before
     * (open at the week's end means "temporary becoming permanent").
     */
    async summaryData(range: SummaryRange): Promise<SummaryData> {
      const [started, stillActive, prompts, ratings, touches] = await Promise.all([
        interventionsStartedBetween(db, range.fromIso, range.toIso),
        activeInterventions(db),
        promptsBetween(db, range.fromIso, range.toIso),
        ratingsBetween(db, range.fromWeek, range.toWeek),
        touchesBetween(db, range.fromWeek, range.toWeek),
      ]);
      const seen = new Set(started.map((r) => r.id));
      const olderOpen = stillActive.filter((r) => !seen.has(r.id) && r.startedAt < range.fromIso);
      return { interventions: [...olderOpen, ...started], prompts, ratings, touches };
    },

    /** This week's alignment x confidence check-in for one report (one per report per week). */
    async saveRating(input: RatingInput): Promise<Rating> {
      const rating: Rating = {
        ...input,
        id: `${input.week}:${input.reportId}`,
        at: now().toISOString(),
      };
      await db.put('ratings', rating);
      return rating;
    },
  };
}

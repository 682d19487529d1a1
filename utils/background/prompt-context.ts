/**
 * What the prompt shows besides the item (its payload, utils/protocol/messages.ts PromptContext): the
 * report's open intervention to join, where the lead last put the report (their latest check-in,
 * with the purpose that fits it), the working day's end for "End of day", and the lead's default
 * plan length (the first choice).
 */
import type { StoreOf } from '@/utils/background/db';
import { latestRating } from '@/utils/background/db';
import { endOfWorkday } from '@/utils/model/durations';
import type { PromptContext } from '@/utils/protocol/messages';
import type { Intervention, Purpose, Quadrant, Settings } from '@/utils/model/records';
import { planMinutes, QUADRANT_TITLES, quadrantOf } from '@/utils/model/constants';

/**
 * The purpose each quadrant suggests (pre-selected, changeable). Full support: the details must
 * matter for the lead to step in at all. Build confidence: step in to show the framework. Give
 * context and Act now: the direction is off, so it is getting the work back on track.
 */
export const PURPOSE_FOR: Record<Quadrant, Purpose> = {
  support: 'details-matter',
  'build-confidence': 'teach-framework',
  'give-context': 'back-on-track',
  'act-now': 'back-on-track',
};

export async function promptContext(
  ratings: StoreOf<'ratings'>,
  reportId: string,
  joinable: Intervention | null,
  settings: Pick<Settings, 'workdayEnd' | 'defaultPlanMinutes'>,
  now: Date,
): Promise<PromptContext> {
  const rating = await latestRating(ratings, reportId);
  const quadrant = rating && quadrantOf(rating);
  return {
    ...(joinable
      ? {
          joinable: {
            interventionId: joinable.id,
            tool: joinable.tool,
            artifact: joinable.artifact,
            startedAt: joinable.startedAt,
          },
        }
      : {}),
    ...(rating && quadrant
      ? {
          checkIn: {
            quadrant,
            label: QUADRANT_TITLES[quadrant],
            week: rating.week,
            at: rating.at,
            purpose: PURPOSE_FOR[quadrant],
          },
        }
      : {}),
    workdayEndsAt: endOfWorkday(settings.workdayEnd, now).toISOString(),
    plannedMinutes: planMinutes(settings),
  };
}

/**
 * What follows once the detector (utils/page/detector.ts) has noticed the lead editing a content editor:
 * whose the item is (the owner lookup), the edit as the background accepts it, the background's
 * answer, and the hands-on heartbeats of an item with an active intervention.
 *
 * Not in the always-loaded script: it comes with the lookups (entrypoints/page/lookup.ts), which
 * the page asks for when the lead first focuses a content editor, so it is there before the first
 * keystroke's answer is needed (that answer waited for the owner lookup anyway). The detector
 * keeps what must be decided at the event: is this the lead, in a content editor, which item,
 * and is that item's throttle open.
 */
import type { EditDecision, EditSignal } from '@/utils/protocol/messages';
import { LIMITS } from '@/utils/model/constants';
import type { Artifact } from '@/utils/model/records';
import type { PageAdapter } from '@/utils/sites/types';
import type { Asked, JudgeContext, Judging, PageState } from '@/utils/page/detection';
import { errorText } from '@/utils/model/error-text';

/** Clamped like the background's limit for a problem's text. */
const MAX_PROBLEM = 200;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;
const clipList = (list: readonly string[]) =>
  list.slice(0, LIMITS.identities).map((id) => id.slice(0, LIMITS.identityLength));

/** What the page read, within the bounds the background accepts (a 600-character title still prompts). */
export function boundedSignal(signal: EditSignal): EditSignal {
  const { key, title, url } = signal.artifact;
  let boundedUrl = url;
  if (url.length > LIMITS.urlLength) {
    const parsed = new URL(url);
    boundedUrl = (parsed.origin + parsed.pathname).slice(0, LIMITS.urlLength);
  }
  return {
    ...signal,
    artifact: {
      key: key.slice(0, LIMITS.keyLength),
      title: clip(title, LIMITS.titleLength),
      url: boundedUrl,
    },
    owner: clipList(signal.owner),
    viewer: clipList(signal.viewer),
  };
}

/** Something the adapter looks for is missing: said to adapter health once per page. */
function diagnose(ctx: JudgeContext, adapter: PageAdapter, problem: string) {
  const page = ctx.page();
  if (page.diagnosed.has(problem)) return;
  page.diagnosed.add(problem);
  ctx.deps.diagnose?.(adapter.id, problem);
}

/** Whose the artifact is, once per artifact and page (`state`: the page state the event belonged to). */
function ownershipOf(
  ctx: JudgeContext,
  state: PageState,
  adapter: PageAdapter,
  artifact: Artifact,
) {
  let pending = state.ownership.get(artifact.key);
  if (!pending) {
    const signal = state.controller.signal;
    const { deps, doc } = ctx;
    pending = (
      deps.ownership
        ? deps.ownership(adapter, artifact, signal)
        : (adapter.ownership?.(artifact, doc, signal) ?? Promise.resolve(null))
    ).catch(() => null);
    state.ownership.set(artifact.key, pending);
  }
  return pending;
}

/** The answers that feed an intervention make the page's interactions count; any other answer about that artifact stops them. */
function track(
  state: PageState,
  decision: EditDecision,
  tool: PageAdapter['id'],
  artifact: Artifact,
) {
  if (decision.action === 'feeding' || decision.action === 'overdue')
    state.feeding = { tool, key: artifact.key, artifact };
  else if (state.feeding?.key === artifact.key) state.feeding = null;
}

/**
 * An edit of `artifact`, in a stretch of `stretch` so far: tell the background, act on its answer,
 * and hand it back to the detector (null: nothing was asked).
 */
async function edit(
  ctx: JudgeContext,
  state: PageState,
  adapter: PageAdapter,
  artifact: Artifact,
  stretch?: EditSignal['stretch'],
): Promise<Asked | null> {
  if (state !== ctx.page()) return null;
  const ownership = await ownershipOf(ctx, state, adapter, artifact);
  if (state !== ctx.page()) return null;
  const owner = ownership?.owner ?? null;
  if (!owner) {
    const unread = ownership?.unread?.length
      ? ownership.unread
      : ['the owner was not found on this page'];
    unread.forEach((problem) => diagnose(ctx, adapter, problem));
  } else for (const problem of ownership?.unread ?? []) diagnose(ctx, adapter, problem);
  if (!artifact.title && !ownership?.title)
    diagnose(ctx, adapter, 'the title was not found on this page');
  // An owner that could not be read still goes to the background: the lead may have claimed the item.
  const signal = boundedSignal({
    tool: adapter.id,
    artifact: { ...artifact, title: artifact.title || ownership?.title || '' },
    owner: owner ?? [],
    viewer: ownership?.viewer ?? [],
    ...(owner ? {} : { ownerUnread: true as const }),
  });
  let decision: EditDecision;
  try {
    decision = await ctx.deps.send(stretch ? { ...signal, stretch } : signal);
  } catch (error) {
    // The page must not notice; adapter health must (unless the extension itself went away).
    if (ctx.deps.isAlive?.() === false) ctx.retire();
    else
      diagnose(ctx, adapter, clip(`Pullback refused this edit: ${errorText(error)}`, MAX_PROBLEM));
    return null;
  }
  // Where the tool named nobody, a claim (made at any time from the popup) may answer differently soon.
  // So is a cooldown (minutes at least): typing on after "Not now" costs nothing but a check a key.
  const settled =
    decision.action === 'none' &&
    (decision.reason === 'mine' ||
      decision.reason === 'cooldown' ||
      (decision.reason === 'not-a-report' && signal.owner.length > 0));
  // Navigated while waiting: this answer belongs to the previous artifact (shown nowhere; the
  // detector still learns of a touch, so the stretch that ended there is counted).
  if (state !== ctx.page()) return { decision, settled, signal };
  track(state, decision, adapter.id, signal.artifact);
  ctx.deps.onDecision(decision, signal.artifact);
  return { decision, settled, signal };
}

/** A heartbeat for the fed artifact (its throttle already taken by the detector). */
async function heartbeat(
  ctx: JudgeContext,
  state: PageState,
  fed: NonNullable<PageState['feeding']>,
) {
  let decision: EditDecision;
  try {
    decision = await ctx.deps.sendHeartbeat({ tool: fed.tool, key: fed.key });
  } catch {
    return;
  }
  if (state !== ctx.page()) return;
  track(state, decision, fed.tool, fed.artifact);
  ctx.deps.onDecision(decision, fed.artifact);
}

/** What the detector hands over, loaded with the lookups. */
export const judging: Judging = {
  /** Focus in a content editor: start the owner lookup now, so the first keystroke's answer is quick. */
  focused(ctx: JudgeContext, state: PageState, adapter: PageAdapter, artifact: Artifact) {
    if (state === ctx.page()) void ownershipOf(ctx, state, adapter, artifact);
  },
  edit,
  heartbeat,
  /** The item being edited could not be identified (the adapter's markup changed). */
  unidentified: (ctx: JudgeContext, adapter: PageAdapter) =>
    diagnose(ctx, adapter, 'the item being edited could not be identified from this page'),
};

export type { Judging };

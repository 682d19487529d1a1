/**
 * What this content script has in hand: edits and clicks being judged (the owner lookup, the
 * background's answer) and prompts being shown. Counted on a global of the extension's isolated
 * world, which the page cannot see (isolated worlds share the DOM, not globals). The e2e suite
 * waits for the count to reach zero before it says "no prompt appeared", instead of sleeping
 * (tests/support/in-hand.ts). Costs one counter a judged event.
 */
export const IN_HAND_GLOBAL = '__pullbackInHand';

export interface InHand {
  /** Work started and not yet finished. */
  pending: number;
  /** Work finished since the script started. */
  finished: number;
}

declare global {
  var __pullbackInHand: InHand | undefined;
}

/** Returns `track(work)`: counts `work` as in hand until it settles (either way). */
export function inHandCounter(): (work: Promise<unknown>) => void {
  // Shared by every Pullback script in this frame's isolated world.
  const counts = (globalThis[IN_HAND_GLOBAL] ??= { pending: 0, finished: 0 });
  const done = () => {
    counts.pending--;
    counts.finished++;
  };
  return (work) => {
    counts.pending++;
    work.then(done, done);
  };
}

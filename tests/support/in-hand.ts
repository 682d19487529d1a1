/**
 * Waits until Pullback's content scripts in a page have nothing in hand: every edit, click and
 * interaction they heard has been judged (owner looked up, the background's answer received) and
 * any prompt it asked for is on the page. Read through CDP from the extension's isolated world,
 * where the count lives (entrypoints/page/in-hand.ts): the page itself cannot see it.
 * This is what "no prompt appeared" waits for, instead of a fixed sleep.
 */
import type { CDPSession, Page } from 'playwright-core';
import { IN_HAND_GLOBAL } from '../../entrypoints/page/in-hand';

interface ContextDescription {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

/** The execution contexts of extensions' content scripts in this page (all its frames). */
async function isolatedWorlds(
  page: Page,
): Promise<{ cdp: CDPSession; contexts: Map<number, ContextDescription> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts = new Map<number, ContextDescription>();
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
    if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://'))
      contexts.set(context.id, context);
  });
  cdp.on(
    'Runtime.executionContextDestroyed',
    ({ executionContextId }: { executionContextId: number }) => contexts.delete(executionContextId),
  );
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable'); // reports the contexts that exist now
  return { cdp, contexts };
}

async function pendingIn(cdp: CDPSession, contextId: number): Promise<number> {
  try {
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId,
      expression: `globalThis[${JSON.stringify(IN_HAND_GLOBAL)}]?.pending ?? 0`,
      returnByValue: true,
    });
    return Number(result.value) || 0;
  } catch {
    return 0; // the frame went away: nothing of ours is left in it
  }
}

/** Resolves once nothing is in hand in any frame of the page (checked twice in a row, a tick apart). */
export async function nothingInHand(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  const { cdp, contexts } = await isolatedWorlds(page);
  try {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    while (quietChecks < 2) {
      let pending = 0;
      for (const id of [...contexts.keys()]) pending += await pendingIn(cdp, id);
      quietChecks = pending === 0 ? quietChecks + 1 : 0;
      if (Date.now() > deadline)
        throw new Error(`Pullback still had ${pending} edit(s) in hand after ${timeoutMs} ms`);
      if (quietChecks < 2) await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * The background's side of the prompt's frame (components/prompt/PromptHost.ts, components/prompt/frame-page.ts):
 * a content script stages the prompt for its tab, the extension page in that tab's frame claims it.
 * Only Pullback's own frame page can claim (the browser names the sender), and what it gets is the
 * prompt of the tab it sits in. Where a page's CSP blocks the frame, the question waits in the
 * toolbar instead: a "?" on that tab's icon, and the popup shows it (storage.session, which
 * content scripts cannot read).
 */
import { storage } from '@wxt-dev/storage';
import type { PromptRequest, StagedPrompt } from '@/utils/protocol/messages';
import { PROMPT_FRAME_PAGE } from '@/utils/protocol/frame';
import { clearTabMark, markTabQuestion } from '@/utils/background/toolbar';

type Sender = { id?: string; url?: string; tab?: { id?: number }; frameId?: number };

/** Questions waiting in the toolbar, by tab id: this browser session only. */
export const waitingItem = storage.defineItem<Record<string, PromptRequest>>(
  'session:pb1.waitingPrompts',
  { fallback: {} },
);

const staged = new Map<number, StagedPrompt>();
let lastSeq = 0;

function tabOf(sender: Sender, who: string): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) throw new Error(`Only ${who} in a tab can do that.`);
  return tabId;
}

/** A content script hands over the prompt its frame is about to show. */
export function stagePrompt(request: PromptRequest, sender: Sender): { seq: number } {
  const tabId = tabOf(sender, 'a content script');
  const seq = ++lastSeq;
  staged.set(tabId, { seq, request, tabId, frameId: sender.frameId ?? 0 });
  return { seq };
}

export function unstagePrompt(sender: Sender): void {
  staged.delete(tabOf(sender, 'a content script'));
}

/** True when the sender is Pullback's own prompt page (by the browser's word, not the message's). */
export function isPromptFrame(sender: Sender, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return /^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === PROMPT_FRAME_PAGE;
  } catch {
    return false;
  }
}

/** The prompt's frame asks what to show: the prompt staged for its own tab. */
export function claimPrompt(sender: Sender, extensionId: string): StagedPrompt | null {
  if (!isPromptFrame(sender, extensionId))
    throw new Error('Only Pullback’s prompt frame can ask for the prompt.');
  return staged.get(tabOf(sender, 'the prompt frame')) ?? null;
}

/** The page blocked the frame: the question waits on this tab's toolbar icon until answered. */
export async function promptToToolbar(request: PromptRequest, sender: Sender): Promise<void> {
  const tabId = tabOf(sender, 'a content script');
  await waitingItem.setValue({ ...(await waitingItem.getValue()), [tabId]: request });
  await markTabQuestion(tabId);
}

export async function waitingPrompt(tabId: number): Promise<PromptRequest | null> {
  return (await waitingItem.getValue())[tabId] ?? null;
}

/** Answered (anywhere), navigated away, or closed: that question no longer waits. */
export async function dropWaiting(match: { tabId?: number; promptId?: string }): Promise<void> {
  const waiting = await waitingItem.getValue();
  const gone = Object.entries(waiting).filter(
    ([tab, request]) =>
      Number(tab) === match.tabId ||
      (match.promptId !== undefined &&
        request.kind === 'ask' &&
        request.promptId === match.promptId),
  );
  if (match.tabId !== undefined) staged.delete(match.tabId);
  if (!gone.length) return;
  for (const [tab] of gone) delete waiting[tab];
  await waitingItem.setValue(waiting);
  await Promise.all(gone.map(([tab]) => clearTabMark(Number(tab))));
}

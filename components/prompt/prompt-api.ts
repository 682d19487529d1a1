/**
 * What the always-loaded content script and the on-demand prompt host script
 * (entrypoints/prompt.ts) share: names and types only, so importing this
 * costs the content script nothing.
 */
import type { Artifact } from '@/utils/model/records';
import type { PromptRequest } from '@/utils/protocol/messages';

/** The host element on the tool's page: its shadow root holds only the prompt's frame. */
export const PROMPT_HOST_TAG = 'pullback-prompt';

/**
 * Where the prompt script leaves its factory: a global of the extension's
 * isolated world, which content scripts and scripts the background injects
 * share and the page cannot see.
 */
export const PROMPT_GLOBAL = '__pullbackPromptHost';

export interface PromptHostEvents {
  /** The lead said Yes: hands-on time on this artifact counts from now on. */
  onStarted(artifact: Artifact): void;
}

export interface PromptHost {
  /** Resolves once the prompt is on screen (in the page's frame, or, if the page blocks it, in the toolbar). */
  show(request: PromptRequest): Promise<void>;
  hide(): void;
  /** Navigation: a new artifact, so whatever was shown may be shown again later. */
  reset(): void;
  /** Move the keyboard into the prompt (Alt+Shift+P); false when no prompt shows. */
  focus(): boolean;
}

export type CreatePromptHost = (events: PromptHostEvents) => PromptHost;

declare global {
  var __pullbackPromptHost: CreatePromptHost | undefined;
}

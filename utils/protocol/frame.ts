/**
 * The prompt's frame, as every side of it names it (components/prompt/PromptHost.ts on the tool's
 * page, components/prompt/frame-page.ts inside the frame, utils/background/prompt-relay.ts): plain
 * values, so the prompt script the page loads carries nothing more.
 */

/** The extension page the prompt lives in (entrypoints/prompt-frame), in a frame on the tool's page. */
export const PROMPT_FRAME_PAGE = '/prompt-frame.html' as const;

/** The content script's nudge to its frame: "ask the background what to show". Carries no data. */
export const PROMPT_NUDGE = 'pullback:prompt';

/**
 * The prompt's actions on a started intervention, through the background: one set for the prompt's
 * frame on a tool's page and for the popup, which asks the same questions.
 */
import type { AnswerOptions, LifecycleActions } from '@/components/prompt/InterventionPrompt';
import type { PromptChoice } from '@/utils/protocol/schemas';
import { sendMessage, type PromptRequest } from '@/utils/protocol/messages';

/** The lead's answer to the prompt showing `request`. */
export const answerThroughBackground = (
  request: PromptRequest,
  answer: PromptChoice,
  options: AnswerOptions,
) =>
  sendMessage('answerPrompt', {
    promptId: request.kind === 'ask' ? request.promptId : '',
    answer,
    ...options,
  });

export const lifecycleThroughBackground: LifecycleActions = {
  end: (id) => sendMessage('endIntervention', { id }),
  extend: (id, minutes) => sendMessage('extendIntervention', { id, minutes }),
  keep: (id, until) => sendMessage('extendIntervention', { id, until }),
  recordClosing: (id, answers) => sendMessage('recordClosing', { id, ...answers }),
  annotate: (id, notes) => sendMessage('annotateIntervention', { id, ...notes }),
  closingLine: () => sendMessage('noteClosingLine', undefined),
};

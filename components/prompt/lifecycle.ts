/**
 * The prompt's actions on a started intervention, through the background: one set for the prompt's
 * frame on a tool's page and for the popup, which asks the same questions.
 */
import type { LifecycleActions } from '@/components/prompt/InterventionPrompt';
import { sendMessage } from '@/utils/protocol/messages';

export const lifecycleThroughBackground: LifecycleActions = {
  end: (id) => sendMessage('endIntervention', { id }),
  extend: (id, minutes) => sendMessage('extendIntervention', { id, minutes }),
  keep: (id, until) => sendMessage('extendIntervention', { id, until }),
  recordClosing: (id, answers) => sendMessage('recordClosing', { id, ...answers }),
  annotate: (id, notes) => sendMessage('annotateIntervention', { id, ...notes }),
  closingLine: () => sendMessage('noteClosingLine', undefined),
};

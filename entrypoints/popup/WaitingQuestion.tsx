/**
 * A question the tool's page would not let Pullback ask there (its policy blocked Pullback's
 * frame): it waits here, behind the "?" on this tab's toolbar icon, and is answered here. The same
 * prompt as on the page, in a shadow root of its own so its styles stay its own.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { createInterventionPrompt } from '@/components/prompt/InterventionPrompt';
import { answerThroughBackground, lifecycleThroughBackground } from '@/components/prompt/lifecycle';
import css from '@/components/prompt/prompt.css?inline';
import { sendMessage, type PromptRequest } from '@/utils/protocol/messages';
import { targetTabId } from '@/entrypoints/popup/OnThisPage';

export function WaitingQuestion({ onAnswered }: { onAnswered(): void }) {
  const [request, setRequest] = useState<PromptRequest | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      if (tabId !== undefined) setRequest(await sendMessage('waitingPrompt', { tabId }));
    })().catch(() => {});
  }, []);

  useEffect(() => {
    const host = ref.current;
    if (!request || !host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    const view = createInterventionPrompt({
      request,
      onAnswer: async (answer, options) => {
        const result = await answerThroughBackground(request, answer, options);
        onAnswered();
        return result;
      },
      lifecycle: lifecycleThroughBackground,
      onClose: () => setRequest(null),
    });
    shadow.replaceChildren(style, view.element);
    return () => view.destroy();
  }, [request]);

  return request ? <div ref={ref} /> : null;
}

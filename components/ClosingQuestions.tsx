/**
 * After pulling back: two optional questions from the framework, and the
 * hand-back note to copy. Used by the popup and by the in-page prompt.
 */
import { useState } from 'preact/hooks';
import { handBackNote } from '../utils/handback';
import type { InterventionView } from '../utils/messages';
import type { Closing } from '../utils/model';

export interface ClosingQuestionsProps {
  record: InterventionView;
  onSave(answers: Pick<Closing, 'saidFramework' | 'ownerNow'>): Promise<unknown>;
  onDone(): void;
  /** In the host page, mouse presses must not move the page's focus. */
  keepFocus?: (e: MouseEvent) => void;
}

export function ClosingQuestions({ record, onSave, onDone, keepFocus }: ClosingQuestionsProps) {
  const [saidFramework, setSaidFramework] = useState<boolean | null>(null);
  const [ownerNow, setOwnerNow] = useState<'report' | 'me' | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const note = handBackNote({ ...record, closing: { saidFramework, ownerNow, answeredAt: '' } }, record.reportName);

  async function copy() {
    try {
      await navigator.clipboard.writeText(note);
      setCopied('Copied. Paste it where your report will see it.');
    } catch {
      setCopied('Could not copy: select the note and copy it by hand.');
    }
  }

  async function finish() {
    // Saved even when both are skipped, so the questions are not asked again.
    await onSave({ saidFramework, ownerNow });
    onDone();
  }

  const choice = <T,>(current: T, value: T, set: (v: T) => void, label: string) => (
    <button type="button" aria-pressed={current === value} onMouseDown={keepFocus} onClick={() => set(current === value ? (null as T) : value)}>
      {label}
    </button>
  );

  return (
    <div class="closing" role="group" aria-label={`Closing questions for ${record.artifact.key}`}>
      <fieldset>
        <legend>Did you say the framework you used out loud?</legend>
        {choice(saidFramework, true as boolean | null, setSaidFramework, 'Yes')}
        {choice(saidFramework, false as boolean | null, setSaidFramework, 'Not yet')}
      </fieldset>
      <fieldset>
        <legend>Who owns this detail now?</legend>
        {choice(ownerNow, 'report' as 'report' | 'me' | null, setOwnerNow, record.reportName)}
        {choice(ownerNow, 'me' as 'report' | 'me' | null, setOwnerNow, 'Still me')}
      </fieldset>
      <label class="note">
        <span>Hand-back note</span>
        <textarea readOnly rows={4} value={note} />
      </label>
      <div class="actions">
        <button type="button" onMouseDown={keepFocus} onClick={copy}>
          Copy hand-back note
        </button>
        <button type="button" class="primary" onMouseDown={keepFocus} onClick={finish}>
          Done
        </button>
      </div>
      {copied && <p role="status">{copied}</p>}
    </div>
  );
}

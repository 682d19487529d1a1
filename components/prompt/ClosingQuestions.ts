/**
 * After pulling back: two optional questions from the framework, and the
 * hand-back note to copy. One implementation for the in-page prompt and the
 * popup (which mounts it), in plain DOM so the page's script stays small.
 */
import { handBackNote, unfinishedNote } from '@/utils/reports/handback';
import type { InterventionView } from '@/utils/protocol/messages';
import type { Closing } from '@/utils/model/records';
import { h, trusted } from '@/components/prompt/dom';

export interface ClosingQuestionsProps {
  record: InterventionView;
  onSave(answers: Pick<Closing, 'saidFramework' | 'ownerNow'>): Promise<unknown>;
  onDone(): void;
  /** In the host page, mouse presses must not move the page's focus. */
  keepFocus?: (e: MouseEvent) => void;
  /** In the host page, each answer gives the keyboard back to the page's editor. */
  onAnswered?: () => void;
  /** The lead's remembered closing line (set under the weekly notes), asked of the background. */
  closingLine: () => Promise<string>;
}

export function createClosingQuestions({
  record,
  onSave,
  onDone,
  keepFocus,
  onAnswered,
  closingLine,
}: ClosingQuestionsProps): HTMLElement {
  const answers: Pick<Closing, 'saidFramework' | 'ownerNow'> = {
    saidFramework: null,
    ownerNow: null,
  };
  // Editable: the lead's own edits are kept; until they type, the answers rewrite it.
  const note = h('textarea', { rows: 5 });
  let edited = false;
  note.addEventListener('input', () => (edited = true));
  const status = h('p', { role: 'status' });
  const toggles: Array<() => void> = [];
  const refresh = () => {
    toggles.forEach((t) => t());
    if (!edited)
      note.value = handBackNote(
        { ...record, closing: { ...answers, answeredAt: '' } },
        record.reportName,
        { closingLine: line },
      );
  };
  let line = '';
  // The note shows at once; the line joins it when it arrives (unless the lead already typed).
  void Promise.resolve()
    .then(closingLine)
    .then(
      (remembered) => {
        line = remembered;
        if (line) refresh();
      },
      () => {},
    );

  /** A toggle: pressing the chosen answer again clears it (both questions are optional). */
  function choice<K extends keyof typeof answers>(
    key: K,
    value: (typeof answers)[K],
    label: string,
  ) {
    const button = h('button', { type: 'button', onMousedown: keepFocus }, label);
    button.addEventListener(
      'click',
      trusted(() => {
        answers[key] = answers[key] === value ? null : value;
        refresh();
        onAnswered?.();
      }),
    );
    toggles.push(() => button.setAttribute('aria-pressed', String(answers[key] === value)));
    return button;
  }

  async function copy() {
    const unfinished = unfinishedNote(note.value);
    if (unfinished) {
      status.textContent = `Not copied. ${unfinished}`;
      return;
    }
    // The clipboard writes only from a focused document: in the prompt's frame, whose buttons
    // keep the page's editor focused, the frame takes focus for the copy.
    if (!document.hasFocus()) window.focus();
    status.textContent = (await writeClipboard(note))
      ? 'Copied. Paste it where your report will see it.'
      : 'Could not copy: select the note and copy it by hand.';
  }

  const root = h(
    'div',
    {
      class: 'closing',
      role: 'group',
      'aria-label': `Closing questions for ${record.artifact.key}`,
    },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Did you say the framework you used out loud?'),
      choice('saidFramework', true, 'Yes'),
      choice('saidFramework', false, 'Not yet'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Who owns this detail now?'),
      choice('ownerNow', 'report', record.reportName),
      choice('ownerNow', 'me', 'Still me'),
    ),
    h('label', { class: 'note' }, h('span', {}, 'Hand-back note (edit it before copying)'), note),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onMousedown: keepFocus, onClick: copy }, 'Copy hand-back note'),
      // Saved even when both are skipped, so the questions are not asked again.
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onMousedown: keepFocus,
          onClick: async () => (await onSave(answers), onDone()),
        },
        'Done',
      ),
    ),
    status,
  );
  refresh();
  return root;
}

/**
 * Puts the note's text on the clipboard. The Clipboard API first; where the browser refuses it
 * (Chromium in a frame on another site's page, the prompt's case), the browser's own copy of the
 * note's text, selected: still from Pullback's frame, never through the page.
 */
async function writeClipboard(note: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(note.value);
    return true;
  } catch {
    const { selectionStart, selectionEnd } = note;
    note.focus();
    note.select();
    const copied = document.execCommand('copy');
    note.setSelectionRange(selectionStart, selectionEnd);
    return copied;
  }
}

/**
 * A button that puts text on the clipboard and says what it copied; if the browser refuses, the
 * text is shown, selected, to copy by hand. Nothing leaves the device.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'refused' };

export function CopyButton({
  id,
  label,
  text,
  copied,
  fallbackLabel,
  primary,
}: {
  id: string;
  label: string;
  text: string;
  /** What the status says once copied. */
  copied: string;
  /** The name of the text box shown when the browser refuses. */
  fallbackLabel: string;
  primary?: boolean;
}) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const fallback = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setState({ kind: 'idle' }), [text]);
  useEffect(() => {
    if (state.kind === 'refused') fallback.current?.select();
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 6000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'refused' });
    }
  }

  return (
    <div class="oo-copy">
      <button
        type="button"
        class={primary ? 'primary' : undefined}
        onClick={copy}
        aria-describedby={`${id}-status`}
      >
        {state.kind === 'copied' ? `${label} ✓` : label}
      </button>
      <p id={`${id}-status`} role="status" class="muted">
        {state.kind === 'copied'
          ? copied
          : state.kind === 'refused'
            ? 'The browser did not let Pullback copy. The text is below, selected: copy it with Ctrl+C (⌘C on a Mac).'
            : ''}
      </p>
      {state.kind === 'refused' && (
        <label class="oo-fallback">
          <span>{fallbackLabel}</span>
          <textarea ref={fallback} readOnly rows={12} value={text} />
        </label>
      )}
    </div>
  );
}

/**
 * A modal confirmation (native <dialog>: focus moves in, Esc cancels, the
 * page behind is inert). Destructive choices say what will go before the
 * lead confirms; `alertdialog` tells assistive technology it needs an answer.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface DialogAction {
  label: string;
  /** The accessible name where the visible label alone is ambiguous. */
  name?: string;
  danger?: boolean;
  onClick(): void | Promise<void>;
}

export function ConfirmDialog({
  title,
  children,
  actions,
  onCancel,
  busy = false,
}: {
  title: string;
  children: ComponentChildren;
  actions: DialogAction[];
  onCancel(): void;
  busy?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.open && dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      aria-busy={busy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div id="confirm-body">{children}</div>
      <div class="actions">
        {actions.map((a) => (
          <button
            type="button"
            class={a.danger ? 'danger' : undefined}
            aria-label={a.name}
            disabled={busy}
            onClick={() => void a.onClick()}
          >
            {a.label}
          </button>
        ))}
        <button type="button" onClick={onCancel} autofocus>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

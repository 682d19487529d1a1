/**
 * "Forget…" confirmations: asks the background what the deletion would
 * take (forgetPreview, the same scope the deletion uses) and says it in
 * numbers before anything goes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { describeCounts, type ForgetCounts, type ForgetScope } from '@/utils/background/forget';
import { sendMessage } from '@/utils/protocol/messages';
import { ConfirmDialog, type DialogAction } from '@/components/ui/ConfirmDialog';
import { errorText } from '@/utils/model/error-text';

export function ForgetDialog({
  scope,
  title,
  intro,
  confirm,
  extraActions = [],
  onCancel,
  onDone,
}: {
  scope: ForgetScope;
  title: string;
  intro: ComponentChildren;
  /** The confirming button's label (it must say forget or delete). */
  confirm: string;
  /** Other ways out, offered beside the deletion (e.g. "Keep their history"). */
  extraActions?: DialogAction[];
  onCancel(): void;
  onDone(result: { deleted: ForgetCounts | null; error?: string }): void;
}) {
  const [counts, setCounts] = useState<ForgetCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    sendMessage('forgetPreview', scope).then(setCounts, (e) => setError(errorText(e)));
  }, []);

  async function run() {
    setBusy(true);
    try {
      const message =
        scope.kind === 'report'
          ? sendMessage('forgetReport', { reportId: scope.reportId })
          : scope.kind === 'before'
            ? sendMessage('deleteBefore', { beforeIso: scope.beforeIso })
            : scope.kind === 'everything'
              ? sendMessage('deleteEverything', {})
              : sendMessage('deleteRecord', { store: scope.store, id: scope.id });
      onDone({ deleted: await message });
    } catch (e) {
      onDone({ deleted: null, error: errorText(e) });
    }
  }

  return (
    <ConfirmDialog
      title={title}
      onCancel={onCancel}
      busy={busy || (!counts && !error)}
      actions={[...extraActions, { label: confirm, danger: true, onClick: run }]}
    >
      {intro}
      <p>
        <strong>
          {error
            ? `Pullback could not count what would go: ${error}`
            : counts
              ? `This deletes ${describeCounts(counts)}.`
              : 'Counting what would go…'}
        </strong>{' '}
        This cannot be undone; export a backup first if you may want it later.
      </p>
    </ConfirmDialog>
  );
}

/** The page's saved state, always in view: saving, saved, or what is held back and why. */
import { plural } from '@/components/ui/format';
import { useSaveState } from '@/entrypoints/options/autosave';

export function SaveStatus() {
  const state = useSaveState();
  const text =
    state.kind === 'held'
      ? `Not saved: ${state.reasons.join(' ')}`
      : state.kind === 'failed'
        ? `Not saved: ${state.reason}`
        : state.kind === 'saving'
          ? 'Saving…'
          : state.kind === 'saved'
            ? `Saved: ${plural(state.settings.reports.length, 'report')}. Changes save as you make them.`
            : 'Changes save as you make them.';
  const bad = state.kind === 'held' || state.kind === 'failed';
  return (
    <div class={`save-bar${bad ? ' bad' : ''}`} role="status" aria-live="polite">
      {text}
    </div>
  );
}

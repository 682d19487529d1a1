/** Per-tool switches: a switched-off tool's edits never prompt. */
import type { Settings, ToolId } from '@/utils/model/records';
import { SITE_TOOLS } from '@/utils/model/tools';
import { saver } from '@/entrypoints/options/autosave';

export function ToolsSection({ settings }: { settings: Settings }) {
  function toggle(id: ToolId, on: boolean) {
    saver.schedule(
      `tool-${id}`,
      (s) => ({
        ...s,
        disabledTools: on
          ? s.disabledTools.filter((t) => t !== id)
          : [...new Set([...s.disabledTools, id])],
      }),
      0,
    );
  }
  return (
    <section aria-labelledby="tools-heading">
      <h2 id="tools-heading">Tools</h2>
      <p class="muted">
        Pullback watches edits in these tools. Switch one off and its edits never prompt.
      </p>
      {SITE_TOOLS.map((a) => (
        <label class="inline">
          <input
            type="checkbox"
            checked={!settings.disabledTools.includes(a.id)}
            onChange={(e) => toggle(a.id, e.currentTarget.checked)}
          />{' '}
          {a.label}
        </label>
      ))}
    </section>
  );
}

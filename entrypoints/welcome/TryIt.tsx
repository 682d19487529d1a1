/** The welcome's last step: exactly what to do to see Pullback work, named for the first report. */
import type { Report, ToolId } from '@/utils/model/records';
import { SITE_TOOLS } from '@/utils/model/tools';

export function TryIt({ first, off }: { first: Report | undefined; off: ToolId[] }) {
  const tools = SITE_TOOLS.filter((t) => !off.includes(t.id)).map((t) => t.label);
  const where =
    tools.length > 3 ? `${tools.slice(0, 3).join(', ')} or another tool` : tools.join(' or ');
  return (
    <section aria-labelledby="try-heading" class="try">
      <h2 id="try-heading">Last step: try it</h2>
      {first ? (
        <p>
          Open one of <strong data-name>{first.name}</strong>’s tickets{where ? ` in ${where}` : ''}{' '}
          and edit it. Pullback asks whether this is a deliberate, temporary intervention; answer
          it, and the toolbar icon shows it running until you pull back.
        </p>
      ) : (
        <p>
          Add your first report above and save. Then open one of their tickets and edit it: Pullback
          asks whether this is a deliberate, temporary intervention.
        </p>
      )}
    </section>
  );
}

/**
 * The idea in a minute, before any setting: the two ways leads slip and the middle between them,
 * the alignment x confidence grid drawn small, what Pullback does and never does, and its two
 * keyboard shortcuts as this browser has them.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { QUADRANT_TITLES } from '@/utils/model/constants';
import type { Quadrant } from '@/utils/model/records';

/** The manifest's commands and their suggested keys (wxt.config.ts); the browser may have others set. */
const SHORTCUTS = [
  {
    command: 'focus-prompt',
    key: 'Alt+Shift+P',
    does: 'moves the keyboard into Pullback’s question on the page, and back out to your editor',
  },
  {
    command: 'pause-prompts',
    key: 'Alt+Shift+O',
    does: 'pauses Pullback’s questions for an hour; press it again to resume',
  },
] as const;

/** The keys this browser has for each command (the lead may have changed them); the suggested ones until read. */
function useShortcutKeys(): Record<string, string> {
  const [keys, setKeys] = useState<Record<string, string>>(
    Object.fromEntries(SHORTCUTS.map((s) => [s.command, s.key])),
  );
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((commands) =>
        setKeys((before) => ({
          ...before,
          ...Object.fromEntries(
            commands.filter((c) => c.name && c.shortcut).map((c) => [c.name!, c.shortcut!]),
          ),
        })),
      )
      .catch(() => {});
  }, []);
  return keys;
}

/** Alignment across, confidence up, as the weekly check-in draws it. */
const GRID: Array<[Quadrant, string]> = [
  ['give-context', 'low alignment, high confidence'],
  ['support', 'high alignment, high confidence'],
  ['act-now', 'low alignment, low confidence'],
  ['build-confidence', 'high alignment, low confidence'],
];

export function TheIdea() {
  const keys = useShortcutKeys();
  return (
    <section aria-labelledby="idea-heading" class="idea">
      <h2 id="idea-heading">The idea, in a minute</h2>
      <p>
        New leads tend to slip one of two ways: <strong>micromanaging</strong>, doing the details of
        work a report owns until it stops being theirs, or staying <strong>hands-off</strong>,
        trusting without giving the context and guardrails the work needed. The healthy middle is to
        step in on purpose when the direction is off, say which framework you are using, and pull
        back once they can carry it again.
      </p>
      <figure class="grid-small">
        <div class="axis-y" aria-hidden="true">
          Confidence →
        </div>
        <ul class="quadrants" aria-label="Alignment and confidence: what each corner asks of you">
          {GRID.map(([q, where]) => (
            <li key={q} class={`q-${q}`}>
              <strong>{QUADRANT_TITLES[q]}</strong>
              <span class="visually-hidden">: {where}</span>
            </li>
          ))}
        </ul>
        <div class="axis-x" aria-hidden="true">
          Alignment →
        </div>
        <figcaption>
          Each week you place each report on two questions: are we heading the same way (alignment),
          and do I trust their calls here (confidence)? Where they land says how close to their work
          to stand: full support in one corner, acting now in the opposite one.
        </figcaption>
      </figure>
      <div class="will">
        <div>
          <h3>What Pullback does</h3>
          <ul>
            <li>Notices when you start editing work one of your reports owns, and asks once.</li>
            <li>Keeps the time of an intervention you meant, and reminds you to hand it back.</li>
            <li>Shows the week’s pattern, and a check-in on alignment and confidence.</li>
          </ul>
        </div>
        <div>
          <h3>What it never does</h3>
          <ul>
            <li>Stop or undo an edit: it asks, you decide.</li>
            <li>Tell your reports anything, or send anything anywhere.</li>
            <li>Ask about your own work, or about people who are not your reports.</li>
          </ul>
        </div>
      </div>
      <h3 id="keys-heading">Two shortcuts</h3>
      <dl class="keys" aria-labelledby="keys-heading">
        {SHORTCUTS.map((s) => (
          <div key={s.command}>
            <dt>
              <kbd>{keys[s.command] || s.key}</kbd>
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

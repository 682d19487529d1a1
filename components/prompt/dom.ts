/**
 * A very small element builder for the in-page prompt, which runs inside
 * other products' pages and so carries no UI framework. Strings become text
 * nodes, never markup: a title holding "<img onerror>" stays text.
 */
export type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function')
      el.addEventListener(name.slice(2).toLowerCase(), trusted(value as EventListener));
    else if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? 'true' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * Only the person at the keyboard answers: a handler that ignores events a
 * page script dispatched (the prompt's shadow root is open, so a page can
 * reach its buttons and call click()).
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}

export function append(parent: Element | DocumentFragment, children: Child[]): void {
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      parent.append(typeof child === 'number' ? String(child) : child);
}

export function fragment(...children: Child[]): DocumentFragment {
  const f = document.createDocumentFragment();
  append(f, children);
  return f;
}

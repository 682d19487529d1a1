/**
 * Text fields whose border is fainter than 3:1 against what they sit on
 * (WCAG 1.4.11, non-text contrast: a lead must see where to type). axe-core
 * does not check control boundaries, so this reads the computed colours.
 */
import type { Frame, Page } from 'playwright-core';

/**
 * `textarea “Hand-back note”: border rgb(…) on rgb(…) is 1.36:1`, one line per faint field, open
 * shadow roots included; `include` (CSS selectors) limits it to those elements, as axe's context does.
 */
export async function faintFieldBorders(page: Page | Frame, include?: string[]): Promise<string[]> {
  return page.evaluate((include) => {
    const FIELDS =
      'input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]):not([type="file"]), textarea, select';
    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    /** The first opaque background behind an element (crossing shadow roots). */
    const behind = (el: Element) => {
      for (
        let node: Element | null =
          el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;
        node;
      ) {
        const bg = rgba(getComputedStyle(node).backgroundColor);
        if ((bg[3] ?? 1) > 0) return bg;
        node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null;
      }
      return [255, 255, 255];
    };
    const fields: Element[] = [];
    const collect = (root: Element | Document | ShadowRoot) => {
      if (root instanceof Element && root.matches(FIELDS)) fields.push(root);
      fields.push(...root.querySelectorAll(FIELDS));
      if (root instanceof Element && root.shadowRoot) collect(root.shadowRoot);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) collect(el.shadowRoot);
    };
    if (include) for (const el of document.querySelectorAll(include.join(','))) collect(el);
    else collect(document);
    const faint: string[] = [];
    for (const field of fields) {
      if (!field.getClientRects().length || field.closest('[hidden], [inert]')) continue;
      const style = getComputedStyle(field);
      const border = rgba(style.borderTopColor);
      const background = behind(field);
      const contrast =
        style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) === 0
          ? 1
          : ratio(border, background);
      if (contrast < 3) {
        const name = (
          field.getAttribute('aria-label') ??
          (field as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
          field.id
        ).slice(0, 60);
        faint.push(
          `${field.tagName.toLowerCase()} “${name}”: border ${style.borderTopColor} on rgb(${background.slice(0, 3).join(', ')}) is ${contrast.toFixed(2)}:1`,
        );
      }
    }
    return faint;
  }, include);
}

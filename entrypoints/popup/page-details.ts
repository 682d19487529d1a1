/**
 * "Copy details" for a page Pullback could not read: enough for whoever
 * maintains the adapter (tool, address shape, which selectors matched and
 * which did not, versions), and nothing about the page's content or people.
 */
import type { PageReading } from '@/utils/sites/types';

/** What could not be read, in a lead's words ("who owns this item"). */
export function unreadableParts(reading: PageReading): string[] {
  if (!reading.artifact) return ['which item this page is'];
  const parts: string[] = [];
  if (reading.owner === null) parts.push('who owns this item');
  if (!reading.artifact.title) parts.push('the item’s title');
  return parts;
}

/** "Chrome 131.0.6778.85" or "Firefox 140.0" from the user agent (nothing else of it). */
export function browserVersion(userAgent: string): string {
  const found = /(Firefox|Edg|Chrome)\/([\d.]+)/.exec(userAgent);
  if (!found) return 'unknown browser';
  return `${found[1] === 'Edg' ? 'Edge' : found[1]} ${found[2]}`;
}

export function copyDetailsText(
  reading: PageReading,
  missing: string[],
  extensionVersion: string,
  userAgent: string,
): string {
  const list = (items: string[]) =>
    items.length ? items.map((s) => `  - ${s}`).join('\n') : '  (none)';
  return [
    'Pullback could not read a page',
    `Tool: ${reading.toolLabel} (${reading.tool})`,
    `Address shape: ${reading.urlShape}`,
    `Not read: ${missing.join('; ') || 'nothing'}`,
    `Item found: ${reading.artifact ? 'yes' : 'no'}; owner found: ${reading.owner === null ? 'no' : 'yes'}`,
    'Selectors that matched:',
    list(reading.selectors.matched),
    'Selectors that did not match:',
    list(reading.selectors.missed),
    `Pullback ${extensionVersion}; ${browserVersion(userAgent)}`,
  ].join('\n');
}

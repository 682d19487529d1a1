/**
 * What loads when: the always-loaded content scripts carry only their tools' page
 * adapters; each has a lookup script the background injects on first need, and the take-over
 * watcher rides only with tools that name an assignee. A tool wired half-way would lose its owner
 * lookups or its take-overs without a sound in the build: this names it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '@/utils/sites/registry';
import { contentScriptNames, SITE_TOOLS } from '@/utils/model/tools';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('content script parts', () => {
  it('every content script has its lookup script, which provides the owner lookup of each of its tools', () => {
    for (const name of contentScriptNames()) {
      const path = `entrypoints/${name}-lookup.ts`;
      expect(existsSync(join(root, path)), path).toBe(true);
      const text = read(path);
      expect(text, path).toContain(`provideLookup('${name}'`);
      for (const tool of SITE_TOOLS.filter((t) => t.contentScript === name)) {
        expect(text, `${path}: ${tool.id}`).toContain(`${tool.id}: ${tool.id}Ownership`);
        // Take-over controls ride with the lookups, exactly for the tools that have them.
        const adapter = adapters.find((a) => a.id === tool.id);
        expect(text.includes(`${tool.id}: ${tool.id}Takeover`), `${path}: ${tool.id}Takeover`).toBe(
          !!adapter?.takeover,
        );
        // So do the selector lists "Copy details" reports on.
        expect(
          text.includes(`${tool.id}: ${tool.id}Selectors`),
          `${path}: ${tool.id}Selectors`,
        ).toBe(!!adapter?.selectors);
      }
    }
  });

  it('a page adapter names where taking over happens exactly when its tool has take-over controls', () => {
    for (const adapter of adapters)
      expect(!!adapter.takeoverZone, adapter.id).toBe(!!adapter.takeover);
  });

  it('a content script loads its tools as page adapters (no owner lookup), the take-over watcher exactly where an adapter has take-overs, and frame listening exactly where one has edit frames', () => {
    for (const name of contentScriptNames()) {
      if (name === 'custom') continue;
      const text = read(`entrypoints/${name}.content.ts`);
      const tools = SITE_TOOLS.filter((t) => t.contentScript === name);
      for (const tool of tools)
        expect(text, `${name}: ${tool.id}`).toContain(`${tool.id}PageAdapter`);
      expect(text, name).not.toMatch(/Ownership\b/);
      const takesOver = tools.some((t) => adapters.find((a) => a.id === t.id)?.takeover);
      expect(text.includes('watchTakeovers'), `${name}: watchTakeovers`).toBe(takesOver);
      const hasFrames = tools.some((t) => adapters.find((a) => a.id === t.id)?.editFrames?.length);
      expect(text.includes('listenInEditFrames'), `${name}: listenInEditFrames`).toBe(!!hasFrames);
    }
  });
});

/**
 * Every surface of the adapters below names the evidence it follows as a file in docs/evidence/
 * and a section of it that exists, and every fixture of those tools says which evidence file it
 * follows: a renamed section or a deleted file shows here, not in a reader's dead end.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Surface } from '@/utils/sites/types';
import { surfaces as asana } from '@/utils/sites/asana';
import { surfaces as confluence } from '@/utils/sites/confluence';
import { surfaces as figma } from '@/utils/sites/figma';
import { surfaces as gdocs } from '@/utils/sites/gdocs';
import { surfaces as github } from '@/utils/sites/github';
import { surfaces as jira } from '@/utils/sites/jira';
import { surfaces as linear } from '@/utils/sites/linear';
import { surfaces as notion } from '@/utils/sites/notion';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const tools: Record<string, { surfaces: readonly Surface[]; file: string }> = {
  asana: { surfaces: asana, file: 'asana.md' },
  confluence: { surfaces: confluence, file: 'confluence.md' },
  figma: { surfaces: figma, file: 'figma.md' },
  gdocs: { surfaces: gdocs, file: 'gdocs.md' },
  github: { surfaces: github, file: 'github.md' },
  jira: { surfaces: jira, file: 'jira.md' },
  linear: { surfaces: linear, file: 'linear.md' },
  notion: { surfaces: notion, file: 'notion.md' },
};

/** The `## ` headings of a markdown file. */
const sections = (text: string) =>
  new Set([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim()));

describe('evidence', () => {
  for (const [tool, { surfaces, file }] of Object.entries(tools)) {
    it(`${tool}: each surface names docs/evidence/${file} and one of its sections`, () => {
      const headings = sections(read(`docs/evidence/${file}`));
      for (const s of surfaces) {
        if (/^older /.test(s.evidence)) continue; // Markup from before the evidence, said so.
        const named = /^docs\/evidence\/([\w-]+\.md)(?:, ([^(:]+?))?\s*(?:[(:]|$)/.exec(s.evidence);
        expect(named?.[1], `${s.selector}: ${s.evidence}`).toBe(file);
        if (named?.[2]) expect(headings, `${s.selector}: ${s.evidence}`).toContain(named[2]);
      }
    });

    it(`${tool}: the fixtures say they follow docs/evidence/${file}`, () => {
      const dir = `tests/fixtures/${tool}`;
      const texts = readdirSync(join(root, dir)).map((f) => read(`${dir}/${f}`));
      expect(texts.some((t) => t.includes(`docs/evidence/${file}`))).toBe(true);
      for (const t of texts)
        for (const [, cited] of t.matchAll(/docs\/evidence\/([\w-]+\.md)/g))
          expect(existsSync(join(root, 'docs/evidence', cited!)), cited).toBe(true);
    });
  }

  it('the custom-sites adapter has its file too', () => {
    expect(read('docs/evidence/custom.md')).toContain('utils/sites/custom.ts');
  });
});

/**
 * Each tool once: the line in utils/model/tools.ts is the source;
 * the registry, the content scripts, the fixtures and the e2e suite must all
 * have their part, and a half-wired tool fails here naming what it lacks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_IDS } from '@/utils/model/records';
import { adapters } from '@/utils/sites/registry';
import { allSiteMatches, CUSTOM_TOOL, SITE_TOOLS, toolLabel } from '@/utils/model/tools';
import { wiringProblems, type Tree } from '@/tests/support/tool-wiring';

const root = `${join(import.meta.dirname, '../..')}/`;
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

function filesIn(dir: string, suffix: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(`${root}${dir}`)
      .filter((f) => f.endsWith(suffix))
      .map((f) => [f.slice(0, -suffix.length), read(`${dir}/${f}`)]),
  );
}

function realTree(): Tree {
  return {
    tools: SITE_TOOLS,
    adapters,
    contentScripts: filesIn('entrypoints', '.content.ts'),
    fixtureDirs: readdirSync(`${root}tests/fixtures`).filter(
      (d) =>
        existsSync(`${root}tests/fixtures/${d}`) &&
        readdirSync(`${root}tests/fixtures/${d}`).length > 0,
    ),
    e2eFiles: filesIn('tests/e2e', '.e2e.ts'),
  };
}

describe('each tool once', () => {
  it('every tool in tools.ts is wired all the way: adapter, content script, fixture, a prompting and a quiet e2e case', () => {
    expect(wiringProblems(realTree())).toEqual([]);
  });

  it('a half-wired tool is named with what it lacks', () => {
    const tree = realTree();
    const half: Tree = {
      ...tree,
      tools: [
        ...tree.tools,
        { id: 'trello', label: '', matches: ['https://trello.com/*'], contentScript: 'trello' },
      ],
      adapters: [
        ...tree.adapters,
        { id: 'trello', label: 'Trello', matches: ['https://trello.com/*'] },
        { id: 'miro', label: 'Miro', matches: [] },
      ],
      e2eFiles: {
        ...tree.e2eFiles,
        'x.e2e.ts': [
          "test('a report’s card prompts [trello prompts] [trello sometimes]', () => {});",
          "it('a list stays quiet [clickup quiet]', () => {});",
          "// test('commented out [trello quiet]', () => {});",
          "/* it('gone [trello quiet]', () => {}); */",
        ].join('\n'),
      },
    };
    const problems = wiringProblems(half);
    expect(problems).toEqual(
      expect.arrayContaining([
        'trello: no label',
        "trello: the adapter's label or matches differ from tools.ts (spread toolInfo('trello'))",
        'trello: no content script entrypoints/trello.content.ts',
        'trello: no fixture in tests/fixtures/trello/',
        'trello: no e2e test is tagged "[trello quiet]"',
        'miro: an adapter with no line in tools.ts',
        'x.e2e.ts: "trello sometimes" is not "<tool> prompts" or "<tool> quiet"',
        'e2e cases declared for "clickup", which is no tool',
      ]),
    );
    expect(
      problems.some((p) => p.startsWith('trello: no e2e test is tagged "[trello prompts]"')),
    ).toBe(false);
  });

  it("a content script that does not load its tool's adapter, or runs for no tool, is named", () => {
    const tree = realTree();
    const problems = wiringProblems({
      ...tree,
      contentScripts: {
        ...tree.contentScripts,
        github: "import { linear } from '@/utils/sites/linear';",
        trello: '',
      },
    });
    expect(problems).toContain('github: entrypoints/github.content.ts does not load its adapter');
    expect(problems).toContain('entrypoints/trello.content.ts runs for no tool in tools.ts');
  });

  it('tool ids, labels and host permissions come from the one list', () => {
    expect(TOOL_IDS).toEqual([...SITE_TOOLS.map((t) => t.id), 'custom']);
    expect(allSiteMatches).toEqual([...new Set(SITE_TOOLS.flatMap((t) => t.matches))]);
    expect(toolLabel('gdocs')).toBe('Google Docs');
    expect(toolLabel(CUSTOM_TOOL.id)).toBe('your custom site');
    // A record from a newer version naming a tool this one does not know is shown as it is.
    expect(toolLabel('trello')).toBe('trello');
  });

  it('the extension pages read labels from tools.ts, never the registry (no adapter code in their bundles)', () => {
    for (const dir of ['entrypoints/options', 'entrypoints/summary', 'entrypoints/popup']) {
      for (const file of readdirSync(`${root}${dir}`).filter((f) => /\.tsx?$/.test(f))) {
        expect(read(`${dir}/${file}`), `${dir}/${file}`).not.toMatch(
          /utils\/sites\/(registry|jira|confluence|github|linear|figma|notion|asana|gdocs)'/,
        );
      }
    }
    expect(read('wxt.config.ts')).toMatch(/from '\.\/utils\/model\/tools'/);
  });
});

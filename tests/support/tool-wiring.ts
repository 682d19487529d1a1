/**
 * Is every tool wired all the way? Each tool once, the way
 * refined-github's build tests check every feature is registered, documented
 * and has test URLs). Pure: the unit test hands in what the tree holds, and a
 * half-wired tool comes back as a sentence naming what it lacks.
 *
 * An e2e test counts as a tool case by a tag at the end of its title, read
 * from the code (a comment or a deleted test counts for nothing):
 * `test('editing the summary of a report’s work item prompts [jira prompts]', …)`
 * ("prompts": a report's item edited prompts; "quiet": an edit that must not
 * prompt, such as my own item, a peer's, or a comment).
 */
export interface ToolLine {
  id: string;
  label: string;
  matches: readonly string[];
  contentScript: string;
}

export interface AdapterFacts {
  id: string;
  label: string;
  matches: readonly string[];
}

export interface Tree {
  tools: readonly ToolLine[];
  adapters: readonly AdapterFacts[];
  /** `entrypoints/<name>.content.ts` files by name, with their source. */
  contentScripts: Record<string, string>;
  /** Folders under tests/fixtures with at least one file. */
  fixtureDirs: readonly string[];
  /** e2e file name -> source. */
  e2eFiles: Record<string, string>;
}

import ts from 'typescript';

export const CASES = ['prompts', 'quiet'] as const;
const TAG = /\[([^\]]+)\]/g;

/** The titles of the tests a file defines (`test(...)`, `it(...)`, with modifiers), from its syntax tree. */
export function testTitles(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, false);
  const titles: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      let callee: ts.Expression = node.expression;
      while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
      const title = node.arguments[0];
      if (
        ts.isIdentifier(callee) &&
        (callee.text === 'test' || callee.text === 'it') &&
        title &&
        (ts.isStringLiteral(title) || ts.isNoSubstitutionTemplateLiteral(title))
      )
        titles.push(title.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return titles;
}

/** `{ jira: Set{'prompts','quiet'} }` from the e2e tests' title tags, and the tags that do not parse. */
export function declaredCases(e2eFiles: Record<string, string>): {
  cases: Map<string, Set<string>>;
  bad: string[];
} {
  const cases = new Map<string, Set<string>>();
  const bad: string[] = [];
  for (const [file, source] of Object.entries(e2eFiles)) {
    for (const title of testTitles(source)) {
      for (const item of [...title.matchAll(TAG)].map((m) => m[1]!.trim())) {
        const m = /^([a-z0-9-]+) (prompts|quiet)$/.exec(item);
        if (!m) {
          bad.push(`${file}: "${item}" is not "<tool> prompts" or "<tool> quiet"`);
          continue;
        }
        if (!cases.has(m[1]!)) cases.set(m[1]!, new Set());
        cases.get(m[1]!)!.add(m[2]!);
      }
    }
  }
  return { cases, bad };
}

export function wiringProblems(tree: Tree): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const { cases, bad } = declaredCases(tree.e2eFiles);
  problems.push(...bad);
  for (const tool of tree.tools) {
    if (ids.has(tool.id)) problems.push(`${tool.id}: listed twice`);
    ids.add(tool.id);
    if (!tool.label.trim()) problems.push(`${tool.id}: no label`);
    if (!tool.matches.length) problems.push(`${tool.id}: no match patterns`);
    const adapter = tree.adapters.find((a) => a.id === tool.id);
    if (!adapter) problems.push(`${tool.id}: no adapter in the registry`);
    else if (
      adapter.label !== tool.label ||
      JSON.stringify([...adapter.matches]) !== JSON.stringify([...tool.matches])
    ) {
      problems.push(
        `${tool.id}: the adapter's label or matches differ from tools.ts (spread toolInfo('${tool.id}'))`,
      );
    }
    const entry = tree.contentScripts[tool.contentScript];
    if (entry === undefined)
      problems.push(`${tool.id}: no content script entrypoints/${tool.contentScript}.content.ts`);
    else if (!new RegExp(`from '@/utils/sites/${tool.id}'`).test(entry)) {
      problems.push(
        `${tool.id}: entrypoints/${tool.contentScript}.content.ts does not load its adapter`,
      );
    }
    if (!tree.fixtureDirs.includes(tool.id))
      problems.push(`${tool.id}: no fixture in tests/fixtures/${tool.id}/`);
    for (const kind of CASES) {
      if (!cases.get(tool.id)?.has(kind))
        problems.push(`${tool.id}: no e2e test is tagged "[${tool.id} ${kind}]"`);
    }
  }
  for (const adapter of tree.adapters)
    if (!ids.has(adapter.id)) problems.push(`${adapter.id}: an adapter with no line in tools.ts`);
  for (const name of Object.keys(tree.contentScripts)) {
    if (name !== 'custom' && !tree.tools.some((t) => t.contentScript === name)) {
      problems.push(`entrypoints/${name}.content.ts runs for no tool in tools.ts`);
    }
  }
  for (const id of cases.keys())
    if (!ids.has(id) && id !== 'custom')
      problems.push(`e2e cases declared for "${id}", which is no tool`);
  return problems;
}

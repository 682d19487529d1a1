/**
 * axe-core in a page: injects it (once per document), runs it, and returns
 * the violations as readable lines (rule id, impact, target, summary), so a
 * failing assertion says what to fix without opening a report. Works with
 * either driver: Playwright (Chromium) and puppeteer (Firefox) both evaluate
 * a source string and a function with one argument.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Every rule for WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds target size), and axe's best practices (headings, landmarks). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeRunOptions {
  /** CSS selectors of what to analyse (default: the whole document, open shadow roots included). */
  include?: string[];
  /** Rule ids (default: every rule tagged AXE_TAGS). */
  rules?: string[];
  /** Rules switched off for this run; each caller says why beside it. */
  disableRules?: string[];
}

interface AxeArgs {
  include?: string[];
  rules?: string[];
  disableRules?: string[];
  tags: string[];
}

/** What either driver's page can do: evaluate a script's source, and a function with one argument. */
interface EvaluatingPage {
  evaluate(source: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** `rule (impact) target: summary`, one line per failing node. */
export async function axeViolations(
  page: EvaluatingPage,
  options: AxeRunOptions = {},
): Promise<string[]> {
  if (!(await page.evaluate((_: null) => 'axe' in window, null))) await page.evaluate(axeSource);
  const args: AxeArgs = {
    include: options.include,
    rules: options.rules,
    disableRules: options.disableRules,
    tags: AXE_TAGS,
  };
  return page.evaluate(async ({ include, rules, disableRules, tags }: AxeArgs) => {
    const axe = (window as any).axe;
    const context = include ? { include: include.map((selector) => [selector]) } : document;
    const result = await axe.run(context, {
      runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
      rules: Object.fromEntries((disableRules ?? []).map((id) => [id, { enabled: false }])),
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((v: any) =>
      v.nodes.map(
        (n: any) =>
          `${v.id} (${n.impact ?? v.impact}) ${JSON.stringify(n.target)}: ${String(
            n.failureSummary ?? v.help,
          )
            .replace(/\s+/g, ' ')
            .trim()}`,
      ),
    ) as string[];
  }, args);
}

/**
 * npm test's closing tally (scripts/tally.mjs): CI reads only the end of the output, so the end
 * must name what failed, count a crashed suite as a failure, and exit non-zero.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const suiteReport = (
  tests: Array<{ title: string; status: 'passed' | 'failed'; message?: string }>,
) => ({
  numPassedTests: tests.filter((t) => t.status === 'passed').length,
  numFailedTests: tests.filter((t) => t.status === 'failed').length,
  numTotalTests: tests.length,
  testResults: [
    {
      name: path.join(process.cwd(), 'tests/e2e/pause.e2e.ts'),
      status: tests.some((t) => t.status === 'failed') ? 'failed' : 'passed',
      message: '',
      assertionResults: tests.map((t) => ({
        title: t.title,
        fullName: `pause ${t.title}`,
        status: t.status,
        failureMessages: t.message ? [t.message] : [],
      })),
    },
  ],
});

function tally(files: Record<string, unknown>): { output: string; code: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(
      path.join(dir, name),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
  try {
    return {
      output: execFileSync('node', ['scripts/tally.mjs', dir], { encoding: 'utf8' }),
      code: 0,
    };
  } catch (error: any) {
    return { output: String(error.stdout), code: error.status };
  }
}

describe('npm test tally', () => {
  const passing = suiteReport([{ title: 'a', status: 'passed' }]);

  test('all green: one closing line, exit 0', () => {
    const { output, code } = tally({
      'step-build-chrome': 'pass',
      'unit.json': passing,
      'e2e.json': passing,
      'firefox.json': passing,
    });
    expect(code).toBe(0);
    expect(output.trim().split('\n').at(-1)).toBe('4 passed, 0 failed');
    expect(output).not.toMatch(/Failed:/);
  });

  test('a failing test is named with the first line of its error, above the totals', () => {
    const failing = suiteReport([
      { title: 'a', status: 'passed' },
      {
        title: 'ends by itself',
        status: 'failed',
        message:
          '\u001b[31mAssertionError: expected "Paused" to be "Active"\u001b[39m\n    at pause.e2e.ts:40',
      },
    ]);
    const { output, code } = tally({
      'unit.json': passing,
      'e2e.json': failing,
      'firefox.json': passing,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      'e2e: tests/e2e/pause.e2e.ts > pause ends by itself: AssertionError: expected "Paused" to be "Active"',
    );
    expect(output).not.toContain('\u001b[');
    expect(output.trim().split('\n').at(-1)).toBe('3 passed, 1 failed');
  });

  test('a suite with no results counts as a failure, with the reason it gave', () => {
    const { output, code } = tally({
      'unit.json': passing,
      'e2e.json': passing,
      'firefox-missing': 'firefox skipped: the Firefox build failed',
    });
    expect(code).toBe(1);
    expect(output).toContain(
      'FAIL firefox: no results (firefox skipped: the Firefox build failed)',
    );
    expect(output.trim().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });
});

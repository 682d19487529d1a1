// Adds up every suite of `npm test` into the one closing line CI reads:
// "N passed, N failed". A suite that should have written results and did not
// (it crashed) counts as a failure, so a crash can never look green.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.test-results';
let passed = 0;
let failed = 0;
const lines = [];
const failures = []; // "suite: file > test: first line of the error", listed above the totals

const firstLine = (messages) =>
  String(messages?.[0] ?? '')
    // eslint-disable-next-line no-control-regex -- the terminal's colour codes are what is stripped
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 200) ?? '';

for (const file of readdirSync(dir)
  .filter((f) => f.startsWith('step-'))
  .sort()) {
  const ok = readFileSync(path.join(dir, file), 'utf8').trim() === 'pass';
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${file.slice(5)}`);
}
for (const suite of ['unit', 'e2e', 'firefox']) {
  const file = path.join(dir, `${suite}.json`);
  if (!existsSync(file)) {
    failed++;
    lines.push(
      `FAIL ${suite}: no results (${existsSync(path.join(dir, `${suite}-missing`)) ? readFileSync(path.join(dir, `${suite}-missing`), 'utf8').trim() : 'the runner crashed'})`,
    );
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that failed with no failing test in it (a syntax error, a failing
  // beforeAll that left its tests skipped) counts as one failure too.
  const loadFailures = report.testResults.filter(
    (r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  for (const fileResult of report.testResults) {
    const where = `${suite}: ${path.relative(process.cwd(), fileResult.name)}`;
    const failedTests = fileResult.assertionResults.filter((a) => a.status === 'failed');
    for (const a of failedTests)
      failures.push(`${where} > ${a.fullName ?? a.title}: ${firstLine(a.failureMessages)}`);
    if (fileResult.status === 'failed' && failedTests.length === 0)
      failures.push(`${where}: ${firstLine([fileResult.message]) || 'the file failed to run'}`);
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests + loadFailures;
  lines.push(
    `${report.numFailedTests + loadFailures ? 'FAIL' : 'ok  '} ${suite}: ${report.numPassedTests} passed, ${report.numFailedTests + loadFailures} failed`,
  );
  if (report.numTotalTests === 0) {
    failed++;
    lines.push(`FAIL ${suite}: no tests ran`);
  }
}
// CI shows the end of the output: what failed is named here, not only counted.
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

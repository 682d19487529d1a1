// Adds up every suite of `npm test` into the one closing line CI reads:
// "N passed, N failed". A suite that should have written results and did not
// (it crashed) counts as a failure, so a crash can never look green.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.test-results';
let passed = 0;
let failed = 0;
const lines = [];

for (const file of readdirSync(dir).filter((f) => f.startsWith('step-')).sort()) {
  const ok = readFileSync(path.join(dir, file), 'utf8').trim() === 'pass';
  ok ? passed++ : failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${file.slice(5)}`);
}
for (const suite of ['unit', 'e2e']) {
  const file = path.join(dir, `${suite}.json`);
  if (!existsSync(file)) {
    failed++;
    lines.push(`FAIL ${suite}: no results (${existsSync(path.join(dir, `${suite}-missing`)) ? readFileSync(path.join(dir, `${suite}-missing`), 'utf8').trim() : 'the runner crashed'})`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that failed with no failing test in it (a syntax error, a failing
  // beforeAll that left its tests skipped) counts as one failure too.
  const loadFailures = report.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed')).length;
  passed += report.numPassedTests;
  failed += report.numFailedTests + loadFailures;
  lines.push(`${report.numFailedTests + loadFailures ? 'FAIL' : 'ok  '} ${suite}: ${report.numPassedTests} passed, ${report.numFailedTests + loadFailures} failed`);
  if (report.numTotalTests === 0) {
    failed++;
    lines.push(`FAIL ${suite}: no tests ran`);
  }
}
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

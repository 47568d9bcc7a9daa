#!/usr/bin/env node
/**
 * `npm test`: the unit suite (vitest, Node) and the end-to-end suite (Playwright + Debian's Chromium),
 * then one line summing both: `N passed, N failed`. A suite that cannot run counts as failed; a
 * skipped test counts as failed too (no skipped suites).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const suites = [];

rmSync('test-results/unit.json', { force: true });
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
const unit = readJson('test-results/unit.json');
if (unit) {
  // A test file that failed without a failing test (it did not even load) counts as one failure.
  const brokenFiles = (unit.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  suites.push({
    name: 'unit',
    passed: unit.numPassedTests,
    failed: unit.numFailedTests + unit.numPendingTests + unit.numTodoTests + brokenFiles,
    note: [unit.numPendingTests ? `${unit.numPendingTests} skipped (counted as failed)` : '', brokenFiles ? `${brokenFiles} file(s) failed to run` : '']
      .filter(Boolean)
      .join('; '),
  });
} else suites.push({ name: 'unit', passed: 0, failed: 1, note: `vitest did not report (exit ${unitStatus})` });

rmSync('test-results/e2e.json', { force: true });
const e2eStatus = run('npx', ['playwright', 'test']);
const e2e = readJson('test-results/e2e.json');
if (e2e?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = e2e.stats;
  const setupErrors = (e2e.errors ?? []).length;
  suites.push({
    name: 'e2e',
    passed: expected,
    failed: unexpected + flaky + skipped + setupErrors,
    note: [skipped ? `${skipped} skipped (counted as failed)` : '', setupErrors ? `${setupErrors} setup error(s)` : ''].filter(Boolean).join('; '),
  });
} else suites.push({ name: 'e2e', passed: 0, failed: 1, note: `playwright did not report (exit ${e2eStatus})` });

let passed = 0;
let failed = 0;
for (const s of suites) {
  passed += s.passed;
  failed += s.failed;
  console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed${s.note ? ` (${s.note})` : ''}`);
}
writeFileSync('test-results/summary.json', JSON.stringify({ passed, failed, suites }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && unitStatus === 0 && e2eStatus === 0 ? 0 : 1);

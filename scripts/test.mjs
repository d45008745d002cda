// `npm test`: type check, lint, unit tests, then the Playwright suite in Chromium. Every step runs
// even when an earlier one fails, so one run shows everything that is wrong. Ends with the one line
// CI reads: "N passed, N failed" over all suites (type check, lint and format count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return status === 0;
}

function count(label, ok) {
  results[ok ? 'passed' : 'failed'] += 1;
  if (!ok) console.log(`✖ ${label} failed`);
}

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

count('type check', run('type check', 'npx', ['tsc', '-b']));
count('lint', run('lint', 'npx', ['eslint', '--max-warnings=0', '.']));
count('folder cycles', run('folder cycles', 'node', ['scripts/check-folder-cycles.mjs']));
count('format', run('format', 'npx', ['prettier', '--check', '--log-level=warn', '.']));

// deploy/deploy.test.ts and e2e/nginx run the repo's nginx config with a real nginx: installed
// here when missing (root + apt); without it those tests fail saying how to install it.
run('nginx', 'node', ['scripts/ensure-nginx.mjs']);

rmSync('test-results/unit.json', { force: true });
const unitOk = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
const unit = readJson('test-results/unit.json');
if (unit) {
  results.passed += unit.numPassedTests;
  results.failed += unit.numFailedTests;
  // A suite that crashed before running its tests counts as a failure too.
  if (!unitOk && unit.numFailedTests === 0) results.failed += Math.max(1, unit.numFailedTestSuites);
} else count('unit tests', false);

const chromiumOk = run('chromium', 'node', ['scripts/ensure-chromium.mjs']);
if (chromiumOk) {
  rmSync('test-results/e2e.json', { force: true });
  const e2eOk = run('browser tests', 'npx', ['playwright', 'test'], { CI: process.env.CI ?? '1' });
  const stats = readJson('test-results/e2e.json')?.stats;
  if (stats) {
    // A flaky test (failed, then passed on the retry that records its trace) is a failure.
    results.passed += stats.expected;
    results.failed += stats.unexpected + stats.flaky;
    if (!e2eOk && stats.unexpected === 0) results.failed += 1;
  } else count('browser tests', false);
} else count('chromium available', false);

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);

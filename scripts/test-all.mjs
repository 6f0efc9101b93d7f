// `npm test`: every check the project has, in order — typecheck, unit tests, build, end-to-end tests in real
// Chromium — then one closing line "N passed, N failed" counting them all (typecheck and build count as one
// each; unit and e2e count their test cases). Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function count(label, ok, passed = ok ? 1 : 0, failed = ok ? 0 : 1) {
  results.passed += passed;
  results.failed += failed;
  if (!ok || failed) failures.push(label);
}

// 1. Types
count('typecheck', run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']));

// 2. Unit tests (vitest): counts come from its JSON report.
const unitReport = 'test-results/unit.json';
const unitOk = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`]);
if (existsSync(unitReport)) {
  const r = JSON.parse(readFileSync(unitReport, 'utf8'));
  const failed = r.numFailedTests + (unitOk || r.numFailedTests ? 0 : 1);
  count('unit', unitOk, r.numPassedTests, failed);
} else count('unit', false);

// 3. Build both browsers
const buildOk = run('build', 'npm', ['run', 'build']);
count('build', buildOk);

// 4. End-to-end in real Chromium (node's test runner; TAP report for counting).
const e2eFiles = existsSync('tests/e2e') ? readdirSync('tests/e2e').filter((f) => f.endsWith('.test.ts')).map((f) => `tests/e2e/${f}`) : [];
if (!buildOk) {
  console.log('\n=== e2e: skipped because the build failed');
  count('e2e', false);
} else if (e2eFiles.length) {
  const tap = 'test-results/e2e.tap';
  const ok = run('e2e', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...e2eFiles]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
  count('e2e', ok, pass, fail + (ok || fail ? 0 : 1));
}

console.log(failures.length ? `\nFailed: ${failures.join(', ')}` : '\nAll checks passed.');
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed || failures.length ? 1 : 0);

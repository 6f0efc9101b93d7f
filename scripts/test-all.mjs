// `npm test`: every check the project has, in order — typecheck, unit tests, build, checks of the built
// manifests and of reproducible packaging, web-ext lint of the Firefox build, end-to-end tests in real Chromium,
// then in headless Firefox — then one closing line "N passed, N failed" counting them all (typecheck, build and
// lint count as one each; unit, build checks and e2e count their test cases). Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

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

const testFiles = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`) : []);

/** Runs test files with node's test runner (one at a time) and counts their cases from its TAP report. */
function nodeTests(label, files) {
  if (!buildOk) {
    console.log(`\n=== ${label}: skipped because the build failed`);
    count(label, false);
    return;
  }
  if (!files.length) return;
  const tap = `test-results/${label}.tap`;
  rmSync(tap, { force: true }); // a report left by an earlier run must not be counted
  const ok = run(label, 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
  count(label, ok, pass, fail + (ok || fail ? 0 : 1));
}

// 4. The built manifests (permission snapshot) and `npm run package` (two runs, byte-identical zips).
nodeTests('build-checks', testFiles('tests/build'));

// 5. web-ext lint of the Firefox build (addons.mozilla.org's linter): passes with 0 errors and 0 warnings.
if (buildOk) {
  console.log('\n=== web-ext lint: npx web-ext lint --source-dir dist/firefox --output json');
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json'], { encoding: 'utf8' });
  let summary = null;
  try {
    summary = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  } catch {
    console.log(r.stdout, r.stderr);
  }
  if (summary) {
    for (const kind of ['errors', 'warnings', 'notices']) for (const m of summary[kind]) console.log(`${kind}: ${m.code} ${m.file ?? ''} ${m.message}`);
    console.log(`web-ext lint: ${summary.summary.errors} errors, ${summary.summary.warnings} warnings, ${summary.summary.notices} notices`);
  }
  count('web-ext lint', Boolean(summary && summary.summary.errors === 0 && summary.summary.warnings === 0));
} else count('web-ext lint', false);

// 6. End-to-end in real Chromium, then in headless Firefox.
nodeTests('e2e', testFiles('tests/e2e'));
nodeTests('e2e-firefox', testFiles('tests/e2e-firefox'));

console.log(failures.length ? `\nFailed: ${failures.join(', ')}` : '\nAll checks passed.');
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed || failures.length ? 1 : 0);

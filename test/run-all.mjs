// The whole test suite, in order: build and type-check, engine unit tests, CLI end-to-end tests, the extension-host
// suite in a real VS Code (code-server), and the UI suite in chromium. Each suite's counts are summed into the last
// line, `N passed, N failed`, so a run that tested nothing shows. A suite that cannot start counts as failed.
// usage: node test/run-all.mjs [--only unit,cli,integration,ui]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, '.test-results');
mkdirSync(results, { recursive: true });
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : undefined;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0 };
const lines = [];

function sh(cmd, args, env = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: r.status ?? 1, seconds: (Date.now() - t0) / 1000 };
}

/** A build step counts as one check. */
function check(name, cmd, args) {
  console.log(`\n=== ${name}`);
  const r = sh(cmd, args);
  const ok = r.code === 0;
  totals.passed += ok ? 1 : 0;
  totals.failed += ok ? 0 : 1;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${r.seconds.toFixed(1)}s)`);
  return ok;
}

/** A test suite reports its own counts through a summary file. */
function suite(name, cmd, args, summaryFile) {
  if (only && !only.has(name)) return;
  console.log(`\n=== ${name}`);
  rmSync(summaryFile, { force: true });
  const r = sh(cmd, args, { MODELWISE_SUMMARY: summaryFile });
  let s;
  try {
    s = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    s = { passed: 0, failed: 1 };
    console.log(`${name}: no results were written (exit ${r.code}) — counted as one failure`);
  }
  if (r.code !== 0 && s.failed === 0) s.failed = 1;
  if (s.passed + s.failed === 0) s.failed = 1; // a suite that ran nothing is a failure
  totals.passed += s.passed;
  totals.failed += s.failed;
  lines.push(`${name}: ${s.passed} passed, ${s.failed} failed (${r.seconds.toFixed(1)}s)`);
}

const built = check('build', process.execPath, [join(root, 'esbuild.mjs')]);
check('check-types', bin('tsc'), ['--noEmit', '-p', '.']);
rmSync(join(root, 'out', 'test'), { recursive: true, force: true });
const compiled = check('compile-tests', bin('tsc'), ['-p', '.', '--outDir', 'out']) || existsSync(join(root, 'out', 'test'));
const reporter = join(root, 'test', 'helpers', 'summary-reporter.cjs');
if (compiled) {
  suite('unit', bin('mocha'), ['--reporter', reporter, 'out/test/unit/**/*.test.js'], join(results, 'unit.json'));
  suite('cli', bin('mocha'), ['--reporter', reporter, '--timeout', '120000', 'out/test/cli/**/*.test.js'], join(results, 'cli.json'));
}
if (built && compiled) {
  suite('integration', process.execPath, [join(root, 'test', 'real-editor', 'run-integration.mjs'), '--results', join(results, 'integration.json')], join(results, 'integration.json'));
  suite('ui', bin('mocha'), ['--reporter', reporter, '--timeout', '240000', 'test/ui/*.test.mjs'], join(results, 'ui.json'));
}
console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed === 0 ? 0 : 1;

// Runs the extension-host mocha suite (test/integration, compiled to out/test/integration) inside code-server against
// the packaged extension. The browser only hosts the workbench; the exit code comes back through
// window.codeAutomationExit, the per-test results through a JSON file the suite writes.
// usage: node test/real-editor/run-integration.mjs [--results FILE]
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { cleanup, copyWorkspace, ensureInstalled, freePort, launchBrowser, makeRunDir, packageExtension, repoRoot, startCodeServer } from './code-server.mjs';

const resultsArg = process.argv.indexOf('--results');
const summaryFile = resultsArg > 0 ? process.argv[resultsArg + 1] : join(repoRoot, '.test-results', 'integration.json');

async function main() {
  const t0 = Date.now();
  ensureInstalled();
  const tests = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(tests)) throw new Error(`${tests} missing: run \`npm run compile-tests\` first`);
  const run = makeRunDir('integration');
  const { extensionDir } = packageExtension(run.dir);
  const ws = copyWorkspace(run, 'editor-workspace');
  const resultFile = join(run.dir, 'mocha-result.json');
  const port = await freePort();
  const server = await startCodeServer(run, { port, smokeTestDriver: true });
  let browser;
  let code = 'not started';
  try {
    browser = await launchBrowser(run);
    const page = browser.pages()[0] ?? (await browser.newPage());
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(c));
    page.on('pageerror', (e) => console.log('[page error]', e.message));
    const host = `127.0.0.1:${port}`;
    const remote = (p) => `vscode-remote://${host}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extensionDir)],
      ['extensionTestsPath', remote(tests)],
      ['skipWelcome', 'true'],
      ['extensionEnvironment', JSON.stringify({ MODELWISE_TEST_RESULT: resultFile, MODELWISE_TEST_WORKSPACE: ws })],
    ]);
    await page.goto(`http://${host}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 240000))]);
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
  }
  let report;
  try {
    report = JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch {
    report = undefined;
  }
  const passes = report?.passes ?? [];
  const failures = report?.failures ?? [];
  for (const t of passes) console.log(`  ✔ ${t.fullTitle}`);
  for (const t of failures) console.log(`  ✘ ${t.fullTitle}\n      ${String(t.err?.message ?? '').split('\n').join('\n      ')}`);
  let passed = passes.length;
  let failed = failures.length;
  if (code !== 0 && failed === 0) {
    console.log(`  ✘ extension host run ended with ${code} and no per-test failures (see ${server.log})`);
    failed += 1;
  }
  if (!report) {
    console.log(`  ✘ the suite wrote no results (${resultFile}); exit ${code}`);
    failed = Math.max(failed, 1);
    passed = 0;
  }
  console.log(`integration (code-server): ${passed} passed, ${failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  mkdirSync(dirname(summaryFile), { recursive: true });
  writeFileSync(summaryFile, JSON.stringify({ suite: 'integration', passed, failed }));
  if (failed === 0) cleanup(run);
  else console.log(`  run folder kept: ${run.dir}`);
  process.exitCode = failed === 0 ? 0 : 1;
  // Nothing left to wait for: do not let a slow code-server shutdown hold the suite.
  setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref();
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  const f = summaryFile;
  mkdirSync(dirname(f), { recursive: true });
  writeFileSync(f, JSON.stringify({ suite: 'integration', passed: 0, failed: 1, error: String(e.message ?? e) }));
  process.exitCode = 1;
});

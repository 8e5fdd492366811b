// The same extension-host suite on desktop VS Code, for machines that can download it (@vscode/test-electron).
// These machines cannot (no route to the VS Code update server); run-integration.mjs drives code-server instead.
// usage: node test/real-editor/run-electron.mjs [--version stable|1.90.0]
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './code-server.mjs';

const vi = process.argv.indexOf('--version');
const version = vi > 0 ? process.argv[vi + 1] : 'stable';
const ws = join(mkdtempSync(join(tmpdir(), 'modelwise-electron-')), 'workspace');
cpSync(join(repoRoot, 'test', 'fixtures', 'editor-workspace'), ws, { recursive: true });
try {
  await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`extension tests failed: ${e.message ?? e}`);
  process.exitCode = 1;
}

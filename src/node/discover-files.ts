import { existsSync } from 'node:fs';
import { asyncFileIo, type FileIo } from './file-io';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SkipReason } from '../core/types';

/**
 * Directory names never descended into: dependencies, VCS metadata, build outputs, virtual environments and vendored
 * code. Each one met is reported once as skipped ('ignored'), so nothing disappears silently.
 */
export const DEFAULT_SKIP_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.vercel',
  '.output',
  'coverage',
  'venv',
  '.venv',
  'site-packages',
  'dist-packages',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.ipynb_checkpoints',
  '.eggs',
  'vendor',
  'third_party',
  'third-party',
  'thirdparty',
  '.yarn',
  '.pnpm-store',
  '.cache',
]);

/** One source file found under the root. */
export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the root, forward slashes. */
  rel: string;
  /** Size in bytes. */
  size: number;
}

export interface DiscoverOptions {
  /** Decides which files are sources worth reading (by name), e.g. the scanner's `languageForFile`. */
  isSource(rel: string): boolean;
  /** Extra directory names to skip on top of DEFAULT_SKIP_DIRS. */
  skipDirs?: readonly string[];
  /** When false, .gitignore files are not read (default true). */
  useGitignore?: boolean;
  /** File access (default asyncFileIo; the CLI uses syncFileIo, see file-io.ts). */
  io?: FileIo;
}

/** Files to read, and everything left out on the way with its reason. */
export interface Discovery {
  files: DiscoveredFile[];
  /** Skipped directories end with '/'. */
  skipped: { file: string; reason: SkipReason }[];
}

interface IgnoreLayer {
  /** Directory the rules are relative to, '' for the root, else 'a/b/'. */
  base: string;
  /** For a .gitignore above the root: the path from its directory down to the root ('sub/dir/'). */
  above?: string;
  rules: Ignore;
}

/**
 * Walks `root` and lists the source files an audit should read. Respects .gitignore at every level (nested files too,
 * with the `ignore` package's implementation of git's rules) and .git/info/exclude, skips dependency, build and
 * vendored directories and Python virtual environments (any directory holding pyvenv.cfg), and never follows
 * symlinked directories (a link can loop or leave the workspace); those, gitignored files and skipped directories
 * are reported.
 * Files that are not sources (images, JSON, …) are neither read nor reported: they are not audit candidates.
 */
export async function discoverFiles(root: string, opts: DiscoverOptions): Promise<Discovery> {
  const skipDirs = new Set([...DEFAULT_SKIP_DIRS, ...(opts.skipDirs ?? [])]);
  const useGitignore = opts.useGitignore ?? true;
  const files: DiscoveredFile[] = [];
  const skipped: Discovery['skipped'] = [];
  const io = opts.io ?? asyncFileIo;
  const rootLayers: IgnoreLayer[] = useGitignore ? await ancestorLayers(root, io) : [];
  const stack: { dir: string; rel: string; layers: IgnoreLayer[] }[] = [{ dir: root, rel: '', layers: rootLayers }];
  while (stack.length > 0) {
    const { dir, rel, layers: parentLayers } = stack.pop()!;
    let layers = parentLayers;
    if (useGitignore) {
      const gi = await readText(io, join(dir, '.gitignore'));
      if (gi) layers = [...parentLayers, { base: rel, rules: ignore().add(gi) }];
    }
    const entries = await io.readdir(dir);
    if (!entries) {
      if (rel !== '') skipped.push({ file: rel, reason: 'unreadable' });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: { dir: string; rel: string; layers: IgnoreLayer[] }[] = [];
    for (const entry of entries) {
      const childRel = rel + entry.name;
      const childPath = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // A linked file is read like any other; a linked directory is not followed (it can loop or leave the root).
        const target = await io.stat(childPath);
        if (target?.isDirectory()) {
          skipped.push({ file: childRel + '/', reason: 'ignored' });
          continue;
        }
        isFile = target?.isFile() === true;
        isDir = false;
      }
      if (isDir) {
        if (skipDirs.has(entry.name) || isIgnored(layers, childRel + '/') || existsSync(join(childPath, 'pyvenv.cfg'))) {
          skipped.push({ file: childRel + '/', reason: 'ignored' });
          continue;
        }
        subdirs.push({ dir: childPath, rel: childRel + '/', layers });
      } else if (isFile) {
        if (!opts.isSource(childRel)) continue;
        if (isIgnored(layers, childRel)) {
          skipped.push({ file: childRel, reason: 'ignored' });
          continue;
        }
        const info = await io.stat(childPath);
        if (!info) {
          skipped.push({ file: childRel, reason: 'unreadable' });
          continue;
        }
        files.push({ path: childPath, rel: childRel, size: info.size });
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
  return { files, skipped };
}

/**
 * Rules that apply to `root` from outside it: the .gitignore files of its parent directories up to the repository's
 * top (the first directory holding `.git`), and that repository's .git/info/exclude. Auditing a subdirectory of a
 * repository then skips what git skips. Without a repository above, nothing outside the root applies.
 */
async function ancestorLayers(root: string, io: FileIo): Promise<IgnoreLayer[]> {
  const layers: IgnoreLayer[] = [];
  let dir = resolve(root);
  let above = '';
  for (;;) {
    if (above !== '') {
      const gi = await readText(io, join(dir, '.gitignore'));
      if (gi) layers.unshift({ base: '', above, rules: ignore().add(gi) });
    }
    if (existsSync(join(dir, '.git'))) {
      const exclude = await readText(io, join(dir, '.git', 'info', 'exclude'));
      if (exclude) layers.unshift({ base: '', above, rules: ignore().add(exclude) });
      return layers;
    }
    const parent = dirname(dir);
    if (parent === dir) return [];
    above = `${basename(dir)}/${above}`;
    dir = parent;
  }
}

function isIgnored(layers: readonly IgnoreLayer[], rel: string): boolean {
  let ignored = false;
  for (const layer of layers) {
    if (!rel.startsWith(layer.base)) continue;
    const local = (layer.above ?? '') + rel.slice(layer.base.length);
    if (local === '' || local === '/') continue;
    const r = layer.rules.test(local);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

async function readText(io: FileIo, file: string): Promise<string | undefined> {
  return (await io.readFile(file))?.toString('utf8');
}

/** Turns an absolute path under `root` into the audit's relative form (forward slashes). */
export function toRel(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

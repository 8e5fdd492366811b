import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../core/catalog/schema';
import type { Engine } from '../core/engine';
import { auditTexts } from '../core/index';
import { languageForFile } from '../core/scan/languages';
import type { AnalyzedCall, AuditResult, InputIssue } from '../core/types';
import type { AuditWorkerInput, AuditWorkerOutput } from './audit-worker';
import { discoverFiles, toRel, type DiscoveredFile } from './discover-files';
import { asyncFileIo, syncFileIo, type FileIo } from './file-io';
import { importTargets } from './import-targets';
import { readDiscovered } from './read-workspace';

/** Below this many bytes of source, a worker thread costs more (start-up, grammar loading) than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

export interface WorkspaceAuditOptions {
  /** Absolute paths of the directories or files to audit. */
  roots: readonly string[];
  /** Absolute directory the reported paths are relative to. */
  base: string;
  engine: Engine;
  maxFileBytes?: number;
  /** Read with synchronous calls (faster; for the CLI, which has nothing else to do meanwhile). Default false. */
  syncIo?: boolean;
  /** Worker threads: the script to run (a file that calls runAuditWorker when not on the main thread), how many,
   * and what each worker needs to build its own engine (the catalog and the config text). */
  workers?: { script: string; count: number; catalog: Catalog; configText?: string; configFile?: string; minBytes?: number };
}

/** An audit of files on disk, with what it read. */
export interface WorkspaceAudit {
  result: AuditResult;
  /** Bytes of source text given to the engine. */
  bytes: number;
  /** Worker threads used (0 = all on the main thread). */
  workersUsed: number;
}

function ioFor(opts: { syncIo?: boolean }): FileIo {
  return opts.syncIo ? syncFileIo : asyncFileIo;
}

/** True for files the scanner has a language for (Python, JS/TS/JSX/TSX, notebooks). */
export function isSourceFile(rel: string): boolean {
  return languageForFile(basename(rel)) !== undefined;
}

/**
 * Audits the files under `roots`: discovery (gitignore, skipped directories), reading in batches, then the engine's
 * auditTexts. Large trees are split between the main thread and worker threads, each with its own parsers; calls whose
 * model is an imported constant defined in another chunk are then re-audited together with the files that can
 * define it, so the split never changes the answer.
 */
export async function auditWorkspace(opts: WorkspaceAuditOptions): Promise<WorkspaceAudit> {
  const files: DiscoveredFile[] = [];
  const skipped: AuditResult['files']['skipped'] = [];
  for (const root of opts.roots) {
    const info = await stat(root);
    if (info.isFile()) {
      const rel = toRel(opts.base, root) || basename(root);
      if (isSourceFile(rel)) files.push({ path: root, rel, size: info.size });
      else skipped.push({ file: rel, reason: 'unsupported' });
      continue;
    }
    const prefix = toRel(opts.base, root);
    const p = prefix === '' ? '' : `${prefix}/`;
    const found = await discoverFiles(root, { isSource: isSourceFile, io: ioFor(opts) });
    for (const f of found.files) files.push({ ...f, rel: p + f.rel });
    for (const s of found.skipped) skipped.push({ file: p + s.file, reason: s.reason });
  }
  const total = files.reduce((n, f) => n + f.size, 0);
  const minBytes = opts.workers?.minBytes ?? PARALLEL_MIN_BYTES;
  // One worker per PARALLEL_MIN_BYTES / 2 of source beyond the first, up to the count asked for.
  const count = opts.workers ? Math.max(0, Math.min(opts.workers.count, Math.floor(total / Math.max(1, minBytes / 2)) - 1)) : 0;
  const parts = await (count > 0 && opts.workers ? auditParallel(files, count, opts, opts.workers) : [await auditChunk(files, opts)]);
  const merged = mergeParts(parts, skipped);
  if (parts.length > 1) await resolveAcrossChunks(merged, new Set(files.map((f) => f.rel)), opts);
  return { result: merged.result, bytes: merged.bytes, workersUsed: parts.length - 1 };
}

interface ChunkResult {
  result: AuditResult;
  skipped: AuditResult['files']['skipped'];
  bytes: number;
}

async function auditChunk(files: readonly DiscoveredFile[], opts: WorkspaceAuditOptions): Promise<ChunkResult> {
  const read = await readDiscovered(files, { maxFileBytes: opts.maxFileBytes, io: ioFor(opts) });
  const result = auditTexts(read.texts, opts.engine);
  return { result, skipped: read.skipped, bytes: read.bytes };
}

async function auditParallel(
  files: readonly DiscoveredFile[],
  count: number,
  opts: WorkspaceAuditOptions,
  w: NonNullable<WorkspaceAuditOptions['workers']>,
): Promise<ChunkResult[]> {
  const chunks = splitBySize(files, count + 1);
  const pending = chunks.slice(1).map((chunk) => {
    const input: AuditWorkerInput = {
      kind: 'modelwise-audit',
      files: chunk,
      catalog: w.catalog,
      configText: w.configText,
      configFile: w.configFile,
      maxFileBytes: opts.maxFileBytes,
    };
    // A worker that cannot start or dies (memory, a bad script path) costs time, not results: its share is audited
    // on the main thread instead.
    return runWorker(w.script, input).catch(() => auditChunk(chunk, opts));
  });
  const own = await auditChunk(chunks[0]!, opts);
  return [own, ...(await Promise.all(pending))];
}

function runWorker(script: string, input: AuditWorkerInput): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: input, argv: [] });
    let done = false;
    worker.once('message', (out: AuditWorkerOutput) => {
      done = true;
      if ('error' in out) reject(new Error(`audit worker: ${out.error}`));
      else resolve({ result: out.result, skipped: out.skipped, bytes: out.bytes });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`audit worker exited with code ${code} before answering`));
    });
  });
}

/** Greedy largest-first split into `n` chunks of about equal bytes (parse time is roughly linear in bytes). */
function splitBySize(files: readonly DiscoveredFile[], n: number): DiscoveredFile[][] {
  const chunks: DiscoveredFile[][] = Array.from({ length: n }, () => []);
  const sizes = new Array<number>(n).fill(0);
  for (const f of [...files].sort((a, b) => b.size - a.size)) {
    let best = 0;
    for (let i = 1; i < n; i++) if (sizes[i]! < sizes[best]!) best = i;
    chunks[best]!.push(f);
    sizes[best]! += f.size;
  }
  for (const c of chunks) c.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  return chunks;
}

interface Merged {
  result: AuditResult;
  bytes: number;
}

function mergeParts(parts: readonly ChunkResult[], discoverySkips: AuditResult['files']['skipped']): Merged {
  const calls: AnalyzedCall[] = [];
  const skipped = [...discoverySkips];
  const issues: InputIssue[] = [];
  const seenIssues = new Set<string>();
  let scanned = 0;
  let bytes = 0;
  for (const p of parts) {
    calls.push(...p.result.calls);
    skipped.push(...p.skipped, ...p.result.files.skipped);
    scanned += p.result.files.scanned;
    bytes += p.bytes;
    for (const i of p.result.issues) {
      const key = JSON.stringify(i);
      if (!seenIssues.has(key)) {
        seenIssues.add(key);
        issues.push(i);
      }
    }
  }
  calls.sort(byPosition);
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { result: { calls, files: { scanned, skipped }, issues }, bytes };
}

function byPosition(a: AnalyzedCall, b: AnalyzedCall): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line || a.column - b.column;
}

/**
 * Calls whose model is a name imported from a file another thread scanned stay unresolved after a split audit. Re-audit
 * those files together with every file the import can name (read again from disk), and take their calls from that run.
 */
async function resolveAcrossChunks(merged: Merged, allFiles: ReadonlySet<string>, opts: WorkspaceAuditOptions): Promise<void> {
  const unresolved = merged.result.calls.filter((c) => c.model === null && c.modelImport !== undefined);
  if (unresolved.length === 0) return;
  const wanted = new Set<string>();
  for (const c of unresolved) {
    wanted.add(c.file);
    for (const t of importTargets(c.file, c.modelImport!.module, allFiles)) wanted.add(t);
  }
  const files: DiscoveredFile[] = [...wanted].map((rel) => ({ path: join(opts.base, ...rel.split('/')), rel, size: 0 }));
  const reread = await readDiscovered(files, { maxFileBytes: Number.MAX_SAFE_INTEGER, io: ioFor(opts) });
  const again = auditTexts(reread.texts, opts.engine);
  const callers = new Set(unresolved.map((c) => c.file));
  const replaced = new Map<string, AnalyzedCall>();
  for (const c of again.calls) if (callers.has(c.file)) replaced.set(`${c.file}#${c.id}`, c);
  merged.result.calls = merged.result.calls.map((c) => (callers.has(c.file) ? (replaced.get(`${c.file}#${c.id}`) ?? c) : c));
}

/** The directory reported paths are relative to: the single directory audited, else the current directory. */
export async function auditBase(roots: readonly string[], cwd: string): Promise<string> {
  if (roots.length !== 1) return cwd;
  const info = await stat(roots[0]!);
  return info.isDirectory() ? roots[0]! : dirname(roots[0]!);
}

import { resolve } from 'node:path';
import type { Catalog } from '../core/catalog/schema';
import { createEngine, type Engine } from '../core/index';
import type { ParserSet } from '../core/scan/parsers';
import { auditBase, auditWorkspace, type WorkspaceAudit } from '../node/audit-workspace';
import { formatIssue, loadWorkspaceConfig, type LoadedConfig } from '../node/load-config';
import type { AuditFormat } from './args';
import { emit, type CliIo } from './io';
import { renderAudit } from './render';

/** Everything the audit and check commands share: the roots, the config, the engine and how to split work. */
export interface AuditSetup {
  roots: string[];
  base: string;
  config: LoadedConfig;
  engine: Engine;
}

/** Worker-thread settings passed down from main.ts (the bundle is its own worker script). */
export interface WorkerSettings {
  script?: string;
  count: number;
  /** Source bytes below which no worker starts (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
}

/**
 * Resolves the paths, loads `.modelwise.yaml` (from the first path, or --config) and builds the engine. Config issues
 * are printed to stderr as `file:line:col: message`; the caller decides whether they are fatal.
 */
export async function prepareAudit(
  io: CliIo,
  paths: readonly string[],
  configPath: string | undefined,
  deps: { parsers: ParserSet; catalog: Catalog },
): Promise<AuditSetup> {
  const roots = paths.map((p) => resolve(io.cwd, p));
  const base = await auditBase(roots, io.cwd);
  const config = await loadWorkspaceConfig(base, configPath === undefined ? undefined : resolve(io.cwd, configPath), (abs) => displayPath(io.cwd, abs));
  for (const issue of config.issues) io.err(`${formatIssue(issue)}\n`);
  const engine = createEngine({ parsers: deps.parsers, catalog: deps.catalog, config: config.config, configIssues: config.issues });
  return { roots, base, config, engine };
}

/** Runs the workspace audit of a prepared setup (split across worker threads when the tree is large). */
export function runAudit(setup: AuditSetup, catalog: Catalog, workers: WorkerSettings, maxFileBytes?: number): Promise<WorkspaceAudit> {
  return auditWorkspace({
    roots: setup.roots,
    base: setup.base,
    engine: setup.engine,
    maxFileBytes,
    syncIo: true,
    workers:
      workers.script !== undefined && workers.count > 0
        ? { script: workers.script, count: workers.count, minBytes: workers.minBytes, catalog, configText: setup.config.text, configFile: setup.config.file }
        : undefined,
  });
}

/** `modelwise audit`: always exit 0 unless the paths or an explicit --config cannot be read (exit 2, thrown). */
export async function auditCommand(
  io: CliIo,
  cmd: { paths: string[]; format: AuditFormat; config?: string; output?: string; maxFileBytes?: number },
  deps: { parsers: ParserSet; catalog: Catalog; workers: WorkerSettings },
): Promise<number> {
  const setup = await prepareAudit(io, cmd.paths, cmd.config, deps);
  if (setup.config.issues.length > 0) io.err(`${setup.config.file}: ${setup.config.issues.length} problem(s); the valid parts of the config apply, defaults for the rest\n`);
  const audit = await runAudit(setup, deps.catalog, deps.workers, cmd.maxFileBytes);
  const text = renderAudit(audit.result, cmd.format, { root: '.', engine: setup.engine });
  await emitTo(io, text, cmd.output);
  return 0;
}

/** Writes a report to stdout, or to --output resolved against the cwd. */
export async function emitTo(io: CliIo, text: string, output: string | undefined): Promise<void> {
  await emit(io, text, output === undefined ? undefined : resolve(io.cwd, output));
}

/** A path as messages show it: relative to the cwd when inside it, forward slashes. */
export function displayPath(cwd: string, abs: string): string {
  const rel = abs.startsWith(cwd + '/') ? abs.slice(cwd.length + 1) : abs;
  return rel.split('\\').join('/');
}

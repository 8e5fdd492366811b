import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import catalog from 'modelwise:catalog';
import { createModelIndex } from '../core/catalog/lookup';
import { isAuditWorkerInput, runAuditWorker } from '../node/audit-worker';
import { GitError } from '../node/git-base';
import { ConfigFileError, formatIssue, loadWorkspaceConfig } from '../node/load-config';
import { loadParsers } from '../node/load-parsers';
import { parseCommandLine, UsageError, type Command } from './args';
import { auditCommand, displayPath, type WorkerSettings } from './audit-command';
import { checkCommand } from './check-command';
import { HELP } from './help';
import { processIo, readTextInput, type CliIo } from './io';
import { formatModels, listModels } from './models-command';
import { chooseTokenizer, formatTokenCount } from './tokens-command';
import { version } from '../../package.json';

/**
 * Worker threads for large audits: one per idle core, none when MODELWISE_WORKERS=0. MODELWISE_PARALLEL_MIN_BYTES
 * lowers the size at which they start (tests use it to split small trees). The bundle (dist/cli.js) is its own worker
 * script, so there is no second entry to keep in sync.
 */
function workerSettings(io: CliIo): WorkerSettings {
  const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  // A worker only pays for its start-up (bundle, grammars, tokenizer ranks) when a core is idle; on a machine that
  // is already busy (load average at or above the core count) it slows the audit down, so none is started.
  const cores = availableParallelism();
  const idle = Math.floor(cores - loadavg()[0]);
  const wanted = int(io.env.MODELWISE_WORKERS) ?? Math.min(cores - 1, Math.max(0, idle));
  return { script: __filename, count: Math.max(0, Math.min(wanted, 7)), minBytes: int(io.env.MODELWISE_PARALLEL_MIN_BYTES) };
}

/** Runs one command line and returns its exit code: 0 ok, 1 policy failure (check), 2 usage or config error. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`modelwise: ${e.message}\nRun 'modelwise --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
  try {
    return await dispatch(cmd, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigFileError || e instanceof GitError) {
      io.err(`modelwise: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'ENOTDIR') {
      io.err(`modelwise: ${err.path ? displayPath(io.cwd, err.path) : ''}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function dispatch(cmd: Command, io: CliIo): Promise<number> {
  switch (cmd.kind) {
    case 'help':
      io.out(`${HELP[cmd.topic ?? 'main'] ?? HELP.main}\n`);
      return 0;
    case 'version':
      io.out(`${version}\n`);
      return 0;
    case 'tokens': {
      const tokenizer = chooseTokenizer(catalog, cmd);
      if (cmd.file === undefined && process.stdin.isTTY) throw new UsageError("tokens: give a FILE, or '-' and pipe the text in");
      const text = await readTextInput(io, cmd.file);
      io.out(`${formatTokenCount(text, tokenizer)}\n`);
      return 0;
    }
    case 'models': {
      let config;
      if (cmd.config !== undefined) {
        const loaded = await loadWorkspaceConfig(io.cwd, cmd.config, (abs) => displayPath(io.cwd, abs));
        for (const issue of loaded.issues) io.err(`${formatIssue(issue)}\n`);
        config = loaded.config;
      }
      const listing = listModels(catalog, config, cmd);
      if (listing.models.length === 0 && createModelIndex(catalog, config).all().length > 0) io.err('modelwise: no model matches the filters\n');
      io.out(`${formatModels(listing, cmd.format)}\n`);
      return 0;
    }
    case 'audit':
      return auditCommand(io, cmd, { parsers: await loadParsers(), catalog, workers: workerSettings(io) });
    case 'check':
      return checkCommand(io, cmd, { parsers: await loadParsers(), catalog, workers: workerSettings(io) });
  }
}

if (!isMainThread && isAuditWorkerInput(workerData)) {
  void runAuditWorker(workerData);
} else if (require.main === module) {
  const io = processIo();
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.err(`modelwise: internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}


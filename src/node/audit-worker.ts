import { parentPort } from 'node:worker_threads';
import type { Catalog } from '../core/catalog/schema';
import { parseConfig } from '../core/config/parse-config';
import { auditTexts, createEngine } from '../core/index';
import type { AuditResult } from '../core/types';
import type { DiscoveredFile } from './discover-files';
import { syncFileIo } from './file-io';
import { loadParsers } from './load-parsers';
import { readDiscovered } from './read-workspace';

/** What the main thread sends a worker: its share of the files and what it needs to build the same engine. */
export interface AuditWorkerInput {
  kind: 'modelwise-audit';
  files: DiscoveredFile[];
  catalog: Catalog;
  configText?: string;
  configFile?: string;
  maxFileBytes?: number;
}

/** What a worker answers: its chunk's audit, or the error that stopped it. */
export type AuditWorkerOutput =
  | { result: AuditResult; skipped: AuditResult['files']['skipped']; bytes: number }
  | { error: string };

/** True when `data` is a worker job of ours (the CLI bundle doubles as the worker script). */
export function isAuditWorkerInput(data: unknown): data is AuditWorkerInput {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'modelwise-audit';
}

/**
 * Worker-thread side of a split audit: loads its own parsers (tree-sitter parsers are not shareable across threads),
 * builds an engine from the same catalog and config text, reads and audits its files, and posts the result back.
 */
export async function runAuditWorker(input: AuditWorkerInput): Promise<void> {
  try {
    const parsers = await loadParsers();
    const parsed = input.configText !== undefined ? parseConfig(input.configText, input.configFile ?? '.modelwise.yaml') : undefined;
    const engine = createEngine({ parsers, catalog: input.catalog, config: parsed?.config, configIssues: parsed?.issues });
    const read = await readDiscovered(input.files, { maxFileBytes: input.maxFileBytes, io: syncFileIo });
    const result = auditTexts(read.texts, engine);
    const out: AuditWorkerOutput = { result, skipped: read.skipped, bytes: read.bytes };
    parentPort?.postMessage(out);
  } catch (e) {
    const out: AuditWorkerOutput = { error: (e as Error).stack ?? String(e) };
    parentPort?.postMessage(out);
  }
}

import * as vscode from 'vscode';
import type { AuditResult, SkipReason } from '../../core/types';
import { classifyContent, sizeLimitFor } from '../../node/classify-content';
import { auditTexts } from '../engine-api';
import type { EngineHost } from '../engine-host';
import { describeError } from '../output';
import { readSettings } from '../settings';
import { mergeAudits, type WorkspaceAudit } from './audit-utils';
import { auditInBatches, type AuditSource } from './batch-audit';
import { collectFiles, relativeTo } from './collect-files';

export type { WorkspaceAudit } from './audit-utils';

/** Progress callback: files read and analysed so far, of how many. */
export type AuditProgress = (done: number, total: number) => void;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Audits every workspace folder: collects files, reads and analyses them in batches of 20 (yielding between batches so
 * the extension host stays responsive), and — when some model ids are imported from files in other batches —
 * re-audits just those files together (texts already in memory). On cancellation the batches done so far are kept and the result says
 * `partial: { done, total }`. Files open with unsaved edits are audited as the editor shows them.
 */
export async function runAudit(host: EngineHost, log: vscode.LogOutputChannel, token?: vscode.CancellationToken, onProgress?: AuditProgress): Promise<WorkspaceAudit> {
  const started = Date.now();
  const folders = vscode.workspace.workspaceFolders ?? [];
  const dirty = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.toString(), d.getText()]));
  const perFolder: { folder: vscode.WorkspaceFolder; uris: vscode.Uri[] }[] = [];
  for (const folder of folders) perFolder.push({ folder, uris: await collectFiles(folder, token, log) });
  const total = perFolder.reduce((n, f) => n + f.uris.length, 0);
  let done = 0;
  onProgress?.(0, total);
  const parts: AuditResult[] = [];
  let cancelled = false;
  const controller = new AbortController();
  const sub = token?.onCancellationRequested(() => controller.abort());
  try {
    for (const { folder, uris } of perFolder) {
      const engine = await host.engineFor(folder.uri);
      const maxBytes = readSettings(folder.uri, log).maxFileSizeKb * 1024;
      const sources: AuditSource[] = uris.map((uri) => ({ path: relativeTo(folder, uri), read: () => readSource(uri, relativeTo(folder, uri), maxBytes, dirty) }));
      const before = done;
      const outcome = await auditInBatches(sources, (files, o) => auditTexts(files, engine, o), {
        signal: controller.signal,
        onProgress: (d) => onProgress?.(before + d, total),
        yieldBetween: yieldToHost,
      });
      done += outcome.done;
      delete outcome.result.partial;
      parts.push(outcome.result);
      if (outcome.cancelled) {
        cancelled = true;
        break;
      }
    }
  } catch (e) {
    log.error(`audit failed: ${describeError(e)}`);
    throw e;
  } finally {
    sub?.dispose();
  }
  const result = mergeAudits(parts);
  if (cancelled) result.partial = { done, total };
  const durationMs = Date.now() - started;
  log.info(`audit: ${result.calls.length} calls in ${done}/${total} files, ${durationMs} ms${result.partial ? ' (cancelled, partial)' : ''}`);
  return { result, roots: folders.map((f) => f.name), rootPath: folders[0]?.uri.fsPath ?? '', finishedAt: new Date().toISOString(), durationMs };
}

/**
 * The text of one file as the audit should see it: unsaved editor text first, else the file on disk — skipped when
 * too large (notebooks get the CLI's larger limit), binary or a minified bundle, by the same rules as the CLI.
 */
async function readSource(uri: vscode.Uri, path: string, maxBytes: number, dirty: ReadonlyMap<string, string>): Promise<{ text: string } | { skip: SkipReason }> {
  const open = dirty.get(uri.toString());
  if (open !== undefined) return { text: open };
  const bytes = await vscode.workspace.fs.readFile(uri);
  const kind = bytes.byteLength > sizeLimitFor(path, maxBytes) ? 'too-large' : classifyContent(path, bytes);
  return kind ? { skip: kind } : { text: new TextDecoder().decode(bytes) };
}

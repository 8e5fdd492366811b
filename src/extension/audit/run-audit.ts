import * as vscode from 'vscode';
import type { AnalyzedCall, AuditResult, SkipReason } from '../../core/types';
import { classifyContent, sizeLimitFor } from '../../node/classify-content';
import { importTargets } from '../../node/import-targets';
import { auditTexts, type Engine } from '../engine-api';
import type { EngineHost } from '../engine-host';
import { describeError } from '../output';
import { readSettings } from '../settings';
import { AUDIT_BATCH_SIZE, batches, mergeAudits, needsCrossFilePass, type WorkspaceAudit } from './audit-utils';

export type { WorkspaceAudit } from './audit-utils';
import { collectFiles, relativeTo } from './collect-files';

/** Progress callback: files read and analysed so far, of how many. */
export type AuditProgress = (done: number, total: number) => void;

/**
 * Calls whose model is a constant imported from a file in another batch stay unresolved after the batched pass.
 * Re-audit those files together with every file their imports can name (texts already in memory) and take their
 * calls from that run, so batching never changes the answer.
 */
function resolveAcrossBatches(result: AuditResult, texts: readonly { path: string; text: string }[], engine: Engine): void {
  const unresolved = result.calls.filter((c) => c.model === null && c.modelImport !== undefined);
  const all = new Set(texts.map((t) => t.path));
  const wanted = new Set<string>();
  for (const c of unresolved) {
    wanted.add(c.file);
    for (const t of importTargets(c.file, c.modelImport!.module, all)) wanted.add(t);
  }
  const again = auditTexts(texts.filter((t) => wanted.has(t.path)), engine);
  const callers = new Set(unresolved.map((c) => c.file));
  const replaced = new Map<string, AnalyzedCall>();
  for (const c of again.calls) if (callers.has(c.file)) replaced.set(`${c.file}#${c.id}`, c);
  result.calls = result.calls.map((c) => (callers.has(c.file) ? (replaced.get(`${c.file}#${c.id}`) ?? c) : c));
}

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
      const texts: { path: string; text: string }[] = [];
      const folderParts: AuditResult[] = [];
      for (const batch of batches(uris, AUDIT_BATCH_SIZE)) {
        if (token?.isCancellationRequested) {
          cancelled = true;
          break;
        }
        const files: { path: string; text: string }[] = [];
        const skipped: { file: string; reason: SkipReason }[] = [];
        for (const uri of batch) {
          const path = relativeTo(folder, uri);
          const open = dirty.get(uri.toString());
          if (open !== undefined) {
            // What the person sees in the editor, not the older text on disk.
            files.push({ path, text: open });
            continue;
          }
          try {
            const bytes = await vscode.workspace.fs.readFile(uri);
            // Same rules as the CLI: notebooks get a larger limit (outputs live in the JSON); binaries and bundles are skipped.
            const kind = bytes.byteLength > sizeLimitFor(path, maxBytes) ? 'too-large' : classifyContent(path, bytes);
            if (kind) skipped.push({ file: path, reason: kind });
            else files.push({ path, text: new TextDecoder().decode(bytes) });
          } catch {
            skipped.push({ file: path, reason: 'unreadable' });
          }
        }
        const part = auditTexts(files, engine, { signal: controller.signal });
        part.files.skipped.push(...skipped);
        folderParts.push(part);
        texts.push(...files);
        done += batch.length;
        onProgress?.(done, total);
        await yieldToHost();
      }
      const folderResult = mergeAudits(folderParts);
      if (!cancelled && needsCrossFilePass(folderResult)) resolveAcrossBatches(folderResult, texts, engine);
      parts.push(folderResult);
      if (cancelled) break;
    }
  } catch (e) {
    log.error(`audit failed: ${describeError(e)}`);
    throw e;
  } finally {
    sub?.dispose();
  }
  const result = mergeAudits(parts);
  if (cancelled || token?.isCancellationRequested) result.partial = { done, total };
  const durationMs = Date.now() - started;
  log.info(`audit: ${result.calls.length} calls in ${done}/${total} files, ${durationMs} ms${result.partial ? ' (cancelled, partial)' : ''}`);
  return { result, roots: folders.map((f) => f.name), rootPath: folders[0]?.uri.fsPath ?? '', finishedAt: new Date().toISOString(), durationMs };
}

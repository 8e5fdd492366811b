import type { AnalyzedCall, AuditResult, SkipReason } from '../../core/types';
import { importTargets } from '../../node/import-targets';
import { AUDIT_BATCH_SIZE, batches, mergeAudits, needsCrossFilePass } from './audit-utils';

/** One file the audit will read: its root-relative path and how to get its text (or why it is skipped). */
export interface AuditSource {
  path: string;
  read(): Promise<{ text: string } | { skip: SkipReason }>;
}

/** The engine call the batches go through (auditTexts bound to an engine). */
export type AuditFn = (files: { path: string; text: string }[], opts: { signal?: AbortSignal }) => AuditResult;

/** Cancellation, progress and yielding, owned by the shell. */
export interface BatchOptions {
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /** Awaited between batches so the host's event loop can run (setImmediate in the extension). */
  yieldBetween?(): Promise<void>;
  batchSize?: number;
}

/** What a batched audit produced: the result (with `partial` when cancelled), the texts read, and counts. */
export interface BatchOutcome {
  result: AuditResult;
  texts: { path: string; text: string }[];
  done: number;
  total: number;
  cancelled: boolean;
}

/**
 * Reads and audits files in batches (20 by default), yielding between batches. Cancellation is checked before each
 * batch and inside the engine between files; what was done is kept and the result says `partial: { done, total }`.
 * When some calls name a model constant imported from a file in another batch, those files are re-audited together
 * (texts already in memory), so batching never changes the answer.
 */
export async function auditInBatches(sources: readonly AuditSource[], audit: AuditFn, opts: BatchOptions = {}): Promise<BatchOutcome> {
  const total = sources.length;
  const parts: AuditResult[] = [];
  const texts: { path: string; text: string }[] = [];
  let done = 0;
  let cancelled = false;
  opts.onProgress?.(0, total);
  for (const batch of batches(sources, opts.batchSize ?? AUDIT_BATCH_SIZE)) {
    if (opts.signal?.aborted) {
      cancelled = true;
      break;
    }
    const files: { path: string; text: string }[] = [];
    const skipped: { file: string; reason: SkipReason }[] = [];
    for (const s of batch) {
      try {
        const r = await s.read();
        if ('text' in r) files.push({ path: s.path, text: r.text });
        else skipped.push({ file: s.path, reason: r.skip });
      } catch {
        skipped.push({ file: s.path, reason: 'unreadable' });
      }
    }
    const part = audit(files, opts.signal ? { signal: opts.signal } : {});
    if (part.partial) {
      // Stopped inside the batch: count only the files the engine reached (skipped ones were never read).
      const reached = new Set(files.slice(0, part.partial.done).map((f) => f.path));
      delete part.partial;
      parts.push(part);
      texts.push(...files.filter((f) => reached.has(f.path)));
      done += reached.size;
      cancelled = true;
      break;
    }
    part.files.skipped.push(...skipped);
    parts.push(part);
    texts.push(...files);
    done += batch.length;
    opts.onProgress?.(done, total);
    if (opts.yieldBetween) await opts.yieldBetween();
  }
  const result = mergeAudits(parts);
  if (!cancelled && needsCrossFilePass(result)) resolveAcrossBatches(result, texts, audit);
  if (cancelled) result.partial = { done, total };
  return { result, texts, done, total, cancelled };
}

/**
 * Re-audits the files whose calls name an unresolved imported model together with every file the import can name,
 * and takes those files' calls from that run.
 */
export function resolveAcrossBatches(result: AuditResult, texts: readonly { path: string; text: string }[], audit: AuditFn): void {
  const unresolved = result.calls.filter((c) => c.model === null && c.modelImport !== undefined);
  const all = new Set(texts.map((t) => t.path));
  const wanted = new Set<string>();
  for (const c of unresolved) {
    wanted.add(c.file);
    for (const t of importTargets(c.file, c.modelImport!.module, all)) wanted.add(t);
  }
  const again = audit(
    texts.filter((t) => wanted.has(t.path)),
    {},
  );
  const callers = new Set(unresolved.map((c) => c.file));
  const replaced = new Map<string, AnalyzedCall>();
  for (const c of again.calls) if (callers.has(c.file)) replaced.set(`${c.file}#${c.id}`, c);
  result.calls = result.calls.map((c) => (callers.has(c.file) ? (replaced.get(`${c.file}#${c.id}`) ?? c) : c));
}

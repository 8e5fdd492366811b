import ignore from 'ignore';
import type { AnalyzedCall, AuditResult } from '../../core/types';

/** An audit result plus where and when it was made (what the audit command returns and the test API exposes). */
export interface WorkspaceAudit {
  result: AuditResult;
  /** Workspace folder names audited. */
  roots: string[];
  /** Root path for report paths (the first folder's file system path). */
  rootPath: string;
  finishedAt: string;
  durationMs: number;
}

/** Source files the workspace audit reads (the languages the scanner supports, plus notebooks). */
export const AUDIT_INCLUDE = '**/*.{py,pyi,js,jsx,mjs,cjs,ts,tsx,mts,cts,ipynb}';

/** Files read per batch; the audit yields to the extension host between batches. */
export const AUDIT_BATCH_SIZE = 20;

/**
 * One exclude glob for `workspace.findFiles` made of the enabled `files.exclude` patterns and extra globs. Passing
 * any exclude to findFiles replaces files.exclude, so both must be combined here. Patterns with a `when` clause are
 * skipped (they need sibling lookups findFiles cannot do).
 */
export function buildExcludeGlob(filesExclude: Record<string, unknown> | undefined, extra: readonly string[]): string | undefined {
  const patterns = new Set<string>();
  for (const [glob, on] of Object.entries(filesExclude ?? {})) if (on === true) patterns.add(glob);
  for (const g of extra) if (g.trim()) patterns.add(g.trim());
  if (patterns.size === 0) return undefined;
  const list = [...patterns].map((p) => (p.startsWith('**/') || p.startsWith('/') ? p : `**/${p}`));
  return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}

/** A `.gitignore` found in the workspace: its folder relative to the workspace root ('' for the root) and text. */
export interface GitignoreFile {
  dir: string;
  text: string;
}

/**
 * A predicate telling whether a workspace-relative path (forward slashes) is ignored by any `.gitignore` above it.
 * Each file's rules apply relative to its own folder, as git does.
 */
export function createGitignoreFilter(files: readonly GitignoreFile[]): (relPath: string) => boolean {
  const rules = files.map((f) => ({ dir: f.dir.replace(/\/+$/, ''), ig: ignore().add(f.text) }));
  return (relPath) => {
    for (const { dir, ig } of rules) {
      if (dir && !relPath.startsWith(`${dir}/`)) continue;
      const inner = dir ? relPath.slice(dir.length + 1) : relPath;
      if (inner && ig.ignores(inner)) return true;
    }
    return false;
  };
}

/** Splits items into consecutive batches of `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Concatenates the results of several audit batches into one (files, calls, issues; issues de-duplicated). */
export function mergeAudits(parts: readonly AuditResult[]): AuditResult {
  const seen = new Set<string>();
  const merged: AuditResult = { calls: [], files: { scanned: 0, skipped: [] }, issues: [] };
  for (const p of parts) {
    merged.calls.push(...p.calls);
    merged.files.scanned += p.files.scanned;
    merged.files.skipped.push(...p.files.skipped);
    for (const i of p.issues) {
      const key = JSON.stringify(i);
      if (seen.has(key)) continue;
      seen.add(key);
      merged.issues.push(i);
    }
  }
  return merged;
}

/** True when some call names an imported model the per-batch audits could not resolve (a cross-file pass helps). */
export function needsCrossFilePass(result: AuditResult): boolean {
  return result.calls.some((c) => c.modelImport !== undefined && c.model === null);
}

/** Monthly spend range in micro-USD (priced calls only) and how many calls had no price. */
export interface SpendTotal {
  lowMicroUsd: number;
  highMicroUsd: number;
  calls: number;
  unpricedCalls: number;
}

/** Sums monthly estimates. Unpriced and unknown calls are counted apart, never as $0. */
export function totalSpend(calls: readonly Pick<AnalyzedCall, 'cost'>[]): SpendTotal {
  const t: SpendTotal = { lowMicroUsd: 0, highMicroUsd: 0, calls: calls.length, unpricedCalls: 0 };
  for (const c of calls) {
    const m = c.cost.monthlyMicroUsd;
    if (!c.cost.priced || !m) {
      t.unpricedCalls++;
      continue;
    }
    t.lowMicroUsd += m.low;
    t.highMicroUsd += m.high;
  }
  return t;
}

/** One row of a ranked group (by file, model or provider). */
export interface SpendGroup extends SpendTotal {
  key: string;
}

/** Groups calls by `keyOf` and ranks the groups by the middle of their monthly range, largest first. */
export function rankGroups(calls: readonly AnalyzedCall[], keyOf: (c: AnalyzedCall) => string): SpendGroup[] {
  const groups = new Map<string, AnalyzedCall[]>();
  for (const c of calls) {
    const k = keyOf(c);
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, ...totalSpend(list) }))
    .sort((a, b) => b.lowMicroUsd + b.highMicroUsd - (a.lowMicroUsd + a.highMicroUsd) || a.key.localeCompare(b.key));
}

/** Calls ranked by the middle of their monthly range, largest first; unpriced calls last. */
export function rankCalls(calls: readonly AnalyzedCall[]): AnalyzedCall[] {
  const mid = (c: AnalyzedCall) => (c.cost.monthlyMicroUsd ? c.cost.monthlyMicroUsd.low + c.cost.monthlyMicroUsd.high : -1);
  return [...calls].sort((a, b) => mid(b) - mid(a) || a.file.localeCompare(b.file) || a.line - b.line);
}

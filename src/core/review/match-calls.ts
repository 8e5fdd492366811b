import type { AnalyzedCall } from '../types';

/** Pairs of calls that are "the same call" in base and head, and the rest. */
export interface CallMatch {
  unchanged: { base: AnalyzedCall; head: AnalyzedCall }[];
  added: AnalyzedCall[];
  removed: AnalyzedCall[];
}

/** Identity of a call across versions: file (and notebook cell), callee, and model — not the line, which shifts. */
export function callKey(c: AnalyzedCall): string {
  return [c.file, c.cell ?? '', c.callee, c.cost.modelId ?? c.model ?? '?'].join('\u0000');
}

/**
 * Matches base and head calls by file + callee + model, tolerant to line shifts: within a key, calls are paired by
 * order of appearance (edits above a call move it but do not reorder calls of the same key). Extra head calls are
 * added; extra base calls removed. A changed model is a removal plus an addition (see findSwaps).
 */
export function matchCalls(base: AnalyzedCall[], head: AnalyzedCall[]): CallMatch {
  const group = (calls: AnalyzedCall[]): Map<string, AnalyzedCall[]> => {
    const m = new Map<string, AnalyzedCall[]>();
    for (const c of calls) {
      const k = callKey(c);
      const list = m.get(k) ?? [];
      list.push(c);
      m.set(k, list);
    }
    for (const list of m.values()) list.sort((a, b) => a.line - b.line || a.column - b.column);
    return m;
  };
  const b = group(base);
  const h = group(head);
  const out: CallMatch = { unchanged: [], added: [], removed: [] };
  for (const [k, heads] of h) {
    const bases = b.get(k) ?? [];
    const n = Math.min(bases.length, heads.length);
    for (let i = 0; i < n; i++) out.unchanged.push({ base: bases[i]!, head: heads[i]! });
    out.added.push(...heads.slice(n));
    out.removed.push(...bases.slice(n));
  }
  for (const [k, bases] of b) if (!h.has(k)) out.removed.push(...bases);
  const order = (a: AnalyzedCall, c: AnalyzedCall): number => a.file.localeCompare(c.file) || a.line - c.line || a.column - c.column;
  out.added.sort(order);
  out.removed.sort(order);
  return out;
}

/**
 * Removed/added pairs that look like a model swap in place: same file, cell, callee and enclosing function, one each.
 * Returned pairs are taken out of neither list; they only explain them.
 */
export function findSwaps(removed: AnalyzedCall[], added: AnalyzedCall[]): { from: AnalyzedCall; to: AnalyzedCall }[] {
  const site = (c: AnalyzedCall): string => [c.file, c.cell ?? '', c.callee, c.enclosingFunction ?? ''].join('\u0000');
  const used = new Set<AnalyzedCall>();
  const swaps: { from: AnalyzedCall; to: AnalyzedCall }[] = [];
  for (const r of removed) {
    const candidates = added.filter((a) => !used.has(a) && site(a) === site(r));
    if (candidates.length === 0) continue;
    const to = candidates.reduce((best, a) => (Math.abs(a.line - r.line) < Math.abs(best.line - r.line) ? a : best));
    used.add(to);
    swaps.push({ from: r, to });
  }
  return swaps;
}

import type { AnalyzedCall, AuditResult, SkipReason } from '../types';

/** Spend of a group of calls (a model, a file, a provider), in micro-USD. */
export interface GroupTotal {
  calls: number;
  priced: number;
  unpriced: number;
  monthlyMicroUsd: { low: number; high: number };
}

/** Workspace totals in micro-USD; groups are ordered by monthly spend (high end), largest first. */
export interface AuditTotals {
  calls: number;
  priced: number;
  /** Calls with no price: unknown models, dynamic model ids and known models without a listed price. */
  unpriced: number;
  /** The subset of `unpriced` whose model the catalog does not know (or that is decided at run time). */
  unknownModel: number;
  /** Calls served by a local runtime (ollama, vllm): no per-token price, not counted as unpriced. */
  selfHosted: number;
  monthlyMicroUsd: { low: number; high: number };
  byModel: Map<string, GroupTotal>;
  byFile: Map<string, GroupTotal>;
  byProvider: Map<string, GroupTotal>;
}

/** The name a call is grouped under: the canonical catalog id, else the id as written, else "(dynamic)". */
export function modelKey(call: AnalyzedCall): string {
  return call.cost.modelId ?? call.model ?? '(dynamic)';
}

/** Mid-point of a call's monthly range (0 when unpriced): the number report rankings use. */
export function monthlyMid(call: AnalyzedCall): number {
  const m = call.cost.monthlyMicroUsd;
  return m === null ? 0 : (m.low + m.high) / 2;
}

/** Calls sorted by monthly spend (mid), largest first; unpriced calls last, in file/line order. */
export function rankCalls(calls: readonly AnalyzedCall[]): AnalyzedCall[] {
  return calls.slice().sort((a, b) => {
    const d = monthlyMid(b) - monthlyMid(a);
    if (d !== 0) return d;
    if (a.cost.priced !== b.cost.priced) return a.cost.priced ? -1 : 1;
    return a.file.localeCompare(b.file) || (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line || a.column - b.column;
  });
}

/** Sums calls overall and per model, file and provider. */
export function aggregate(calls: readonly AnalyzedCall[]): AuditTotals {
  const totals: AuditTotals = {
    calls: calls.length,
    priced: 0,
    unpriced: 0,
    unknownModel: 0,
    selfHosted: 0,
    monthlyMicroUsd: { low: 0, high: 0 },
    byModel: new Map(),
    byFile: new Map(),
    byProvider: new Map(),
  };
  for (const call of calls) {
    const status = call.cost.status;
    if (status === 'priced') totals.priced++;
    else if (status === 'self-hosted') totals.selfHosted++;
    else totals.unpriced++;
    if (status === 'unknown-model') totals.unknownModel++;
    const m = call.cost.monthlyMicroUsd;
    if (m) {
      totals.monthlyMicroUsd.low += m.low;
      totals.monthlyMicroUsd.high += m.high;
    }
    addTo(totals.byModel, modelKey(call), call);
    addTo(totals.byFile, call.file, call);
    addTo(totals.byProvider, call.provider, call);
  }
  totals.byModel = sortGroups(totals.byModel);
  totals.byFile = sortGroups(totals.byFile);
  totals.byProvider = sortGroups(totals.byProvider);
  return totals;
}

function addTo(groups: Map<string, GroupTotal>, key: string, call: AnalyzedCall): void {
  let g = groups.get(key);
  if (!g) {
    g = { calls: 0, priced: 0, unpriced: 0, monthlyMicroUsd: { low: 0, high: 0 } };
    groups.set(key, g);
  }
  g.calls++;
  if (call.cost.priced) g.priced++;
  else if (call.cost.status !== 'self-hosted') g.unpriced++;
  const m = call.cost.monthlyMicroUsd;
  if (m) {
    g.monthlyMicroUsd.low += m.low;
    g.monthlyMicroUsd.high += m.high;
  }
}

function sortGroups(groups: Map<string, GroupTotal>): Map<string, GroupTotal> {
  return new Map(
    [...groups.entries()].sort((a, b) => b[1].monthlyMicroUsd.high - a[1].monthlyMicroUsd.high || b[1].calls - a[1].calls || a[0].localeCompare(b[0])),
  );
}

/** Skipped files counted by reason. */
export function skippedByReason(result: AuditResult): Partial<Record<SkipReason, number>> {
  const out: Partial<Record<SkipReason, number>> = {};
  for (const s of result.files.skipped) out[s.reason] = (out[s.reason] ?? 0) + 1;
  return out;
}

/** A path relative to `root` with forward slashes (paths already relative are only normalised). */
export function relativePath(file: string, root: string): string {
  const f = file.replace(/\\/g, '/');
  const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
  if (r !== '' && r !== '.' && f.startsWith(`${r}/`)) return f.slice(r.length + 1);
  return f.replace(/^\.\//, '');
}

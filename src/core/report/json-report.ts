import { portfolio } from '../advise/portfolio';
import type { AnalyzedCall, AuditResult, InputIssue, SkipReason } from '../types';
import { aggregate, relativePath, skippedByReason, type GroupTotal } from './aggregate';
import { microToUsd } from './format-usd';

/** A dollar range in the JSON report. */
export interface UsdRange {
  low: number;
  high: number;
}

/** One call in the CLI JSON contract. Dollars here; the engine's micro-USD stay inside. */
export interface JsonCall {
  file: string;
  line: number;
  column: number;
  /** Only for notebooks: 0-based index into the notebook's `cells` array. */
  cell?: number;
  language: string;
  provider: string;
  via: string;
  api: string;
  model: string | null;
  /** Canonical catalog id the model resolved to (null when unknown). */
  modelId: string | null;
  modelSource: string;
  callee: string;
  enclosingFunction: string | null;
  inLoop: boolean;
  isStreaming: boolean;
  maxOutputTokens: number | null;
  usageId?: string;
  tokens: AnalyzedCall['tokens'];
  cost: {
    priced: boolean;
    status: string;
    perCallUsd: UsdRange | null;
    monthlyUsd: UsdRange | null;
    callsPerMonth: number;
    callsSource: string;
    host: string | null;
    source: string | null;
    asOf: string | null;
    pricesPerMTok?: AnalyzedCall['cost']['prices'];
    cachedPerCallUsd?: UsdRange;
    batchPerCallUsd?: UsdRange;
    assumptions: string[];
  };
  advice: {
    class: 'routine' | 'frontier';
    confidence: number;
    reasons: string[];
    overriddenBy?: string;
    alternatives: {
      modelId: string;
      name: string;
      /** Short label (SPDX id, `Llama 4 license`, `API terms`). */
      license: string;
      /** The license's full name from the catalog, when known. */
      licenseName?: string;
      licenseId: string;
      host: string;
      perCallUsd: UsdRange;
      monthlyUsd: UsdRange;
      savingMonthlyUsd: number;
      savingPercent: number;
      hostSpread: { hosts: number; minInputPerMTok: number; maxInputPerMTok: number };
      evidence: { benchmark: string; alternative: number; current: number; source: string }[];
      policy: { verdict: string; codes: string[] };
    }[];
  };
  policy: { modelId: string; licenseId: string | null; verdict: string; findings: AnalyzedCall['findings'] } | null;
  findings: AnalyzedCall['findings'];
}

/** A group total (per model, file or provider) in dollars. */
export interface JsonGroup {
  calls: number;
  priced: number;
  unpriced: number;
  monthlyUsd: UsdRange;
}

/** The CLI JSON contract of `modelwise audit --format json` (also the editor's JSON export). */
export interface JsonReport {
  calls: JsonCall[];
  files: { scanned: number; skipped: { file: string; reason: SkipReason }[]; skippedByReason: Partial<Record<SkipReason, number>> };
  totals: {
    calls: number;
    priced: number;
    unpriced: number;
    unknownModel: number;
    selfHosted: number;
    monthlyUsd: UsdRange;
    byModel: Record<string, JsonGroup>;
    byFile: Record<string, JsonGroup>;
    byProvider: Record<string, JsonGroup>;
  };
  /** Spend now vs. with routine calls moved to their best alternative (all of them, or only those above $100/month). */
  portfolio: { nowMonthlyUsd: number; allRoutineMovedMonthlyUsd: number; aboveThresholdMovedMonthlyUsd: number; thresholdMonthlyUsd: number; routineCalls: number; movableCalls: number };
  issues: InputIssue[];
  /** Present when the audit was cancelled: how many files of how many were done. */
  partial?: { done: number; total: number };
}

/** Routine calls above this monthly spend are the ones the "above threshold" scenario moves. */
export const PORTFOLIO_THRESHOLD_USD = 100;

const range = (r: { low: number; high: number } | null | undefined): UsdRange | null =>
  r ? { low: microToUsd(r.low), high: microToUsd(r.high) } : null;

/**
 * The CLI JSON contract. Paths are relative to `root` with forward slashes; calls keep the engine's order (file,
 * then position); money is in dollars (rounded to the micro-dollar); unpriced calls have `priced: false` and null
 * costs — never 0.
 */
export function toJsonReport(result: AuditResult, root: string): JsonReport {
  const calls = result.calls.map((c) => jsonCall(c, root));
  const totals = aggregate(result.calls.map((c) => ({ ...c, file: relativePath(c.file, root) })));
  const p = portfolio(result.calls, PORTFOLIO_THRESHOLD_USD);
  const report: JsonReport = {
    calls,
    files: {
      scanned: result.files.scanned,
      skipped: result.files.skipped.map((s) => ({ file: relativePath(s.file, root), reason: s.reason })),
      skippedByReason: skippedByReason(result),
    },
    totals: {
      calls: totals.calls,
      priced: totals.priced,
      unpriced: totals.unpriced,
      unknownModel: totals.unknownModel,
      selfHosted: totals.selfHosted,
      monthlyUsd: range(totals.monthlyMicroUsd) as UsdRange,
      byModel: groups(totals.byModel),
      byFile: groups(totals.byFile),
      byProvider: groups(totals.byProvider),
    },
    portfolio: {
      nowMonthlyUsd: microToUsd(p.nowMicroUsd),
      allRoutineMovedMonthlyUsd: microToUsd(p.allRoutineMovedMicroUsd),
      aboveThresholdMovedMonthlyUsd: microToUsd(p.aboveThresholdMovedMicroUsd),
      thresholdMonthlyUsd: PORTFOLIO_THRESHOLD_USD,
      routineCalls: p.routineCalls,
      movableCalls: p.movableCalls,
    },
    issues: result.issues.map((i) => ({ ...i, file: relativePath(i.file, root) })),
  };
  if (result.partial) report.partial = result.partial;
  return report;
}

function groups(map: Map<string, GroupTotal>): Record<string, JsonGroup> {
  const out: Record<string, JsonGroup> = {};
  for (const [k, g] of map) out[k] = { calls: g.calls, priced: g.priced, unpriced: g.unpriced, monthlyUsd: range(g.monthlyMicroUsd) as UsdRange };
  return out;
}

function jsonCall(c: AnalyzedCall, root: string): JsonCall {
  const cost = c.cost;
  const out: JsonCall = {
    file: relativePath(c.file, root),
    line: c.line,
    column: c.column,
    ...(c.cell !== undefined ? { cell: c.cell } : {}),
    language: c.language,
    provider: c.provider,
    via: c.via,
    api: c.api,
    model: c.model,
    modelId: cost.modelId,
    modelSource: c.modelSource,
    callee: c.callee,
    enclosingFunction: c.enclosingFunction,
    inLoop: c.inLoop,
    isStreaming: c.isStreaming,
    maxOutputTokens: c.maxOutputTokens,
    tokens: c.tokens,
    cost: {
      priced: cost.priced,
      status: cost.status,
      perCallUsd: range(cost.perCallMicroUsd),
      monthlyUsd: range(cost.monthlyMicroUsd),
      callsPerMonth: cost.callsPerMonth,
      callsSource: cost.callsSource,
      host: cost.host,
      source: cost.offerSource?.url ?? null,
      asOf: cost.offerSource?.asOf ?? null,
      assumptions: cost.assumptions,
    },
    advice: {
      class: c.advice.class,
      confidence: c.advice.confidence,
      reasons: c.advice.reasons,
      alternatives: c.advice.alternatives.map((a) => ({
        modelId: a.modelId,
        name: a.name,
        license: a.licenseLabel,
        ...(a.licenseName !== undefined ? { licenseName: a.licenseName } : {}),
        licenseId: a.licenseId,
        host: a.host,
        perCallUsd: range(a.perCallMicroUsd) as UsdRange,
        monthlyUsd: range(a.monthlyMicroUsd) as UsdRange,
        savingMonthlyUsd: microToUsd(a.savingMonthlyMicroUsd),
        savingPercent: Math.round(a.savingFraction * 1000) / 10,
        hostSpread: a.hostSpread,
        evidence: a.evidence,
        policy: { verdict: a.policy.verdict, codes: a.policy.findings.map((f) => f.code) },
      })),
    },
    policy: c.policy ? { modelId: c.policy.modelId, licenseId: c.policy.licenseId, verdict: c.policy.verdict, findings: c.policy.findings } : null,
    findings: c.findings,
  };
  if (c.usageId !== undefined) out.usageId = c.usageId;
  if (c.advice.overriddenBy !== undefined) out.advice.overriddenBy = c.advice.overriddenBy;
  if (cost.prices) out.cost.pricesPerMTok = cost.prices;
  const cached = range(cost.options?.cachedPerCallMicroUsd);
  const batch = range(cost.options?.batchPerCallMicroUsd);
  if (cached) out.cost.cachedPerCallUsd = cached;
  if (batch) out.cost.batchPerCallUsd = batch;
  return out;
}

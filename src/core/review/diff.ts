import { positionOf } from '../config/config-source';
import type { Engine } from '../engine';
import { effectiveLicense } from '../license/effective-license';
import { evaluatePolicy } from '../policy/evaluate';
import type { AnalyzedCall, AuditResult } from '../types';
import { findSwaps, matchCalls } from './match-calls';
import type { IntroducedVerdict, LocatedFinding, ModelChange, ReviewCall, ReviewReport } from './types';

const mid = (r: { low: number; high: number }): number => (r.low + r.high) / 2;
/** Micro-USD → USD rounded to cents (reports only). */
const usd = (micro: number): number => Math.round(micro / 10_000) / 100;

/** Monthly spend of an audit in micro-USD (mid of each priced call's range) and how many calls are unpriced. */
export function auditSpend(calls: AnalyzedCall[]): { microUsd: number; unpriced: number } {
  let microUsd = 0;
  let unpriced = 0;
  for (const c of calls) {
    if (c.cost.monthlyMicroUsd) microUsd += mid(c.cost.monthlyMicroUsd);
    else unpriced++;
  }
  return { microUsd: Math.round(microUsd), unpriced };
}

/** The review's view of one call. */
export function reviewCall(c: AnalyzedCall): ReviewCall {
  const r: ReviewCall = {
    id: c.id,
    file: c.file,
    line: c.line,
    column: c.column,
    callee: c.callee,
    provider: c.provider,
    model: c.model,
    modelId: c.cost.modelId,
    enclosingFunction: c.enclosingFunction,
    class: c.advice.class,
    monthlyUsd: c.cost.monthlyMicroUsd ? usd(mid(c.cost.monthlyMicroUsd)) : null,
  };
  if (c.cell !== undefined) r.cell = c.cell;
  return r;
}

/** A call's findings, each placed at the call. */
export function locatedFindings(c: AnalyzedCall): LocatedFinding[] {
  return c.findings.map((f) => {
    const lf: LocatedFinding = { ...f, file: c.file, line: c.line, column: c.column, modelId: c.cost.modelId, callId: c.id };
    if (c.cell !== undefined) lf.cell = c.cell;
    return lf;
  });
}

/**
 * Where the budget is set: `.modelwise.yaml` at the `monthlyBudgetUsd` line, from the file name and key positions
 * parseConfig recorded (never guessed); nothing when the engine's config did not come from a file.
 */
function budgetLocation(engine: Engine): Pick<LocatedFinding, 'file' | 'line' | 'column'> {
  const source = engine.configSource;
  if (!source) return {};
  const pos = positionOf(source, 'policy.monthlyBudgetUsd');
  return pos ? { file: source.file, line: pos.line, column: pos.column } : { file: source.file };
}

const modelName = (c: AnalyzedCall): string => c.cost.modelId ?? c.model ?? '(decided at run time)';

function modelSet(calls: AnalyzedCall[]): Map<string, { calls: number; known: boolean }> {
  const m = new Map<string, { calls: number; known: boolean }>();
  for (const c of calls) {
    const k = modelName(c);
    const e = m.get(k) ?? { calls: 0, known: c.cost.modelId !== null };
    e.calls++;
    m.set(k, e);
  }
  return m;
}

function modelChanges(from: Map<string, { calls: number; known: boolean }>, without: Map<string, unknown>, engine: Engine): ModelChange[] {
  const out: ModelChange[] = [];
  for (const [model, e] of from) {
    if (without.has(model)) continue;
    out.push({ model, known: e.known, calls: e.calls, licenseId: e.known ? (engine.models.get(model)?.license ?? null) : null });
  }
  return out.sort((a, b) => a.model.localeCompare(b.model));
}

/**
 * Compares two audits of the same workspace (base = the target branch, head = the change) and decides the gate:
 * it fails when a call of the head fails the workspace policy, or when the head's monthly spend is over
 * `policy.monthlyBudgetUsd`. `licenses` lists the verdicts of what the change introduces (models on added calls);
 * failures on untouched calls are reported too, marked as already on the base branch (`introduced: false`), because
 * the policy is about the product as it ships. Both audits should use the same config so the spend delta reflects the
 * code only.
 */
export function reviewChange(base: AuditResult, head: AuditResult, engine: Engine): ReviewReport {
  const match = matchCalls(base.calls, head.calls);
  const baseModels = modelSet(base.calls);
  const headModels = modelSet(head.calls);

  // Verdicts of the models on added calls, grouped by model (evaluated fresh under the head's policy).
  const byModel = new Map<string, IntroducedVerdict>();
  for (const c of match.added) {
    const model = c.cost.modelId ? engine.models.get(c.cost.modelId) : undefined;
    if (!model) continue;
    let entry = byModel.get(model.id);
    if (!entry) {
      const license = effectiveLicense(model, c.cost.host, engine).license;
      entry = { verdict: c.policy ?? evaluatePolicy(model, license, engine.config.policy, { multimodal: c.hasImageInput }), calls: [] };
      byModel.set(model.id, entry);
    }
    entry.calls.push(reviewCall(c));
  }
  const licenses = [...byModel.values()].sort((a, b) => a.verdict.modelId.localeCompare(b.verdict.modelId));

  const baseSpend = auditSpend(base.calls);
  const headSpend = auditSpend(head.calls);
  const budgetUsd = engine.config.policy.monthlyBudgetUsd ?? null;
  const over = budgetUsd !== null && headSpend.microUsd > Math.round(budgetUsd * 1_000_000);

  const findings: LocatedFinding[] = match.added.flatMap(locatedFindings);
  const failures: string[] = [];
  for (const c of match.added) {
    const verdict = c.policy ?? (c.cost.modelId ? byModel.get(c.cost.modelId)?.verdict : undefined);
    if (!verdict) continue;
    for (const f of verdict.findings) {
      if (f.severity === 'error') failures.push(`${f.code} ${verdict.modelId} at ${c.file}:${c.line}`);
      // A call analysed without a policy verdict still gets the verdict's findings placed at it.
      if (!c.policy) findings.push({ ...f, file: c.file, line: c.line, column: c.column, modelId: verdict.modelId, callId: c.id });
    }
  }
  // Failing calls the change did not add still fail the gate, reported apart so the author knows they are not theirs.
  let existingFailures = 0;
  for (const { head: c } of match.unchanged) {
    const errors = (c.policy?.findings ?? []).filter((f) => f.severity === 'error');
    if (errors.length === 0) continue;
    existingFailures++;
    for (const f of errors) {
      failures.push(`${f.code} ${c.policy!.modelId} at ${c.file}:${c.line} (already on the base branch)`);
      const lf: LocatedFinding = { ...f, file: c.file, line: c.line, column: c.column, modelId: c.policy!.modelId, callId: c.id, introduced: false };
      if (c.cell !== undefined) lf.cell = c.cell;
      findings.push(lf);
    }
  }
  if (over) {
    const message = `Monthly spend $${usd(headSpend.microUsd).toFixed(2)} is over the budget of $${budgetUsd.toFixed(2)} (policy.monthlyBudgetUsd).`;
    findings.push({ code: 'COST_OVER_BUDGET', severity: 'error', message, ...budgetLocation(engine) });
    failures.push(`COST_OVER_BUDGET $${usd(headSpend.microUsd).toFixed(2)} > $${budgetUsd.toFixed(2)}`);
  }

  const swaps = findSwaps(match.removed, match.added).map(({ from, to }) => {
    const f = reviewCall(from);
    const t = reviewCall(to);
    return { from: f, to: t, savingMonthlyUsd: f.monthlyUsd !== null && t.monthlyUsd !== null ? Math.round((f.monthlyUsd - t.monthlyUsd) * 100) / 100 : null };
  });

  const status = failures.length > 0 ? 'fail' : 'pass';
  return {
    schemaVersion: 1,
    status,
    exitCode: status === 'fail' ? 1 : 0,
    failures,
    existingFailures,
    models: { added: modelChanges(headModels, baseModels, engine), removed: modelChanges(baseModels, headModels, engine) },
    calls: { added: match.added.map(reviewCall), removed: match.removed.map(reviewCall), unchanged: match.unchanged.length, swapped: swaps },
    licenses,
    spend: {
      baseMonthlyUsd: usd(baseSpend.microUsd),
      headMonthlyUsd: usd(headSpend.microUsd),
      deltaMonthlyUsd: usd(headSpend.microUsd - baseSpend.microUsd),
    },
    unpricedCalls: { base: baseSpend.unpriced, head: headSpend.unpriced },
    budget: { monthlyBudgetUsd: budgetUsd, over },
    findings,
    issues: head.issues,
  };
}

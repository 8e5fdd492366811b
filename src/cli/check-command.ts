import type { Catalog } from '../core/catalog/schema';
import { formatReviewMarkdown, formatSarif, reviewChange } from '../core/index';
import type { ParserSet } from '../core/scan/parsers';
import type { AnalyzedCall, AuditResult } from '../core/types';
import { checkoutBase } from '../node/git-base';
import type { CheckFormat } from './args';
import { emitTo, prepareAudit, runAudit, type WorkerSettings } from './audit-command';
import type { CliIo } from './io';
import { asText } from './render';

/** An empty audit: the base of a check without --base, so every call counts as introduced by "the change". */
export function emptyAudit(): AuditResult {
  return { calls: [], files: { scanned: 0, skipped: [] }, issues: [] };
}

/** Why the gate fails: calls whose model's policy verdict is 'fail', and whether the budget is exceeded. */
export interface GateOutcome {
  failingCalls: AnalyzedCall[];
  budgetUsd: number | undefined;
  headMonthlyUsd: number | undefined;
  overBudget: boolean;
}

/**
 * Decides the exit code of `modelwise check`: every call of the head is checked against the policy (a failing model
 * anywhere fails the gate, not only the ones the change adds: the policy describes the product as it will ship), and
 * the head's monthly spend is compared with `policy.monthlyBudgetUsd` when one is set.
 */
export function gateOutcome(head: AuditResult, budgetUsd: number | undefined, headMonthlyUsd: number | undefined): GateOutcome {
  const failingCalls = head.calls.filter((c) => c.policy?.verdict === 'fail');
  const overBudget = budgetUsd !== undefined && headMonthlyUsd !== undefined && headMonthlyUsd > budgetUsd;
  return { failingCalls, budgetUsd, headMonthlyUsd, overBudget };
}

/**
 * `modelwise check [PATH] [--base REF]`: audits PATH (and REF in a temporary git worktree), asks the review module for
 * the report, prints it, and returns 1 when the policy fails or the budget is exceeded. A malformed config is fatal
 * here (exit 2): a gate must not pass because its policy could not be read. The base is audited with the head's config
 * so the spend delta reflects the code change only.
 */
export async function checkCommand(
  io: CliIo,
  cmd: { path: string; base?: string; config?: string; format: CheckFormat; output?: string; maxFileBytes?: number },
  deps: { parsers: ParserSet; catalog: Catalog; workers: WorkerSettings },
): Promise<number> {
  const setup = await prepareAudit(io, [cmd.path], cmd.config, deps);
  if (setup.config.issues.length > 0) {
    io.err(`${setup.config.file}: the policy cannot be evaluated until the config is fixed\n`);
    return 2;
  }
  const head = await runAudit(setup, deps.catalog, deps.workers, cmd.maxFileBytes);
  let base = emptyAudit();
  if (cmd.base !== undefined) {
    const checkout = await checkoutBase(setup.base, cmd.base);
    try {
      const baseAudit = await runAudit({ ...setup, roots: [checkout.dir], base: checkout.dir }, deps.catalog, { count: 0 }, cmd.maxFileBytes);
      base = baseAudit.result;
    } finally {
      await checkout.dispose();
    }
  }
  const report = reviewChange(base, head.result, setup.engine);
  const spend = (report as { spend?: { headMonthlyUsd?: number } }).spend;
  const outcome = gateOutcome(head.result, setup.engine.config.policy.monthlyBudgetUsd, spend?.headMonthlyUsd);
  const text = cmd.format === 'json' ? asText(report) : cmd.format === 'sarif' ? asText(formatSarif(report)) : asText(formatReviewMarkdown(report));
  await emitTo(io, text, cmd.output);
  for (const c of outcome.failingCalls) {
    const codes = (c.policy?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.code);
    io.err(`${c.file}:${c.line}:${c.column}: policy fails for ${c.cost.modelId ?? c.model} (${codes.join(', ') || 'fail'})\n`);
  }
  if (outcome.overBudget) io.err(`monthly spend $${outcome.headMonthlyUsd} exceeds the budget of $${outcome.budgetUsd}\n`);
  return outcome.failingCalls.length > 0 || outcome.overBudget ? 1 : 0;
}

import { existsSync } from 'node:fs';
import type { Catalog } from '../core/catalog/schema';
import { formatReviewMarkdown } from '../core/report/review-markdown';
import { formatSarif } from '../core/report/sarif';
import { reviewChange } from '../core/review/diff';
import type { ParserSet } from '../core/scan/parsers';
import type { AuditResult } from '../core/types';
import { checkoutBase } from '../node/git-base';
import type { CheckFormat } from './args';
import { emitTo, prepareAudit, runAudit, type WorkerSettings } from './audit-command';
import type { CliIo } from './io';
import { asText } from './render';

/** An empty audit: the base of a check without --base, so every call counts as introduced by "the change". */
export function emptyAudit(): AuditResult {
  return { calls: [], files: { scanned: 0, skipped: [] }, issues: [] };
}

/**
 * `modelwise check [PATH] [--base REF]`: audits PATH (and REF in a temporary git worktree), asks the review module for
 * the report, prints it, and returns 1 when the review fails (a model the change introduces fails the policy, or the
 * head exceeds the budget; without --base every call counts as introduced). A malformed config is fatal
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
      // A directory the change creates does not exist at the base: everything in it is new.
      if (existsSync(checkout.dir)) {
        const baseAudit = await runAudit({ ...setup, roots: [checkout.dir], base: checkout.dir }, deps.catalog, { count: 0 }, cmd.maxFileBytes);
        base = baseAudit.result;
      }
    } finally {
      await checkout.dispose();
    }
  }
  const report = reviewChange(base, head.result, setup.engine);
  const text = cmd.format === 'json' ? asText(report) : cmd.format === 'sarif' ? asText(formatSarif(report)) : asText(formatReviewMarkdown(report));
  await emitTo(io, text, cmd.output);
  for (const f of report.findings) {
    if (f.severity !== 'error') continue;
    const where = f.file !== undefined ? `${f.file}:${f.line ?? 1}:${f.column ?? 1}: ` : '';
    io.err(`${where}${f.code}${f.modelId ? ` (${f.modelId})` : ''}: ${f.message}\n`);
  }
  return report.status === 'fail' ? 1 : 0;
}

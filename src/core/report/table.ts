import type { AuditResult } from '../types';
import { aggregate, rankCalls, skippedByReason } from './aggregate';
import { alternativeCell, monthlyCell, perCallCell, whereCell } from './cost-cells';
import { formatInt, formatUsd, formatUsdRange } from './format-usd';
import { modelCell } from './labels';
import { portfolio } from '../advise/portfolio';
import { PORTFOLIO_THRESHOLD_USD } from './json-report';

/** Widest a text column (other than the last) may grow before it is cut with "…". */
const MAX_COL = 48;

/**
 * Plain-text table for terminals: one row per call, ranked by monthly spend (unpriced calls last, shown as a word —
 * never $0), then totals, the portfolio scenario, skipped files and config issues. No colours: the shell may add them.
 */
export function formatTable(result: AuditResult): string {
  const calls = rankCalls(result.calls);
  const header = ['Monthly', 'Per call', 'Calls/mo', 'Model', 'Host', 'Class', 'Where', 'Routine alternative'];
  const rows = calls.map((c) => [
    monthlyCell(c),
    c.cost.priced ? perCallCell(c) : '',
    c.cost.priced ? formatInt(c.cost.callsPerMonth) : '',
    modelCell(c),
    c.cost.host ?? c.provider,
    c.advice.class,
    whereCell(c),
    c.advice.class === 'routine' ? alternativeCell(c) : '',
  ]);
  const lines: string[] = [];
  if (rows.length === 0) {
    lines.push('No LLM calls found.');
  } else {
    lines.push(...renderColumns([header, ...rows], new Set([0, 1, 2])));
  }
  const t = aggregate(result.calls);
  lines.push('');
  lines.push(
    `Total: ${formatUsdRange(t.monthlyMicroUsd.low, t.monthlyMicroUsd.high)}/month over ${formatInt(t.priced)} priced call site(s)` +
      (t.unpriced > 0 ? `; ${t.unpriced} unpriced (${t.unknownModel} unknown or run-time model)` : '') +
      (t.selfHosted > 0 ? `; ${t.selfHosted} self-hosted` : ''),
  );
  const p = portfolio(result.calls, PORTFOLIO_THRESHOLD_USD);
  if (p.movableCalls > 0) {
    lines.push(
      `Portfolio: now ~${formatUsd(p.nowMicroUsd)}/mo; routine calls on their best alternative ~${formatUsd(p.allRoutineMovedMicroUsd)}/mo; ` +
        `only those above $${PORTFOLIO_THRESHOLD_USD}/mo ~${formatUsd(p.aboveThresholdMovedMicroUsd)}/mo`,
    );
  }
  const byReason = Object.entries(skippedByReason(result))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  lines.push(`Files: ${formatInt(result.files.scanned)} scanned${byReason ? `, skipped: ${byReason}` : ''}`);
  if (result.partial) lines.push(`Partial: cancelled after ${result.partial.done} of ${result.partial.total} files`);
  for (const i of result.issues) lines.push(`${i.file}${i.line !== undefined ? `:${i.line}:${i.column ?? 1}` : ''}: ${i.message}`);
  return lines.join('\n') + '\n';
}

/** Left-aligned columns separated by two spaces; `right` columns are right-aligned. */
export function renderColumns(rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  const cut = rows.map((r) => r.map((cell, i) => (cell.length > MAX_COL && i < r.length - 1 ? `${cell.slice(0, MAX_COL - 1)}…` : cell)));
  const widths: number[] = [];
  for (const r of cut) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return cut.map((r) =>
    r
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

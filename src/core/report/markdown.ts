import { portfolio } from '../advise/portfolio';
import type { AnalyzedCall, AuditResult } from '../types';
import { aggregate, rankCalls, skippedByReason, type GroupTotal } from './aggregate';
import { alternativeCell, monthlyCell, perCallCell, whereCell } from './cost-cells';
import { formatInt, formatUsd, formatUsdRange } from './format-usd';
import { modelCell } from './labels';
import { PORTFOLIO_THRESHOLD_USD } from './json-report';

/** Escapes text for a Markdown table cell (pipes, newlines, and inline-HTML/emphasis characters). */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>*_`]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (right.has(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function groupRows(groups: Map<string, GroupTotal>): string[][] {
  return [...groups].map(([name, g]) => [
    name,
    formatInt(g.calls),
    g.priced > 0 ? formatUsdRange(g.monthlyMicroUsd.low, g.monthlyMicroUsd.high) : g.unpriced > 0 ? 'unpriced' : 'self-hosted',
    g.unpriced > 0 ? String(g.unpriced) : '',
  ]);
}

/**
 * The audit as a Markdown report (the editor's report document and `--format markdown`): summary, the portfolio
 * scenario, call sites ranked by monthly spend, spend by model / file / provider, routine calls with alternatives,
 * unpriced and unknown items, skipped files and config issues.
 */
export function formatMarkdown(result: AuditResult): string {
  const t = aggregate(result.calls);
  const ranked = rankCalls(result.calls);
  const out: string[] = ['# Modelwise spend audit', ''];
  out.push(
    `**Estimated spend:** ${formatUsdRange(t.monthlyMicroUsd.low, t.monthlyMicroUsd.high)} per month across ${formatInt(t.calls)} call site(s) ` +
      `(${formatInt(t.priced)} priced, ${formatInt(t.unpriced)} unpriced, ${formatInt(t.selfHosted)} self-hosted) in ${formatInt(result.files.scanned)} file(s).`,
  );
  if (result.partial) out.push('', `> Partial result: the audit was cancelled after ${result.partial.done} of ${result.partial.total} files.`);
  out.push('', 'Ranges run from the output prior (low) to the maximum output (high); calls per month come from `.modelwise.yaml` or the default.', '');

  const p = portfolio(result.calls, PORTFOLIO_THRESHOLD_USD);
  out.push('## Portfolio', '');
  out.push(
    ...table(
      ['Scenario', 'Monthly (mid)'],
      [
        ['Now', formatUsd(p.nowMicroUsd)],
        [`Every routine call on its best alternative (${p.movableCalls} of ${p.routineCalls} routine calls)`, formatUsd(p.allRoutineMovedMicroUsd)],
        [`Only routine calls above $${PORTFOLIO_THRESHOLD_USD}/month moved`, formatUsd(p.aboveThresholdMovedMicroUsd)],
      ],
      new Set([1]),
    ),
    '',
  );

  out.push('## Call sites by monthly spend', '');
  if (ranked.length === 0) out.push('No LLM calls found.', '');
  else {
    out.push(
      ...table(
        ['Where', 'Model', 'Host', 'API', 'Per call', 'Calls/mo', 'Monthly', 'Class'],
        ranked.map((c) => [whereCell(c), modelCell(c), c.cost.host ?? c.provider, c.api, perCallCell(c), c.cost.priced ? formatInt(c.cost.callsPerMonth) : '', monthlyCell(c), c.advice.class]),
        new Set([4, 5, 6]),
      ),
      '',
    );
  }

  for (const groups of [
    ['By model', 'Model', t.byModel],
    ['By file', 'File', t.byFile],
    ['By provider', 'Provider', t.byProvider],
  ] as const) {
    if (groups[2].size === 0) continue;
    out.push(`## ${groups[0]}`, '', ...table([groups[1], 'Calls', 'Monthly', 'Unpriced'], groupRows(groups[2]), new Set([1, 2, 3])), '');
  }

  const routine = ranked.filter((c) => c.advice.class === 'routine' && c.advice.alternatives.length > 0);
  if (routine.length > 0) {
    out.push('## Routine calls with a cheaper alternative', '');
    out.push(...table(['Where', 'Now', 'Alternative', 'Host', 'Why routine'], routine.map((c) => [whereCell(c), `${modelCell(c)} ${monthlyCell(c)}/mo`, alternativeCell(c), c.advice.alternatives[0]?.host ?? '', c.advice.reasons.join(', ')])), '');
  }

  const unpriced = ranked.filter((c) => !c.cost.priced);
  if (unpriced.length > 0) {
    out.push('## Unpriced and unknown', '');
    out.push(...table(['Where', 'Model', 'Status', 'Why'], unpriced.map((c) => [whereCell(c), modelCell(c), c.cost.status, reason(c)])), '');
  }

  const skipped = Object.entries(skippedByReason(result));
  if (skipped.length > 0) {
    out.push('## Skipped files', '', ...table(['Reason', 'Files'], skipped.map(([r, n]) => [r, String(n)]), new Set([1])), '');
  }
  if (result.issues.length > 0) {
    out.push('## Config and catalog issues', '');
    for (const i of result.issues) out.push(`- ${cell(i.file)}${i.line !== undefined ? `:${i.line}:${i.column ?? 1}` : ''} — ${cell(i.message)}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

function reason(c: AnalyzedCall): string {
  return c.cost.assumptions[c.cost.assumptions.length - 1] ?? '';
}

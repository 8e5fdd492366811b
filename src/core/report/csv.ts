import type { AuditResult } from '../types';
import { rankCalls } from './aggregate';
import { microToUsd } from './format-usd';

const HEADER = [
  'file', 'cell', 'line', 'column', 'language', 'provider', 'via', 'api', 'model', 'model_id', 'model_source', 'in_loop',
  'input_tokens', 'tokens_exact', 'output_tokens_low', 'output_tokens_high', 'status', 'priced', 'host',
  'per_call_usd_low', 'per_call_usd_high', 'calls_per_month', 'calls_source', 'monthly_usd_low', 'monthly_usd_high',
  'class', 'alternative', 'alternative_license', 'alternative_host', 'alternative_monthly_usd_low', 'alternative_monthly_usd_high', 'saving_percent',
] as const;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break. */
function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The audit as CSV (one row per call, ranked by monthly spend; same data as the JSON report, in dollars). Unpriced
 * calls have empty money fields and their status in `status` — never 0. Lines end with CRLF (RFC 4180).
 */
export function formatCsv(result: AuditResult): string {
  const rows = rankCalls(result.calls).map((c) => {
    const a = c.advice.alternatives[0];
    return [
      c.file, c.cell, c.line, c.column, c.language, c.provider, c.via, c.api, c.model, c.cost.modelId, c.modelSource, c.inLoop,
      c.tokens.input, c.tokens.exact, c.tokens.outputLow, c.tokens.outputHigh, c.cost.status, c.cost.priced, c.cost.host,
      c.cost.perCallMicroUsd && microToUsd(c.cost.perCallMicroUsd.low), c.cost.perCallMicroUsd && microToUsd(c.cost.perCallMicroUsd.high),
      c.cost.callsPerMonth, c.cost.callsSource,
      c.cost.monthlyMicroUsd && microToUsd(c.cost.monthlyMicroUsd.low), c.cost.monthlyMicroUsd && microToUsd(c.cost.monthlyMicroUsd.high),
      c.advice.class, a?.name, a?.licenseLabel, a?.host, a && microToUsd(a.monthlyMicroUsd.low), a && microToUsd(a.monthlyMicroUsd.high),
      a && Math.round(a.savingFraction * 1000) / 10,
    ].map(field).join(',');
  });
  return [HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}

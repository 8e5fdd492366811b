import type { AnalyzedCall } from '../types';
import { formatUsd, formatUsdRange } from './format-usd';

/**
 * The one-line code lens above a call, e.g.
 * `gpt-4o · ~$0.004–0.011/call · ~$410/mo · routine: Gemma 4 26B (Apache-2.0) ~$9/mo −98%`.
 * The monthly figure is the middle of the range (the hover shows both ends). A model the catalog does not know reads
 * "unpriced model" and a run-time model "model unknown — set it in .modelwise.yaml": never $0.
 */
export function lensTitle(call: AnalyzedCall): string {
  if (call.model === null) return 'model unknown — set it in .modelwise.yaml';
  const label = call.model;
  const cost = call.cost;
  switch (cost.status) {
    case 'unknown-model':
      return `${label} · unpriced model`;
    case 'self-hosted':
      return `${label} · self-hosted${cost.host ? ` (${cost.host})` : ''} · no per-token price`;
    case 'unpriced':
      return `${label} · unpriced`;
    default:
      break;
  }
  const perCall = cost.perCallMicroUsd;
  const monthly = cost.monthlyMicroUsd;
  if (!perCall || !monthly) return `${label} · unpriced`;
  const parts = [label, `~${formatUsdRange(perCall.low, perCall.high)}/call`, `~${formatUsd(mid(monthly))}/mo`];
  const best = call.advice.alternatives[0];
  if (best) {
    const pct = Math.round(best.savingFraction * 100);
    parts.push(`${call.advice.class}: ${best.name} (${best.licenseLabel}) ~${formatUsd(mid(best.monthlyMicroUsd))}/mo −${pct}%`);
  }
  if (call.inLoop) parts.push('in a loop');
  return parts.join(' · ');
}

function mid(r: { low: number; high: number }): number {
  return Math.round((r.low + r.high) / 2);
}

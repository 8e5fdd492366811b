import type { AnalyzedCall } from '../types';
import { formatUsd, formatUsdRange } from './format-usd';
import { shortModelName } from './labels';

/** The word shown instead of a dollar figure for a call that has none (never "$0"). */
export function unpricedWord(call: AnalyzedCall): string {
  switch (call.cost.status) {
    case 'self-hosted':
      return 'self-hosted';
    case 'unknown-model':
      return call.model === null ? 'model unknown' : 'unpriced model';
    default:
      return 'unpriced';
  }
}

/** Monthly spend of a call as a range ("$4–11"), or its unpriced word. */
export function monthlyCell(call: AnalyzedCall): string {
  const m = call.cost.monthlyMicroUsd;
  return m ? formatUsdRange(m.low, m.high) : unpricedWord(call);
}

/** Per-call cost as a range ("$0.004–0.011"), or its unpriced word. */
export function perCallCell(call: AnalyzedCall): string {
  const p = call.cost.perCallMicroUsd;
  return p ? formatUsdRange(p.low, p.high) : unpricedWord(call);
}

/** "file:line"; for notebooks the cell is counted from 1 as people do ("nb.ipynb cell 3:4" is `cells[2]`, line 4). */
export function whereCell(call: AnalyzedCall): string {
  return call.cell !== undefined ? `${call.file} cell ${call.cell + 1}:${call.line}` : `${call.file}:${call.line}`;
}

/** The best alternative in one phrase: "Gemma 4 26B (Apache-2.0) ~$9/mo −98%", or "". */
export function alternativeCell(call: AnalyzedCall): string {
  const a = call.advice.alternatives[0];
  if (!a) return '';
  return `${shortModelName(a.name, a.modelId)} (${a.licenseLabel}) ~${formatUsd(Math.round((a.monthlyMicroUsd.low + a.monthlyMicroUsd.high) / 2))}/mo −${Math.round(a.savingFraction * 100)}%`;
}

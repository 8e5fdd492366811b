import type { AnalyzedCall } from '../types';
import { formatUsd, formatUsdRange } from './format-usd';
import { lensModelLabel, shortModelName, truncateMiddle } from './labels';

/**
 * Longest lens title aimed for. code-server cuts a lens near the editor's width; at ~110 characters a title fits a
 * 1280-pixel window with the default font. Long model and license names go to the hover instead.
 */
export const MAX_LENS_TITLE = 110;

/**
 * The one-line code lens above a call, e.g.
 * `gpt-4o · ~$0.004–0.011/call · ~$410/mo · routine: Gemma 4 26B (Apache-2.0) ~$9/mo −98%`.
 * The monthly figure is the middle of the range (the hover shows both ends). A model the catalog does not know reads
 * "unpriced model" and a run-time model "model unknown — set it in .modelwise.yaml": never $0.
 *
 * Names are the short forms (catalog name without parenthesised details, license SPDX id or short label). For a
 * frontier call the only suggestion is a cheaper model of the same vendor (`cheaper same-vendor: …`), and its license
 * is left out when it is the call's own. When the title would exceed MAX_LENS_TITLE, "in a loop" goes first, then
 * the license label, then the alternative's name is shortened; the saving (`~$9/mo −98%`) always stays.
 */
export function lensTitle(call: AnalyzedCall): string {
  if (call.model === null) return 'model unknown — set it in .modelwise.yaml';
  const label = lensModelLabel(call);
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
  const head = [label, `~${formatUsdRange(perCall.low, perCall.high)}/call`, `~${formatUsd(mid(monthly))}/mo`];
  const tail = call.inLoop ? ['in a loop'] : [];
  const best = call.advice.alternatives[0];
  if (!best) return [...head, ...tail].join(' · ');

  const prefix = call.advice.class === 'routine' ? 'routine:' : 'cheaper same-vendor:';
  const saving = `~${formatUsd(mid(best.monthlyMicroUsd))}/mo −${Math.round(best.savingFraction * 100)}%`;
  const name = shortModelName(best.name, best.modelId);
  const showLicense = !(call.advice.class === 'frontier' && call.policy?.licenseId === best.licenseId);
  const build = (n: string, withLicense: boolean, withTail: boolean): string =>
    [...head, `${prefix} ${n}${withLicense ? ` (${best.licenseLabel})` : ''} ${saving}`, ...(withTail ? tail : [])].join(' · ');

  // In order: everything; without "in a loop" (the hover says it, and a loop with a large output is a CALL_IN_LOOP
  // diagnostic); without the license; then shorter names. The saving is in every candidate.
  const loop = tail.length > 0;
  const candidates = [
    ...(loop ? [build(name, showLicense, true)] : []),
    ...(showLicense ? [build(name, true, false)] : []),
    build(name, false, false),
    build(truncateMiddle(name, 20), false, false),
    build(truncateMiddle(best.modelId, 16), false, false),
  ];
  return candidates.find((t) => t.length <= MAX_LENS_TITLE) ?? candidates.reduce((a, b) => (b.length < a.length ? b : a));
}

function mid(r: { low: number; high: number }): number {
  return Math.round((r.low + r.high) / 2);
}

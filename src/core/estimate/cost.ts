import type { Offer } from '../catalog/schema';

/**
 * Price of one request at an offer, in integer micro-USD. Prices are USD per 1M tokens, so
 * tokens × price-per-MTok is exactly micro-USD; the total is rounded once at the end.
 *
 * - Self-hosted offers and offers without a token price → null (never 0: the caller reports why).
 * - `outputTokens > 0` at an offer without an output price → null (embedding offers list input only; pass 0 output).
 * - Long-context tiers: when the prompt exceeds `thresholdTokens`, rule 'whole-request' bills the whole request —
 *   all input and all output — at the tier prices (Google, Anthropic 1M context); rule 'excess' bills only the input
 *   tokens above the threshold at the tier's input price.
 * - `cachedInputTokens` (part of `inputTokens`) are billed at the cached-input price when the offer has one.
 * - `batch`: the offer's batch prices when it lists them; otherwise the standard prices (no discount is assumed).
 */
export function offerCostMicroUsd(
  offer: Offer,
  inputTokens: number,
  outputTokens: number,
  opts: { cachedInputTokens?: number; batch?: boolean } = {},
): number | null {
  const exact = offerCostExactMicroUsd(offer, inputTokens, outputTokens, opts);
  return exact === null ? null : Math.round(exact);
}

/**
 * offerCostMicroUsd before rounding (fractional micro-USD). Monthly figures multiply this, not the rounded per-call
 * value, so a call costing 0.4 micro-USD run a million times is $0.40 a month, not $0.
 */
export function offerCostExactMicroUsd(
  offer: Offer,
  inputTokens: number,
  outputTokens: number,
  opts: { cachedInputTokens?: number; batch?: boolean } = {},
): number | null {
  if (offer.selfHosted === true || offer.inputPerMTok === undefined) return null;
  let inPrice = offer.inputPerMTok;
  let outPrice = offer.outputPerMTok;
  let cachedPrice = offer.cachedInputPerMTok;
  if (opts.batch === true && offer.batchInputPerMTok !== undefined) {
    inPrice = offer.batchInputPerMTok;
    outPrice = offer.batchOutputPerMTok ?? outPrice;
  }
  if (outputTokens > 0 && outPrice === undefined) return null;
  const cached = Math.min(Math.max(opts.cachedInputTokens ?? 0, 0), inputTokens);
  const fresh = inputTokens - cached;
  const tier = offer.longContext;
  if (tier !== undefined && inputTokens > tier.thresholdTokens) {
    if (tier.rule === 'whole-request') {
      return fresh * tier.inputPerMTok + cached * (tier.cachedInputPerMTok ?? tier.inputPerMTok) + outputTokens * tier.outputPerMTok;
    }
    const excess = inputTokens - tier.thresholdTokens;
    const freshExcess = Math.min(excess, fresh);
    const freshBase = fresh - freshExcess;
    return freshBase * inPrice + freshExcess * tier.inputPerMTok + cached * (cachedPrice ?? inPrice) + outputTokens * (outPrice ?? 0);
  }
  return fresh * inPrice + cached * (cachedPrice ?? inPrice) + outputTokens * (outPrice ?? 0);
}

/** Price of `count` units (images, audio minutes, …) at an offer's unit price, in (fractional) micro-USD; null when not listed. */
export function unitCostMicroUsd(offer: Offer, unit: string, count: number): number | null {
  if (offer.selfHosted === true) return null;
  const price = offer.unitPrices?.find((u) => u.unit === unit);
  return price === undefined ? null : price.usd * 1_000_000 * count;
}

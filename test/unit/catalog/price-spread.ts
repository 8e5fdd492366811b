import type { Model, Offer } from '../../../src/core/catalog/schema';

/** One host price that sits far above the other hosts of the same open model. */
export interface SpreadOutlier {
  modelId: string;
  host: string;
  field: 'inputPerMTok' | 'outputPerMTok';
  /** USD per 1M tokens. */
  price: number;
  /** Median of the same field over the model's priced offers (the outlier included). */
  median: number;
  /** The reviewed reason, when the offer carries one. */
  knownDifference?: string;
}

/** Offers with a per-token price (self-hosted runtimes and unit-priced offers excluded). */
export function pricedOffers(model: Model): Offer[] {
  return model.offers.filter((o) => o.selfHosted !== true && o.inputPerMTok !== undefined);
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Hosts whose input or output price is more than `factor` times the median across the model's priced hosts.
 * Only open-weight models with at least `minHosts` priced offers are checked: with fewer, a median says little.
 */
export function findSpreadOutliers(models: readonly Model[], factor = 5, minHosts = 3): SpreadOutlier[] {
  const out: SpreadOutlier[] = [];
  for (const m of models) {
    if (!m.openWeights) continue;
    const priced = pricedOffers(m);
    if (priced.length < minHosts) continue;
    for (const field of ['inputPerMTok', 'outputPerMTok'] as const) {
      const values = priced.map((o) => o[field]).filter((v): v is number => v !== undefined);
      if (values.length < minHosts) continue;
      const med = median(values);
      for (const o of priced) {
        const price = o[field];
        if (price === undefined || price <= factor * med) continue;
        const row: SpreadOutlier = { modelId: m.id, host: o.host, field, price, median: med };
        if (o.knownDifference !== undefined) row.knownDifference = o.knownDifference;
        out.push(row);
      }
    }
  }
  return out;
}

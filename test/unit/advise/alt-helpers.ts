import type { Model } from '../../../src/core/catalog/schema';
import { ConfigSchema, type Config } from '../../../src/core/config/schema';
import { createEngine, type Engine } from '../../../src/core/engine';
import { offerCostMicroUsd } from '../../../src/core/estimate/cost';
import type { CostEstimate, TokenEstimate } from '../../../src/core/types';
import type { ParserSet } from '../../../src/core/scan/parsers';
import { testCatalog } from '../../helpers/engine';

/** An engine over the shipped catalog (no parsers: advice never scans). */
export function catalogEngine(config: Partial<Config> | Record<string, unknown> = {}): Engine {
  return createEngine({ parsers: {} as ParserSet, catalog: testCatalog(), config: ConfigSchema.parse(config) });
}

/** A token estimate with the given input and output range. */
export function tokens(input: number, outputLow: number, outputHigh: number): TokenEstimate {
  return { input, exact: true, encoding: 'o200k_base', method: 'tiktoken', band: { low: 1, high: 1 }, outputLow, outputHigh, outputHighSource: 'call-max' };
}

/** The cost of a call at the model's vendor offer (what the estimator does for a direct API call). */
export function costAt(model: Model, host: string, t: TokenEstimate, callsPerMonth: number): CostEstimate {
  const offer = model.offers.find((o) => o.host === host);
  if (!offer) throw new Error(`${model.id} has no ${host} offer`);
  const low = offerCostMicroUsd(offer, t.input, t.outputLow) as number;
  const high = offerCostMicroUsd(offer, t.input, t.outputHigh) as number;
  return {
    priced: true,
    status: 'priced',
    modelId: model.id,
    host,
    perCallMicroUsd: { low, high },
    callsPerMonth,
    callsSource: 'usage-id',
    monthlyMicroUsd: { low: low * callsPerMonth, high: high * callsPerMonth },
    assumptions: [],
  };
}

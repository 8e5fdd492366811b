import type { Model, Offer } from '../catalog/schema';
import type { Config } from '../config/schema';
import { formatInt, priceUsd } from '../report/format-usd';
import type { Api, CallSite, CostEstimate, TokenEstimate } from '../types';
import { offerCostExactMicroUsd, offerCostMicroUsd, unitCostMicroUsd } from './cost';
import { applyDiscounts, chooseOffer, discountMultiplier, hostForProvider, SELF_HOSTED_PROVIDERS } from './offers';
import type { UsageMatch } from './usage';

/** Units assumed for one call of an API billed per unit (one image, one audio minute, one page), in order of preference. */
const UNITS_FOR_API: Partial<Record<Api, { unit: string; count: number; label: string }[]>> = {
  image: [{ unit: 'image', count: 1, label: '1 image per call' }],
  audio: [
    { unit: 'audio-minute', count: 1, label: '1 audio minute per call' },
    { unit: 'audio-second', count: 60, label: '1 audio minute per call' },
    { unit: '1k-characters', count: 1, label: '1,000 characters of speech per call' },
  ],
  ocr: [{ unit: 'page', count: 1, label: '1 page per call' }],
  rerank: [{ unit: 'search', count: 1, label: '1 search unit per call' }],
};

const OUTPUT_SOURCE_LABEL: Record<TokenEstimate['outputHighSource'], string> = {
  'call-max': "the call's own max output",
  'model-max': "the model's max output (the call sets none)",
  'default-cap': 'a default cap (neither the call nor the catalog gives a max)',
  none: 'no output tokens',
};

/**
 * Cost of one call site per call and per month. Unknown or unpriced models get `priced: false` and null costs —
 * never $0 — with the reason in `assumptions`. A self-hosted runtime (ollama, vllm) is 'self-hosted'. Calls in loops
 * are not multiplied: calls/month counts requests, and the loop is flagged separately (CALL_IN_LOOP).
 */
export function estimateCost(call: CallSite, model: Model | undefined, tokens: TokenEstimate, config: Config, usage: UsageMatch): CostEstimate {
  const assumptions: string[] = [callsAssumption(usage)];
  const base = {
    modelId: model?.id ?? null,
    callsPerMonth: usage.callsPerMonth,
    callsSource: usage.source,
    assumptions,
  };
  const selfHostedProvider = SELF_HOSTED_PROVIDERS.has(hostForProvider(call.provider));
  if (!model) {
    if (selfHostedProvider) {
      assumptions.push(`served by ${call.provider} on your own hardware: no per-token price`);
      return { ...base, priced: false, status: 'self-hosted', host: call.provider, perCallMicroUsd: null, monthlyMicroUsd: null };
    }
    assumptions.push(
      call.model === null ? 'the model is decided at run time: set it in .modelwise.yaml to price this call' : `'${call.model}' is not in the catalog: unpriced`,
    );
    return { ...base, priced: false, status: 'unknown-model', host: null, perCallMicroUsd: null, monthlyMicroUsd: null };
  }
  const chosen = chooseOffer(model, { provider: call.provider, config });
  if (!chosen) {
    assumptions.push(`no price is listed for ${model.id}`);
    return { ...base, priced: false, status: 'unpriced', host: null, perCallMicroUsd: null, monthlyMicroUsd: null };
  }
  const offerSource = { url: chosen.source, asOf: chosen.asOf };
  if (chosen.selfHosted === true) {
    assumptions.push(`served by ${chosen.host} on your own hardware: no per-token price`);
    return { ...base, priced: false, status: 'self-hosted', host: chosen.host, offerSource, perCallMicroUsd: null, monthlyMicroUsd: null };
  }
  const hostNote = hostForProvider(call.provider) !== chosen.host && call.provider !== 'unknown' ? ` (no ${call.provider} price listed)` : '';
  const offer = applyDiscounts(chosen, model, config);
  const multiplier = discountMultiplier(chosen, model, config);
  const perCall = perCallCost(call, offer, tokens, assumptions);
  if (perCall === null) {
    return { ...base, priced: false, status: 'unpriced', host: chosen.host, offerSource, perCallMicroUsd: null, monthlyMicroUsd: null };
  }
  assumptions.push(`${model.id} on ${chosen.host}${hostNote}: ${priceLabel(chosen)} (${chosen.source}, ${chosen.asOf})`);
  if (multiplier !== 1) assumptions.push(`negotiated discount ×${round4(multiplier)} from .modelwise.yaml`);
  if (call.inLoop) assumptions.push('inside a loop: calls/month counts requests, not loop runs — set usage to match');
  return {
    ...base,
    priced: true,
    status: 'priced',
    host: chosen.host,
    offerSource,
    prices: {
      inputPerMTok: offer.inputPerMTok,
      outputPerMTok: offer.outputPerMTok,
      cachedInputPerMTok: offer.cachedInputPerMTok,
      batchInputPerMTok: offer.batchInputPerMTok,
      batchOutputPerMTok: offer.batchOutputPerMTok,
    },
    options: costOptions(call, offer, tokens),
    perCallMicroUsd: { low: Math.round(perCall.low), high: Math.round(perCall.high) },
    monthlyMicroUsd: { low: Math.round(perCall.low * usage.callsPerMonth), high: Math.round(perCall.high * usage.callsPerMonth) },
  };
}

/** Per-call cost in fractional micro-USD (rounded by the caller after the monthly product). */
function perCallCost(call: CallSite, offer: Offer, tokens: TokenEstimate, assumptions: string[]): { low: number; high: number } | null {
  const units = UNITS_FOR_API[call.api];
  for (const unit of units ?? []) {
    const cost = unitCostMicroUsd(offer, unit.unit, unit.count);
    if (cost !== null) {
      assumptions.push(unit.label);
      return { low: cost, high: cost };
    }
  }
  if (call.api === 'count-tokens') {
    assumptions.push('token-counting endpoints are not billed');
    return { low: 0, high: 0 };
  }
  if (offer.inputPerMTok === undefined) {
    assumptions.push(`${offer.host} lists no per-token price for this API and no ${units?.map((u) => u.unit).join('/') ?? 'unit'} price`);
    return null;
  }
  const batch = call.api === 'batch';
  const noOutput = tokens.outputHighSource === 'none';
  const low = offerCostExactMicroUsd(offer, tokens.input, noOutput ? 0 : tokens.outputLow, { batch });
  const high = offerCostExactMicroUsd(offer, tokens.input, noOutput ? 0 : tokens.outputHigh, { batch });
  if (low === null || high === null) {
    assumptions.push(`${offer.host} lists no output price for this model`);
    return null;
  }
  assumptions.push(inputAssumption(call, tokens));
  if (tokens.outputHighSource !== 'none') {
    assumptions.push(`output ${formatInt(tokens.outputLow)} tokens at the low end (prior), ${formatInt(tokens.outputHigh)} at the high end (${OUTPUT_SOURCE_LABEL[tokens.outputHighSource]})`);
  }
  if (batch) assumptions.push('batch submission: batch prices where the host lists them');
  const tier = offer.longContext;
  if (tier !== undefined && tokens.input > tier.thresholdTokens) {
    assumptions.push(`prompt above ${formatInt(tier.thresholdTokens)} tokens: long-context price (${tier.rule === 'whole-request' ? 'whole request' : 'excess tokens'})`);
  }
  return { low, high };
}

/** The call's cost with its whole prompt read from cache, and as a batch job, where the offer prices them. */
function costOptions(call: CallSite, offer: Offer, tokens: TokenEstimate): CostEstimate['options'] {
  if (offer.inputPerMTok === undefined || call.api === 'batch' || UNITS_FOR_API[call.api] !== undefined) return undefined;
  const options: NonNullable<CostEstimate['options']> = {};
  if (offer.cachedInputPerMTok !== undefined && tokens.input > 0) {
    const low = offerCostMicroUsd(offer, tokens.input, tokens.outputLow, { cachedInputTokens: tokens.input });
    const high = offerCostMicroUsd(offer, tokens.input, tokens.outputHigh, { cachedInputTokens: tokens.input });
    if (low !== null && high !== null) options.cachedPerCallMicroUsd = { low, high };
  }
  if (offer.batchInputPerMTok !== undefined) {
    const low = offerCostMicroUsd(offer, tokens.input, tokens.outputLow, { batch: true });
    const high = offerCostMicroUsd(offer, tokens.input, tokens.outputHigh, { batch: true });
    if (low !== null && high !== null) options.batchPerCallMicroUsd = { low, high };
  }
  return options.cachedPerCallMicroUsd || options.batchPerCallMicroUsd ? options : undefined;
}

function inputAssumption(call: CallSite, tokens: TokenEstimate): string {
  if (tokens.method === 'prior') {
    return `input built at run time: ${formatInt(tokens.input)} tokens per call assumed (set usage.inputTokens in .modelwise.yaml)`;
  }
  const how =
    tokens.method === 'none'
      ? 'from usage.inputTokens in .modelwise.yaml'
      : tokens.exact
        ? `counted exactly (${tokens.encoding})`
        : `estimated (${tokens.encoding} tokenizer ≈ o200k × factor, ±${Math.round((tokens.band.high - 1) * 100)}%)`;
  const dynamic = call.prompt.hasDynamicParts && tokens.method !== 'none' ? '; parts built at run time are not counted' : '';
  return `input ${formatInt(tokens.input)} tokens ${how}${dynamic}`;
}

function callsAssumption(usage: UsageMatch): string {
  const n = formatInt(usage.callsPerMonth);
  switch (usage.source) {
    case 'usage-id':
      return `${n} calls/month (usage id '${usage.entry?.id ?? ''}')`;
    case 'usage-function':
      return `${n} calls/month (usage for ${usage.entry?.file ?? ''} ${usage.entry?.function ?? ''})`;
    case 'usage-file':
      return `${n} calls/month (usage for ${usage.entry?.file ?? ''})`;
    default:
      return `${n} calls/month (default — set usage in .modelwise.yaml)`;
  }
}

/** "$2.50 in / $10 out per 1M tokens" (unit prices when there is no token price). */
export function priceLabel(offer: Offer): string {
  if (offer.inputPerMTok === undefined) {
    return (offer.unitPrices ?? []).map((u) => `${priceUsd(u.usd)}/${u.unit}`).join(', ');
  }
  const out = offer.outputPerMTok !== undefined ? ` / ${priceUsd(offer.outputPerMTok)} out` : '';
  return `${priceUsd(offer.inputPerMTok)} in${out} per 1M tokens`;
}


function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

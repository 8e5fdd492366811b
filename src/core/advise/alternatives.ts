import type { Model, Offer } from '../catalog/schema';
import type { Config } from '../config/schema';
import type { Engine } from '../engine';
import { offerCostMicroUsd } from '../estimate/cost';
import { applyDiscounts, effectiveOffers, isPricedOffer } from '../estimate/offers';
import { effectiveLicense } from '../license/effective-license';
import { shortLicenseLabel } from '../license/license-label';
import { evaluatePolicy } from '../policy/evaluate';
import type { Alternative, CallSite, CostEstimate, TokenEstimate } from '../types';
import { compareCapability, FRONTIER_BAR, ROUTINE_BAR } from './evidence';

/** What the call uses now. */
export interface CurrentUse {
  model: Model | undefined;
  tokens: TokenEstimate;
  cost: CostEstimate;
}

/** At most this many alternatives per call. */
export const MAX_ALTERNATIVES = 3;
/**
 * A switch must save at least this fraction of the current spend. Below it the difference is inside the token
 * estimate's own uncertainty, and not worth re-validating a prompt on another model.
 */
export const MIN_SAVING_FRACTION = 0.2;

/** APIs whose calls can move to a chat model; embeddings move to embedding models; other APIs get no advice. */
const CHAT_APIS = new Set(['chat', 'responses', 'completion', 'binding', 'batch']);

/**
 * Cheaper models for a call, best first (at most 3).
 *
 * Routine calls: any catalog model (open weights included, which is the point) that is generally available, has the
 * context window, modalities, tool use and structured output the call needs, is at least adequate on the benchmarks
 * it shares with the current model (ROUTINE_BAR), whose license does not fail the workspace policy, and whose
 * cheapest host saves at least MIN_SAVING_FRACTION. Embedding calls move only to open-weight embedding models.
 * Frontier calls: only a cheaper model of the same vendor with the same modalities and tools that is practically as
 * strong (FRONTIER_BAR) — otherwise nothing. Without a priced current estimate there is no saving to show, so no advice.
 *
 * Costs use the call's own token estimate (input counted with the current model's tokenizer; other tokenizers differ
 * by a few percent) and its calls/month.
 */
export function suggestAlternatives(call: CallSite, current: CurrentUse, cls: 'routine' | 'frontier', engine: Engine): Alternative[] {
  const cur = current.model;
  const monthlyNow = current.cost.monthlyMicroUsd;
  if (!cur || !current.cost.priced || monthlyNow === null) return [];
  const nowMid = (monthlyNow.low + monthlyNow.high) / 2;
  if (nowMid <= 0) return [];

  const isEmbedding = call.api === 'embedding' || cur.kind === 'embedding';
  if (!isEmbedding && !CHAT_APIS.has(call.api)) return [];
  if (cls === 'frontier' && isEmbedding) return [];

  const needContext = current.tokens.input + current.tokens.outputLow;
  const out: { alt: Alternative; strength: number }[] = [];
  for (const cand of engine.models.all()) {
    if (cand.id === cur.id || cand.status !== 'ga') continue;
    if (isEmbedding ? !fitsEmbedding(cand) : !fitsChat(call, cand, cur, cls)) continue;
    if (cand.contextWindow === null || cand.contextWindow < needContext) continue;

    const bar = cls === 'routine' ? ROUTINE_BAR : FRONTIER_BAR;
    const cap = compareCapability(cand, cur, bar);
    if (!cap.adequate && !(isEmbedding && cap.meanRatio === null)) continue;

    const priced = cheapestPricing(cand, engine.config, current.tokens, isEmbedding);
    if (!priced) continue;
    // The license as the suggested host would serve it (vendor API terms on the vendor's own API).
    const { license } = effectiveLicense(cand, priced.offer.host, engine);
    const policy = evaluatePolicy(cand, license, engine.config.policy, { multimodal: call.hasImageInput });
    if (policy.verdict === 'fail') continue;

    const calls = current.cost.callsPerMonth;
    const monthly = { low: Math.round(priced.perCall.low * calls), high: Math.round(priced.perCall.high * calls) };
    const saving = Math.round(nowMid - (monthly.low + monthly.high) / 2);
    const fraction = saving / nowMid;
    if (fraction < MIN_SAVING_FRACTION) continue;

    const alt: Alternative = {
      modelId: cand.id,
      name: cand.name,
      licenseId: license?.id ?? cand.license,
      licenseLabel: license ? shortLicenseLabel(license) : cand.license,
      ...(license ? { licenseName: license.name } : {}),
      host: priced.offer.host,
      perCallMicroUsd: priced.perCall,
      monthlyMicroUsd: monthly,
      savingMonthlyMicroUsd: saving,
      savingFraction: Math.round(fraction * 1000) / 1000,
      hostSpread: priced.spread,
      evidence: cap.evidence,
      policy,
    };
    out.push({ alt, strength: cap.meanRatio ?? 0 });
  }
  // Biggest saving (cheapest) first; on a tie, a passing license before a warning, then the stronger evidence.
  out.sort(
    (a, b) =>
      b.alt.savingMonthlyMicroUsd - a.alt.savingMonthlyMicroUsd ||
      verdictRank(a.alt) - verdictRank(b.alt) ||
      b.strength - a.strength ||
      a.alt.modelId.localeCompare(b.alt.modelId),
  );
  return out.slice(0, MAX_ALTERNATIVES).map((o) => o.alt);
}

const verdictRank = (a: Alternative): number => (a.policy.verdict === 'pass' ? 0 : 1);

function fitsEmbedding(cand: Model): boolean {
  return cand.kind === 'embedding' && cand.openWeights;
}

function fitsChat(call: CallSite, cand: Model, cur: Model, cls: 'routine' | 'frontier'): boolean {
  if (cand.kind !== 'chat' && !(cls === 'frontier' && cand.kind === cur.kind)) return false;
  if (call.hasImageInput && !cand.modalities.input.includes('image')) return false;
  if (call.hasTools && cand.toolUse !== true) return false;
  if (call.hasStructuredOutput && cand.structuredOutput !== true) return false;
  if (call.maxOutputTokens !== null && cand.maxOutputTokens !== null && cand.maxOutputTokens < call.maxOutputTokens) return false;
  if (cls === 'frontier') {
    if (cand.vendor !== cur.vendor || cand.kind !== cur.kind) return false;
    if (!cur.modalities.input.every((m) => cand.modalities.input.includes(m))) return false;
    if (cur.toolUse === true && cand.toolUse !== true) return false;
    if (cur.structuredOutput === true && cand.structuredOutput !== true) return false;
  }
  return true;
}

interface Pricing {
  offer: Offer;
  perCall: { low: number; high: number };
  spread: Alternative['hostSpread'];
}

/** The cheapest priced host for the call's tokens (the configured open-model host when it serves the model). */
function cheapestPricing(model: Model, config: Config, tokens: TokenEstimate, isEmbedding: boolean): Pricing | undefined {
  const offers = effectiveOffers(model, config).filter((o) => isPricedOffer(o) && o.inputPerMTok !== undefined);
  if (offers.length === 0) return undefined;
  const outLow = isEmbedding ? 0 : tokens.outputLow;
  const outHigh = isEmbedding ? 0 : Math.min(tokens.outputHigh, model.maxOutputTokens ?? tokens.outputHigh);
  let best: { offer: Offer; perCall: { low: number; high: number } } | undefined;
  const preferred = config.defaults.openModelHost;
  for (const raw of offers) {
    const offer = applyDiscounts(raw, model, config);
    const low = offerCostMicroUsd(offer, tokens.input, outLow);
    const high = offerCostMicroUsd(offer, tokens.input, outHigh);
    if (low === null || high === null) continue;
    const candidate = { offer: raw, perCall: { low, high } };
    if (preferred !== undefined && raw.host === preferred) {
      best = candidate;
      break;
    }
    if (!best || low + high < best.perCall.low + best.perCall.high) best = candidate;
  }
  if (!best) return undefined;
  const inputs = offers.map((o) => o.inputPerMTok as number);
  return { ...best, spread: { hosts: offers.length, minInputPerMTok: Math.min(...inputs), maxInputPerMTok: Math.max(...inputs) } };
}

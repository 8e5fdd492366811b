import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model, Offer } from '../../../src/core/catalog/schema';
import { referenceDir as sharedReferenceDir } from '../../helpers/engine';

/**
 * Test-only access to LiteLLM's public price table (`model_prices_and_context_window.json`, snapshot 2026-07-24) kept in
 * the shared reference folder. It is never a runtime input: the shipped catalog carries its own sourced prices, and this
 * module only lets the tests cross-check them. LiteLLM stores USD per token; everything here is converted to USD per
 * million tokens, the catalog's unit.
 */

/**
 * Where the reference snapshot lives: MODELWISE_REFERENCE_DIR, else ../shared/reference beside the checkout (as in CI),
 * else /work/shared/reference (the shared test helper decides); undefined when none exists.
 */
export const referenceDir: string | undefined = sharedReferenceDir();

/** One LiteLLM entry, reduced to the keys the comparison reads. */
export interface LiteLlmEntry {
  litellm_provider?: string;
  mode?: string;
  [key: string]: unknown;
}

/** The parsed table, or undefined when the reference folder is absent (the caller skips with a message). */
export function loadLiteLlm(dir = referenceDir): Record<string, LiteLlmEntry> | undefined {
  if (dir === undefined) return undefined;
  const file = join(dir, 'litellm_model_prices.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, LiteLlmEntry>;
}

/** The hosts whose offers are the vendor's own API, and how LiteLLM spells their keys and providers. */
const FIRST_PARTY: Record<string, { keys: (name: string) => string[]; providers: string[] }> = {
  openai: { keys: (n) => [n], providers: ['openai'] },
  anthropic: { keys: (n) => [n], providers: ['anthropic'] },
  google: { keys: (n) => [`gemini/${n}`], providers: ['gemini'] },
  mistral: { keys: (n) => [`mistral/${n}`], providers: ['mistral'] },
  xai: { keys: (n) => [`xai/${n}`], providers: ['xai'] },
  deepseek: { keys: (n) => [`deepseek/${n}`, n], providers: ['deepseek'] },
  cohere: { keys: (n) => [n, `cohere/${n}`], providers: ['cohere', 'cohere_chat'] },
};

/** Prefixes that name a vendor or router rather than a model; stripped to get the bare API id from an alias. */
const VENDOR_PREFIX = /^(openai|anthropic|models|gemini|google|mistral|mistralai|xai|x-ai|cohere|deepseek|deepseek-ai)\//;

/** True when `offer` is `model`'s vendor selling its own model through its own API. */
export function isFirstParty(model: Model, offer: Offer): boolean {
  return offer.host === model.vendor && offer.host in FIRST_PARTY;
}

/**
 * Finds the LiteLLM entry for a first-party offer: tries the host's model id, then the canonical id, then each alias
 * (vendor prefixes stripped), in LiteLLM's key spelling for that host, and keeps only entries of that provider.
 */
export function findLiteLlmEntry(
  table: Record<string, LiteLlmEntry>,
  model: Model,
  offer: Offer,
): { key: string; entry: LiteLlmEntry } | undefined {
  const spec = FIRST_PARTY[offer.host];
  if (!spec) return undefined;
  const names: string[] = [];
  for (const raw of [offer.hostModelId, model.id, ...model.aliases]) {
    if (!raw) continue;
    const name = raw.replace(VENDOR_PREFIX, '');
    if (name.includes('/') || names.includes(name)) continue;
    names.push(name);
  }
  for (const name of names) {
    for (const key of spec.keys(name)) {
      const entry = table[key];
      if (entry && spec.providers.includes(entry.litellm_provider ?? '')) return { key, entry };
    }
  }
  return undefined;
}

/** A price field of an offer and the LiteLLM key(s) holding the same price (first present wins). */
const FIELDS: { field: string; read: (o: Offer) => number | undefined; keys: string[] }[] = [
  { field: 'inputPerMTok', read: (o) => o.inputPerMTok, keys: ['input_cost_per_token'] },
  { field: 'outputPerMTok', read: (o) => o.outputPerMTok, keys: ['output_cost_per_token'] },
  { field: 'cachedInputPerMTok', read: (o) => o.cachedInputPerMTok, keys: ['cache_read_input_token_cost', 'input_cost_per_token_cache_hit'] },
  { field: 'cacheWritePerMTok', read: (o) => o.cacheWritePerMTok, keys: ['cache_creation_input_token_cost'] },
  { field: 'cacheWrite1hPerMTok', read: (o) => o.cacheWrite1hPerMTok, keys: ['cache_creation_input_token_cost_above_1hr'] },
  { field: 'batchInputPerMTok', read: (o) => o.batchInputPerMTok, keys: ['input_cost_per_token_batches'] },
  { field: 'batchOutputPerMTok', read: (o) => o.batchOutputPerMTok, keys: ['output_cost_per_token_batches'] },
];

/** One disagreement between the catalog and LiteLLM, in USD per million tokens (undefined = that side has no price). */
export interface PriceDifference {
  field: string;
  ours: number | undefined;
  reference: number | undefined;
}

/** Absolute tolerance in USD per million tokens (float noise only; real price steps are ≥ 0.0001). */
export const TOLERANCE = 1e-9;

function perMTok(entry: LiteLlmEntry, keys: string[]): number | undefined {
  for (const k of keys) {
    const v = entry[k];
    if (typeof v === 'number') return v * 1e6;
  }
  return undefined;
}

/**
 * Compares an offer with its LiteLLM entry. A field differs when both sides price it differently, or when LiteLLM has a
 * non-zero price the offer lacks. A price only the catalog has is not a difference (LiteLLM is often incomplete, e.g.
 * batch prices). Long-context tiers are compared against LiteLLM's `*_above_<N>k_tokens` keys for the same threshold.
 */
export function comparePrices(offer: Offer, entry: LiteLlmEntry): PriceDifference[] {
  const diffs: PriceDifference[] = [];
  const check = (field: string, ours: number | undefined, reference: number | undefined) => {
    if (reference === undefined) return;
    if (ours === undefined) {
      if (reference !== 0) diffs.push({ field, ours, reference });
      return;
    }
    if (Math.abs(ours - reference) > TOLERANCE) diffs.push({ field, ours, reference });
  };
  for (const f of FIELDS) check(f.field, f.read(offer), perMTok(entry, f.keys));
  const lc = offer.longContext;
  const refTier = Object.keys(entry).find((k) => /^input_cost_per_token_above_\d+k_tokens$/.test(k));
  if (!lc && refTier && entry[refTier] !== 0) {
    diffs.push({ field: `longContext (${refTier})`, ours: undefined, reference: perMTok(entry, [refTier]) });
  }
  if (lc) {
    const k = `${Math.round(lc.thresholdTokens / 1000)}k_tokens`;
    check('longContext.inputPerMTok', lc.inputPerMTok, perMTok(entry, [`input_cost_per_token_above_${k}`]));
    check('longContext.outputPerMTok', lc.outputPerMTok, perMTok(entry, [`output_cost_per_token_above_${k}`]));
    check('longContext.cachedInputPerMTok', lc.cachedInputPerMTok, perMTok(entry, [`cache_read_input_token_cost_above_${k}`]));
  }
  return diffs;
}

import type { Model, Offer } from '../catalog/schema';
import type { Config } from '../config/schema';

/** Runtimes that serve a model on the user's own hardware: no per-token price, status 'self-hosted'. */
export const SELF_HOSTED_PROVIDERS: ReadonlySet<string> = new Set(['ollama', 'vllm', 'lmstudio', 'llamacpp', 'localai', 'tgi']);

/** The catalog host that serves a call made through `provider`, where the two names differ. */
const HOST_FOR_PROVIDER: Readonly<Record<string, string>> = {
  'azure-openai': 'azure',
  'google-vertex': 'vertex',
  'vertex-ai': 'vertex',
  gemini: 'google',
  'together-ai': 'together',
  together_ai: 'together',
  fireworks_ai: 'fireworks',
  'fireworks-ai': 'fireworks',
  'amazon-bedrock': 'bedrock',
  zhipu: 'zai',
  'z-ai': 'zai',
};

/** The vendor's own API host, where it differs from the vendor id (meta and other open-only vendors have none). */
const HOST_FOR_VENDOR: Readonly<Record<string, string>> = {
  zhipu: 'zai',
};

/** Maps a scanner provider id to a catalog host id. */
export function hostForProvider(provider: string): string {
  return HOST_FOR_PROVIDER[provider] ?? provider;
}

/** True when an offer has a per-token price (or unit prices) — i.e. it can be priced at all. */
export function isPricedOffer(o: Offer): boolean {
  return o.selfHosted !== true && (o.inputPerMTok !== undefined || (o.unitPrices?.length ?? 0) > 0);
}

/** Does a config entry's model name (an id or alias, any case) name this model? */
export function namesModel(model: Model, name: string): boolean {
  const n = name.toLowerCase();
  return model.id.toLowerCase() === n || model.aliases.some((a) => a.toLowerCase() === n);
}

/**
 * The model's offers with `.modelwise.yaml` price overrides applied: an override with a host replaces that host's
 * token prices (or adds the host); one without a host replaces the prices of every offer. Overridden offers carry
 * `source: '.modelwise.yaml'`.
 */
export function effectiveOffers(model: Model, config: Config): Offer[] {
  let offers = model.offers.slice();
  for (const p of config.prices) {
    if (!namesModel(model, p.model)) continue;
    const patch = {
      inputPerMTok: p.inputPerMTok,
      outputPerMTok: p.outputPerMTok,
      cachedInputPerMTok: p.cachedInputPerMTok,
      batchInputPerMTok: undefined,
      batchOutputPerMTok: undefined,
      longContext: undefined,
      source: '.modelwise.yaml',
      asOf: 'workspace',
    };
    if (p.host === undefined) {
      offers = offers.length > 0 ? offers.map((o) => ({ ...o, ...patch, selfHosted: false })) : [{ host: model.vendor, ...patch }];
    } else if (offers.some((o) => o.host === p.host)) {
      offers = offers.map((o) => (o.host === p.host ? { ...o, ...patch, selfHosted: false } : o));
    } else {
      offers.push({ host: p.host, ...patch });
    }
  }
  return offers;
}

/**
 * Picks the offer a call is billed at:
 * 1. the host the call actually reaches (OpenAI client → openai, Bedrock → bedrock, Together → together, …);
 *    a self-hosted runtime (ollama, vllm) gives a self-hosted offer even when the catalog lists none;
 * 2. else the vendor's own API;
 * 3. else, for open-weight models, `defaults.openModelHost` from the config;
 * 4. else the cheapest priced host (by input + output price per 1M tokens).
 * Returns undefined when the model has no offer at all. Discounts are NOT applied here (see applyDiscounts).
 */
export function chooseOffer(model: Model, opts: { provider?: string; config: Config }): Offer | undefined {
  const offers = effectiveOffers(model, opts.config);
  const provider = opts.provider !== undefined && opts.provider !== 'unknown' ? hostForProvider(opts.provider) : undefined;
  if (provider !== undefined) {
    const own = offers.find((o) => o.host === provider);
    if (own) return own;
    if (SELF_HOSTED_PROVIDERS.has(provider)) {
      return { host: provider, selfHosted: true, source: model.sources[0]?.url ?? 'catalog', asOf: model.sources[0]?.asOf ?? '' };
    }
  }
  const vendorHost = HOST_FOR_VENDOR[model.vendor] ?? model.vendor;
  const vendor = offers.find((o) => o.host === vendorHost && isPricedOffer(o));
  if (vendor) return vendor;
  const preferred = opts.config.defaults.openModelHost;
  if (model.openWeights && preferred !== undefined) {
    const hit = offers.find((o) => o.host === preferred && isPricedOffer(o));
    if (hit) return hit;
  }
  return cheapestOffer(offers) ?? offers[0];
}

/** The priced offer with the lowest input + output price per 1M tokens, or undefined. */
export function cheapestOffer(offers: readonly Offer[]): Offer | undefined {
  let best: Offer | undefined;
  let bestPrice = Infinity;
  for (const o of offers) {
    if (!isPricedOffer(o) || o.inputPerMTok === undefined) continue;
    const price = o.inputPerMTok + (o.outputPerMTok ?? 0);
    if (price < bestPrice) {
      best = o;
      bestPrice = price;
    }
  }
  return best;
}

/** The product of every `.modelwise.yaml` discount that matches the model (id/alias), its vendor or the offer's host. */
export function discountMultiplier(offer: Offer, model: Model, config: Config): number {
  let m = 1;
  for (const d of config.discounts) {
    if (d.model !== undefined && !namesModel(model, d.model)) continue;
    if (d.vendor !== undefined && d.vendor.toLowerCase() !== model.vendor.toLowerCase()) continue;
    if (d.host !== undefined && d.host.toLowerCase() !== offer.host.toLowerCase()) continue;
    m *= d.multiplier;
  }
  return m;
}

/**
 * The offer with negotiated discounts applied: every matching discount multiplies every price (token, cached, batch,
 * long-context and unit prices). An entry listing several keys must match all of them.
 */
export function applyDiscounts(offer: Offer, model: Model, config: Config): Offer {
  const m = discountMultiplier(offer, model, config);
  if (m === 1) return offer;
  const scale = (v: number | undefined): number | undefined => (v === undefined ? undefined : v * m);
  return {
    ...offer,
    inputPerMTok: scale(offer.inputPerMTok),
    outputPerMTok: scale(offer.outputPerMTok),
    cachedInputPerMTok: scale(offer.cachedInputPerMTok),
    cacheWritePerMTok: scale(offer.cacheWritePerMTok),
    cacheWrite1hPerMTok: scale(offer.cacheWrite1hPerMTok),
    batchInputPerMTok: scale(offer.batchInputPerMTok),
    batchOutputPerMTok: scale(offer.batchOutputPerMTok),
    reasoningPerMTok: scale(offer.reasoningPerMTok),
    longContext: offer.longContext && {
      ...offer.longContext,
      inputPerMTok: offer.longContext.inputPerMTok * m,
      outputPerMTok: offer.longContext.outputPerMTok * m,
      cachedInputPerMTok: scale(offer.longContext.cachedInputPerMTok),
    },
    unitPrices: offer.unitPrices?.map((u) => ({ ...u, usd: u.usd * m })),
  };
}

import type { License, Model } from '../catalog/schema';
import type { Engine } from '../engine';

/** Which license governs a call, and why. */
export interface EffectiveLicense {
  license: License | undefined;
  /** True when the vendor's API terms replace the weights license (the call goes to the vendor's own API). */
  viaVendorApi: boolean;
}

/**
 * The license that governs a model as the call uses it. A model with a weights license (Mistral Large under the
 * Mistral Research License, Command A under CC-BY-NC) is commercially usable through the vendor's own paid API, where
 * the vendor's API terms apply instead; through a third-party host or self-hosted weights, the weights license applies.
 * The vendor's API terms are the catalog's `proprietary-api` license whose id starts with the vendor id
 * (`mistral-api-terms`, `cohere-api-terms`, `google-gemini-api-terms`). `host` is the catalog host the call is billed
 * at (CostEstimate.host); unknown host → the model's own license.
 */
export function effectiveLicense(model: Model, host: string | null | undefined, engine: Pick<Engine, 'catalog' | 'config' | 'models'>): EffectiveLicense {
  const own = engine.models.license(model.license);
  if (host !== model.vendor || own?.kind === 'proprietary-api') return { license: own, viaVendorApi: false };
  const all = [...engine.config.licenses, ...engine.catalog.licenses];
  const api = all.find((l) => l.kind === 'proprietary-api' && l.id.toLowerCase().startsWith(`${model.vendor.toLowerCase()}-`));
  return api ? { license: api, viaVendorApi: true } : { license: own, viaVendorApi: false };
}

import type { Config } from '../config/schema';
import type { Catalog, License, Model } from './schema';

/**
 * Finds catalog models by the spellings real code uses. Resolution is exact after normalisation — case, provider
 * namespaces (`openai/`, `models/`, `together_ai/`, `accounts/fireworks/models/`), Bedrock region and vendor prefixes,
 * Vertex `@version` and Ollama `:latest` suffixes. It never guesses a *different* model: an id that does not normalise
 * to a known id or alias stays unknown (and is reported as unpriced, never $0).
 */
export interface ModelIndex {
  /** The model a call's model string names, or undefined when the catalog (and config) do not know it. */
  resolve(model: string, provider?: string): Model | undefined;
  /** A model by canonical id (case-insensitive). */
  get(id: string): Model | undefined;
  /** A license by catalog id (config licenses included). */
  license(licenseId: string): License | undefined;
  /** Every model: catalog first, then the config's private models (which win on an id clash). */
  all(): Model[];
}

/** Bedrock cross-region inference profile prefixes (`us.anthropic.claude-…`). */
const BEDROCK_REGION = /^(us|eu|apac|us-gov|jp|au|ca|global)\./;
/** Bedrock model ids: `vendor.model` with a `-v1:0` version suffix (only the `-vN:M` form is stripped, so
 * `anthropic.claude-v2` never turns into a bare `claude`). */
const BEDROCK_VENDOR = /^(anthropic|meta|amazon|mistral|cohere|ai21|deepseek|qwen|openai|writer|twelvelabs|stability|luma)\./;
const BEDROCK_VERSION = /-v\d+:\d+$/;

/** Creates the lookup index. Cheap: one pass over ids, aliases and host-specific ids. */
export function createModelIndex(catalog: Catalog, config?: Config): ModelIndex {
  const byKey = new Map<string, Model>();
  const byHostId = new Map<string, Model>();
  const byId = new Map<string, Model>();
  const models: Model[] = [];
  const add = (m: Model, override: boolean): void => {
    const id = m.id.toLowerCase();
    const previous = byId.get(id);
    if (previous && !override) return;
    if (previous) models.splice(models.indexOf(previous), 1);
    byId.set(id, m);
    models.push(m);
    for (const name of [m.id, ...m.aliases]) {
      const key = name.toLowerCase();
      if (override || !byKey.has(key)) byKey.set(key, m);
    }
    for (const offer of m.offers) {
      if (!offer.hostModelId) continue;
      const key = offer.hostModelId.toLowerCase();
      if (override || !byHostId.has(key)) byHostId.set(key, m);
    }
  };
  for (const m of catalog.models) add(m, false);
  for (const m of config?.models ?? []) add(m, true);

  const licenses = new Map<string, License>();
  for (const l of catalog.licenses) licenses.set(l.id, l);
  for (const l of config?.licenses ?? []) licenses.set(l.id, l);

  const exact = (key: string): Model | undefined => byKey.get(key) ?? byHostId.get(key);

  return {
    resolve(model: string, _provider?: string): Model | undefined {
      for (const candidate of spellings(model)) {
        const hit = exact(candidate);
        if (hit) return hit;
      }
      return undefined;
    },
    get: (id) => byId.get(id.toLowerCase()),
    license: (id) => licenses.get(id),
    all: () => models.slice(),
  };
}

/**
 * The normalised spellings of a model string, most specific first. Each step only removes a namespace, region,
 * or packaging suffix that does not change which model is meant.
 */
export function spellings(raw: string): string[] {
  const out: string[] = [];
  const push = (s: string): void => {
    if (s.length > 0 && !out.includes(s)) out.push(s);
  };
  let s = raw.trim().toLowerCase();
  push(s);
  s = s.replace(/^accounts\/[^/]+\/models\//, '');
  push(s);
  // Namespaces: `models/gemini-…`, LiteLLM `provider/model`, OpenRouter `vendor/model`, `together_ai/meta-llama/…`.
  let rest = s;
  while (rest.includes('/')) {
    rest = rest.slice(rest.indexOf('/') + 1);
    push(rest);
    pushVariants(rest, push);
  }
  pushVariants(s, push);
  return out;
}

function pushVariants(s: string, push: (s: string) => void): void {
  if (s.endsWith(':latest')) push(s.slice(0, -':latest'.length));
  if (s.includes('@')) push(s.replace('@', '-'));
  const noRegion = s.replace(BEDROCK_REGION, '');
  push(noRegion);
  if (BEDROCK_VENDOR.test(noRegion)) {
    const noVendor = noRegion.replace(BEDROCK_VENDOR, '');
    push(noVendor);
    push(noVendor.replace(BEDROCK_VERSION, ''));
  }
}

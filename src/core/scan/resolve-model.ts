import type { ModelSource, ProviderId, UnresolvedImport } from '../types';
import { callArgs, objectEntries, type CallArgs } from './call-args';
import type { Evaluator } from './evaluate';
import type { ModelArg } from './sdk-patterns';
import { FACTORY_METHODS, MODEL_FACTORIES, providerForUrl, providerFromModelString } from './providers';
import type { SNode } from './syntax-tree';
import { signature, type Val } from './values';

/** The model id of a call as far as the file tells. */
export interface ModelInfo {
  model: string | null;
  source: ModelSource;
  lit?: SNode;
  modelImport?: UnresolvedImport;
  /** Provider implied by the value itself (a Vercel AI provider factory). */
  provider?: ProviderId;
  /** The argument node that held the model (excluded from prompt text). */
  node?: SNode;
  /** Vercel AI factory method used (`responses` in `openai.responses('o3')`). */
  factoryMethod?: string;
}

/** Vercel AI wrappers whose `model` option is the real model, and registries that take `provider:model` ids. */
const MODEL_WRAPPERS = new Set(['ai.wrapLanguageModel', 'ai.experimental_wrapLanguageModel', 'ai.wrapEmbeddingModel']);
const REGISTRY = /^ai\.(experimental_)?(createProviderRegistry|customProvider)\(\)\.(languageModel|textEmbeddingModel|embeddingModel|imageModel)$/;

/** No model known (the honest answer when the code does not say). */
export const NO_MODEL: ModelInfo = { model: null, source: 'unknown' };

/** The argument node holding the model, per the row's ModelArg. */
export function modelArgNode(args: CallArgs, spec: ModelArg): SNode | undefined {
  for (const k of spec.keys) {
    const n = args.bag.get(k);
    if (n) return n;
  }
  if (spec.position !== undefined) {
    const p = args.positional[spec.position];
    if (p) return p;
  }
  return undefined;
}

/** Interprets a model argument's value: literal, constant, default, env default, provider factory, or import. */
export function modelFromNode(ev: Evaluator, node: SNode): ModelInfo {
  const v = ev.eval(node);
  return modelFromVal(ev, v, ev.unwrap(node), 0);
}

function modelFromVal(ev: Evaluator, v: Val, node: SNode, depth: number): ModelInfo {
  if (v.k === 'str') {
    const direct = v.lit !== undefined && v.lit === node;
    return { model: v.value, source: direct ? 'literal' : v.source === 'literal' ? 'constant' : v.source, lit: v.lit, node };
  }
  if (v.k !== 'ref' || depth > 4) return { ...NO_MODEL, node };
  if (v.root.k === 'inst' && v.path.length === 0 && v.root.ctor.k === 'ref') {
    const ctorSig = signature(ev.index.family, v.root.ctor, ev.index.text) ?? '';
    const args = callArgs(ev, v.root.call);
    if (MODEL_WRAPPERS.has(ctorSig)) {
      const inner = args.bag.get('model');
      if (inner) return { ...modelFromVal(ev, ev.eval(inner), ev.unwrap(inner), depth + 1), node };
    }
    const custom = /^ai\.customProvider\(\)\.(\w+)$/.exec(ctorSig);
    if (custom && args.positional[0] && v.root.ctor.root.k === 'inst') {
      // customProvider({ languageModels: { 'chat-model': openai('gpt-4o-mini') } }).languageModel('chat-model')
      const alias = ev.eval(args.positional[0]);
      const opts = callArgs(ev, v.root.ctor.root.call);
      for (const group of ['languageModels', 'textEmbeddingModels', 'imageModels', 'embeddingModels']) {
        const g = opts.bag.get(group);
        const gv = g ? ev.eval(g) : undefined;
        const entry = gv?.k === 'obj' && alias.k === 'str' ? ev.entry(gv, alias.value) : undefined;
        if (entry) return { ...modelFromVal(ev, ev.eval(entry), ev.unwrap(entry), depth + 1), node };
      }
      return { ...NO_MODEL, node };
    }
    if (REGISTRY.test(ctorSig) && args.positional[0]) {
      const id = modelFromNode(ev, args.positional[0]);
      if (id.model) {
        const m = /^([\w\-.]+):(.+)$/.exec(id.model);
        return { ...id, model: m ? m[2]! : id.model, provider: m ? providerFromModelString(`${m[1]}:x`, false) ?? m[1] : undefined, node };
      }
    }
  }
  if (v.root.k === 'inst' && v.path.length === 0 && v.root.ctor.k === 'ref') {
    // `myProvider.languageModel('title-model')` with myProvider imported: resolved across files.
    const c = v.root.ctor;
    const first = callArgs(ev, v.root.call).positional[0];
    const alias = first ? ev.eval(first) : undefined;
    if (c.root.k === 'module' && c.root.names.length === 1 && c.path.length === 1 && /Model$/.test(c.path[0]!) && alias?.k === 'str' && isLocalModule(ev, c.root.module))
      return { model: null, source: 'unknown', modelImport: { module: c.root.module, name: `${c.root.names[0]}.${c.path[0]}(${alias.value})` }, node };
  }
  const factory = factoryProvider(ev, v);
  if (factory && v.root.k === 'inst') {
    const args = callArgs(ev, v.root.call);
    const first = args.positional[0] ?? args.bag.get('model') ?? args.bag.get('modelId');
    const inner = first ? modelFromNode(ev, first) : NO_MODEL;
    const method = v.root.ctor.k === 'ref' ? v.root.ctor.path[v.root.ctor.path.length - 1] : undefined;
    return { ...inner, provider: factory, node, ...(method && FACTORY_METHODS.has(method) ? { factoryMethod: method } : {}) };
  }
  if (v.root.k === 'module' && isLocalModule(ev, v.root.module)) {
    const segs = [...v.root.names, ...v.path];
    if (segs.length === 1) return { model: null, source: 'unknown', modelImport: { module: v.root.module, name: segs[0]! }, node };
    // JS: `import { MODELS } from './config'; MODELS.fast` → the exported object's key.
    if (ev.index.family === 'js' && segs.length <= 3) return { model: null, source: 'unknown', modelImport: { module: v.root.module, name: segs.join('.') }, node };
    // Python: `from app import settings; settings.MODEL` or `import app.settings; app.settings.MODEL`.
    if (ev.index.family === 'py' && segs.length >= 2 && segs.length <= 4) {
      const module = [v.root.module, ...segs.slice(0, -1)].join('.').replace(/^(\.+)\./, '$1');
      return { model: null, source: 'unknown', modelImport: { module, name: segs[segs.length - 1]! }, node };
    }
  }
  return { ...NO_MODEL, node };
}

/** Vercel AI provider instances commonly re-exported from an app's own module, by export name. */
const PROVIDER_NAMES: Record<string, string> = {
  openai: 'openai', anthropic: 'anthropic', google: 'google', vertex: 'vertex', mistral: 'mistral', groq: 'groq', xai: 'xai', deepseek: 'deepseek',
  azure: 'azure-openai', bedrock: 'bedrock', ollama: 'ollama', openrouter: 'openrouter', together: 'together', togetherai: 'together', fireworks: 'fireworks',
  perplexity: 'perplexity', cohere: 'cohere', cerebras: 'cerebras', gateway: 'unknown',
};

/** Relative imports and first-party-looking modules (not a package the SDK table knows). */
function isLocalModule(ev: Evaluator, module: string): boolean {
  if (module.startsWith('.')) return true;
  if (ev.index.family === 'js') return module.startsWith('@/') || module.startsWith('~/') || module.startsWith('src/');
  return !/^(os|sys|openai|anthropic|google|langchain|litellm|boto3|mistralai|cohere|vertexai|groq|together|llama_index|typing|enum)\b/.test(module);
}

/** Provider of a Vercel AI provider-factory call (`openai('gpt-4o')`, `createOpenAI({...})('x')`, `openai.chat('x')`). */
export function factoryProvider(ev: Evaluator, v: Extract<Val, { k: 'ref' }>): ProviderId | undefined {
  if (v.root.k !== 'inst' || v.path.length > 0) return undefined;
  const ctor = v.root.ctor;
  if (ctor.k !== 'ref') return undefined;
  let sig = signature(ev.index.family, ctor, ev.index.text);
  if (!sig) return undefined;
  let direct = MODEL_FACTORIES[sig];
  if (!direct) {
    const last = sig.lastIndexOf('.');
    if (last > 0 && FACTORY_METHODS.has(sig.slice(last + 1))) {
      sig = sig.slice(0, last);
      direct = MODEL_FACTORIES[sig];
    }
  }
  if (!direct) {
    // Any other first-party AI SDK provider package: @ai-sdk/luma → luma('photon-flash-1'), createLuma()(...).
    const pkg = /^@ai-sdk\/([\w-]+)\.\w+(\(\))?$/.exec(sig);
    if (pkg && !['openai-compatible', 'provider', 'provider-utils', 'react', 'ui-utils', 'rsc'].includes(pkg[1]!)) return pkg[1]!;
    // A provider re-exported from a local module (`import { openai } from '@/lib/ai'`), named after its vendor.
    const r = ctor.root;
    const name = r.k === 'module' && r.names.length > 0 && ctor.path.length === 0 && isLocalModule(ev, r.module) ? r.names[r.names.length - 1] : undefined;
    return name ? PROVIDER_NAMES[name] : undefined;
  }
  if (sig.endsWith('()')) {
    // A creator's own options may point at another host: createOpenAI({ baseURL: 'https://api.groq.com/openai/v1' }).
    const base = ctor.root;
    if (base.k === 'inst') {
      const createArgs = callArgs(ev, base.call);
      const url = baseUrlOf(ev, createArgs);
      const byHost = url ? providerForUrl(url) : undefined;
      if (byHost) return byHost;
      // A base URL that is set but not knowable (an env var): some gateway, not the vendor's own API.
      if (!url && ['baseURL', 'baseUrl'].some((k) => createArgs.bag.has(k))) return 'unknown';
      const nameNode = callArgs(ev, base.call).bag.get('name');
      const name = nameNode ? ev.eval(nameNode) : undefined;
      if (direct === 'unknown' && name?.k === 'str') return name.value;
    }
  }
  return direct;
}

/** `base_url` / `baseURL` / `azure_endpoint` / … of a client constructor, as text or a static prefix. */
export function baseUrlOf(ev: Evaluator, args: CallArgs): string | undefined {
  // LangChain.js nests client options: new ChatOpenAI({ configuration: { baseURL } }); LlamaIndex uses additionalSessionOptions.
  for (const nest of ['configuration', 'clientOptions', 'client_kwargs', 'openai_api_base']) {
    const n = args.bag.get(nest);
    const v = n ? ev.eval(n) : undefined;
    if (v?.k === 'obj') {
      const inner = baseUrlOf(ev, { bag: objectEntries(ev, v), positional: [] });
      if (inner) return inner;
    } else if (v?.k === 'str' && nest === 'openai_api_base') return v.value;
  }
  for (const k of ['base_url', 'baseURL', 'baseUrl', 'api_base', 'azure_endpoint', 'endpoint', 'host', 'server_url', 'serverURL', 'url']) {
    const n = args.bag.get(k);
    if (!n) continue;
    const v = ev.eval(n);
    if (v.k === 'str') return v.value;
    if (v.k === 'partial') return v.prefix || v.text;
  }
  return undefined;
}

import type { UnresolvedImport } from '../types';
import { callArgs, objectEntries, type CallArgs } from './call-args';
import type { Evaluator } from './evaluate';
import type { ProgramIndex } from './program-index';
import { providerForUrl } from './providers';
import { baseUrlOf, modelFromNode } from './resolve-model';
import { signature } from './values';

/**
 * What a file offers to other files in audit mode: string constants, model objects, clients and re-exports. Computed
 * once per scan from the module-level bindings.
 */

/** Who serves requests made with a client constructed by `sig` (when not decided by a base URL). */
const CLIENT_PROVIDERS: [RegExp, string][] = [
  [/^openai\.(Async)?AzureOpenAI$/, 'azure-openai'], [/^anthropic(-bedrock)?\.(Async)?AnthropicBedrock$|^anthropic-bedrock\.default$/, 'bedrock'],
  [/^anthropic(-vertex)?\.(Async)?AnthropicVertex$|^anthropic-vertex\.default$/, 'vertex'], [/^groq\./, 'groq'], [/^together\./, 'together'],
  [/^fireworks\./, 'fireworks'], [/^cerebras\./, 'cerebras'], [/^mistralai\./, 'mistral'], [/^cohere\./, 'cohere'], [/^voyageai\./, 'voyage'],
  [/^ollama\./, 'ollama'], [/^huggingface_hub\./, 'huggingface'],
];

/** Module-level clients and the provider they reach (`groq_client = OpenAI(base_url="https://api.groq.com/...")`). */
export function clientExports(ev: Evaluator, index: ProgramIndex): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, defs] of index.root.vars) {
    const last = defs[defs.length - 1];
    if (!last || last.k !== 'value') continue;
    const v = ev.eval(last.node);
    if (v.k !== 'ref' || v.root.k !== 'inst' || v.path.length > 0 || v.root.ctor.k !== 'ref') continue;
    const args = callArgs(ev, v.root.call);
    const url = baseUrlOf(ev, args);
    const sig = signature(index.family, v.root.ctor, index.text) ?? '';
    const provider = (url ? providerForUrl(url) : undefined) ?? (sig.startsWith('google.genai.') && isVertexClient(ev, args) ? 'vertex' : undefined) ?? CLIENT_PROVIDERS.find(([re]) => re.test(sig))?.[1];
    if (provider) out[name] = provider;
  }
  return out;
}

/** `genai.Client(vertexai=True, ...)` / `new GoogleGenAI({ vertexai: true })`. */
export function isVertexClient(ev: Evaluator, args: CallArgs): boolean {
  const n = args.bag.get('vertexai');
  const v = n ? ev.eval(n) : undefined;
  return v?.k === 'bool' ? v.value : !!n && v?.k !== 'unknown';
}

/** Module-level string constants (and flattened object constants), as other files' imports read them. */
export function moduleExports(ev: Evaluator, index: ProgramIndex): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, defs] of index.root.vars) {
    const last = defs[defs.length - 1];
    if (!last || last.k !== 'value') continue;
    // Same rule as a use at the end of the module: a value set on a branch with alternatives is not exported.
    const v = ev.evalName(name, { ...last.node, start: index.root.node.end, parent: index.root.node });
    if (v.k === 'str') out[name] = v.value;
    else if (v.k === 'obj') flattenObject(ev, v, name, out, 0);
    else if (v.k === 'ref' && v.root.k === 'inst' && v.root.ctor.k === 'class') {
      // A settings object made from a local class: `settings = Settings()`; `settings.model` defaults.
      for (const [attr] of v.root.ctor.cls.attrs) {
        const av = ev.member(v, attr);
        if (av.k === 'str') out[`${name}.${attr}`] = av.value;
      }
    }
  }
  if (index.family === 'js') {
    // CommonJS: module.exports = { A: '...' }, module.exports.A = '...', exports.A = '...'.
    for (const stmt of index.root.node.kids) {
      if (stmt.type === 'export_statement' && stmt.kids.some((k) => k.type === 'default' || k.field === 'value')) {
        // export default { llm: { model: '...' } } / export default config
        const value = stmt.kids.find((k) => k.field === 'value') ?? stmt.kids.filter((k) => k.named && k.type !== 'comment').pop();
        const v = value ? ev.eval(value) : undefined;
        if (v?.k === 'str') out['default'] = v.value;
        else if (v?.k === 'obj') flattenObject(ev, v, 'default', out, 0);
        continue;
      }
      const asg = stmt.type === 'expression_statement' ? stmt.kids.find((k) => k.type === 'assignment_expression') : undefined;
      const left = asg?.kids.find((k) => k.field === 'left');
      const right = asg?.kids.find((k) => k.field === 'right');
      if (!left || !right) continue;
      const target = ev.t(left).replace(/\s+/g, '');
      const v = ev.eval(right);
      if (target === 'module.exports' && v.k === 'obj') {
        for (const [k, n] of objectEntries(ev, v)) {
          const kv = ev.eval(n);
          if (kv.k === 'str') out[k] = kv.value;
        }
      } else {
        const m = /^(?:module\.)?exports\.(\w+)$/.exec(target);
        if (m && v.k === 'str') out[m[1]!] = v.value;
      }
    }
  }
  return out;
}

/** `MODELS = { fast: '...', nested: { a: '...' } }` → `MODELS.fast`, `MODELS.nested.a`. */
function flattenObject(ev: Evaluator, obj: Extract<ReturnType<Evaluator['eval']>, { k: 'obj' }>, prefix: string, out: Record<string, string>, depth: number): void {
  if (depth > 2) return;
  for (const [k, n] of objectEntries(ev, obj)) {
    const v = ev.eval(n);
    if (v.k === 'str') out[`${prefix}.${k}`] = v.value;
    else if (v.k === 'obj') flattenObject(ev, v, `${prefix}.${k}`, out, depth + 1);
  }
}

/** Module-level model objects (`export const model = openai('gpt-4o')`), for files that import them. */
export function modelExports(ev: Evaluator, index: ProgramIndex): Record<string, { model: string; provider?: string }> {
  const out: Record<string, { model: string; provider?: string }> = {};
  for (const [name, defs] of index.root.vars) {
    const last = defs[defs.length - 1];
    if (!last || last.k !== 'value') continue;
    const v = ev.eval(last.node);
    if (v.k !== 'ref' || v.root.k !== 'inst') continue;
    const ctorSig = v.root.ctor.k === 'ref' ? signature(index.family, v.root.ctor, index.text) : null;
    if (ctorSig === 'ai.customProvider' || ctorSig === 'ai.experimental_customProvider') {
      // Aliases of a custom provider, keyed the way callers reach them: `myProvider.languageModel(title-model)`.
      const opts = callArgs(ev, v.root.call);
      for (const [group, method] of [['languageModels', 'languageModel'], ['textEmbeddingModels', 'textEmbeddingModel'], ['imageModels', 'imageModel']] as const) {
        const g = opts.bag.get(group);
        const gv = g ? ev.eval(g) : undefined;
        if (gv?.k !== 'obj') continue;
        for (const [alias, n] of objectEntries(ev, gv)) {
          const info = modelFromNode(ev, n);
          if (info.model && info.provider) out[`${name}.${method}(${alias})`] = { model: info.model, provider: info.provider };
        }
      }
      continue;
    }
    const info = modelFromNode(ev, last.node);
    if (info.model && info.provider) out[name] = { model: info.model, provider: info.provider };
  }
  return out;
}

/** `export * from './x'` targets. */
export function starReexports(ev: Evaluator, index: ProgramIndex): string[] {
  const out: string[] = [];
  if (index.family !== 'js') return out;
  for (const stmt of index.root.node.kids) {
    if (stmt.type !== 'export_statement' || stmt.kids.some((k) => k.type === 'export_clause' || k.type === 'namespace_export')) continue;
    const src = stmt.kids.find((k) => k.field === 'source');
    if (src && ev.t(stmt).replace(/\s+/g, ' ').startsWith('export * from')) out.push(ev.t(src).slice(1, -1));
  }
  return out;
}

/** Names imported (or re-exported by name) from other modules. */
export function moduleImports(ev: Evaluator, index: ProgramIndex): Record<string, UnresolvedImport> {
  const out: Record<string, UnresolvedImport> = {};
  for (const [name, defs] of index.root.vars) {
    const last = defs[defs.length - 1];
    if (last?.k === 'import' && last.names.length === 1) out[name] = { module: last.module, name: last.names[0]! };
  }
  if (index.family === 'js') {
    // Named re-exports: export { A, B as C } from './models'.
    for (const stmt of index.root.node.kids) {
      if (stmt.type !== 'export_statement') continue;
      const src = stmt.kids.find((k) => k.field === 'source');
      const clause = stmt.kids.find((k) => k.type === 'export_clause');
      if (!src || !clause) continue;
      for (const spec of clause.kids) {
        const nm = spec.kids.find((k) => k.field === 'name');
        const alias = spec.kids.find((k) => k.field === 'alias');
        if (nm) out[ev.t(alias ?? nm)] = { module: ev.t(src).slice(1, -1), name: ev.t(nm) };
      }
    }
  }
  return out;
}

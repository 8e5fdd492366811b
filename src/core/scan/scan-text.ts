import type { Api, CallSite, LanguageId, UnresolvedImport } from '../types';
import { callArgs, type CallArgs } from './call-args';
import { siteFrame } from './call-context';
import { clientExports, isVertexClient, modelExports, moduleExports, moduleImports, starReexports } from './module-exports';
import { Evaluator } from './evaluate';
import { extractFacts } from './extract-facts';
import { matchHttp, SENDERS } from './http-calls';
import { calleeName, matchCall, providerHint, receiverRow, type CallMatch } from './match-call';
import type { ParserSet } from './parsers';
import { buildIndex, type ProgramIndex } from './program-index';
import { baseUrlOf, modelArgNode, modelFromNode, NO_MODEL, type ModelInfo } from './resolve-model';
import { SDK_PATTERNS, indexPatterns, type PatternIndex } from './sdk-patterns';
import { providerForUrl, providerFromModelString } from './providers';
import { copyTree, type SNode } from './syntax-tree';
import { signature } from './values';
import { languageFamily } from './languages';

/** What scanning one file yields. */
export interface ScanResult {
  calls: CallSite[];
  /** Module-level string constants (name → value), so other files' imports of them resolve in audit mode. */
  exports: Record<string, string>;
  /** Names imported from other modules (local name → module + original name). */
  imports: Record<string, UnresolvedImport>;
  /** Module-level model objects (Vercel AI `export const model = openai('gpt-4o')`): name → model and provider. */
  modelExports?: Record<string, { model: string; provider?: string }>;
  /** Module-level clients whose provider is known from their constructor or base URL: name → provider. */
  clientExports?: Record<string, string>;
  /** Modules re-exported wholesale (`export * from './models'`). */
  reexports?: string[];
  /** Calls the scanner had to skip because of an internal error, with file:line:column (the rest of the file is scanned). */
  warnings?: string[];
  /** Set when the file could not be parsed (no parser for the language). */
  error?: string;
}

const patternIndexes: Partial<Record<'py' | 'js', PatternIndex>> = {};
function patternsFor(family: 'py' | 'js'): PatternIndex {
  return (patternIndexes[family] ??= indexPatterns(SDK_PATTERNS, family));
}

let callNames: Set<string> | undefined;
/** Every name a matching call can end in (SDK methods, constructors, binding methods, HTTP senders, thunks). A call
 * whose method name is not among them is skipped without evaluating it: most calls in a file are `len`, `.strip()`, … */
function possibleNames(): Set<string> {
  if (callNames) return callNames;
  callNames = new Set([...SENDERS, ...THUNKS, 'send']);
  for (const row of SDK_PATTERNS) {
    for (const c of row.callees) callNames.add(c.replace(/\(.*?\)/g, '').split('.').pop()!);
    for (const k of Object.keys(row.invokes ?? {})) callNames.add(k);
  }
  return callNames;
}

/** Cheap test before evaluation: can this call match anything at all? Bare function calls always can (a binding
 * called directly, a local factory); method calls only with a known method name, or a retry helper, or a LangChain
 * class. */
function worthMatching(ev: Evaluator, call: SNode): boolean {
  const fn = call.kids.find((k) => k.field === 'function' || k.field === 'constructor');
  if (!fn || fn.type === 'identifier') return true;
  const name = calleeName(call);
  if (!name) return true;
  const text = ev.t(name);
  return possibleNames().has(text) || /retry|retries|backoff|^Chat[A-Z]|Embeddings?$/i.test(text);
}

/** Detects mocks and fakes standing in for a client in tests. */
const MOCK_RE = /(^|[._])(mock|magicmock|asyncmock|fake|stub|dummy|spy)|jest\.fn|vi\.fn|sinon\./i;

/**
 * Finds the LLM call sites of one file. Pure: takes the text and a parser, returns plain data. Never throws on odd
 * code: tree-sitter recovers from syntax errors and the walk skips what it cannot read.
 */
export function scanText(text: string, opts: { languageId: LanguageId; fileName: string }, parsers: ParserSet): ScanResult {
  const parser = parsers.get(opts.languageId);
  if (!parser) return { calls: [], exports: {}, imports: {}, error: `no parser loaded for ${opts.languageId}` };
  const tree = parser.parse(text);
  if (!tree) return { calls: [], exports: {}, imports: {}, error: `could not parse ${opts.fileName}` };
  let root: SNode;
  try {
    root = copyTree(tree, text);
  } finally {
    tree.delete();
  }
  return scanTree(root, text, opts.languageId, opts.fileName);
}

/** Scans an already-copied syntax tree (notebooks join cells first). */
export function scanTree(root: SNode, text: string, language: LanguageId, fileName: string): ScanResult {
  const family = languageFamily(language);
  const index = buildIndex(root, text, family);
  const ev = new Evaluator(index);
  const patterns = patternsFor(family);
  const lines = text.split('\n');
  const calls: CallSite[] = [];
  const seen = new Set<number>();
  const warnings: string[] = [];
  for (const call of index.calls) {
    let site: CallSite | null = null;
    if (!worthMatching(ev, call)) continue;
    try {
      const m = matchCall(ev, patterns, call);
      if (m && !isMock(ev, m)) site = buildSite(ev, patterns, m, { fileName, language, lines });
      else if (!m) site = matchHttp(ev, call, { fileName, language, lines });
      const thunk = site || m ? undefined : thunkCall(ev, call);
      const tm = thunk ? matchCall(ev, patterns, thunk) : null;
      if (tm && !isMock(ev, tm)) site = buildSite(ev, patterns, tm, { fileName, language, lines });
    } catch (e) {
      warnings.push(`${fileName}:${call.row + 1}:${call.col + 1}: call skipped after an internal scanner error (${(e as Error).message})`);
      site = null;
    }
    if (site && !seen.has(site.nameStartOffset)) {
      seen.add(site.nameStartOffset);
      calls.push(site);
    }
  }
  const safely = <T>(what: string, f: () => T, fallback: T): T => {
    try {
      return f();
    } catch (e) {
      warnings.push(`${fileName}: ${what} skipped after an internal scanner error (${(e as Error).message})`);
      return fallback;
    }
  };
  const result: ScanResult = {
    calls,
    exports: safely('exports', () => moduleExports(ev, index), {}),
    imports: safely('imports', () => moduleImports(ev, index), {}),
    modelExports: safely('model exports', () => modelExports(ev, index), {}),
    reexports: safely('re-exports', () => starReexports(ev, index), []),
    clientExports: safely('client exports', () => clientExports(ev, index), {}),
  };
  if (warnings.length > 0) result.warnings = warnings;
  return result;
}

/** Functions that call a function argument with the rest: `asyncio.to_thread(client.chat.completions.create, model=...)`,
 * `pool.submit(...)`, `loop.run_in_executor(None, ...)`, `functools.partial(...)`. Matched by their last name. */
const THUNKS = new Set(['to_thread', 'partial', 'run_sync', 'run_in_threadpool', 'submit', 'run_in_executor', 'apply_async', 'defer_to_thread', 'sync_to_async', 'async_to_sync']);

/** A virtual call node for an SDK method handed to a THUNK, or undefined. */
function thunkCall(ev: Evaluator, call: SNode): SNode | undefined {
  const name = calleeName(call);
  if (!name || (!THUNKS.has(ev.t(name)) && !/retry|retries|backoff/i.test(ev.t(name)))) return undefined;
  const args = call.kids.find((k) => k.field === 'arguments');
  const first = args?.kids.find((k) => k.named && (k.type === 'attribute' || k.type === 'member_expression'));
  if (!args || !first) return undefined;
  const before = args.kids.filter((k) => k.named && k.start < first.start && k.type !== 'comment');
  if (before.some((k) => ev.t(k) !== 'None' && ev.t(k) !== 'null')) return undefined;
  return { ...call, kids: [{ ...first, field: 'function' }, { ...args, kids: args.kids.filter((k) => k !== first && !before.includes(k)) }] };
}

function isMock(ev: Evaluator, m: CallMatch): boolean {
  const root = m.callee.root;
  if (root.k === 'unknown') return MOCK_RE.test(root.name);
  if (root.k === 'inst' && root.ctor.k === 'ref') {
    const r = root.ctor.root;
    const name = r.k === 'module' ? [r.module, ...r.names, ...root.ctor.path].join('.') : r.k === 'unknown' ? r.name : '';
    if (MOCK_RE.test(name)) return true;
  }
  if (root.k === 'module' && MOCK_RE.test(root.module)) return true;
  const fn = m.call.kids.find((k) => k.field === 'function' || k.field === 'constructor');
  return fn ? /^(mock|fake|stub)_?\w*\./i.test(ev.t(fn)) : false;
}

function buildSite(ev: Evaluator, patterns: PatternIndex, m: CallMatch, ctx: { fileName: string; language: LanguageId; lines: readonly string[] }): CallSite | null {
  const row = m.row;
  if (row.silent) return null;
  const args = callArgs(ev, m.call);
  if (row.via === 'vercel-ai' && isMockModel(ev, args)) return null;
  let api = m.api ?? row.api;
  let model: ModelInfo = NO_MODEL;
  if (row.command) {
    const cmd = commandOf(ev, args, row.command);
    if (!cmd) return null;
    api = cmd.api;
    model = cmd.model;
  } else {
    const own = m.api ? undefined : modelArgNode(args, row.model);
    if (own) model = modelFromNode(ev, own);
    else if (row.model.fromReceiver || m.receiverCall || m.callee.root.k === 'inst') model = receiverModel(ev, patterns, m);
  }
  const recvArgs = m.receiverCall ? callArgs(ev, m.receiverCall.call) : undefined;
  let provider = model.provider ?? row.provider;
  if (m.sig.startsWith('?') && row.provider === 'openai') provider = providerHint(m.callee) ?? provider;
  // Who serves the request: the client's base URL host beats the SDK's default.
  const clientCall = row.api === 'binding' && !m.api ? m.call : m.receiverCall ? m.receiverCall.call : m.callee.root.k === 'inst' ? m.callee.root.call : undefined;
  let baseUrl: string | null | undefined;
  if (clientCall && row.via !== 'vercel-ai') {
    baseUrl = baseUrlOf(ev, clientCall === m.call ? args : callArgs(ev, clientCall)) ?? null;
    const host = baseUrl ? providerForUrl(baseUrl) : undefined;
    if (host) provider = host;
    else if (provider === 'openai' && clientCall !== m.call && hasAzureHint(ev, callArgs(ev, clientCall))) provider = 'azure-openai';
  }
  if (provider === 'from-model') {
    const explicit = providerKeyword(ev, clientCall ? callArgs(ev, clientCall) : args);
    provider = explicit ?? (model.model ? providerFromModelString(model.model, true) : loopProvider(ev, model.node)) ?? 'unknown';
    if (row.id.startsWith('langchain.init') && model.model && /^[a-z_\-]+:/i.test(model.model)) model = { ...model, model: model.model.replace(/^[a-z_\-]+:/i, '') };
  }
  if (model.factoryMethod === 'responses' && api === 'chat') api = 'responses';
  if (model.factoryMethod === 'completion' && api === 'chat') api = 'completion';
  if (provider === 'google' && clientCall && row.via === 'sdk' && isVertexClient(ev, callArgs(ev, clientCall))) provider = 'vertex';
  if (provider === 'openai' && row.via === 'sdk' && ev.index.family === 'py' && m.callee.root.k === 'module') provider = legacyProvider(ev, m.call) ?? provider;
  if ((row.via === 'http' || row.provider === 'bedrock' || row.via === 'litellm') && api === 'chat' && model.model && /embed/i.test(model.model)) api = 'embedding';
  const methodName = ev.t(m.nameNode);
  const facts = extractFacts(ev, args, {
    skip: model.node,
    receiver: recvArgs,
    methodName: row.api === 'binding' && !m.api ? '' : methodName,
    streaming: !!row.streaming,
    structured: !!row.structured || methodName === 'parse',
    mods: m.receiverCall?.mods ?? m.callee.mods ?? [],
    isMessagesApi: api === 'chat',
  });
  return {
    ...siteFrame(ev, m.call, m.nameNode, ctx),
    provider,
    via: row.via,
    api,
    pattern: row.id,
    callee: ev.t(m.call.kids.find((k) => k.field === 'function' || k.field === 'constructor') ?? m.nameNode).replace(/\s+/g, ''),
    model: model.model,
    modelSource: model.model !== null ? model.source : 'unknown',
    ...(model.lit && model.model !== null ? { modelLiteral: { startOffset: model.lit.start, endOffset: model.lit.end } } : {}),
    ...(model.modelImport ? { modelImport: model.modelImport } : {}),
    ...(receiverImport(ev, m) ?? {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...facts,
  };
}

/** The imported client a call is made on (`from .clients import groq_client`), for cross-file provider resolution. */
function receiverImport(ev: Evaluator, m: CallMatch): { receiverImport: { module: string; name: string } } | undefined {
  const r = m.callee.root;
  if (r.k !== 'module' || r.names.length !== 1 || !m.sig.startsWith('?')) return undefined;
  if (!(r.module.startsWith('.') || ev.index.family === 'py' || r.module.startsWith('@/') || r.module.startsWith('~/'))) return undefined;
  return { receiverImport: { module: r.module, name: r.names[0]! } };
}

/** `for m in ["groq/llama-3.1-8b-instant", "groq/gemma2-9b-it"]: completion(model=m, ...)`: the model is unknown, but
 * when every id in the literal list names the same provider, the provider is known. */
function loopProvider(ev: Evaluator, node: SNode | undefined): string | undefined {
  if (!node || node.type !== 'identifier') return undefined;
  const found = ev.lookup(ev.t(node), ev.scopeAt(node), node.start);
  if (found?.def.k !== 'loop') return undefined;
  const list = ev.eval(found.def.iter);
  if (list.k !== 'list') return undefined;
  const providers = new Set<string | undefined>();
  for (const item of list.node.kids.filter((k) => k.named && k.type !== 'comment')) {
    const v = ev.eval(item);
    providers.add(v.k === 'str' ? providerFromModelString(v.value, true) : undefined);
  }
  const [only] = providers;
  return providers.size === 1 ? only : undefined;
}

/** `model_provider="openai"` (init_chat_model) / `modelProvider: "openai"` / `custom_llm_provider`. */
function providerKeyword(ev: Evaluator, args: CallArgs): string | undefined {
  for (const k of ['model_provider', 'modelProvider', 'custom_llm_provider', 'provider']) {
    const n = args.bag.get(k);
    const v = n ? ev.eval(n) : undefined;
    if (v?.k === 'str') return providerFromModelString(`${v.value}/x`, false) ?? v.value;
  }
  return undefined;
}

/** `OpenAI(api_version=..., azure_endpoint=...)`-style hints that an OpenAI client talks to Azure. */
function hasAzureHint(_ev: Evaluator, args: CallArgs): boolean {
  return args.bag.has('azure_endpoint') || args.bag.has('azure_deployment') || args.bag.has('azureADTokenProvider') || (args.bag.has('api_version') && args.bag.has('base_url'));
}

/** Vercel AI tests pass `new MockLanguageModelV2(...)` (from `ai/test`) as the model. */
function isMockModel(ev: Evaluator, args: CallArgs): boolean {
  const n = args.bag.get('model');
  const v = n ? ev.eval(n) : undefined;
  if (!v || v.k !== 'ref' || v.root.k !== 'inst') return false;
  const sig = signature(ev.index.family, v.root.ctor, ev.index.text) ?? '';
  return MOCK_RE.test(sig) || sig.startsWith('ai/test.');
}

/** Legacy module configuration (`openai.api_type = "azure"`, `openai.api_base = "http://localhost:1234/v1"`) at module
 * level or earlier in the same function: the provider it implies, if any. */
const legacyAssignments = new WeakMap<ProgramIndex, RegExpExecArray[]>();

function legacyProvider(ev: Evaluator, call: SNode): string | undefined {
  let all = legacyAssignments.get(ev.index);
  if (!all) {
    // Found once per file, not once per call.
    all = [...ev.index.text.matchAll(/^([ \t]*)openai\.(api_type|api_base|base_url)\s*=\s*["']([^"']+)["']/gm)];
    legacyAssignments.set(ev.index, all);
  }
  const fn = ev.scopeAt(call);
  let found: string | undefined;
  for (const m of all) {
    const visible = m[1] === '' ? m.index < call.start || fn.kind === 'function' : fn.kind === 'function' && m.index > fn.node.start && m.index < call.start;
    if (!visible) continue;
    const p = m[2] === 'api_type' ? (/azure/i.test(m[3]!) ? 'azure-openai' : undefined) : providerForUrl(m[3]!);
    if (p) found = p;
  }
  return found;
}

/** The model of a call that takes it from its receiver: walks up the objects that made the receiver. */
function receiverModel(ev: Evaluator, patterns: PatternIndex, m: CallMatch): ModelInfo {
  let root = m.callee.root;
  for (let depth = 0; depth < 4 && root.k === 'inst'; depth++) {
    const recv = receiverRow(patterns, ev, root);
    const spec = recv?.row.model ?? m.row.model;
    const n = modelArgNode(callArgs(ev, root.call), spec);
    if (n) return modelFromNode(ev, n);
    if (root.ctor.k !== 'ref') break;
    root = root.ctor.root;
  }
  return NO_MODEL;
}

/** Bedrock JS: `client.send(new ConverseCommand({ modelId }))` or a command built earlier in the file. */
function commandOf(ev: Evaluator, args: CallArgs, commands: Record<string, Api>): { api: Api; model: ModelInfo } | undefined {
  const first = args.positional[0];
  if (!first) return undefined;
  const v = ev.eval(first);
  if (v.k !== 'ref' || v.root.k !== 'inst' || v.root.ctor.k !== 'ref') return undefined;
  const sig = signature(ev.index.family, v.root.ctor, ev.index.text) ?? '';
  const cls = sig.split('.').pop() ?? '';
  const api = commands[cls];
  if (!api) return undefined;
  const cmdArgs = callArgs(ev, v.root.call);
  const n = modelArgNode(cmdArgs, { keys: ['modelId', 'model_id'] });
  return { api, model: n ? modelFromNode(ev, n) : NO_MODEL };
}


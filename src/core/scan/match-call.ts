import type { Api } from '../types';
import type { Evaluator } from './evaluate';
import type { PatternIndex, SdkPattern } from './sdk-patterns';
import { field, named, type SNode } from './syntax-tree';
import { signature, type Root, type Val } from './values';

/** A call that matched a row of the SDK table. */
export interface CallMatch {
  row: SdkPattern;
  /** The call node and the identifier its line/column point at. */
  call: SNode;
  nameNode: SNode;
  callee: Extract<Val, { k: 'ref' }>;
  sig: string;
  /** For binding invocations and `fromReceiver` rows: the call that made the receiver, and that call's row. */
  receiverCall?: { call: SNode; row?: SdkPattern; mods: string[] };
  /** Api override for binding invocations (`embed_query` → embedding). */
  api?: Api;
}

/** The identifier that names the called function (`create` in `client.chat.completions.create(`). */
export function calleeName(call: SNode): SNode | undefined {
  let fn = field(call, 'function') ?? field(call, 'constructor');
  while (fn && (fn.type === 'parenthesized_expression' || fn.type === 'await')) fn = named(fn)[0];
  if (!fn) return undefined;
  if (fn.type === 'attribute') return field(fn, 'attribute');
  if (fn.type === 'member_expression') return field(fn, 'property');
  if (fn.type === 'identifier') return fn;
  return undefined;
}

/** Keyword / object-key names passed to a call (for `needsModel`). */
export function hasArgKey(ev: Evaluator, call: SNode, keys: readonly string[]): boolean {
  const args = field(call, 'arguments');
  if (!args) return false;
  for (const a of named(args)) {
    if (a.type === 'keyword_argument') {
      const n = field(a, 'name');
      if (n && keys.includes(ev.t(n))) return true;
    } else if (a.type === 'dictionary_splat' || a.type === 'object' || a.type === 'identifier' || a.type === 'spread_element') {
      const v = ev.eval(a.type === 'dictionary_splat' || a.type === 'spread_element' ? named(a)[0] ?? a : a);
      if (v.k === 'obj' && keys.some((k) => ev.entry(v, k) !== undefined)) return true;
    }
  }
  return false;
}

/** Evidence a `?.` row needs before it accepts a receiver of unknown origin. */
function unknownOk(ev: Evaluator, call: SNode, row: SdkPattern): boolean {
  if (row.needsModel && !hasArgKey(ev, call, row.model.keys)) return false;
  return (row.unknownNeeds ?? []).every((k) => hasArgKey(ev, call, [k]));
}

/** Binding rows indexed by constructor signature (LangChain, LlamaIndex, GenerativeModel, …). */
export function receiverRow(index: PatternIndex, ev: Evaluator, root: Root): { row: SdkPattern; call: SNode } | undefined {
  if (root.k !== 'inst') return undefined;
  const sig = signature(ev.index.family, root.ctor, ev.index.text);
  if (!sig) return undefined;
  const row = index.bySignature.get(sig);
  return row ? { row, call: root.call } : undefined;
}

/** Matches one call against the table; null when it is not an LLM call. */
export function matchCall(ev: Evaluator, index: PatternIndex, call: SNode): CallMatch | null {
  const nameNode = calleeName(call);
  if (!nameNode) return null;
  const fnNode = field(call, 'function') ?? field(call, 'constructor');
  if (!fnNode) return null;
  const callee = ev.eval(fnNode);
  if (callee.k !== 'ref') return null;
  const family = ev.index.family;
  const sig = signature(family, callee, ev.index.text);
  if (!sig) return null;
  const exact = index.bySignature.get(sig) ?? langchainIntegration(index, sig);
  if (exact && (!sig.startsWith('?') || unknownOk(ev, call, exact))) {
    return withReceiver(ev, index, { row: exact, call, nameNode, callee, sig });
  }
  // Calling a binding directly, the pre-LCEL way: `llm = OpenAI(temperature=0)`; `llm("Tell me a joke")`.
  if (callee.root.k === 'inst' && callee.path.length === 0 && family === 'py') {
    const recv = receiverRow(index, ev, callee.root);
    if (recv?.row.invokes) {
      const api = recv.row.invokes['invoke'] ?? recv.row.invokes['complete'] ?? 'chat';
      return { row: recv.row, call, nameNode, callee, sig, api, receiverCall: { call: recv.call, row: recv.row, mods: callee.mods ?? [] } };
    }
  }
  // A method on a binding made in this file: `llm = ChatOpenAI(...)`; `llm.invoke(...)`.
  if (callee.root.k === 'inst' && callee.path.length === 1) {
    const recv = receiverRow(index, ev, callee.root);
    const method = callee.path[0]!;
    if (recv?.row.invokes && recv.row.invokes[method]) {
      return { row: recv.row, call, nameNode, callee, sig, api: recv.row.invokes[method], receiverCall: { call: recv.call, row: recv.row, mods: callee.mods ?? [] } };
    }
  }
  // Unknown or unmatched receiver: try the distinctive `?.` suffixes, longest first.
  const moduleFn = callee.root.k === 'module' && callee.root.names.length === 0 && callee.path.length < 2;
  if (!moduleFn) {
    const segs = sig.startsWith('?') ? sig.slice(2).split('.') : callee.path;
    for (let i = 0; i < segs.length; i++) {
      const key = `?.${segs.slice(i).join('.')}`;
      const row = index.bySignature.get(key);
      if (!row || (i === segs.length - 1 && !row.command && !row.needsModel)) continue;
      if (!unknownOk(ev, call, row)) continue;
      return withReceiver(ev, index, { row, call, nameNode, callee, sig: key });
    }
  }
  // An object made by a method of an unknown client: `chat = gemini.chats.create(...)`; `chat.send_message(...)`.
  if (callee.root.k === 'inst' && callee.root.ctor.k === 'ref' && callee.root.ctor.path.length > 0) {
    const made = callee.root.ctor.path;
    for (const n of [2, 1]) {
      if (made.length < n) continue;
      const key = `?.${made.slice(-n).join('.')}().${callee.path.join('.')}`;
      const row = index.bySignature.get(key);
      if (row) return withReceiver(ev, index, { row, call, nameNode, callee, sig: key });
    }
  }
  // A client imported from another file or passed in, named after its vendor: `co.chat(model=...)`.
  const hint = receiverHint(callee);
  if (hint && callee.path.length === 1) {
    const row = index.bySignature.get(`${hint}().${callee.path[0]}`);
    if (row && row.model.keys.length > 0 && hasArgKey(ev, call, row.model.keys)) return { row, call, nameNode, callee, sig: `${hint}().${callee.path[0]}` };
  }
  return null;
}

/** Provider names of LangChain integration classes not in the table: ChatDatabricks → databricks, ChatUpstage → upstage. */
const synthesized = new Map<string, SdkPattern>();
function langchainIntegration(index: PatternIndex, sig: string): SdkPattern | undefined {
  const m = /^langchain\.(Chat(\w+)|(\w+)Embeddings?)$/.exec(sig);
  // Prompt templates, message types, histories and test doubles share the prefix but are not models.
  if (!m || /Prompt|Message|History|Template|Generation|Result|Session|Agent|Chunk|Memory|Loader|Fake|Mock|Parrot|CacheBacked|Deterministic|Router|Handler/.test(m[1]!)) return undefined;
  const hit = synthesized.get(sig);
  if (hit) return hit;
  const chat = index.bySignature.get('langchain.ChatOpenAI');
  const embed = index.bySignature.get('langchain.OpenAIEmbeddings');
  const base = m[2] ? chat : embed;
  if (!base) return undefined;
  const provider = (m[2] ?? m[3]!).replace(/(AI|LLM)$/, '').toLowerCase() || 'unknown';
  const row: SdkPattern = { ...base, id: `langchain.${m[1]}`, provider, callees: [sig], model: { keys: [...base.model.keys, 'endpoint', 'repo_id', 'model_path'] } };
  synthesized.set(sig, row);
  return row;
}

/** Receiver names that say which SDK client they hold, for clients made in another file. */
const HINTS: [RegExp, string][] = [
  [/^(co|cohere)(_?(client|v2|clientv2))?$/i, 'cohere.ClientV2'],
  [/^(vo|voyage)(_?client)?$/i, 'voyageai.Client'],
  [/^(bedrock|brt|bedrock_?runtime|bedrock_?rt)(_?client)?$/i, 'boto3.client(bedrock-runtime)'],
  [/^ollama_?client$/i, 'ollama.Client'],
  [/^mistral(_?client)?$/i, 'mistralai.MistralClient'],
];

/** Vendor client signature implied by the receiver's own name, when its origin is not visible. */
export function receiverHint(callee: Extract<Val, { k: 'ref' }>): string | undefined {
  const root = callee.root;
  let name: string | undefined;
  if (root.k === 'unknown') name = root.name.split('.').pop();
  else if (root.k === 'module' && root.names.length > 0) name = root.names[root.names.length - 1];
  if (!name) return undefined;
  return HINTS.find(([re]) => re.test(name!))?.[1];
}

/** Provider implied by an unknown receiver's name (`groq_client.chat.completions.create`). */
export function providerHint(callee: Extract<Val, { k: 'ref' }>): string | undefined {
  const root = callee.root;
  const name = root.k === 'unknown' ? root.name : root.k === 'module' && root.names.length > 0 ? root.names.join('.') : undefined;
  if (!name) return undefined;
  const checks: [RegExp, string][] = [
    [/groq/i, 'groq'], [/together/i, 'together'], [/fireworks/i, 'fireworks'], [/deepseek/i, 'deepseek'], [/openrouter/i, 'openrouter'],
    [/ollama/i, 'ollama'], [/deepinfra/i, 'deepinfra'], [/perplexity|pplx/i, 'perplexity'], [/azure/i, 'azure-openai'], [/\bxai|grok/i, 'xai'],
  ];
  return checks.find(([re]) => re.test(name))?.[1];
}

function withReceiver(ev: Evaluator, index: PatternIndex, m: CallMatch): CallMatch {
  if (m.row.model.fromReceiver && m.callee.root.k === 'inst') {
    const recv = receiverRow(index, ev, m.callee.root);
    m.receiverCall = { call: m.callee.root.call, row: recv?.row, mods: m.callee.mods ?? [] };
  }
  return m;
}

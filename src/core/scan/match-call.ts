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
  const exact = index.bySignature.get(sig);
  if (exact && (!exact.needsModel || !sig.startsWith('?') || hasArgKey(ev, call, exact.model.keys))) {
    return withReceiver(ev, index, { row: exact, call, nameNode, callee, sig });
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
  if (callee.path.length >= 2 || callee.root.k !== 'module') {
    const segs = sig.startsWith('?') ? sig.slice(2).split('.') : callee.path;
    for (let i = 0; i < segs.length; i++) {
      const key = `?.${segs.slice(i).join('.')}`;
      const row = index.bySignature.get(key);
      if (!row || (i === segs.length - 1 && !row.command && !row.needsModel)) continue;
      if (row.needsModel && !hasArgKey(ev, call, row.model.keys)) continue;
      return withReceiver(ev, index, { row, call, nameNode, callee, sig: key });
    }
  }
  return null;
}

function withReceiver(ev: Evaluator, index: PatternIndex, m: CallMatch): CallMatch {
  if (m.row.model.fromReceiver && m.callee.root.k === 'inst') {
    const recv = receiverRow(index, ev, m.callee.root);
    m.receiverCall = { call: m.callee.root.call, row: recv?.row, mods: m.callee.mods ?? [] };
  }
  return m;
}

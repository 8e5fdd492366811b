import type { Evaluator } from './evaluate';
import { field, named, type SNode } from './syntax-tree';
import type { Val } from './values';

/**
 * The arguments of one call, normalised across languages: `bag` holds keyword arguments (Python), the keys of the
 * first object argument (JS) and the keys of `**kwargs` / `...spread` dicts built in the same file; `positional`
 * holds the rest in order.
 */
export interface CallArgs {
  bag: Map<string, SNode>;
  positional: SNode[];
}

/** All keys of a dict/object value (following spreads); later keys win. */
export function objectEntries(ev: Evaluator, obj: Extract<Val, { k: 'obj' }>, out = new Map<string, SNode>(), depth = 0): Map<string, SNode> {
  if (depth > 8) return out;
  const items = obj.node.type === 'call' ? named(field(obj.node, 'arguments') ?? obj.node) : named(obj.node);
  for (const e of items) {
    if (e.type === 'keyword_argument') {
      const k = field(e, 'name');
      const v = field(e, 'value');
      if (k && v) out.set(ev.t(k), v);
      continue;
    }
    if (e.type === 'pair') {
      const k = field(e, 'key');
      const v = field(e, 'value');
      const name = k ? ev.keyName(k) : null;
      if (name !== null && v) out.set(name, v);
    } else if (e.type === 'shorthand_property_identifier') out.set(ev.t(e), e);
    else if (e.type === 'dictionary_splat' || e.type === 'spread_element') {
      const inner = named(e)[0];
      const v = inner ? ev.eval(inner) : undefined;
      if (v && v.k === 'obj') objectEntries(ev, v, out, depth + 1);
    }
  }
  return out;
}

/** Normalises the arguments of `call`. */
export function callArgs(ev: Evaluator, call: SNode): CallArgs {
  const bag = new Map<string, SNode>();
  const positional: SNode[] = [];
  const args = field(call, 'arguments');
  if (!args) return { bag, positional };
  const family = ev.index.family;
  let firstObjectSeen = false;
  for (const a of named(args)) {
    if (a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const n = field(a, 'name');
      const v = field(a, 'value');
      if (n && v) bag.set(ev.t(n), v);
    } else if (a.type === 'dictionary_splat') {
      const inner = named(a)[0];
      const v = inner ? ev.eval(inner) : undefined;
      if (v && v.k === 'obj') objectEntries(ev, v, bag);
    } else if (a.type === 'list_splat' || a.type === 'spread_element') {
      continue;
    } else {
      positional.push(a);
      if (family === 'js' && !firstObjectSeen && positional.length === 1) {
        const v = ev.eval(a);
        if (v.k === 'obj') {
          firstObjectSeen = true;
          objectEntries(ev, v, bag);
        }
      }
    }
  }
  return { bag, positional };
}

/** Sub-bag under a nested config key (`generation_config={...}`, `config: {...}`). */
export function subBag(ev: Evaluator, bag: Map<string, SNode>, key: string): Map<string, SNode> | undefined {
  const node = bag.get(key);
  if (!node) return undefined;
  const v = ev.eval(node);
  if (v.k === 'obj') return objectEntries(ev, v);
  if (v.k === 'ref' && v.root.k === 'inst') {
    // `types.GenerateContentConfig(max_output_tokens=...)`, `GenerationConfig(...)`: keyword args of the constructor.
    return callArgs(ev, v.root.call).bag;
  }
  return undefined;
}

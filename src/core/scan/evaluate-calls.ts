import type { Evaluator } from './evaluate';
import { field, named, type SNode } from './syntax-tree';
import { UNKNOWN, type Val } from './values';

/** Calls that return (a configured copy of) their receiver: the value flows through them. */
const PASS_CALLS = new Set([
  'with_options', 'withOptions', 'with_structured_output', 'withStructuredOutput', 'bind_tools', 'bindTools', 'bind',
  'with_config', 'withConfig', 'with_retry', 'withRetry', 'with_fallbacks', 'withFallbacks', 'configurable_fields',
  'as_structured_llm', 'copy',
]);
/** String methods that keep the text (for prompts and request bodies). */
const STR_PASS = new Set(['encode', 'strip', 'trim', 'lstrip', 'rstrip', 'trimStart', 'trimEnd', 'dedent']);

/** Value of a call: env lookups, pass-through modifiers, local factories, or an object made by the callee. */
export function evalCall(ev: Evaluator, n: SNode): Val {
  const fnNode = field(n, 'function') ?? field(n, 'constructor');
  if (!fnNode) return UNKNOWN;
  const callee = ev.eval(fnNode);
  const args = field(n, 'arguments');
  const argList = args ? named(args) : [];
  if (callee.k === 'ref' && callee.root.k === 'module' && callee.root.module === 'URL' && callee.path.length === 0 && argList.length >= 1) {
    // new URL(path, base)
    const path = ev.eval(argList[0]!);
    const base = argList[1] ? ev.eval(argList[1]) : undefined;
    if (path.k === 'str' && /^[a-z]+:\/\//i.test(path.value)) return path;
    if (path.k === 'str' && base?.k === 'str') return { k: 'str', value: base.value.replace(/\/$/, '') + (path.value.startsWith('/') ? path.value : `/${path.value}`), source: 'constant' };
    return UNKNOWN;
  }
  if (callee.k === 'ref' && callee.root.k === 'module' && callee.root.module === 'dict' && callee.root.names.length === 0 && callee.path.length === 0 && ev.index.family === 'py') {
    // dict(model="gpt-4o", max_tokens=10): keyword arguments read like a dict literal.
    if (argList.every((a) => a.type === 'keyword_argument' || a.type === 'dictionary_splat')) return { k: 'obj', node: n, scope: ev.scopeAt(n) };
  }
  if (callee.k === 'ref') {
    const last = callee.path[callee.path.length - 1];
    const env = envCall(ev, callee, argList);
    if (env) return env;
    if (callee.root.k === 'module' && argList[0] && /^(json\.dumps|JSON\.stringify|dict)$/.test([callee.root.module, ...callee.root.names, ...callee.path].join('.'))) {
      if (argList[0].type !== 'keyword_argument') return ev.eval(argList[0]);
    }
    if (last && PASS_CALLS.has(last)) {
      // bind_tools([a, b]) is recorded with its tool count: `bind_tools:2`.
      const tools = (last === 'bind_tools' || last === 'bindTools') && argList[0] ? ev.eval(argList[0]) : undefined;
      const mod = tools?.k === 'list' ? `${last}:${named(tools.node).filter((x) => x.type !== 'comment').length}` : last;
      return { k: 'ref', root: callee.root, path: callee.path.slice(0, -1), mods: [...(callee.mods ?? []), mod] };
    }
    if (last === 'format' && callee.root.k === 'unknown') return UNKNOWN;
    if (callee.root.k === 'module' && callee.root.module === 'require' && callee.path.length === 0) return UNKNOWN;
    return { k: 'ref', root: { k: 'inst', ctor: callee, call: n, scope: ev.scopeAt(n) }, path: [] };
  }
  if (callee.k === 'env') return envDefaultArg(ev, argList, 'default');

  if ((fnNode.type === 'attribute' || fnNode.type === 'member_expression') && argList[0]) {
    // A dict built in this file: cfg.get("model") / cfg.get("model", "gpt-4o").
    const prop = field(fnNode, 'attribute') ?? field(fnNode, 'property');
    const obj = field(fnNode, 'object');
    if (prop && obj && ev.t(prop) === 'get' && ev.index.family === 'py') {
      const base = ev.eval(obj);
      const key = ev.eval(argList[0]);
      if (base.k === 'obj' && key.k === 'str') {
        const hit = ev.objectKey(base, key.value);
        if (hit) return hit;
        return argList[1] ? ev.eval(argList[1]) : UNKNOWN;
      }
    }
  }
  if (fnNode.type === 'attribute' || fnNode.type === 'member_expression') {
    // `body.encode()`, `prompt.strip()`: the value itself, for prompt and body purposes.
    const prop = field(fnNode, 'attribute') ?? field(fnNode, 'property');
    const obj = field(fnNode, 'object');
    if (prop && obj && STR_PASS.has(ev.t(prop))) {
      const base = ev.eval(obj);
      if (base.k === 'str' || base.k === 'obj' || base.k === 'partial') return base;
    }
  }
  if (callee.k === 'func') {
    // A local factory: its value is known only when every return agrees (a provider switch is not one model).
    let found: Val | undefined;
    let key: string | undefined;
    for (const r of callee.def.fnScope.returns) {
      const v = ev.eval(r);
      if (v.k !== 'ref' && v.k !== 'str') continue;
      const k = valueKey(ev, v);
      if (key !== undefined && k !== key) return UNKNOWN;
      key = k;
      found ??= v;
    }
    return found ?? UNKNOWN;
  }
  if (callee.k === 'class') return { k: 'ref', root: { k: 'inst', ctor: callee, call: n, scope: ev.scopeAt(n) }, path: [] };
  if ((callee.k === 'str' || callee.k === 'partial') && ev.t(fnNode).endsWith('.format')) return UNKNOWN;
  return UNKNOWN;
}

/** Identity of a value for comparing alternatives: strings by text, objects by what made them and their first argument. */
export function valueKey(ev: Evaluator, v: Val, depth = 0): string {
  if (v.k === 'str') return `s:${v.value}`;
  if (depth > 12) return '?';
  if (v.k !== 'ref') return v.k;
  if (v.root.k === 'inst') {
    const args = field(v.root.call, 'arguments');
    const first = args ? named(args).find((a) => a.type !== 'keyword_argument' && a.type !== 'comment') : undefined;
    const firstText = first ? ev.t(first) : '';
    return `i:${valueKey(ev, v.root.ctor, depth + 1)}(${firstText}).${v.path.join('.')}`;
  }
  if (v.root.k === 'module') return `m:${[v.root.module, ...v.root.names, ...v.path].join('.')}`;
  return `u:${v.root.name}.${v.path.join('.')}`;
}

/** `os.getenv("X", "d")`, `os.environ.get("X", "d")`, `getenv(...)`, `Deno.env.get(...)`. */
function envCall(ev: Evaluator, callee: Extract<Val, { k: 'ref' }>, args: SNode[]): Val | undefined {
  const r = callee.root;
  if (r.k !== 'module') return undefined;
  const dotted = [r.module, ...r.names, ...callee.path].join('.');
  const isEnv = dotted === 'os.getenv' || dotted === 'os.environ.get' || dotted === 'Deno.env.get' || dotted === 'os.environ.setdefault';
  if (!isEnv) {
    if (dotted === 'dotenv.get_key' || dotted === 'decouple.config') return envDefaultArg(ev, args, 'default');
    return undefined;
  }
  return envDefaultArg(ev, args, 'default');
}

function envDefaultArg(ev: Evaluator, args: SNode[], kw: string): Val {
  let dflt: SNode | undefined = args[1];
  for (const a of args)
    if (a.type === 'keyword_argument' && ev.t(field(a, 'name') ?? a) === kw) dflt = field(a, 'value');
  if (dflt && dflt.type === 'keyword_argument') dflt = undefined;
  if (!dflt) return { k: 'env' };
  const v = ev.eval(dflt);
  if (v.k === 'str') return { ...v, source: 'env-default' };
  return v.k === 'num' ? v : { k: 'env' };
}

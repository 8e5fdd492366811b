import type { ClassInfo, ProgramIndex } from './scope-defs';
import { field, named, type SNode } from './syntax-tree';
import type { Val } from './values';

/** What the lookup needs from the evaluator (kept narrow so this file does not import it). */
export interface InheritHost {
  index: ProgramIndex;
  t(n: SNode): string;
  eval(n: SNode): Val;
  evalName(name: string, at: SNode): Val;
}

/**
 * An instance attribute a class inherits from a base class defined in the same file, with the base's constructor
 * parameters bound to what the subclass passes: Python `super().__init__(...)` / `Base.__init__(self, ...)`, JS/TS
 * `super(...)` (including TS parameter properties, `constructor(protected model: string)`).
 * Why: agent/wrapper hierarchies store `self.model = model` once in the base and pick the id in each subclass
 * (`super().__init__("writer", "claude-3-5-sonnet-20241022")`). Returns undefined when nothing is found.
 */
export function inheritedAttr(host: InheritHost, cls: ClassInfo, prop: string, depth = 0): Val | undefined {
  if (depth > 4) return undefined;
  for (const base of baseClasses(host, cls)) {
    const defs = base.attrs.get(prop);
    const def = defs?.find((d) => d.k === 'value') ?? defs?.find((d) => d.k === 'param');
    if (def?.k === 'param') {
      const bound = superArgument(host, cls, base, prop);
      const v = bound ? host.eval(bound) : def.dflt ? host.eval(def.dflt) : undefined;
      if (v && v.k !== 'unknown') return v;
      continue;
    }
    if (!def || def.k !== 'value') {
      const deeper = inheritedAttr(host, base, prop, depth + 1);
      if (deeper) return deeper;
      continue;
    }
    const bound = def.node.type === 'identifier' ? superArgument(host, cls, base, host.t(def.node)) : undefined;
    const v = bound ? host.eval(bound) : host.eval(def.node);
    if (v.k !== 'unknown') return v;
  }
  return undefined;
}

function baseClasses(host: InheritHost, cls: ClassInfo): ClassInfo[] {
  const node = cls.scope.node;
  const heritage = named(node).find((k) => k.type === 'class_heritage');
  const ext = heritage ? named(heritage).find((k) => k.type === 'extends_clause') : undefined;
  const sup = node.type === 'class_definition' ? field(node, 'superclasses') : ext;
  if (!sup) return [];
  const out: ClassInfo[] = [];
  for (const n of ext ? [field(ext, 'value') ?? named(ext)[0]].filter((x): x is SNode => !!x) : named(sup)) {
    if (n.type !== 'identifier') continue;
    const v = host.evalName(host.t(n), n);
    if (v.k === 'class' && v.cls !== cls) out.push(v.cls);
  }
  return out;
}

function initOf(host: InheritHost, cls: ClassInfo): SNode | undefined {
  if (host.index.family === 'js') {
    const body = field(cls.scope.node, 'body');
    return body ? named(body).find((m) => m.type === 'method_definition' && field(m, 'name') && host.t(field(m, 'name')!) === 'constructor') : undefined;
  }
  const d = cls.attrs.get('__init__')?.find((x) => x.k === 'func');
  return d && d.k === 'func' ? d.node : undefined;
}

function paramName(host: InheritHost, p: SNode): string {
  if (p.type === 'identifier') return host.t(p);
  const n = field(p, 'name') ?? field(p, 'pattern') ?? field(p, 'left') ?? named(p).find((k) => k.type === 'identifier') ?? p;
  return host.t(n);
}

/** The argument the subclass's `__init__` passes for the base `__init__` parameter `param`. */
function superArgument(host: InheritHost, cls: ClassInfo, base: ClassInfo, param: string): SNode | undefined {
  const js = host.index.family === 'js';
  const baseInit = initOf(host, base);
  const subInit = initOf(host, cls);
  if (!baseInit || !subInit) return undefined;
  const params = named(field(baseInit, 'parameters') ?? baseInit).filter((p) => p.type !== 'comment').map((p) => paramName(host, p));
  const at = params.indexOf(param);
  if (at < (js ? 0 : 1)) return undefined;
  for (const call of host.index.calls) {
    if (call.start < subInit.start || call.end > subInit.end) continue;
    const fn = field(call, 'function');
    const callee = fn ? host.t(fn).replace(/\s+/g, '') : '';
    const viaSuper = js ? callee === 'super' : /^super\(.*\)\.__init__$/.test(callee);
    if (!viaSuper && callee !== `${base.name}.__init__`) continue;
    const args = named(field(call, 'arguments') ?? call);
    const kw = args.find((a) => a.type === 'keyword_argument' && field(a, 'name') && host.t(field(a, 'name')!) === param);
    if (kw) return field(kw, 'value');
    const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
    return positional[viaSuper && !js ? at - 1 : at];
  }
  return undefined;
}

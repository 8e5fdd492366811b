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
 * A Python instance attribute a class inherits from a base class defined in the same file, with the base's
 * `__init__` parameters bound to what the subclass passes in `super().__init__(...)` (or `Base.__init__(self, ...)`).
 * Why: agent/wrapper hierarchies store `self.model = model` once in the base and pick the id in each subclass
 * (`super().__init__("writer", "claude-3-5-sonnet-20241022")`). Returns undefined when nothing is found.
 */
export function inheritedAttr(host: InheritHost, cls: ClassInfo, prop: string, depth = 0): Val | undefined {
  if (depth > 4 || host.index.family !== 'py') return undefined;
  for (const base of baseClasses(host, cls)) {
    const defs = base.attrs.get(prop);
    const def = defs?.find((d) => d.k === 'value');
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
  const sup = node.type === 'class_definition' ? field(node, 'superclasses') : undefined;
  if (!sup) return [];
  const out: ClassInfo[] = [];
  for (const n of named(sup)) {
    if (n.type !== 'identifier') continue;
    const v = host.evalName(host.t(n), n);
    if (v.k === 'class' && v.cls !== cls) out.push(v.cls);
  }
  return out;
}

function initOf(cls: ClassInfo): SNode | undefined {
  const d = cls.attrs.get('__init__')?.find((x) => x.k === 'func');
  return d && d.k === 'func' ? d.node : undefined;
}

/** The argument the subclass's `__init__` passes for the base `__init__` parameter `param`. */
function superArgument(host: InheritHost, cls: ClassInfo, base: ClassInfo, param: string): SNode | undefined {
  const baseInit = initOf(base);
  const subInit = initOf(cls);
  if (!baseInit || !subInit) return undefined;
  const params = named(field(baseInit, 'parameters') ?? baseInit).map((p) => (p.type === 'identifier' ? host.t(p) : host.t(field(p, 'name') ?? named(p)[0] ?? p)));
  const at = params.indexOf(param);
  if (at < 1) return undefined;
  for (const call of host.index.calls) {
    if (call.start < subInit.start || call.end > subInit.end) continue;
    const fn = field(call, 'function');
    const callee = fn ? host.t(fn).replace(/\s+/g, '') : '';
    const viaSuper = /^super\(.*\)\.__init__$/.test(callee);
    if (!viaSuper && callee !== `${base.name}.__init__`) continue;
    const args = named(field(call, 'arguments') ?? call);
    const kw = args.find((a) => a.type === 'keyword_argument' && field(a, 'name') && host.t(field(a, 'name')!) === param);
    if (kw) return field(kw, 'value');
    const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
    return positional[viaSuper ? at - 1 : at];
  }
  return undefined;
}

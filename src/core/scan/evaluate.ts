import type { Def, ProgramIndex, Scope } from './program-index';
import { field, named, type SNode } from './syntax-tree';
import { evalCall, valueKey } from './evaluate-calls';
import { combine, evalString } from './evaluate-strings';
import { UNKNOWN, type Val } from './values';
import { storeKey } from './python-stores';
import { isInjectionMarker } from './python-annotations';
import { inheritedAttr } from './inherited-attrs';

/** Attributes that wrap a resource without changing what it calls. */
const PASS_ATTRS = new Set(['with_raw_response', 'with_streaming_response', 'aio']);

/** Statements whose body runs only sometimes. */
const BRANCHES = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'switch_case', 'switch_default', 'catch_clause', 'match_statement', 'case_clause']);

const WRAPPERS = new Set(['await', 'await_expression', 'parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion']);

/**
 * Static evaluation of expressions over a ProgramIndex. Results are memoised per node (a node's scope is fixed by its
 * position), so resolving every call of a file stays linear.
 */
export class Evaluator {
  private readonly memo = new Map<SNode, Val>();
  private depth = 0;

  constructor(readonly index: ProgramIndex) {}

  /** Source text of a node. */
  t(n: SNode): string {
    return this.index.text.slice(n.start, n.end);
  }

  /** The innermost scope containing `node`. */
  scopeAt(node: SNode): Scope {
    for (let p: SNode | null = node; p; p = p.parent) {
      const s = this.index.scopes.get(p);
      if (s && p !== node) return s;
      if (s && p === node && s.kind === 'module') return s;
    }
    return this.index.root;
  }

  /** Strips await / parentheses / TS assertions. */
  unwrap(n: SNode): SNode {
    let cur = n;
    while (WRAPPERS.has(cur.type)) {
      const inner = cur.type === 'as_expression' || cur.type === 'satisfies_expression' ? cur.kids.find((k) => k.named) : named(cur)[0];
      if (!inner) break;
      cur = inner;
    }
    return cur;
  }

  /** Static value of `node`. */
  eval(node: SNode): Val {
    const hit = this.memo.get(node);
    if (hit) return hit;
    if (this.depth > 40) return UNKNOWN;
    this.memo.set(node, UNKNOWN);
    this.depth++;
    let v: Val;
    try {
      v = this.compute(node);
    } finally {
      this.depth--;
    }
    this.memo.set(node, v);
    return v;
  }

  private compute(raw: SNode): Val {
    const n = this.unwrap(raw);
    if (n !== raw) return this.eval(n);
    switch (n.type) {
      case 'string':
      case 'template_string':
      case 'concatenated_string':
        return evalString(this, n);
      case 'integer':
      case 'float':
      case 'number': {
        const num = Number(this.t(n).replace(/_/g, ''));
        return Number.isFinite(num) ? { k: 'num', value: num } : UNKNOWN;
      }
      case 'unary_operator':
      case 'unary_expression': {
        const arg = named(n)[0];
        const v = arg ? this.eval(arg) : UNKNOWN;
        return v.k === 'num' && this.t(n).trimStart().startsWith('-') ? { k: 'num', value: -v.value } : UNKNOWN;
      }
      case 'true':
        return { k: 'bool', value: true };
      case 'false':
        return { k: 'bool', value: false };
      case 'dictionary':
      case 'object':
        return { k: 'obj', node: n, scope: this.scopeAt(n) };
      case 'list':
      case 'tuple':
      case 'array':
        return { k: 'list', node: n, scope: this.scopeAt(n) };
      case 'identifier':
      case 'shorthand_property_identifier':
      case 'type_identifier':
        return this.evalName(this.t(n), n);
      case 'this':
        return this.scopeClass(n);
      case 'type':
      case 'type_annotation': {
        const inner = named(n)[0];
        return inner ? this.eval(inner) : UNKNOWN;
      }
      case 'attribute':
      case 'member_expression':
      case 'nested_type_identifier': {
        const obj = field(n, 'object') ?? field(n, 'module') ?? named(n)[0];
        const prop = field(n, 'attribute') ?? field(n, 'property') ?? field(n, 'name') ?? named(n)[1];
        if (!obj || !prop) return UNKNOWN;
        return this.stored(n, this.member(this.eval(obj), this.t(prop), n));
      }
      case 'subscript':
      case 'subscript_expression': {
        const obj = field(n, 'value') ?? field(n, 'object');
        const idx = field(n, 'subscript') ?? field(n, 'index');
        if (!obj || !idx) return UNKNOWN;
        const key = this.eval(idx);
        const base = this.eval(obj);
        if (key.k === 'str') return this.stored(n, this.member(base, key.value, n));
        if (key.k === 'num' && base.k === 'list') {
          const item = named(base.node)[key.value];
          return item ? this.eval(item) : UNKNOWN;
        }
        return UNKNOWN;
      }
      case 'call':
      case 'call_expression':
      case 'new_expression':
        return evalCall(this, n);
      case 'boolean_operator':
      case 'binary_operator':
      case 'binary_expression':
        return this.evalBinary(n);
      case 'conditional_expression':
      case 'ternary_expression': {
        const parts = named(n);
        const a = n.type === 'ternary_expression' ? field(n, 'consequence') : parts[0];
        const b = n.type === 'ternary_expression' ? field(n, 'alternative') : parts[2];
        if (!a || !b) return UNKNOWN;
        const va = this.eval(a);
        const vb = this.eval(b);
        if (va.k === 'str' && vb.k === 'str' && va.value === vb.value) return va;
        // A client that may be absent (`cond ? makeClient() : undefined`) is still that client.
        if (va.k === 'ref' && vb.k === 'ref') return valueKey(this, va) === valueKey(this, vb) ? va : UNKNOWN;
        if (va.k === 'ref' && vb.k === 'unknown') return va;
        if (vb.k === 'ref' && va.k === 'unknown') return vb;
        return UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** `self`/`this` inside a class method. */
  private scopeClass(n: SNode): Val {
    for (let s: Scope | null = this.scopeAt(n); s; s = s.parent) if (s.cls && s.kind !== 'class') return { k: 'self', cls: s.cls };
    return UNKNOWN;
  }

  /** Resolves a bare name at `at`. */
  evalName(name: string, at: SNode): Val {
    const scope = this.scopeAt(at);
    const found = this.lookup(name, scope, at.start);
    if (!found) {
      if (name === 'undefined' || name === 'None' || name === 'null') return UNKNOWN;
      return { k: 'ref', root: { k: 'module', module: name, names: [] }, path: [] };
    }
    const v = this.fromDef(found.def, name, found.scope);
    if (v.k === 'str' && this.conflicting(name, found, at, v.value)) return UNKNOWN;
    return v;
  }

  /**
   * True when the chosen binding sits in a branch (if/else, try/except, switch) and another binding of the same name
   * that could also reach the use holds a different string: `MODEL = "a"` then `if fast: MODEL = "b"` is not knowable.
   */
  private conflicting(name: string, found: { def: Def; scope: Scope }, at: SNode, value: string): boolean {
    const defs = found.scope.vars.get(name) ?? [];
    if (defs.length < 2 || !this.inBranch(found.def, found.scope)) return false;
    const sameScope = this.scopeAt(at) === found.scope;
    for (const d of defs) {
      if (d === found.def || d.k !== 'value' || (sameScope && d.pos > at.start)) continue;
      const other = this.eval(d.node);
      if (other.k === 'str' && other.value !== value) return true;
    }
    return false;
  }

  private inBranch(def: Def, scope: Scope): boolean {
    if (def.k !== 'value') return false;
    for (let p = def.node.parent; p && p !== scope.node; p = p.parent) if (BRANCHES.has(p.type)) return true;
    return false;
  }

  /** Finds the binding of `name` visible from `scope` at offset `pos`. */
  lookup(name: string, scope: Scope, pos: number): { def: Def; scope: Scope } | undefined {
    for (let s: Scope | null = scope; s; s = s.parent) {
      if (s.kind === 'class' && s !== scope) continue;
      const defs = s.vars.get(name);
      if (!defs || defs.length === 0) continue;
      if (s === scope) {
        let best: Def | undefined;
        // The binding before the use, never the one being defined (`params = { ...params, x }`).
        for (const d of defs) if (d.pos < pos && !(d.k === 'value' && d.node.start <= pos && pos < d.node.end)) best = d;
        return { def: best ?? defs[0]!, scope: s };
      }
      // From an inner function: the last binding, skipping fallbacks like `except ImportError: X = None`.
      const informative = defs.filter((d) => !(d.k === 'value' && /^(None|null|undefined)$/.test(this.t(d.node))));
      return { def: (informative.length > 0 ? informative : defs)[(informative.length > 0 ? informative : defs).length - 1]!, scope: s };
    }
    return undefined;
  }

  /** Value of a binding, with string sources adjusted for how they were reached. */
  fromDef(def: Def, name: string, scope: Scope): Val {
    switch (def.k) {
      case 'value': {
        const v = this.eval(def.node);
        if (v.k === 'str' && v.source === 'literal') return { ...v, source: 'constant' };
        return v;
      }
      case 'import':
        return { k: 'ref', root: { k: 'module', module: def.module, names: def.names }, path: [] };
      case 'param': {
        if (this.isSelfParam(name, scope)) return { k: 'self', cls: scope.cls! };
        if (def.dflt) {
          const injected = this.injected(def.dflt);
          if (injected) return injected;
          const v = this.eval(def.dflt);
          if (v.k === 'str' && v.source !== 'env-default') return { ...v, source: 'default' };
          if (v.k === 'ref' || v.k === 'str' || v.k === 'num' || v.k === 'bool') return v;
        }
        const quoted = def.type?.type === 'string' ? /^(['"])([A-Za-z_][\w.]*)\1$/.exec(this.t(def.type)) : null;
        const type = quoted ? this.evalName(quoted[2], def.type!) : def.type ? this.eval(def.type) : undefined;
        // `def f(model=None)`: callers usually leave it out, so `model or DEFAULT` is DEFAULT by default.
        const nullable = !!def.dflt && /^(None|null|undefined)$/.test(this.t(def.dflt));
        return { k: 'ref', root: { k: 'unknown', name, type: type && type.k === 'ref' ? type : undefined, ...(nullable ? { nullable } : {}) }, path: [] };
      }
      case 'member': {
        // const { completions } = openai.chat
        const v = this.member(this.eval(def.node), def.key);
        if (v.k === 'str' && v.source === 'literal') return { ...v, source: 'constant' };
        return v;
      }
      case 'func':
        return { k: 'func', def };
      case 'class':
        return { k: 'class', cls: def.cls };
      default:
        return { k: 'ref', root: { k: 'unknown', name }, path: [] };
    }
  }

  private isSelfParam(name: string, scope: Scope): boolean {
    if (this.index.family !== 'py' || scope.kind !== 'function' || !scope.cls) return false;
    const params = field(scope.node, 'parameters');
    const first = params ? named(params)[0] : undefined;
    if (!first || first.type !== 'identifier' || this.t(first) !== name) return false;
    const decorated = scope.node.parent?.type === 'decorated_definition' ? this.t(scope.node.parent) : '';
    return !decorated.includes('@staticmethod');
  }

  /** `client=Depends(get_client)` with no annotation: what the dependency function returns. */
  private injected(dflt: SNode): Val | undefined {
    if (this.index.family !== 'py' || !isInjectionMarker(dflt, (x) => this.t(x))) return undefined;
    const dep = named(field(dflt, 'arguments') ?? dflt)[0];
    const f = dep ? this.eval(dep) : undefined;
    return f?.k === 'func' ? this.returnsOf(f.def.fnScope.returns) : undefined;
  }

  /** A read of an imported object's slot written once with a literal in this file (`st.session_state["model"]`). */
  private stored(n: SNode, v: Val): Val {
    if (this.index.family !== 'py' || v.k !== 'ref' || v.root.k !== 'module') return v;
    const key = storeKey(n, (x) => this.t(x));
    const defs = key ? this.index.root.vars.get(key) : undefined;
    if (!defs || defs.length !== 1 || defs[0].k !== 'value') return v;
    const s = this.eval(defs[0].node);
    return s.k === 'str' ? { ...s, source: 'constant' } : v;
  }

  /** `base.prop`. */
  member(base: Val, prop: string, _at?: SNode): Val {
    switch (base.k) {
      case 'ref': {
        if (PASS_ATTRS.has(prop)) return base;
        if (base.root.k === 'module' && base.path.length === 0 && base.root.names.length === 0 && (base.root.module === 'process' || base.root.module === 'os') && (prop === 'env' || prop === 'environ'))
          return { k: 'env' };
        if (base.root.k === 'inst' && base.path.length === 0) {
          const ctor = base.root.ctor;
          if (ctor.k === 'class') {
            const attr = this.classAttr(ctor.cls, prop);
            if (attr) return attr;
          }
        }
        return { k: 'ref', root: base.root, path: [...base.path, prop], ...(base.mods ? { mods: base.mods } : {}) };
      }
      case 'self':
      case 'class': {
        const attr = this.classAttr(base.cls, prop);
        if (attr && attr.k === 'func' && /@(functools\.)?(cached_)?property\b/.test(this.decorators(attr.def.node))) {
          // @property def client(self): return self._client
          const v = this.returnsOf(attr.def.fnScope.returns);
          if (v) return v;
        }
        if (attr && attr.k !== 'func' && attr.k !== 'unknown') return attr;
        const inherited = attr ? undefined : inheritedAttr(this, base.cls, prop);
        if (inherited) return inherited;
        return { k: 'ref', root: { k: 'unknown', name: `${base.k === 'self' ? 'self' : base.cls.name}.${prop}` }, path: [] };
      }
      case 'obj': {
        const v = this.objectKey(base, prop);
        return v ?? UNKNOWN;
      }
      case 'env':
        return { k: 'env' };
      case 'str':
        // Python enum members: `Models.FAST.value`.
        return prop === 'value' ? base : UNKNOWN;
      case 'num':
      case 'bool':
      case 'partial':
        return UNKNOWN;
      default:
        // An attribute of something unknowable is still a chain: `get_client().chat.completions.create` can match `?.`.
        return { k: 'ref', root: { k: 'unknown', name: '?' }, path: [prop] };
    }
  }

  private decorators(fn: SNode): string {
    return fn.parent?.type === 'decorated_definition' ? this.t(fn.parent).slice(0, fn.start - fn.parent.start) : '';
  }

  /** The single value a function returns, when all its returns agree on a client or string. */
  private returnsOf(returns: SNode[]): Val | undefined {
    const vals = returns.map((r) => this.eval(r)).filter((v) => v.k === 'ref' || v.k === 'str');
    const first = vals[0];
    return first && vals.every((v) => valueKey(this, v) === valueKey(this, first)) ? first : undefined;
  }

  private classAttr(cls: { attrs: Map<string, Def[]>; scope: Scope }, prop: string): Val | undefined {
    const defs = cls.attrs.get(prop);
    if (!defs || defs.length === 0) return undefined;
    const def = defs.find((d) => d.k === 'value' && this.eval(d.node).k !== 'unknown') ?? defs[defs.length - 1]!;
    return this.fromDef(def, prop, def.k === 'value' || def.k === 'param' ? def.scope : cls.scope);
  }

  /** Value under `key` of a dict/object literal (following spreads), or undefined when absent. */
  objectKey(obj: Extract<Val, { k: 'obj' }>, key: string): Val | undefined {
    const node = this.entry(obj, key);
    return node ? this.eval(node) : undefined;
  }

  /** The value node stored under `key`, following `**spread` / `...spread`. */
  entry(obj: Extract<Val, { k: 'obj' }>, key: string, depth = 0): SNode | undefined {
    if (depth > 8) return undefined;
    let found: SNode | undefined;
    const items = obj.node.type === 'call' ? named(field(obj.node, 'arguments') ?? obj.node) : named(obj.node);
    for (const e of items) {
      if (e.type === 'keyword_argument') {
        const k = field(e, 'name');
        if (k && this.t(k) === key) found = field(e, 'value');
        continue;
      }
      if (e.type === 'pair') {
        const k = field(e, 'key');
        if (k && this.keyName(k) === key) found = field(e, 'value');
      } else if (e.type === 'shorthand_property_identifier' && this.t(e) === key) found = e;
      else if (e.type === 'dictionary_splat' || e.type === 'spread_element') {
        const inner = named(e)[0];
        const v = inner ? this.eval(inner) : UNKNOWN;
        if (v.k === 'obj') {
          const f = this.entry(v, key, depth + 1);
          if (f) found = f;
        }
      }
    }
    return found;
  }

  /** Key text of a dict/object pair (`"model"`, `model`, `['model']`). */
  keyName(k: SNode): string | null {
    if (k.type === 'string') {
      const v = this.eval(k);
      return v.k === 'str' ? v.value : null;
    }
    if (k.type === 'property_identifier' || k.type === 'identifier' && this.index.family === 'js') return this.t(k);
    if (k.type === 'computed_property_name') {
      const inner = named(k)[0];
      const v = inner ? this.eval(inner) : UNKNOWN;
      return v.k === 'str' ? v.value : null;
    }
    if (k.type === 'identifier' || k.type === 'attribute') {
      const v = this.eval(k);
      return v.k === 'str' ? v.value : null;
    }
    return null;
  }

  private evalBinary(n: SNode): Val {
    const left = field(n, 'left');
    const right = field(n, 'right');
    const op = field(n, 'operator');
    if (!left || !right || !op) return UNKNOWN;
    const o = this.t(op);
    const l = this.eval(left);
    if (o === 'or' || o === '||' || o === '??') {
      const nullableParam = l.k === 'ref' && l.root.k === 'unknown' && l.root.nullable === true && l.path.length === 0;
      if ((l.k === 'str' || l.k === 'ref' || l.k === 'num') && !nullableParam) return l;
      const r = this.eval(right);
      if (r.k === 'str') return { ...r, source: l.k === 'env' ? 'env-default' : r.source === 'env-default' ? 'env-default' : 'default' };
      if (l.k === 'env' && r.k === 'num') return r;
      return r.k === 'ref' ? r : UNKNOWN;
    }
    if (o === '+') {
      const r = this.eval(right);
      if (l.k === 'str' && r.k === 'str') return { k: 'str', value: l.value + r.value, source: combine(l.source, r.source) };
      if (l.k === 'str' || l.k === 'partial' || r.k === 'str' || r.k === 'partial') {
        const lt = l.k === 'str' ? l.value : l.k === 'partial' ? l.text : '';
        const prefix = l.k === 'str' ? l.value : l.k === 'partial' ? l.prefix : '';
        const rt = r.k === 'str' ? r.value : r.k === 'partial' ? r.text : '';
        return { k: 'partial', prefix, text: lt + rt };
      }
    }
    if (o === '%' && (l.k === 'str' || l.k === 'partial')) return { k: 'partial', prefix: '', text: l.k === 'str' ? l.value : l.text };
    return UNKNOWN;
  }
}

import { field, named, type SNode } from './syntax-tree';

/** What a name is bound to in a scope. `pos` is the offset of the binding, used to pick the assignment before a use. */
export type Def =
  | { k: 'value'; node: SNode; scope: Scope; pos: number }
  | { k: 'import'; module: string; names: string[]; pos: number }
  | { k: 'param'; dflt?: SNode; type?: SNode; scope: Scope; pos: number }
  | { k: 'func'; node: SNode; fnScope: Scope; pos: number }
  | { k: 'class'; node: SNode; cls: ClassInfo; pos: number }
  | { k: 'member'; node: SNode; key: string; scope: Scope; pos: number }
  | { k: 'unknown'; pos: number };

/** A class (Python or JS/TS): attributes set on `self`/`this` anywhere in it, plus class-body constants and fields. */
export interface ClassInfo {
  name: string;
  attrs: Map<string, Def[]>;
  scope: Scope;
}

/** A lexical scope: the module, a function (def, method, arrow, lambda) or a class body. */
export interface Scope {
  node: SNode;
  kind: 'module' | 'function' | 'class';
  name: string | null;
  parent: Scope | null;
  vars: Map<string, Def[]>;
  /** The class a method belongs to (for `self.x` / `this.x`). */
  cls?: ClassInfo;
  /** Values returned by a function (for local client factories). */
  returns: SNode[];
}

/** Bindings of one file, collected in a single walk. */
export interface ProgramIndex {
  family: 'py' | 'js';
  text: string;
  root: Scope;
  scopes: Map<SNode, Scope>;
  /** Every call / new expression, in document order. */
  calls: SNode[];
}

const JS_FUNC = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function']);
const JS_CLASS = new Set(['class_declaration', 'class', 'abstract_class_declaration']);

function addDef(map: Map<string, Def[]>, name: string, def: Def): void {
  const list = map.get(name);
  if (list) list.push(def);
  else map.set(name, [def]);
}

/** Text of a node. */
export function textOf(index: { text: string }, n: SNode): string {
  return index.text.slice(n.start, n.end);
}

/** Walks the whole tree once and records scopes, bindings and calls. */
export function buildIndex(root: SNode, text: string, family: 'py' | 'js'): ProgramIndex {
  const rootScope: Scope = { node: root, kind: 'module', name: null, parent: null, vars: new Map(), returns: [] };
  const index: ProgramIndex = { family, text, root: rootScope, scopes: new Map([[root, rootScope]]), calls: [] };
  const t = (n: SNode) => text.slice(n.start, n.end);
  const stack: { node: SNode; scope: Scope }[] = [{ node: root, scope: rootScope }];
  while (stack.length > 0) {
    const { node, scope } = stack.pop()!;
    let inner = scope;
    if (family === 'py') inner = visitPython(node, scope, index, t);
    else inner = visitJs(node, scope, index, t);
    for (let i = node.kids.length - 1; i >= 0; i--) stack.push({ node: node.kids[i]!, scope: inner });
  }
  return index;
}

function newScope(index: ProgramIndex, node: SNode, kind: Scope['kind'], name: string | null, parent: Scope): Scope {
  const s: Scope = { node, kind, name, parent, vars: new Map(), returns: [] };
  if (kind === 'function' && parent.kind === 'class') s.cls = parent.cls;
  else if (kind === 'function' && parent.cls && parent.kind === 'function' && node.type === 'arrow_function') s.cls = parent.cls;
  index.scopes.set(node, s);
  return s;
}

function classScope(index: ProgramIndex, node: SNode, name: string, parent: Scope): Scope {
  const s = newScope(index, node, 'class', name, parent);
  const cls: ClassInfo = { name, attrs: s.vars, scope: s };
  s.cls = cls;
  addDef(parent.vars, name, { k: 'class', node, cls, pos: node.start });
  return s;
}

/** Nearest function scope's first parameter name in Python (`self`/`cls`). */
function selfName(scope: Scope, t: (n: SNode) => string): string | null {
  if (scope.kind !== 'function' || !scope.cls) return null;
  const params = field(scope.node, 'parameters');
  const first = params ? named(params)[0] : undefined;
  if (!first) return null;
  return first.type === 'identifier' ? t(first) : null;
}

function visitPython(node: SNode, scope: Scope, index: ProgramIndex, t: (n: SNode) => string): Scope {
  switch (node.type) {
    case 'call':
      index.calls.push(node);
      return scope;
    case 'function_definition': {
      const name = field(node, 'name');
      const fn = newScope(index, node, 'function', name ? t(name) : null, scope);
      if (name) addDef(scope.vars, t(name), { k: 'func', node, fnScope: fn, pos: node.start });
      const params = field(node, 'parameters');
      if (params) for (const p of named(params)) pythonParam(p, fn, t);
      return fn;
    }
    case 'lambda': {
      const fn = newScope(index, node, 'function', null, scope);
      const params = field(node, 'parameters');
      if (params) for (const p of named(params)) pythonParam(p, fn, t);
      return fn;
    }
    case 'class_definition': {
      const name = field(node, 'name');
      return classScope(index, node, name ? t(name) : '', scope);
    }
    case 'return_statement': {
      const v = named(node)[0];
      const fnScope = enclosingFunctionScope(scope);
      if (v && fnScope) fnScope.returns.push(v);
      return scope;
    }
    case 'assignment': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (left) bindPythonTarget(left, right, scope, t, node.start);
      return scope;
    }
    case 'for_statement':
    case 'for_in_clause': {
      const left = field(node, 'left');
      if (left) bindPythonTarget(left, undefined, scope, t, node.start);
      return scope;
    }
    case 'as_pattern': {
      const alias = field(node, 'alias');
      const value = named(node)[0];
      const target = alias ? named(alias)[0] : undefined;
      if (target && target.type === 'identifier') addDef(scope.vars, t(target), value && node.parent?.type === 'with_item' ? { k: 'value', node: value, scope, pos: node.start } : { k: 'unknown', pos: node.start });
      return scope;
    }
    case 'import_statement':
      for (const n of node.kids) {
        if (n.field !== 'name') continue;
        if (n.type === 'aliased_import') {
          const mod = field(n, 'name');
          const alias = field(n, 'alias');
          if (mod && alias) addDef(scope.vars, t(alias), { k: 'import', module: t(mod), names: [], pos: node.start });
        } else {
          const first = t(n).split('.')[0]!;
          addDef(scope.vars, first, { k: 'import', module: first, names: [], pos: node.start });
        }
      }
      return scope;
    case 'import_from_statement': {
      const modNode = field(node, 'module_name');
      const module = modNode ? t(modNode).replace(/\s+/g, '') : '';
      for (const n of node.kids) {
        if (n.field !== 'name') continue;
        if (n.type === 'aliased_import') {
          const nm = field(n, 'name');
          const alias = field(n, 'alias');
          if (nm && alias) addDef(scope.vars, t(alias), { k: 'import', module, names: t(nm).split('.'), pos: node.start });
        } else {
          const nm = t(n);
          addDef(scope.vars, nm.split('.').pop()!, { k: 'import', module, names: nm.split('.'), pos: node.start });
        }
      }
      return scope;
    }
    default:
      return scope;
  }
}

function enclosingFunctionScope(scope: Scope): Scope | undefined {
  for (let s: Scope | null = scope; s; s = s.parent) if (s.kind === 'function') return s;
  return undefined;
}

function pythonParam(p: SNode, fn: Scope, t: (n: SNode) => string): void {
  let nameNode: SNode | undefined;
  let dflt: SNode | undefined;
  let type: SNode | undefined;
  if (p.type === 'identifier') nameNode = p;
  else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
    nameNode = field(p, 'name');
    dflt = field(p, 'value');
    type = field(p, 'type');
  } else if (p.type === 'typed_parameter') {
    nameNode = named(p).find((k) => k.type === 'identifier');
    type = field(p, 'type');
  } else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') nameNode = named(p)[0];
  if (!nameNode || nameNode.type !== 'identifier') return;
  addDef(fn.vars, t(nameNode), { k: 'param', dflt, type, scope: fn, pos: p.start });
}

function bindPythonTarget(left: SNode, right: SNode | undefined, scope: Scope, t: (n: SNode) => string, pos: number): void {
  if (left.type === 'identifier') {
    addDef(scope.vars, t(left), right ? { k: 'value', node: right, scope, pos } : { k: 'unknown', pos });
    return;
  }
  if (left.type === 'attribute') {
    const obj = field(left, 'object');
    const attr = field(left, 'attribute');
    const self = selfName(scope, t);
    if (obj && attr && self && t(obj) === self && scope.cls) addDef(scope.cls.attrs, t(attr), right ? { k: 'value', node: right, scope, pos } : { k: 'unknown', pos });
    return;
  }
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern' || left.type === 'tuple') {
    const targets = named(left);
    const values = right && (right.type === 'expression_list' || right.type === 'tuple') ? named(right) : [];
    targets.forEach((tg, i) => bindPythonTarget(tg, values.length === targets.length ? values[i] : undefined, scope, t, pos));
  }
}

function jsFunctionName(node: SNode, t: (n: SNode) => string): string | null {
  const name = field(node, 'name');
  if (name) return t(name);
  const p = node.parent;
  if (p?.type === 'variable_declarator') {
    const n = field(p, 'name');
    return n ? t(n) : null;
  }
  if (p?.type === 'pair' || p?.type === 'public_field_definition' || p?.type === 'field_definition') {
    const k = field(p, 'key') ?? field(p, 'name') ?? field(p, 'property');
    return k ? t(k).replace(/^['"]|['"]$/g, '') : null;
  }
  if (p?.type === 'assignment_expression') {
    const l = field(p, 'left');
    return l ? t(l).split('.').pop() ?? null : null;
  }
  return null;
}

function visitJs(node: SNode, scope: Scope, index: ProgramIndex, t: (n: SNode) => string): Scope {
  const type = node.type;
  if (type === 'call_expression' || type === 'new_expression') {
    index.calls.push(node);
    return scope;
  }
  if (JS_FUNC.has(type)) {
    const name = jsFunctionName(node, t);
    const fn = newScope(index, node, 'function', name, scope);
    if (name && (type === 'function_declaration' || type === 'generator_function_declaration')) addDef(scope.vars, name, { k: 'func', node, fnScope: fn, pos: node.start });
    const params = field(node, 'parameters') ?? field(node, 'parameter');
    if (params) {
      if (params.type === 'identifier') addDef(fn.vars, t(params), { k: 'param', scope: fn, pos: params.start });
      else for (const p of named(params)) jsParam(p, fn, t, name === 'constructor');
    }
    const body = field(node, 'body');
    if (type === 'arrow_function' && body && body.type !== 'statement_block') fn.returns.push(body);
    return fn;
  }
  if (JS_CLASS.has(type)) {
    const name = field(node, 'name');
    let nm = name ? t(name) : '';
    if (!nm && node.parent?.type === 'variable_declarator') nm = t(field(node.parent, 'name') ?? node);
    return classScope(index, node, nm, scope);
  }
  switch (type) {
    case 'enum_declaration': {
      const name = field(node, 'name');
      const s = classScope(index, node, name ? t(name) : '', scope);
      for (const m of named(field(node, 'body') ?? node)) {
        const n = m.type === 'enum_assignment' ? field(m, 'name') : undefined;
        const v = m.type === 'enum_assignment' ? field(m, 'value') : undefined;
        if (n && v) addDef(s.vars, t(n).replace(/^['"]|['"]$/g, ''), { k: 'value', node: v, scope: s, pos: m.start });
      }
      return s;
    }
    case 'return_statement': {
      const v = named(node)[0];
      const fnScope = enclosingFunctionScope(scope);
      if (v && fnScope) fnScope.returns.push(v);
      return scope;
    }
    case 'variable_declarator': {
      const name = field(node, 'name');
      const value = field(node, 'value');
      if (name) bindJsPattern(name, value, scope, t, node.start);
      return scope;
    }
    case 'assignment_expression': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (!left) return scope;
      if (left.type === 'identifier') addDef(scope.vars, t(left), right ? { k: 'value', node: right, scope, pos: node.start } : { k: 'unknown', pos: node.start });
      else if (left.type === 'member_expression') {
        const obj = field(left, 'object');
        const prop = field(left, 'property');
        if (obj?.type === 'this' && prop && scope.cls) addDef(scope.cls.attrs, t(prop), right ? { k: 'value', node: right, scope, pos: node.start } : { k: 'unknown', pos: node.start });
      }
      return scope;
    }
    case 'public_field_definition':
    case 'field_definition': {
      const name = field(node, 'name') ?? field(node, 'property');
      const value = field(node, 'value');
      if (name && scope.cls) addDef(scope.cls.attrs, t(name), value ? { k: 'value', node: value, scope, pos: node.start } : { k: 'param', type: field(node, 'type'), scope, pos: node.start });
      return scope;
    }
    case 'for_in_statement': {
      const left = field(node, 'left');
      if (left) bindJsPattern(left, undefined, scope, t, node.start);
      return scope;
    }
    case 'import_statement': {
      const src = field(node, 'source');
      if (!src) return scope;
      const module = t(src).slice(1, -1);
      const clause = named(node).find((k) => k.type === 'import_clause');
      if (!clause) return scope;
      for (const c of named(clause)) {
        if (c.type === 'identifier') addDef(scope.vars, t(c), { k: 'import', module, names: ['default'], pos: node.start });
        else if (c.type === 'namespace_import') {
          const id = named(c)[0];
          if (id) addDef(scope.vars, t(id), { k: 'import', module, names: [], pos: node.start });
        } else if (c.type === 'named_imports') {
          for (const spec of named(c)) {
            if (spec.type !== 'import_specifier') continue;
            const nm = field(spec, 'name');
            const alias = field(spec, 'alias');
            if (nm) addDef(scope.vars, t(alias ?? nm), { k: 'import', module, names: [t(nm).replace(/^['"]|['"]$/g, '')], pos: node.start });
          }
        }
      }
      return scope;
    }
    default:
      return scope;
  }
}

function jsParam(p: SNode, fn: Scope, t: (n: SNode) => string, isConstructor: boolean): void {
  let pattern: SNode | undefined = p;
  let dflt: SNode | undefined;
  let type: SNode | undefined;
  if (p.type === 'required_parameter' || p.type === 'optional_parameter') {
    pattern = field(p, 'pattern');
    dflt = field(p, 'value');
    type = field(p, 'type');
    const typeName = type ? named(type)[0] : undefined;
    if (typeName) type = typeName;
    if (isConstructor && pattern?.type === 'identifier' && fn.parent?.cls && p.kids.some((k) => k.type === 'accessibility_modifier' || k.type === 'readonly')) {
      addDef(fn.parent.cls.attrs, t(pattern), { k: 'param', dflt, type, scope: fn, pos: p.start });
    }
  } else if (p.type === 'assignment_pattern') {
    pattern = field(p, 'left');
    dflt = field(p, 'right');
  }
  if (!pattern) return;
  if (pattern.type === 'identifier') addDef(fn.vars, t(pattern), { k: 'param', dflt, type, scope: fn, pos: p.start });
  else if (pattern.type === 'object_pattern') {
    for (const k of named(pattern)) {
      if (k.type === 'shorthand_property_identifier_pattern') addDef(fn.vars, t(k), { k: 'param', scope: fn, pos: k.start });
      else if (k.type === 'object_assignment_pattern') {
        const l = field(k, 'left');
        if (l) addDef(fn.vars, t(l), { k: 'param', dflt: field(k, 'right'), scope: fn, pos: k.start });
      } else if (k.type === 'pair_pattern') {
        const v = field(k, 'value');
        if (v?.type === 'identifier') addDef(fn.vars, t(v), { k: 'param', scope: fn, pos: k.start });
        else if (v?.type === 'assignment_pattern') {
          const l = field(v, 'left');
          if (l) addDef(fn.vars, t(l), { k: 'param', dflt: field(v, 'right'), scope: fn, pos: k.start });
        }
      }
    }
  }
}

/** `require('x')`, `await import('x')`, `require('x').default` → the module and the names taken from it. */
function requireModule(value: SNode | undefined, t: (n: SNode) => string): { module: string; names: string[] } | null {
  let v = value;
  while (v && (v.type === 'await_expression' || v.type === 'parenthesized_expression')) v = named(v)[0];
  const names: string[] = [];
  while (v && v.type === 'member_expression') {
    const prop = field(v, 'property');
    if (prop) names.unshift(t(prop));
    v = field(v, 'object');
    while (v && (v.type === 'await_expression' || v.type === 'parenthesized_expression')) v = named(v)[0];
  }
  if (!v || v.type !== 'call_expression') return null;
  const fn = field(v, 'function');
  if (!fn || (fn.type !== 'identifier' && fn.type !== 'import') || (t(fn) !== 'require' && t(fn) !== 'import')) return null;
  const args = field(v, 'arguments');
  const first = args ? named(args)[0] : undefined;
  if (!first || first.type !== 'string') return null;
  return { module: t(first).slice(1, -1), names };
}

function bindJsPattern(name: SNode, value: SNode | undefined, scope: Scope, t: (n: SNode) => string, pos: number): void {
  if (name.type === 'identifier') {
    const mod = requireModule(value, t);
    if (mod !== null) addDef(scope.vars, t(name), { k: 'import', module: mod.module, names: mod.names, pos });
    else addDef(scope.vars, t(name), value ? { k: 'value', node: value, scope, pos } : { k: 'unknown', pos });
    return;
  }
  if (name.type === 'object_pattern') {
    const mod = requireModule(value, t);
    for (const k of named(name)) {
      let local: SNode | undefined;
      let key: string | undefined;
      let dflt: SNode | undefined;
      if (k.type === 'shorthand_property_identifier_pattern') {
        local = k;
        key = t(k);
      } else if (k.type === 'pair_pattern') {
        const v = field(k, 'value');
        const kk = field(k, 'key');
        key = kk ? t(kk) : undefined;
        if (v?.type === 'identifier') local = v;
        else if (v?.type === 'assignment_pattern') {
          local = field(v, 'left');
          dflt = field(v, 'right');
        }
      } else if (k.type === 'object_assignment_pattern') {
        local = field(k, 'left');
        key = local ? t(local) : undefined;
        dflt = field(k, 'right');
      }
      if (!local || !key) continue;
      if (mod !== null) addDef(scope.vars, t(local), { k: 'import', module: mod.module, names: [...mod.names, key], pos });
      else if (dflt) addDef(scope.vars, t(local), { k: 'param', dflt, scope, pos });
      else if (value) addDef(scope.vars, t(local), { k: 'member', node: value, key, scope, pos });
      else addDef(scope.vars, t(local), { k: 'unknown', pos });
    }
    return;
  }
  if (name.type === 'array_pattern') for (const k of named(name)) if (k.type === 'identifier') addDef(scope.vars, t(k), { k: 'unknown', pos });
}

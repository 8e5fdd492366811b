import { addDef, classScope, enclosingFunctionScope, newScope, type ProgramIndex, type Scope } from './scope-defs';
import { field, named, type SNode } from './syntax-tree';

const JS_FUNC = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function']);
const JS_CLASS = new Set(['class_declaration', 'class', 'abstract_class_declaration']);

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

/** Records what one JS/TS node binds; returns the scope its children live in. */
export function visitJs(node: SNode, scope: Scope, index: ProgramIndex, t: (n: SNode) => string): Scope {
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
      const right = field(node, 'right');
      const isOf = node.kids.some((k) => k.type === 'of');
      if (left?.type === 'identifier' && right && isOf) addDef(scope.vars, t(left), { k: 'loop', iter: right, pos: node.start });
      else if (left) bindJsPattern(left, undefined, scope, t, node.start);
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

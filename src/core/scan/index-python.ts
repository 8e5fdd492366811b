import { addDef, classScope, enclosingFunctionScope, newScope, type ProgramIndex, type Scope } from './scope-defs';
import { annotatedClass, isInjectionMarker } from './python-annotations';
import { storeKey } from './python-stores';
import { field, named, type SNode } from './syntax-tree';

/** Nearest function scope's first parameter name in Python (`self`/`cls`). */
function selfName(scope: Scope, t: (n: SNode) => string): string | null {
  if (scope.kind !== 'function' || !scope.cls) return null;
  const params = field(scope.node, 'parameters');
  const first = params ? named(params)[0] : undefined;
  if (!first) return null;
  return first.type === 'identifier' ? t(first) : null;
}

/** Records what one Python node binds; returns the scope its children live in. */
export function visitPython(node: SNode, scope: Scope, index: ProgramIndex, t: (n: SNode) => string): Scope {
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
      const right = field(node, 'right');
      // `for m in MODELS:` — the value is unknown, but what it iterates over is kept (see loopValues).
      if (left?.type === 'identifier' && right) addDef(scope.vars, t(left), { k: 'loop', iter: right, pos: node.start });
      else if (left) bindPythonTarget(left, undefined, scope, t, node.start);
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
  if (type) type = annotatedClass(type, t);
  if (dflt && type && isInjectionMarker(dflt, t)) dflt = undefined;
  addDef(fn.vars, t(nameNode), { k: 'param', dflt, type, scope: fn, pos: p.start });
}

function bindPythonTarget(left: SNode, right: SNode | undefined, scope: Scope, t: (n: SNode) => string, pos: number): void {
  if (left.type === 'identifier') {
    addDef(scope.vars, t(left), right ? { k: 'value', node: right, scope, pos } : { k: 'unknown', pos });
    return;
  }
  if ((left.type === 'subscript' || left.type === 'attribute') && right?.type === 'string') {
    // `st.session_state["model"] = "gpt-4o"`: kept on the module scope for reads of the same slot (python-stores.ts).
    const key = storeKey(left, t);
    let root = scope;
    while (root.parent) root = root.parent;
    if (key) addDef(root.vars, key, { k: 'value', node: right, scope, pos });
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

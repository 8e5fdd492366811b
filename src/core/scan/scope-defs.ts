import type { SNode } from './syntax-tree';

/** What a name is bound to in a scope. `pos` is the offset of the binding, used to pick the assignment before a use. */
export type Def =
  | { k: 'value'; node: SNode; scope: Scope; pos: number }
  | { k: 'import'; module: string; names: string[]; pos: number }
  | { k: 'param'; dflt?: SNode; type?: SNode; scope: Scope; pos: number }
  | { k: 'func'; node: SNode; fnScope: Scope; pos: number }
  | { k: 'class'; node: SNode; cls: ClassInfo; pos: number }
  | { k: 'member'; node: SNode; key: string; scope: Scope; pos: number }
  | { k: 'loop'; iter: SNode; pos: number }
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

/** Adds a binding to a scope's map. */
export function addDef(map: Map<string, Def[]>, name: string, def: Def): void {
  const list = map.get(name);
  if (list) list.push(def);
  else map.set(name, [def]);
}


/** A new scope for a function or class node, registered in the index. */
export function newScope(index: ProgramIndex, node: SNode, kind: Scope['kind'], name: string | null, parent: Scope): Scope {
  const s: Scope = { node, kind, name, parent, vars: new Map(), returns: [] };
  if (kind === 'function' && parent.kind === 'class') s.cls = parent.cls;
  else if (kind === 'function' && parent.cls && parent.kind === 'function' && node.type === 'arrow_function') s.cls = parent.cls;
  index.scopes.set(node, s);
  return s;
}

/** A class scope, with its ClassInfo and a binding of the class name in the parent. */
export function classScope(index: ProgramIndex, node: SNode, name: string, parent: Scope): Scope {
  const s = newScope(index, node, 'class', name, parent);
  const cls: ClassInfo = { name, attrs: s.vars, scope: s };
  s.cls = cls;
  addDef(parent.vars, name, { k: 'class', node, cls, pos: node.start });
  return s;
}

/** The nearest function scope, or undefined at module level. */
export function enclosingFunctionScope(scope: Scope): Scope | undefined {
  for (let s: Scope | null = scope; s; s = s.parent) if (s.kind === 'function') return s;
  return undefined;
}


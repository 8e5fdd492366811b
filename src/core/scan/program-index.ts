import { visitJs } from './index-js';
import { visitPython } from './index-python';
import type { ProgramIndex, Scope } from './scope-defs';
import type { SNode } from './syntax-tree';

export type { ClassInfo, Def, ProgramIndex, Scope } from './scope-defs';

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

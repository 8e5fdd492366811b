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
  // Two parallel stacks instead of one of pairs: this walk touches every node, and pair objects were garbage.
  const nodes: SNode[] = [root];
  const scopes: Scope[] = [rootScope];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const scope = scopes.pop()!;
    const inner = family === 'py' ? visitPython(node, scope, index, t) : visitJs(node, scope, index, t);
    for (let i = node.kids.length - 1; i >= 0; i--) {
      nodes.push(node.kids[i]!);
      scopes.push(inner);
    }
  }
  return index;
}

import type { Tree } from 'web-tree-sitter';

/**
 * A plain-JavaScript copy of a tree-sitter syntax tree. The scanner reads each node many times (types, fields,
 * children); crossing into WASM for every read would cost more than copying the tree once with a cursor, so the walk
 * happens once per file and everything after it is ordinary object access.
 */
export interface SNode {
  type: string;
  /** UTF-16 offsets into the parsed text. */
  start: number;
  end: number;
  /** 0-based row and UTF-16 column of `start`. */
  row: number;
  col: number;
  /** Field name in the parent (`function`, `object`, `name`, …), or null. */
  field: string | null;
  named: boolean;
  kids: SNode[];
  parent: SNode | null;
}

/** Anonymous tokens worth keeping: operators held in a field (`??`, `or`) and keywords the scanner reads. */
const KEEP_ANON = new Set(['??', '||', 'or', 'of', 'in', '+', 'await', 'async', 'new', '*', '**', '...']);

/** Copies `tree` into SNodes in one cursor pass (linear in the number of nodes). */
export function copyTree(tree: Tree): SNode {
  const cursor = tree.walk();
  const rootTs = cursor.currentNode;
  const root: SNode = { type: rootTs.type, start: rootTs.startIndex, end: rootTs.endIndex, row: 0, col: 0, field: null, named: true, kids: [], parent: null };
  let parent = root;
  if (!cursor.gotoFirstChild()) return root;
  for (;;) {
    const named = cursor.nodeIsNamed;
    const type = cursor.nodeType;
    const field = cursor.currentFieldName;
    let node: SNode | null = null;
    if (named || field !== null || KEEP_ANON.has(type)) {
      const pos = cursor.startPosition;
      node = { type, start: cursor.startIndex, end: cursor.endIndex, row: pos.row, col: pos.column, field, named, kids: [], parent };
      parent.kids.push(node);
    }
    if (node && named && cursor.gotoFirstChild()) {
      parent = node;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || parent === root) {
        cursor.delete();
        return root;
      }
      parent = parent.parent ?? root;
    }
  }
}

/** The child held in `field`, or undefined. */
export function field(node: SNode | null | undefined, name: string): SNode | undefined {
  if (!node) return undefined;
  for (const k of node.kids) if (k.field === name) return k;
  return undefined;
}

/** Named children only. */
export function named(node: SNode): SNode[] {
  return node.kids.filter((k) => k.named);
}

/** Nearest ancestor (not the node itself) whose type is in `types`. */
export function ancestor(node: SNode, types: ReadonlySet<string>): SNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (types.has(p.type)) return p;
  return undefined;
}

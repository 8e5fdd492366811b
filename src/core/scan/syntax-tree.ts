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

/** Shared by every leaf (most nodes): a node gets its own array when its first child arrives. Never mutated. */
const NO_KIDS: SNode[] = [];

/** Anonymous tokens worth keeping: operators held in a field (`??`, `or`) and keywords the scanner reads. */
const KEEP_ANON = new Set(['??', '||', 'or', 'of', 'in', '+', 'await', 'async', 'new', '*', '**', '...']);

interface LanguageTables {
  types: string[];
  fields: (string | null)[];
  named: boolean[];
}
const tables = new WeakMap<object, LanguageTables>();

/** Type names, field names and namedness by id, read once per grammar (ids cross the WASM boundary cheaply, strings do not). */
function tablesFor(tree: Tree): LanguageTables {
  const lang = tree.language;
  let t = tables.get(lang);
  if (!t) {
    const types = lang.types.slice();
    const named = types.map((_, id) => lang.nodeTypeIsNamed(id));
    t = { types, fields: lang.fields.slice(), named };
    tables.set(lang, t);
  }
  return t;
}

/** 0-based line starts of `text`, for turning offsets into rows and columns without asking the tree. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Copies `tree` into SNodes in one cursor pass (linear in the number of nodes). `text` is the parsed text.
 * `reuse` (incremental re-analysis) is offered each top-level node as copied so far (no children yet); when it returns
 * a node — an equal subtree from the copy of a previous version — that one is attached instead and the subtree is not
 * walked.
 */
export function copyTree(tree: Tree, text: string, reuse?: (node: SNode) => SNode | undefined): SNode {
  const { types, fields, named: isNamed } = tablesFor(tree);
  const starts = lineStarts(text);
  let lineIdx = 0;
  const position = (offset: number): [number, number] => {
    // Offsets mostly grow during the walk: move from the last line instead of searching from scratch.
    if (starts[lineIdx]! > offset) {
      let lo = 0;
      let hi = lineIdx;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      lineIdx = lo;
    }
    while (lineIdx + 1 < starts.length && starts[lineIdx + 1]! <= offset) lineIdx++;
    return [lineIdx, offset - starts[lineIdx]!];
  };
  const cursor = tree.walk();
  const rootTs = cursor.currentNode;
  const root: SNode = { type: rootTs.type, start: rootTs.startIndex, end: rootTs.endIndex, row: 0, col: 0, field: null, named: true, kids: [], parent: null };
  let parent = root;
  if (!cursor.gotoFirstChild()) {
    cursor.delete();
    return root;
  }
  for (;;) {
    const typeId = cursor.nodeTypeId;
    const named = isNamed[typeId] ?? cursor.nodeIsNamed;
    const type = types[typeId] ?? cursor.nodeType;
    const fieldId = cursor.currentFieldId;
    const field = fieldId ? (fields[fieldId] ?? null) : null;
    let node: SNode | null = null;
    if (named || field !== null || KEEP_ANON.has(type)) {
      const start = cursor.startIndex;
      const [row, col] = position(start);
      node = { type, start, end: cursor.endIndex, row, col, field, named, kids: NO_KIDS, parent };
      if (parent.kids === NO_KIDS) parent.kids = [node];
      else parent.kids.push(node);
      const kept = reuse && parent === root ? reuse(node) : undefined;
      if (kept) {
        kept.parent = root;
        parent.kids[parent.kids.length - 1] = kept;
        node = null;
      }
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

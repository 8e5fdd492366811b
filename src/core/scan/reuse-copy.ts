import type { Range } from 'web-tree-sitter';
import type { SNode } from './syntax-tree';
import type { TextEdit } from './trivia-edit';

/**
 * The reuse hook of copyTree for a re-parse after an edit: a top-level statement of the new tree that lies wholly
 * before or wholly after the edited region, and that no changed range of the re-parse (tree-sitter's
 * getChangedRanges: where the syntax differs) touches, has the same text and the same syntax as in the previous
 * version, so the previous version's copy of it is taken — moved down by the edit's length and line count when it
 * comes after — instead of walking it through the WASM boundary again. Statements that share a line with the end of
 * the edit are copied afresh (their columns would change). `oldRoot` is consumed: its statements are moved in place.
 */
export function reuseStatements(oldRoot: SNode, edit: TextEdit, changed: readonly Range[]): (node: SNode) => SNode | undefined {
  const byStart = new Map<number, SNode>();
  for (const k of oldRoot.kids) byStart.set(k.start, k);
  const delta = edit.newEnd - edit.oldEnd;
  const touched = (node: SNode) => changed.some((r) => r.startIndex <= node.end && r.endIndex >= node.start);
  return (node) => {
    const before = node.end <= edit.start;
    const after = node.start >= edit.newEnd;
    if ((!before && !after) || touched(node)) return undefined;
    const old = byStart.get(before ? node.start : node.start - delta);
    if (!old || old.type !== node.type || old.field !== node.field || old.named !== node.named || old.end !== (before ? node.end : node.end - delta)) return undefined;
    if (before) return old;
    if (old.col !== node.col) return undefined;
    const rows = node.row - old.row;
    const stack = [old];
    while (stack.length > 0) {
      const n = stack.pop()!;
      n.start += delta;
      n.end += delta;
      n.row += rows;
      for (const k of n.kids) stack.push(k);
    }
    return old;
  };
}

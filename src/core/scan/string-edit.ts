import type { Tree } from 'web-tree-sitter';
import type { SNode } from './syntax-tree';
import type { TextEdit } from './trivia-edit';

/** Literal text inside a string (Python `string_content`, JS/TS `string_fragment`). */
const CONTENT_TYPES = new Set(['string_content', 'string_fragment']);

/** Characters that can end a string, start an escape or an interpolation, or end a line: never plain content. */
const SPECIAL = /["'`\\{}$\n\r]/;

/**
 * Typing inside a string literal — the most common edit in code that calls an LLM: the prompt. When the edit only
 * adds or removes plain characters strictly inside one string's literal text (no quote, backslash, brace, `$` or line
 * break, and no escape sequence just before it), the syntax tree keeps its shape and only positions after the edit
 * move, so the previous plain-JS copy of the tree (syntax-tree.ts), shifted, is exactly the copy of the new tree.
 * Returns the chain of copied nodes that contain the edit (the string's content node first, then its ancestors), or
 * undefined when the edit is anything else. `tree` is the old text's tree (possibly carrying earlier edits).
 */
export function stringEditChain(tree: Tree, root: SNode, oldText: string, newText: string, edit: TextEdit): SNode[] | undefined {
  if (SPECIAL.test(oldText.slice(edit.start, edit.oldEnd)) || SPECIAL.test(newText.slice(edit.start, edit.newEnd))) return undefined;
  // Octal and `\u{…}` escapes take a variable number of characters: keep clear of any backslash just before.
  if (oldText.slice(Math.max(0, edit.start - 10), edit.start).includes('\\')) return undefined;
  // An insertion at either end of the literal text touches the quote too: look at the characters on both sides.
  const root0 = tree.rootNode;
  const candidates =
    edit.start === edit.oldEnd
      ? [root0.descendantForIndex(edit.start, edit.start + 1), edit.start > 0 ? root0.descendantForIndex(edit.start - 1, edit.start) : null]
      : [root0.descendantForIndex(edit.start, edit.oldEnd)];
  const n = candidates.find((c) => !!c && CONTENT_TYPES.has(c.type) && edit.start >= c.startIndex && edit.oldEnd <= c.endIndex);
  // The literal text must not become empty (an empty string has no content node).
  if (!n || n.endIndex - n.startIndex + edit.newEnd - edit.oldEnd <= 0) return undefined;
  // The same node in the copy: descend by range.
  const chain: SNode[] = [];
  let node: SNode | undefined = root;
  while (node) {
    chain.push(node);
    if (node.start === n.startIndex && node.end === n.endIndex && node.type === n.type) break;
    node = node.kids.find((k) => k.start <= n.startIndex && k.end >= n.endIndex);
  }
  if (!node) return undefined;
  // Escape sequences (Python keeps them under string_content) must lie wholly outside the edited range.
  if (node.kids.some((k) => k.start < edit.oldEnd && k.end > edit.start)) return undefined;
  return chain.reverse();
}

/**
 * Moves `root`'s nodes (in place) past a string edit found by stringEditChain: the nodes of `chain` grow by the
 * length difference, nodes after the edit move, and those on the edited line also change column. No line breaks
 * changed, so rows stay. Throws (leaving `root` unusable) if a node straddles the edit, which stringEditChain rules out.
 */
export function shiftForStringEdit(root: SNode, chain: readonly SNode[], edit: TextEdit, oldText: string): void {
  const delta = edit.newEnd - edit.oldEnd;
  if (delta === 0) return;
  const containing = new Set(chain);
  const row = chain[0]!.row + rowsBetween(oldText, chain[0]!, edit.start);
  const stack: SNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (containing.has(node)) {
      node.end += delta;
    } else if (node.start >= edit.oldEnd) {
      if (node.row === row) node.col += delta;
      node.start += delta;
      node.end += delta;
    } else if (node.end > edit.start) {
      throw new Error('string edit overlaps a node');
    }
    if (node.end > edit.start || containing.has(node)) for (const k of node.kids) stack.push(k);
  }
}

/** Rows from `node`'s start to `offset` in `text` — a multi-line string's content can start rows before the edit. */
function rowsBetween(text: string, node: SNode, offset: number): number {
  let rows = 0;
  for (let i = text.indexOf('\n', node.start); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) rows++;
  return rows;
}

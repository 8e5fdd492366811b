import type { Node as TsNode, Tree } from 'web-tree-sitter';

/**
 * Deciding whether an edit touched only what the scanner ignores — whitespace and comments between statements or
 * arguments — so that the previous scan result, shifted, is exactly what a new scan would give (see incremental.ts).
 * Every test here errs on the side of "no": a wrong "no" costs a re-scan, a wrong "yes" would give stale results.
 */

/** The single edited region between two texts: [start, oldEnd) in the old text became [start, newEnd) in the new. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

const CHUNK = 1024;

/** The edit turning `a` into `b` (common prefix and suffix removed), or undefined when the texts are equal. */
export function diffTexts(a: string, b: string): TextEdit | undefined {
  if (a === b) return undefined;
  const max = Math.min(a.length, b.length);
  let start = 0;
  // Whole chunks first (a string comparison of two slices is a native memory compare), then character by character.
  while (start + CHUNK <= max && a.slice(start, start + CHUNK) === b.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let ea = a.length;
  let eb = b.length;
  while (ea - CHUNK >= start && eb - CHUNK >= start && a.slice(ea - CHUNK, ea) === b.slice(eb - CHUNK, eb)) {
    ea -= CHUNK;
    eb -= CHUNK;
  }
  while (ea > start && eb > start && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  return { start, oldEnd: ea, newEnd: eb };
}

/** Node types whose comment children the scanner skips (statement lists, argument lists). */
const TRIVIA_PARENTS = new Set(['module', 'block', 'program', 'statement_block', 'class_body', 'argument_list', 'arguments']);

/** A comment the scanner ignores: in a statement list or an argument list. */
function isIgnoredComment(n: TsNode): boolean {
  return n.type === 'comment' && TRIVIA_PARENTS.has(n.parent?.type ?? '');
}

/**
 * True when [start, end) of `text` (parsed as `tree`) holds only whitespace and ignored comments, and an empty range
 * sits between tokens or inside an ignored comment — so changing it cannot change what the scanner reads.
 */
export function onlyTrivia(tree: Tree, text: string, start: number, end: number): boolean {
  const root = tree.rootNode;
  if (start === end) {
    const n = root.descendantForIndex(start, start);
    if (!n) return false;
    if (n.type === 'comment') return isIgnoredComment(n) && start >= n.startIndex + 2;
    return n.startIndex === start || n.endIndex === start || TRIVIA_PARENTS.has(n.type);
  }
  const spanning = root.descendantForIndex(start, end);
  if (!spanning) return false;
  if (spanning.type === 'comment') {
    const block = text.startsWith('/*', spanning.startIndex);
    return isIgnoredComment(spanning) && start >= spanning.startIndex + 2 && end <= spanning.endIndex - (block ? 2 : 0);
  }
  if (!TRIVIA_PARENTS.has(spanning.type)) return false;
  // Every non-blank run must lie in an ignored comment.
  for (let i = start; i < end; ) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const n = root.descendantForIndex(i, i + 1);
    if (!n || !isIgnoredComment(n) || n.startIndex > i) return false;
    if (n.startIndex === i && !(text.startsWith('#', i) || text.startsWith('//', i) || text.startsWith('/*', i))) return false;
    i = n.endIndex;
  }
  return true;
}


const BLANK = /^[ \t\n]*$/;
/** A whole trailing comment at the end of a line: `  # note` (Python) or ` // note` (JS/TS). */
const PY_TAIL_COMMENT = /^[ \t]+#[^\n\r]*$/;
const JS_TAIL_COMMENT = /^[ \t]*\/\/[^\n\r]*$/;

/**
 * Trivia edits recognisable from the old tree and the new text without parsing the new text:
 *  - text changed strictly inside an ignored comment, adding no line break (and, in a block comment, no `*` + `/`);
 *  - whitespace or a whole trailing comment added or removed at the end of a line (blank lines, trailing spaces,
 *    `  # note`) where the line break after it is between statements or arguments — never indentation, which is
 *    syntax in Python.
 * `tree` is the old text's tree (possibly carrying earlier edits that were recognised here).
 */
export function triviaByText(tree: Tree, oldText: string, newText: string, edit: TextEdit): boolean {
  const oldSeg = oldText.slice(edit.start, edit.oldEnd);
  const newSeg = newText.slice(edit.start, edit.newEnd);
  const root = tree.rootNode;
  const tail = root.type === 'module' ? PY_TAIL_COMMENT : JS_TAIL_COMMENT;
  const blank = BLANK.test(oldSeg) && BLANK.test(newSeg);
  if (blank || ((oldSeg === '' || tail.test(oldSeg)) && (newSeg === '' || tail.test(newSeg)))) {
    // The line break after the region must be the same one in both texts (or both end the file), and lie between
    // statements or arguments (not in a string, a continued expression or a list).
    const atBreak = (t: string, i: number) => i === t.length || t.charCodeAt(i) === 10;
    if (!atBreak(oldText, edit.oldEnd) || !atBreak(newText, edit.newEnd)) return false;
    const spanning = root.descendantForIndex(edit.start, Math.min(edit.oldEnd + 1, oldText.length));
    return !!spanning && TRIVIA_PARENTS.has(spanning.type);
  }
  if (newSeg.includes('\n') || newSeg.includes('\r')) return false;
  const n = root.descendantForIndex(edit.start, edit.oldEnd);
  if (!n || !isIgnoredComment(n) || edit.start < n.startIndex + 2) return false;
  const block = oldText.startsWith('/*', n.startIndex);
  if (!block) return oldText.charCodeAt(n.startIndex) === 35 || oldText.startsWith('//', n.startIndex) ? edit.oldEnd <= n.endIndex : false;
  if (edit.oldEnd > n.endIndex - 2) return false;
  // The comment must still close where it did.
  return newText.indexOf('*/', n.startIndex + 2) === n.endIndex - 2 + (edit.newEnd - edit.oldEnd);
}

const isBlankChar = (c: number) => c === 32 || c === 9 || c === 10;

/**
 * The same pure insertion or deletion of whitespace, moved as far left as it can go: diffTexts puts a blank line
 * added inside a run of blank lines after the run (before the next statement); moved left, it ends at a line break,
 * which is what triviaByText recognises. Other edits are returned unchanged.
 */
export function slideBlankEdit(oldText: string, newText: string, edit: TextEdit): TextEdit {
  const insert = edit.oldEnd === edit.start;
  const del = edit.newEnd === edit.start;
  if (insert === del) return edit;
  const longer = insert ? newText : oldText;
  let { start } = edit;
  let end = insert ? edit.newEnd : edit.oldEnd;
  for (let i = start; i < end; i++) if (!isBlankChar(longer.charCodeAt(i))) return edit;
  // Shifting [start, end) one left is the same edit when the character before it equals its last character.
  while (start > 0 && longer.charCodeAt(start - 1) === longer.charCodeAt(end - 1)) {
    start--;
    end--;
  }
  return insert ? { start, oldEnd: start, newEnd: end } : { start, oldEnd: end, newEnd: start };
}

import { strict as assert } from 'node:assert';
import type { Edit, Parser, Tree } from 'web-tree-sitter';
import { lineStarts } from '../../../src/core/scan/incremental';
import { reuseStatements } from '../../../src/core/scan/reuse-copy';
import { shiftForStringEdit, stringEditChain } from '../../../src/core/scan/string-edit';
import { copyTree, type SNode } from '../../../src/core/scan/syntax-tree';
import { diffTexts } from '../../../src/core/scan/trivia-edit';
import { testParsers } from '../../helpers/engine';

/** Plain data of a copied tree (no parent links), for deep comparison. */
function plain(n: SNode): unknown {
  return { type: n.type, start: n.start, end: n.end, row: n.row, col: n.col, field: n.field, named: n.named, kids: n.kids.map(plain) };
}

function point(text: string, offset: number) {
  const starts = lineStarts(text);
  let row = 0;
  while (row + 1 < starts.length && starts[row + 1]! <= offset) row++;
  return { row, column: offset - starts[row]! };
}

/** Applies the single edit old → new to `tree` (as the incremental scanner does). */
function applyEdit(tree: Tree, oldText: string, newText: string) {
  const e = diffTexts(oldText, newText)!;
  tree.edit({ startIndex: e.start, oldEndIndex: e.oldEnd, newEndIndex: e.newEnd, startPosition: point(oldText, e.start), oldEndPosition: point(oldText, e.oldEnd), newEndPosition: point(newText, e.newEnd) } as Edit);
  return e;
}

const SRC = `import os

PROMPT = "Summarize the text"


def a(x):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT + x}])


def b(y):
    return y * 2


def c(z):
    return z + 1
`;

describe('perf: reusing the previous syntax-tree copy', () => {
  let parser: Parser;
  before(async () => {
    parser = (await testParsers()).get('python')!;
  });

  it('a code edit: statements before and after come from the old copy (moved), the edited one is copied afresh; the result equals a fresh copy', () => {
    const next = SRC.replace('return y * 2', 'v = y\n    return v * 2');
    const old = parser.parse(SRC)!;
    const oldRoot = copyTree(old, SRC);
    const before = oldRoot.kids.find((k) => k.type === 'function_definition')!; // a
    const after = oldRoot.kids[oldRoot.kids.length - 1]!; // c
    const edit = applyEdit(old, SRC, next);
    const tree = parser.parse(next, old)!;
    const offered: string[] = [];
    const hook = reuseStatements(oldRoot, edit, old.getChangedRanges(tree));
    const root = copyTree(tree, next, (n) => {
      const r = hook(n);
      offered.push(`${n.type}:${r ? 'reused' : 'fresh'}`);
      return r;
    });
    assert.deepEqual(offered, ['import_statement:reused', 'expression_statement:reused', 'function_definition:reused', 'function_definition:fresh', 'function_definition:reused']);
    assert.equal(root.kids[2], before, 'the function before the edit is the same object');
    assert.equal(root.kids[4], after, 'the function after the edit is the same object, moved');
    assert.equal(after.row, 14);
    assert.deepEqual(plain(root), plain(copyTree(parser.parse(next)!, next)));
  });

  it('typing in a string: the shifted old copy equals a fresh copy of the new text', () => {
    const next = SRC.replace('Summarize the text', 'Summarize the whole text');
    const old = parser.parse(SRC)!;
    const root = copyTree(old, SRC);
    const edit = diffTexts(SRC, next)!;
    const chain = stringEditChain(old, root, SRC, next, edit);
    assert.ok(chain, 'a plain insertion inside a string is recognised');
    assert.equal(chain[0]!.type, 'string_content');
    shiftForStringEdit(root, chain, edit, SRC);
    assert.deepEqual(plain(root), plain(copyTree(parser.parse(next)!, next)));
  });

  it('string edits that can change the syntax are refused', () => {
    const old = parser.parse(SRC)!;
    const root = copyTree(old, SRC);
    const refused = (next: string) => stringEditChain(old, root, SRC, next, diffTexts(SRC, next)!) === undefined;
    assert.ok(refused(SRC.replace('Summarize the', 'Summarize" the')), 'a quote');
    assert.ok(refused(SRC.replace('Summarize the', 'Summarize\\n the')), 'a backslash');
    assert.ok(refused(SRC.replace('Summarize the', 'Summarize {x} the')), 'braces');
    assert.ok(refused(SRC.replace('"Summarize the text"', '""')), 'emptying the string');
    assert.ok(refused(SRC.replace('return y * 2', 'return y * 3')), 'not inside a string');
  });
});

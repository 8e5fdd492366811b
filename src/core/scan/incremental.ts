import type { Edit, Parser, Tree } from 'web-tree-sitter';
import type { CallSite, LanguageId } from '../types';
import { readMarkers } from './call-context';
import { scanTree, type ScanResult } from './scan-text';
import { reuseStatements } from './reuse-copy';
import { shiftForStringEdit, stringEditChain } from './string-edit';
import { copyTree, type SNode } from './syntax-tree';
import { diffTexts, onlyTrivia, slideBlankEdit, triviaByText, type TextEdit } from './trivia-edit';

export { diffTexts, type TextEdit } from './trivia-edit';

/**
 * Re-analysis of a document after an edit, for the editor (which asks for every document version). Per file it keeps
 * the last tree-sitter Tree, its plain-JS copy, the scan result and the analysed calls. For a new version it diffs
 * old → new text (one edit region), records the edit in the old tree, and takes the cheapest sound path (`reused`):
 *  - 'shifted': the edit touched only whitespace and comments the scanner ignores (trivia-edit.ts) — the previous
 *    calls are moved (offsets, line, column, id), their `modelwise:` markers re-read, and their analyses kept unless a
 *    marker changed. Blank lines and comment text are recognised without parsing; other trivia after a re-parse.
 *  - 'copy': typing inside a string literal (string-edit.ts) — the previous tree copy is shifted and the file scanned
 *    again, without parsing or copying.
 *  - 'calls': anything else — incremental re-parse; the copy takes unchanged top-level statements from the previous
 *    copy (reuse-copy.ts) and the file is scanned again.
 * After a re-scan, each call whose site is unchanged apart from its position keeps its previous analysis (token
 * counting, pricing and advice are pure functions of the site). Whatever the path, the result equals a cold analysis
 * of the new text (test/unit/perf checks this on random edits). Trees live in WASM memory: at most `limit` files are
 * kept, the least recently used tree is deleted.
 */
export interface IncrementalScanner<A extends CallSite> {
  /** Scans and analyses `text` (a new version of `fileName`), reusing what the previous version allows. */
  run(fileName: string, text: string, language: LanguageId, parser: Parser, analyze: (site: CallSite) => A): { scan: ScanResult; calls: A[]; reused: 'none' | 'calls' | 'copy' | 'shifted' };
  /** Drops a file's state (the document closed, or it no longer passes the prefilter). */
  forget(fileName: string): void;
  /** Drops everything. */
  clear(): void;
  readonly size: number;
}

interface Kept<A> {
  text: string;
  language: LanguageId;
  parser: Parser;
  tree: Tree;
  starts: number[];
  scan: ScanResult;
  calls: A[];
  /** The plain-JS copy of `tree` the scan was made from, when it is still in step with `text`. */
  root?: SNode;
}

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based row of `offset`. */
function rowOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const point = (starts: readonly number[], offset: number) => {
  const row = rowOf(starts, offset);
  return { row, column: offset - starts[row]! };
};

/** Positional fields of a call site; everything else is what the analysis reads. */
const POSITIONAL = ['id', 'line', 'column', 'startOffset', 'endOffset', 'nameStartOffset', 'nameEndOffset', 'modelLiteral'] as const;

/** A key of everything in `site` except its position (the analysis of a site does not depend on where it is). */
export function siteKey(site: CallSite): string {
  const rest: Record<string, unknown> = { ...site };
  for (const k of POSITIONAL) delete rest[k];
  return JSON.stringify([rest, site.modelLiteral !== undefined]);
}

/** `analyzed` (an analysis of another site with the same key) moved to `site`'s position. */
function moveTo<A extends CallSite>(analyzed: A, site: CallSite): A {
  const out = { ...analyzed };
  for (const k of POSITIONAL) {
    if (site[k] === undefined) delete (out as Partial<CallSite>)[k];
    else (out as Record<string, unknown>)[k] = site[k];
  }
  return out;
}

/** Creates an IncrementalScanner keeping at most `limit` files (trees in WASM memory). */
export function createIncrementalScanner<A extends CallSite>(limit = 16): IncrementalScanner<A> {
  const files = new Map<string, Kept<A>>();
  const drop = (fileName: string) => {
    const k = files.get(fileName);
    if (k) {
      k.tree.delete();
      files.delete(fileName);
    }
  };
  const keep = (fileName: string, kept: Kept<A>) => {
    files.delete(fileName);
    files.set(fileName, kept);
    while (files.size > limit) drop(files.keys().next().value as string);
  };

  function run(fileName: string, text: string, language: LanguageId, parser: Parser, analyze: (site: CallSite) => A): ReturnType<IncrementalScanner<A>['run']> {
    const prev = files.get(fileName);
    files.delete(fileName);
    const starts = lineStarts(text);
    let tree: Tree | null = null;
    let trivial = false;
    let reuse: ((node: SNode) => SNode | undefined) | undefined;
    if (prev && prev.language === language && prev.parser === parser) {
      const edit = slideBlankEdit(prev.text, text, diffTexts(prev.text, text) ?? { start: 0, oldEnd: 0, newEnd: 0 });
      const clean = !prev.scan.warnings && !prev.scan.error;
      // Comment text and blank lines: decided from the old tree and the text alone, so nothing is parsed now; the
      // tree only records the edit, and the next real change re-parses with all pending edits.
      const byText = clean && triviaByText(prev.tree, prev.text, text, edit);
      const oldTrivia = clean && !byText && onlyTrivia(prev.tree, prev.text, edit.start, edit.oldEnd);
      // Typing inside a string: the copy of the tree is shifted instead of parsing and copying again.
      const chain = clean && !byText && prev.root ? stringEditChain(prev.tree, prev.root, prev.text, text, edit) : undefined;
      // A plain object is all Tree.edit reads (the Edit class only adds helpers).
      const tsEdit = {
        startIndex: edit.start,
        oldEndIndex: edit.oldEnd,
        newEndIndex: edit.newEnd,
        startPosition: point(prev.starts, edit.start),
        oldEndPosition: point(prev.starts, edit.oldEnd),
        newEndPosition: point(starts, edit.newEnd),
      } as Edit;
      prev.tree.edit(tsEdit);
      if (chain && prev.root) {
        try {
          shiftForStringEdit(prev.root, chain, edit, prev.text);
          return rescan(fileName, text, language, parser, prev.tree, prev.root, starts, prev, analyze, 'copy');
        } catch {
          // The copy is unusable now; parse below.
        }
      }
      if (byText) {
        const result = shifted(prev, text, starts, edit, analyze);
        keep(fileName, { text, language, parser, tree: prev.tree, starts, scan: result.scan, calls: result.calls });
        return { ...result, reused: 'shifted' };
      }
      tree = parser.parse(text, prev.tree);
      const changed = tree ? prev.tree.getChangedRanges(tree) : [];
      if (tree && oldTrivia && onlyTrivia(tree, text, edit.start, edit.newEnd)) {
        trivial = changed.every((r) => r.startIndex >= edit.start && r.endIndex <= edit.newEnd);
      }
      prev.tree.delete();
      // Statements the edit did not touch are taken from the previous copy (see reuse-copy.ts).
      if (prev.root && !trivial) reuse = reuseStatements(prev.root, edit, changed);
      if (tree && trivial) {
        const result = shifted(prev, text, starts, edit, analyze);
        keep(fileName, { text, language, parser, tree, starts, scan: result.scan, calls: result.calls });
        return { ...result, reused: 'shifted' };
      }
    }
    tree ??= parser.parse(text);
    if (!tree) return { scan: { calls: [], exports: {}, imports: {}, error: `could not parse ${fileName}` }, calls: [], reused: 'none' };
    return rescan(fileName, text, language, parser, tree, copyTree(tree, text, reuse), starts, prev, analyze, 'calls');
  }

  /** Scans `root` (the copy of `tree`, in step with `text`); calls whose site did not change keep their analysis. */
  function rescan(fileName: string, text: string, language: LanguageId, parser: Parser, tree: Tree, root: SNode, starts: number[], prev: Kept<A> | undefined, analyze: (site: CallSite) => A, label: 'calls' | 'copy'): ReturnType<IncrementalScanner<A>['run']> {
    const scan = scanTree(root, text, language, fileName);
    const before = new Map<string, A>();
    if (prev) prev.scan.calls.forEach((s, i) => before.set(siteKey(s), prev.calls[i]!));
    let hits = 0;
    const calls = scan.calls.map((s) => {
      const old = before.get(siteKey(s));
      if (old) hits++;
      return old ? moveTo(old, s) : analyze(s);
    });
    keep(fileName, { text, language, parser, tree, starts, scan, calls, root });
    return { scan, calls, reused: hits > 0 || label === 'copy' ? label : 'none' };
  }

  return {
    run,
    forget: drop,
    clear() {
      for (const name of [...files.keys()]) drop(name);
    },
    get size() {
      return files.size;
    },
  };
}

/** The previous result moved past an edit that touched only whitespace and ignored comments. */
function shifted<A extends CallSite>(prev: Kept<A>, text: string, starts: readonly number[], edit: TextEdit, analyze: (site: CallSite) => A): { scan: ScanResult; calls: A[] } {
  const delta = edit.newEnd - edit.oldEnd;
  // Node boundaries never fall strictly inside the edited region: starts at or after it move, ends up to it stay.
  const moveStart = (o: number) => (o < edit.start ? o : o + delta);
  const moveEnd = (o: number) => (o <= edit.start ? o : o + delta);
  const lines: string[] = [];
  const lineAt = (row: number) => text.slice(starts[row]!, row + 1 < starts.length ? starts[row + 1]! - 1 : text.length);
  const sites: CallSite[] = [];
  const calls: A[] = [];
  prev.scan.calls.forEach((old, i) => {
    const nameStart = moveStart(old.nameStartOffset);
    const row = rowOf(starts, nameStart);
    const line = row + 1;
    const column = nameStart - starts[row]! + 1;
    lines[row] = lineAt(row);
    if (row > 0) lines[row - 1] = lineAt(row - 1);
    const markers = readMarkers(lines, row);
    const site: CallSite = {
      ...old,
      id: `${old.cell ?? ''}:${line}:${column}`,
      line,
      column,
      startOffset: moveStart(old.startOffset),
      endOffset: moveEnd(old.endOffset),
      nameStartOffset: nameStart,
      nameEndOffset: moveEnd(old.nameEndOffset),
    };
    if (old.modelLiteral) site.modelLiteral = { ...old.modelLiteral, startOffset: moveStart(old.modelLiteral.startOffset), endOffset: moveEnd(old.modelLiteral.endOffset) };
    const same = markers.usageId === old.usageId && markers.classOverride === old.classOverride;
    if (!same) {
      delete site.usageId;
      delete site.classOverride;
      if (markers.usageId) site.usageId = markers.usageId;
      if (markers.classOverride) site.classOverride = markers.classOverride;
    }
    sites.push(site);
    calls.push(same ? moveTo(prev.calls[i]!, site) : analyze(site));
  });
  return { scan: { ...prev.scan, calls: sites }, calls };
}

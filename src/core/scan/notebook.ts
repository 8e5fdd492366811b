import type { CallSite } from '../types';
import type { ParserSet } from './parsers';
import { scanTree, type ScanResult } from './scan-text';
import { copyTree } from './syntax-tree';

interface CellSpan {
  cell: number;
  /** Offset and 0-based line of the cell's first character in the joined program. */
  offset: number;
  line: number;
  length: number;
}

const PY_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'python', 'python3', 'ipython', 'memit', 'scalene', 'tb', 'cache']);

/** Blanks IPython magics and shell escapes (`%pip`, `!ls`, `%%bash` cells) while keeping every offset in place. */
function blankMagics(source: string): string {
  // Cell magics that still run Python (%%time, %%capture, …) keep their body; the others (%%bash, %%html, …) do not.
  const cellMagic = /^\s*%%(\w+)/.exec(source);
  if (cellMagic && !PY_CELL_MAGICS.has(cellMagic[1]!)) return source.replace(/[^\n]/g, ' ');
  return source
    .split('\n')
    .map((line) => (/^\s*[!%]/.test(line) || /^\s*\w[\w.]*\?\??\s*$/.test(line) ? line.replace(/[^\n]/g, ' ') : line))
    .join('\n');
}

function cellText(source: unknown): string {
  if (Array.isArray(source)) return source.map((s) => (typeof s === 'string' ? s : '')).join('');
  return typeof source === 'string' ? source : '';
}

/**
 * Scans a Jupyter notebook as one program: code cells are joined in order (a constant in cell 3 is visible in cell
 * 10), then each call is mapped back to its cell. `cell` is the index into the notebook's `cells` array (markdown
 * cells included), `line` counts within that cell and offsets are relative to the cell's own text.
 */
export function scanNotebook(json: string, fileName: string, parsers: ParserSet): ScanResult {
  let nb: { cells?: { cell_type?: string; source?: unknown }[]; metadata?: { kernelspec?: { language?: string }; language_info?: { name?: string } } };
  try {
    nb = JSON.parse(json);
  } catch (e) {
    return { calls: [], exports: {}, imports: {}, error: `${fileName}: not valid notebook JSON (${(e as Error).message})` };
  }
  const cells = Array.isArray(nb?.cells) ? nb.cells : [];
  const kernel = (nb.metadata?.kernelspec?.language ?? nb.metadata?.language_info?.name ?? 'python').toLowerCase();
  const language = kernel.includes('typescript') ? 'typescript' : kernel.includes('javascript') ? 'javascript' : 'python';
  if (language === 'python' && !/python|ipython|^$/.test(kernel)) {
    return { calls: [], exports: {}, imports: {}, error: `no parser for notebook language ${kernel} in ${fileName}` };
  }
  const parser = parsers.get(language);
  if (!parser) return { calls: [], exports: {}, imports: {}, error: `no parser loaded for ${language}` };
  const spans: CellSpan[] = [];
  const broken: { cell: number; text: string }[] = [];
  let program = '';
  let line = 0;
  cells.forEach((c, i) => {
    if (c?.cell_type !== 'code') return;
    let text = blankMagics(cellText(c.source));
    // A cell that does not parse on its own (an unterminated string, a half-typed line) would swallow the cells after
    // it: it is scanned alone instead, and blanked in the joined program.
    if (cellHasError(parser, text)) {
      broken.push({ cell: i, text });
      text = text.replace(/[^\n]/g, ' ');
    }
    spans.push({ cell: i, offset: program.length, line, length: text.length });
    program += `${text}\n`;
    line += text.split('\n').length;
  });
  const tree = parser.parse(program);
  if (!tree) return { calls: [], exports: {}, imports: {}, error: `could not parse ${fileName}` };
  let root;
  try {
    root = copyTree(tree, program);
  } finally {
    tree.delete();
  }
  const result = scanTree(root, program, language, fileName);
  result.calls = result.calls.map((c) => toCell(c, spans)).filter((c): c is CallSite => c !== null);
  for (const b of broken) {
    const t = parser.parse(b.text);
    if (!t) continue;
    let cellRoot;
    try {
      cellRoot = copyTree(t, b.text);
    } finally {
      t.delete();
    }
    const alone = scanTree(cellRoot, b.text, language, fileName);
    for (const c of alone.calls) {
      const mapped = toCell(c, [{ cell: b.cell, offset: 0, line: 0, length: b.text.length }]);
      if (mapped) result.calls.push(mapped);
    }
  }
  result.calls.sort((a, b) => (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line || a.column - b.column);
  return result;
}

/** True when a cell's syntax error would run into the next cell: a probe statement appended after it does not parse
 * as its own statement (an unterminated string or bracket swallows it). Local errors keep the cell in the program. */
function cellHasError(parser: NonNullable<ReturnType<ParserSet['get']>>, text: string): boolean {
  const probe = '__modelwise_probe__ = 1';
  const t = parser.parse(`${text}\n;${probe}\n`.replace(';__', '__'));
  if (!t) return false;
  try {
    if (!t.rootNode.hasError) return false;
    const last = t.rootNode.lastNamedChild;
    return !last || last.text.replace(/;$/, '').trim() !== probe;
  } finally {
    t.delete();
  }
}

function toCell(c: CallSite, spans: CellSpan[]): CallSite | null {
  let span: CellSpan | undefined;
  for (const s of spans) if (s.offset <= c.nameStartOffset) span = s;
  if (!span) return null;
  const shift = span.offset;
  const out: CallSite = {
    ...c,
    cell: span.cell,
    id: `${span.cell}:${c.line - span.line}:${c.column}`,
    line: c.line - span.line,
    startOffset: Math.max(0, c.startOffset - shift),
    endOffset: Math.min(span.length, c.endOffset - shift),
    nameStartOffset: c.nameStartOffset - shift,
    nameEndOffset: c.nameEndOffset - shift,
  };
  if (c.modelLiteral) {
    const litSpan = [...spans].reverse().find((s) => s.offset <= c.modelLiteral!.startOffset);
    if (litSpan) out.modelLiteral = { startOffset: c.modelLiteral.startOffset - litSpan.offset, endOffset: c.modelLiteral.endOffset - litSpan.offset, cell: litSpan.cell };
  }
  return out;
}

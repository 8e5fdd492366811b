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
  const spans: CellSpan[] = [];
  let program = '';
  let line = 0;
  cells.forEach((c, i) => {
    if (c?.cell_type !== 'code') return;
    const text = blankMagics(cellText(c.source));
    spans.push({ cell: i, offset: program.length, line, length: text.length });
    program += `${text}\n`;
    line += text.split('\n').length;
  });
  const parser = parsers.get(language);
  if (!parser) return { calls: [], exports: {}, imports: {}, error: `no parser loaded for ${language}` };
  const tree = parser.parse(program);
  if (!tree) return { calls: [], exports: {}, imports: {}, error: `could not parse ${fileName}` };
  let root;
  try {
    root = copyTree(tree);
  } finally {
    tree.delete();
  }
  const result = scanTree(root, program, language, fileName);
  result.calls = result.calls.map((c) => toCell(c, spans)).filter((c): c is CallSite => c !== null);
  return result;
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

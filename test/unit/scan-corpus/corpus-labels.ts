import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One expected call site of the labelled corpus (test/fixtures/corpus/labels.json). Written by hand: `anchor` is the
 * text on the labelled line that holds the called name (`.create(`, `ChatOpenAI(`, `streamText(`), so a fixture edit
 * that shifts lines is caught instead of silently mislabelling.
 */
export interface CorpusLabel {
  /** Path relative to the corpus root, forward slashes. */
  file: string;
  /** 0-based index into the notebook's `cells` array (only for .ipynb). */
  cell?: number;
  /** 1-based line of the called method's name (within the cell for notebooks). */
  line: number;
  /** Text that must appear on `line`. */
  anchor: string;
  /** Which occurrence of `anchor` in the file (or cell) the label points at, 1-based; used by fill-label-lines.mjs. */
  nth?: number;
  /** A second acceptable line when the anchor is genuinely ambiguous (e.g. `client.send(cmd)` vs `new ConverseCommand(`). */
  altLine?: number;
  altAnchor?: string;
  provider: string;
  api: string;
  /** The model id when knowable from the code, else null. */
  model: string | null;
  /** The model id is debatable (e.g. a request default); excluded from model accuracy. */
  modelAmbiguous?: boolean;
  /** Debatable whether this is a call site at all (e.g. `chain.invoke` on an LCEL pipeline): neither found nor missed counts. */
  optional?: boolean;
  note?: string;
}

/** The whole labels file: every corpus source file (so negative-only files are known) and every expected call. */
export interface CorpusLabels {
  files: string[];
  calls: CorpusLabel[];
}

/** Corpus root: test/fixtures/corpus in the repository (tests run from out/test/unit/scan-corpus). */
export const corpusRoot = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'corpus');

/** Extensions the corpus holds; anything else in the folder (README, labels.json) is not a source file. */
export const sourceExtensions = ['.py', '.ipynb', '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;

/** Language bucket used for the per-language table, from the file extension alone (independent of the scanner). */
export function bucketForFile(file: string): string {
  if (file.endsWith('.py')) return 'python';
  if (file.endsWith('.ipynb')) return 'notebook';
  if (file.endsWith('.tsx')) return 'tsx';
  if (/\.[mc]?ts$/.test(file)) return 'typescript';
  return 'javascript';
}

/** Reads and checks labels.json; throws with a list of problems when a label is malformed. */
export function loadCorpusLabels(root: string = corpusRoot): CorpusLabels {
  const raw = JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8')) as CorpusLabels;
  const problems = checkLabels(raw, root);
  if (problems.length > 0) throw new Error(`labels.json has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return raw;
}

/** The text of one line of a corpus file (a notebook cell's line when `cell` is given), or undefined. */
export function lineText(root: string, file: string, line: number, cell?: number): string | undefined {
  const text = readFileSync(join(root, file), 'utf8');
  let body = text;
  if (cell !== undefined) {
    const nb = JSON.parse(text) as { cells: { source: string | string[] }[] };
    const src = nb.cells[cell]?.source;
    if (src === undefined) return undefined;
    body = Array.isArray(src) ? src.join('') : src;
  }
  return body.split('\n')[line - 1];
}

/** Structural checks: known files, required fields, anchor present on the labelled line. */
export function checkLabels(labels: CorpusLabels, root: string): string[] {
  const problems: string[] = [];
  const files = new Set(labels.files);
  for (const f of labels.files) if (!existsSync(join(root, f))) problems.push(`listed file missing: ${f}`);
  for (const l of labels.calls) {
    const where = `${l.file}${l.cell !== undefined ? `#${l.cell}` : ''}:${l.line}`;
    if (!files.has(l.file)) problems.push(`${where}: file not listed in "files"`);
    if (!Number.isInteger(l.line) || l.line < 1) problems.push(`${where}: bad line`);
    if (l.file.endsWith('.ipynb') !== (l.cell !== undefined)) problems.push(`${where}: cell must be set exactly for notebooks`);
    if (typeof l.provider !== 'string' || typeof l.api !== 'string') problems.push(`${where}: provider/api missing`);
    if (l.model !== null && typeof l.model !== 'string') problems.push(`${where}: model must be a string or null`);
    if (!existsSync(join(root, l.file))) continue;
    const text = lineText(root, l.file, l.line, l.cell);
    if (text === undefined || !text.includes(l.anchor)) problems.push(`${where}: anchor ${JSON.stringify(l.anchor)} not on line: ${JSON.stringify(text)}`);
    else if (/^\s*(#|\/\/|\/\*|\*(\s|\/|$)|"""|''')/.test(text)) problems.push(`${where}: labelled line is a comment or docstring: ${JSON.stringify(text)}`);
    if (l.altLine !== undefined) {
      const alt = lineText(root, l.file, l.altLine, l.cell);
      if (alt === undefined || !alt.includes(l.altAnchor ?? '')) problems.push(`${where}: altAnchor not on altLine ${l.altLine}`);
    }
  }
  return problems;
}

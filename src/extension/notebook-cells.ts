import type { AnalyzedCall } from '../core/types';

/** One cell of an open notebook as the editor holds it (no vscode types, so this module is unit-testable). */
export interface NotebookCellText {
  kind: 'code' | 'markup';
  /** The cell document's language id (`python`, `typescript`, `markdown`, …). */
  languageId: string;
  text: string;
}

/** Kernel languages the engine's notebook scanner reads. */
const NOTEBOOK_LANGUAGES = new Set(['python', 'javascript', 'typescript']);

/**
 * The notebook as `.ipynb` JSON for the engine's scanNotebook, built from the editor's cells rather than the file on
 * disk, so unsaved edits count and cell indexes match the editor's. The program language is the first code cell's;
 * code cells in another language (a `%%bash` cell set to Shell, say) become raw cells and are skipped, as Jupyter's
 * kernel would not run them as this language either.
 */
export function notebookJson(cells: readonly NotebookCellText[]): string {
  const first = cells.find((c) => c.kind === 'code' && NOTEBOOK_LANGUAGES.has(c.languageId));
  const language = first?.languageId ?? 'python';
  return JSON.stringify({
    metadata: { kernelspec: { language } },
    cells: cells.map((c) => ({ cell_type: c.kind === 'markup' ? 'markdown' : c.languageId === language ? 'code' : 'raw', source: c.text })),
  });
}

/**
 * The calls of one cell from a whole-notebook analysis; their offsets and lines are already relative to the cell's
 * own text. A model literal that lives in another cell (a constant defined earlier) is dropped from the call, since
 * every editor feature applies modelLiteral offsets to the call's own document: the lens still names the model, but
 * the quick fix is offered where the literal can be edited safely.
 */
export function callsForCell(calls: readonly AnalyzedCall[], cellIndex: number): AnalyzedCall[] {
  return calls
    .filter((c) => c.cell === cellIndex)
    .map((c) => {
      if (!c.modelLiteral || c.modelLiteral.cell === undefined || c.modelLiteral.cell === cellIndex) return c;
      const { modelLiteral: _elsewhere, ...rest } = c;
      return rest;
    });
}

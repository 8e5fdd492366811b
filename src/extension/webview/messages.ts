/**
 * The typed protocol between the extension and its webviews. Imports nothing, so both the extension bundle and the
 * browser bundle (src/webview/main.ts) can use it.
 */

/** Export formats of the audit report (the same data as the CLI's `--format`). */
export type ExportFormat = 'markdown' | 'csv' | 'json';

/** One license term cell: the value shown, the quoted clause, its section and a link. */
export interface TermCell {
  text: string;
  /** 'good' | 'caution' | 'bad' | 'unknown' — drives the cell's colour and its accessible label. */
  tone: 'good' | 'caution' | 'bad' | 'unknown';
  clause?: string;
  section?: string;
  url?: string;
}

/** One column of the comparison: a model and its license. */
export interface LicenseColumn {
  modelId: string;
  modelName: string;
  /** Why it is there: used in the workspace, suggested as an alternative, or added by the person. */
  origin: 'used' | 'suggested' | 'added';
  licenseName: string;
  licenseUrl?: string;
}

/** One row: a term and its cell for each column (same order as `columns`). */
export interface LicenseRow {
  key: string;
  label: string;
  cells: TermCell[];
}

/** Everything the license panel renders. */
export interface LicenseView {
  columns: LicenseColumn[];
  rows: LicenseRow[];
  /** Catalog models that can be added as columns. */
  choices: { id: string; name: string }[];
  /** Notes for the reader (Restricted Mode, models not in the catalog, …). */
  notes: string[];
}

/** What the license panel persists with setState (and the serializer gets back on reload). */
export interface LicensePanelState {
  /** Models added by the person, beyond the workspace's own and their alternatives. */
  added: string[];
  /** Models the person removed. */
  removed: string[];
}

/** Messages the extension sends to a webview. */
export type ToWebview = { type: 'licenses'; view: LicenseView; state: LicensePanelState };

/** Messages a webview sends to the extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'export'; format: ExportFormat }
  | { type: 'open'; file: string; line: number; column: number; cell?: number }
  | { type: 'addModel'; modelId: string }
  | { type: 'removeModel'; modelId: string };

/** Narrows an unknown message from a webview (never trust its shape). */
export function isFromWebview(m: unknown): m is FromWebview {
  if (m === null || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  const o = m as Record<string, unknown>;
  switch (t) {
    case 'ready':
      return true;
    case 'export':
      return o.format === 'markdown' || o.format === 'csv' || o.format === 'json';
    case 'open':
      return typeof o.file === 'string' && typeof o.line === 'number' && typeof o.column === 'number';
    case 'addModel':
    case 'removeModel':
      return typeof o.modelId === 'string';
    default:
      return false;
  }
}

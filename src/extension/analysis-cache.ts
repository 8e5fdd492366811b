import * as vscode from 'vscode';
import type { AnalyzedCall, LanguageId } from '../core/types';
import { analyzeText } from './engine-api';
import type { EngineHost } from './engine-host';
import { mapCalls } from './lens-utils';
import { callsForCell, notebookJson, type NotebookCellText } from './notebook-cells';
import { describeError } from './output';
import { readSettings } from './settings';

/** Languages the engine scans (notebook cells arrive as python documents). */
export const SUPPORTED_LANGUAGES: readonly LanguageId[] = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'];

/** The document selector every provider registers with. */
export const DOCUMENT_SELECTOR: vscode.DocumentSelector = SUPPORTED_LANGUAGES.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
  { language, scheme: 'vscode-notebook-cell' },
]);

/** What `onDidAnalyze` reports: a fresh analysis of one document version. */
export interface AnalysisEvent {
  uri: string;
  version: number;
  calls: AnalyzedCall[];
}

interface Entry {
  version: number;
  calls: AnalyzedCall[];
  /** False while the calls are the previous analysis mapped through edits (re-analysis pending). */
  fresh: boolean;
}

/** Delay between the last keystroke and the re-analysis, in milliseconds. */
const REANALYZE_DELAY_MS = 300;

/**
 * Analysis results keyed by document uri + version. Typing maps the previous result through the edit at once (so
 * lenses stay put) and re-analyses after a debounce; closing a document evicts it; engine changes clear everything.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly analyzed = new vscode.EventEmitter<AnalysisEvent>();
  private readonly refreshed = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.analyzed, this.refreshed];
  /** Fires after each fresh analysis. */
  readonly onDidAnalyze = this.analyzed.event;
  /** Fires when views should ask again: a debounced re-analysis finished (uri) or the cache was cleared (undefined). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly host: EngineHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.evict(d.uri)),
      host.onDidChange(() => this.clear()),
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        // Cells added, removed or moved: indexes and the program changed for every cell of the notebook.
        if (e.contentChanges.length > 0) this.evictNotebook(e.notebook, undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('modelwise.maxFileSizeKb')) this.clear();
      }),
    );
  }

  /** The cached calls for this exact document version (fresh or mapped), without analysing. */
  peek(doc: vscode.TextDocument): AnalyzedCall[] | undefined {
    const e = this.entries.get(doc.uri.toString());
    return e && e.version === doc.version ? e.calls : undefined;
  }

  /** Cached calls for this version when present (even mapped ones), else a fresh analysis. */
  async get(doc: vscode.TextDocument): Promise<AnalyzedCall[]> {
    return this.peek(doc) ?? this.analyze(doc);
  }

  /** A fresh analysis of the document's current text (reuses a fresh cached result of the same version). */
  async analyze(doc: vscode.TextDocument): Promise<AnalyzedCall[]> {
    const key = doc.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.fresh && cached.version === doc.version) return cached.calls;
    if (!isAnalyzable(doc)) return [];
    const settings = readSettings(doc.uri, this.log);
    const text = doc.getText();
    if (text.length > settings.maxFileSizeKb * 1024) {
      this.log.info(`${doc.uri.fsPath}: larger than modelwise.maxFileSizeKb (${settings.maxFileSizeKb} KiB); not analysed`);
      return [];
    }
    const version = doc.version;
    try {
      const engine = await this.host.engineFor(doc.uri);
      const started = performance.now();
      const cell = notebookCellOf(doc);
      // A notebook cell is analysed as part of its whole notebook (one program: a model constant from an earlier cell
      // resolves), then the calls of this cell are kept. Every cell of a notebook sends the same JSON, so the engine's
      // per-file cache answers the other cells without parsing again.
      const calls = cell
        ? callsForCell(analyzeText(notebookJson(notebookCells(cell.notebook)), { languageId: 'notebook', fileName: relativeName(cell.notebook.uri) }, engine), cell.index)
        : analyzeText(text, { languageId: doc.languageId as LanguageId, fileName: relativeName(doc.uri) }, engine);
      const ms = performance.now() - started;
      if (ms > 50) this.log.debug(`analysed ${relativeName(doc.uri)} in ${ms.toFixed(0)} ms`);
      if (doc.version === version && !doc.isClosed) {
        this.entries.set(key, { version, calls, fresh: true });
        this.analyzed.fire({ uri: key, version, calls });
      }
      return calls;
    } catch (e) {
      this.log.error(`analysis of ${doc.uri.toString()} failed: ${describeError(e)}`);
      return [];
    }
  }

  /** Drops everything (catalog, config or settings changed). */
  clear(): void {
    this.entries.clear();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.refreshed.fire(undefined);
  }

  private evict(uri: vscode.Uri): void {
    const key = uri.toString();
    this.entries.delete(key);
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  /** Drops the entries of a notebook's cells (but `except`), so they are re-analysed against the changed program. */
  private evictNotebook(notebook: vscode.NotebookDocument, except: vscode.Uri | undefined): void {
    let evicted = false;
    for (const c of notebook.getCells()) {
      if (except && c.document.uri.toString() === except.toString()) continue;
      evicted = this.entries.delete(c.document.uri.toString()) || evicted;
    }
    if (evicted) this.refreshed.fire(undefined);
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const entry = this.entries.get(key);
    if (e.contentChanges.length === 0) return;
    // An edit in one cell can change what the others resolve (a constant defined here, used there).
    const cell = notebookCellOf(e.document);
    if (cell) this.scheduleNotebookRefresh(cell.notebook, e.document.uri);
    if (!entry) return;
    this.entries.set(key, { version: e.document.version, calls: mapCalls(entry.calls, e.contentChanges), fresh: false });
    this.debounce(key, () => void this.analyze(e.document).then(() => this.refreshed.fire(e.document.uri)));
  }

  /** Runs `fn` once edits under `key` have paused for the re-analysis delay. */
  private debounce(key: string, fn: () => void): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        fn();
      }, REANALYZE_DELAY_MS),
    );
  }

  /** After the edit debounce, re-analyses the notebook's other cells (they may resolve a model from the edited one). */
  private scheduleNotebookRefresh(notebook: vscode.NotebookDocument, edited: vscode.Uri): void {
    this.debounce(`notebook:${notebook.uri.toString()}`, () => this.evictNotebook(notebook, edited));
  }

  dispose(): void {
    this.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** Whether the engine can scan this document at all. */
export function isAnalyzable(doc: vscode.TextDocument): boolean {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(doc.languageId) && ['file', 'untitled', 'vscode-notebook-cell'].includes(doc.uri.scheme);
}

/** The notebook and index of a cell document open in the notebook editor, or undefined for any other document. */
export function notebookCellOf(doc: vscode.TextDocument): { notebook: vscode.NotebookDocument; index: number } | undefined {
  if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
  const key = doc.uri.toString();
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cell = notebook.getCells().find((c) => c.document.uri.toString() === key);
    if (cell) return { notebook, index: cell.index };
  }
  return undefined;
}

/** The editor's cells of a notebook, as notebookJson takes them. */
function notebookCells(notebook: vscode.NotebookDocument): NotebookCellText[] {
  return notebook.getCells().map((c) => ({
    kind: c.kind === vscode.NotebookCellKind.Markup ? 'markup' : 'code',
    languageId: c.document.languageId,
    text: c.document.getText(),
  }));
}

/** Workspace-relative path with forward slashes (what `.modelwise.yaml` usage entries match against). */
export function relativeName(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  if (uri.scheme === 'vscode-notebook-cell') {
    // A cell is Python text, not notebook JSON: keep the name off `.ipynb` so the engine scans it as source.
    const notebook = vscode.workspace.asRelativePath(uri.with({ scheme: 'file', fragment: '' }), false).replace(/\\/g, '/');
    return `${notebook}#${uri.fragment}`;
  }
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

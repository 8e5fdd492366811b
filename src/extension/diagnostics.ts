import * as vscode from 'vscode';
import type { AnalysisCache } from './analysis-cache';
import { callDiagnostics } from './diagnostics-utils';
import { describeError } from './output';
import { readSettings } from './settings';

const SEVERITY: Record<'error' | 'warning' | 'information' | 'hint', vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Keeps the Problems panel in step with each fresh analysis of an open document: unpriced models, license policy
 * failures, calls in loops with a large max output (severities from `modelwise.diagnostics.*`). Closing a document
 * clears its diagnostics.
 */
export class CallDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('modelwise');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      cache.onDidAnalyze((e) => this.update(e.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('modelwise.diagnostics')) this.refreshAll();
      }),
    );
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.update(doc.uri.toString());
  }

  private update(uriString: string): void {
    try {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriString);
      if (!doc) return;
      const calls = this.cache.peek(doc);
      if (!calls) return;
      const d = readSettings(doc.uri, this.log).diagnostics;
      const diags = calls.flatMap((c) =>
        callDiagnostics(c, d).map((x) => {
          const diag = new vscode.Diagnostic(new vscode.Range(doc.positionAt(x.startOffset), doc.positionAt(x.endOffset)), x.message, SEVERITY[x.severity]);
          diag.source = 'modelwise';
          diag.code = x.code;
          return diag;
        }),
      );
      this.collection.set(doc.uri, diags);
    } catch (e) {
      this.log.error(`diagnostics for ${uriString}: ${describeError(e)}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

import * as vscode from 'vscode';
import type { AnalyzedCall } from '../core/types';
import type { AnalysisEvent } from './analysis-cache';
import { totalSpend, type SpendTotal, type WorkspaceAudit } from './audit/audit-utils';

/**
 * The workspace's calls as the last audit saw them, kept current as open files are re-analysed (a file's calls are
 * replaced by its latest analysis). Feeds the status bar's workspace total and the test API's `lastAudit()`.
 */
export class WorkspaceSpend implements vscode.Disposable {
  private audit: WorkspaceAudit | undefined;
  private readonly byFile = new Map<string, AnalyzedCall[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** The last completed (or cancelled, partial) audit, unmodified. */
  lastAudit(): WorkspaceAudit | undefined {
    return this.audit;
  }

  setAudit(audit: WorkspaceAudit): void {
    this.audit = audit;
    this.byFile.clear();
    for (const c of audit.result.calls) {
      const list = this.byFile.get(c.file);
      if (list) list.push(c);
      else this.byFile.set(c.file, [c]);
    }
    this.changed.fire();
  }

  /** Replaces one file's calls after a fresh analysis (only once an audit has established the workspace set). */
  updateFile(file: string, event: AnalysisEvent): void {
    if (!this.audit) return;
    const before = this.byFile.get(file);
    if (before === undefined && event.calls.length === 0) return;
    // Keep cross-file resolutions the audit made: a single-file analysis cannot see imported model ids.
    const calls = event.calls.map((c) => (c.model === null && c.modelImport ? (before?.find((b) => b.id === c.id) ?? c) : c));
    this.byFile.set(file, calls);
    this.changed.fire();
  }

  /** Total monthly spend of the workspace, or undefined before the first audit. */
  total(): SpendTotal | undefined {
    if (!this.audit) return undefined;
    return totalSpend([...this.byFile.values()].flat());
  }

  /** True when the numbers come from a cancelled audit. */
  isPartial(): boolean {
    return this.audit?.result.partial !== undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

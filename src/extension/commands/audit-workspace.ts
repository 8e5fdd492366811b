import * as vscode from 'vscode';
import type { AuditResult } from '../../core/types';
import { AuditPanel } from '../audit/audit-panel';
import { runAudit } from '../audit/run-audit';
import type { EngineHost } from '../engine-host';
import { describeError } from '../output';
import type { WorkspaceSpend } from '../workspace-spend';

/** Options the tests (and other commands) may pass. */
export interface AuditCommandOptions {
  /** Open the report panel (default true). */
  showReport?: boolean;
}

/**
 * "Modelwise: Audit Workspace Spend": a cancellable progress notification with file counts, then the report panel.
 * A cancelled audit keeps what it read and says "partial: N of M files". Resolves with the AuditResult.
 */
export async function auditWorkspaceCommand(
  host: EngineHost,
  spend: WorkspaceSpend,
  extensionUri: vscode.Uri,
  log: vscode.LogOutputChannel,
  options: AuditCommandOptions = {},
): Promise<AuditResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Modelwise: open a folder to audit its LLM spend.');
    return undefined;
  }
  try {
    const audit = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Modelwise: auditing workspace spend', cancellable: true },
      (progress, token) => {
        let last = 0;
        return runAudit(host, log, token, (done, total) => {
          const pct = total === 0 ? 100 : (done / total) * 100;
          progress.report({ message: `${done} of ${total} files`, increment: pct - last });
          last = pct;
        });
      },
    );
    spend.setAudit(audit);
    if (options.showReport !== false) AuditPanel.show(audit, extensionUri, log);
    const r = audit.result;
    if (r.partial) void vscode.window.showWarningMessage(`Modelwise: audit cancelled — partial results for ${r.partial.done} of ${r.partial.total} files.`);
    return r;
  } catch (e) {
    log.error(`audit: ${describeError(e)}`);
    void vscode.window.showErrorMessage(`Modelwise: the audit failed (${e instanceof Error ? e.message : String(e)}). See the Modelwise output.`);
    return undefined;
  }
}

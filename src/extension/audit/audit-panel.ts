import * as vscode from 'vscode';
import { CommandId } from '../command-ids';
import { formatUsd, portfolio } from '../engine-api';
import { describeError } from '../output';
import { readSettings } from '../settings';
import { pageAssets, webviewOptions } from '../webview/assets';
import { renderPage } from '../webview/html';
import { isFromWebview } from '../webview/messages';
import { renderAuditBody } from './audit-html';
import type { WorkspaceAudit } from './audit-utils';

/**
 * The audit report: one webview panel (re-used across audits) ranked by monthly spend, with export buttons and
 * clickable call sites. All text is rendered extension-side with escaping; the page's script only forwards clicks.
 */
export class AuditPanel {
  static readonly viewType = 'modelwise.audit';
  private static current: AuditPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
    );
  }

  /** Shows the audit in the report panel (creating it when needed) and returns the panel's HTML (tests read it). */
  static show(audit: WorkspaceAudit, extensionUri: vscode.Uri, log: vscode.LogOutputChannel): string {
    if (!AuditPanel.current) {
      const panel = vscode.window.createWebviewPanel(AuditPanel.viewType, 'Modelwise: Workspace Spend', vscode.ViewColumn.Active, webviewOptions(extensionUri));
      AuditPanel.current = new AuditPanel(panel, extensionUri, log);
    } else {
      AuditPanel.current.panel.reveal();
    }
    return AuditPanel.current.render(audit);
  }

  private render(audit: WorkspaceAudit): string {
    const threshold = readSettings(vscode.workspace.workspaceFolders?.[0]?.uri, this.log).lens.minMonthlyUsd;
    const scenario = threshold > 0 ? portfolio(audit.result.calls, threshold) : portfolio(audit.result.calls);
    const body = renderAuditBody(audit, scenario, formatUsd);
    const html = renderPage('Modelwise: Workspace Spend', 'audit', body, pageAssets(this.panel.webview, this.extensionUri));
    this.panel.webview.html = html;
    return html;
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isFromWebview(m)) return;
    try {
      if (m.type === 'export') await vscode.commands.executeCommand(CommandId.ExportAudit, m.format);
      if (m.type === 'open') await openLocation(m.file, m.line, m.column);
    } catch (e) {
      this.log.error(`audit panel: ${describeError(e)}`);
    }
  }

  private dispose(): void {
    AuditPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
  }
}

/** Opens a workspace-relative file at a 1-based line and column. */
async function openLocation(file: string, line: number, column: number): Promise<void> {
  // The path comes from the webview: only workspace-relative paths, never a way out of the folder.
  if (file.split('/').some((seg) => seg === '..') || file.startsWith('/')) return;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      continue;
    }
    const pos = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos) });
    return;
  }
}

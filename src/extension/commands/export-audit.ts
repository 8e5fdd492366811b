import * as vscode from 'vscode';
import type { ExportFormat } from '../webview/messages';
import { formatCsv, formatMarkdown, toJsonReport } from '../engine-api';
import type { WorkspaceAudit } from '../audit/audit-utils';
import { describeError } from '../output';
import type { WorkspaceSpend } from '../workspace-spend';

const EXTENSIONS: Record<ExportFormat, { ext: string; filter: string }> = {
  markdown: { ext: 'md', filter: 'Markdown' },
  csv: { ext: 'csv', filter: 'CSV' },
  json: { ext: 'json', filter: 'JSON' },
};

/** The export text of an audit in a format — the same renderers the CLI uses. */
export function renderExport(audit: WorkspaceAudit, format: ExportFormat): string {
  switch (format) {
    case 'markdown':
      return formatMarkdown(audit.result);
    case 'csv':
      return formatCsv(audit.result);
    case 'json':
      return `${JSON.stringify(toJsonReport(audit.result, audit.rootPath), null, 2)}\n`;
  }
}

/**
 * Exports the last audit to Markdown, CSV or JSON through a save dialog (or to `target` when given, for tests).
 * Resolves with the written file's URI, or undefined when there is no audit or the dialog was dismissed.
 */
export async function exportAuditCommand(spend: WorkspaceSpend, log: vscode.LogOutputChannel, formatArg?: ExportFormat, target?: vscode.Uri | string): Promise<string | undefined> {
  const audit = spend.lastAudit();
  if (!audit) {
    void vscode.window.showInformationMessage('Modelwise: run "Modelwise: Audit Workspace Spend" first.');
    return undefined;
  }
  let format = formatArg;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      (Object.keys(EXTENSIONS) as ExportFormat[]).map((f) => ({ label: EXTENSIONS[f].filter, format: f })),
      { title: 'Modelwise: export the audit as…' },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  const { ext, filter } = EXTENSIONS[format];
  let uri = typeof target === 'string' ? vscode.Uri.file(target) : target;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `modelwise-audit.${ext}`) : undefined,
      filters: { [filter]: [ext] },
      saveLabel: `Export ${filter}`,
    });
    if (!uri) return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderExport(audit, format)));
    log.info(`audit exported as ${format} to ${uri.fsPath}`);
    return uri.toString();
  } catch (e) {
    log.error(`export: ${describeError(e)}`);
    void vscode.window.showErrorMessage(`Modelwise: could not write ${uri.fsPath}.`);
    return undefined;
  }
}

import * as vscode from 'vscode';
import type { AnalysisCache } from './analysis-cache';
import { isAnalyzable } from './analysis-cache';
import { totalSpend, type SpendTotal } from './audit/audit-utils';
import { CommandId } from './command-ids';
import { formatUsdRange } from './engine-api';
import { describeError } from './output';
import { readSettings } from './settings';
import type { WorkspaceSpend } from './workspace-spend';

/** Trailing debounce of status-bar updates, in milliseconds. */
const DEBOUNCE_MS = 300;

/**
 * "$(graph) file ~$4–11/mo · workspace ~$300–410/mo" in the status bar; a click opens the workspace audit.
 * Updates are debounced (300 ms, trailing) on editor switches, edits, analyses and new audits.
 */
export class SpendStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('modelwise.spend', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly spend: WorkspaceSpend,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.item.name = 'Modelwise spend';
    this.item.command = CommandId.AuditWorkspace;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      cache.onDidAnalyze(() => this.schedule()),
      spend.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('modelwise')) this.schedule();
      }),
    );
    this.schedule();
  }

  /** Queues an update (trailing debounce). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, DEBOUNCE_MS);
  }

  private async update(): Promise<void> {
    try {
      const doc = vscode.window.activeTextEditor?.document;
      if (!readSettings(doc?.uri, this.log).statusBar.enabled) {
        this.item.hide();
        return;
      }
      const file = doc && isAnalyzable(doc) ? totalSpend(await this.cache.get(doc)) : undefined;
      const ws = this.spend.total();
      if (!file && !ws) {
        this.item.text = '$(graph) Modelwise';
        this.item.tooltip = 'Modelwise: audit the workspace spend';
        this.item.show();
        return;
      }
      const parts: string[] = [];
      if (file && file.calls > 0) parts.push(`file ${describe(file)}`);
      if (ws) parts.push(`workspace ${describe(ws)}${this.spend.isPartial() ? ' (partial)' : ''}`);
      this.item.text = `$(graph) ${parts.join(' · ') || 'no LLM calls'}${vscode.workspace.isTrusted ? '' : ' $(shield)'}`;
      const tip = new vscode.MarkdownString();
      tip.appendMarkdown('**Modelwise** — estimated monthly LLM spend\n\n');
      if (file) tip.appendMarkdown(`- This file: ${describe(file)} (${file.calls} calls, ${file.unpricedCalls} without a price)\n`);
      if (ws) tip.appendMarkdown(`- Workspace: ${describe(ws)} (${ws.calls} calls, ${ws.unpricedCalls} without a price)${this.spend.isPartial() ? ', from a cancelled audit' : ''}\n`);
      if (!vscode.workspace.isTrusted) tip.appendMarkdown('\nRestricted Mode: bundled catalog prices only; from .modelwise.yaml just usage volumes and defaults apply until the folder is trusted.\n');
      tip.appendMarkdown('\nClick to run the workspace audit.');
      this.item.tooltip = tip;
      this.item.show();
    } catch (e) {
      this.log.error(`status bar: ${describeError(e)}`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** "~$4–11/mo", "~$410/mo + 2 unpriced", "2 unpriced". */
export function describe(t: SpendTotal): string {
  const priced = t.calls - t.unpricedCalls;
  const money = priced > 0 ? `~${formatUsdRange(t.lowMicroUsd, t.highMicroUsd)}/mo` : '';
  const unpriced = t.unpricedCalls > 0 ? `${t.unpricedCalls} unpriced` : '';
  return [money, unpriced].filter(Boolean).join(' + ') || '$0/mo';
}

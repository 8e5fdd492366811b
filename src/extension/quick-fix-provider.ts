import * as vscode from 'vscode';
import type { AnalyzedCall } from '../core/types';
import type { AnalysisCache } from './analysis-cache';
import { CommandId } from './command-ids';
import { formatUsd } from './engine-api';
import type { EngineHost } from './engine-host';
import { findModel } from './engine-models';
import { describeError } from './output';
import { planSwitch, replaceLiteral } from './quick-fix-utils';

/** How many alternatives a call offers as quick fixes. */
const MAX_FIXES = 3;

/**
 * "Switch to <model>" quick fixes on a call whose model is a string literal in this file; each edits the literal.
 * Same-host switches (and LiteLLM, where the host is part of the string) come first and are complete. When the host
 * changes too, the title says so ("also change the client/base URL") and, once applied, a notice lists the client,
 * base URL and API key to change — the fix never pretends the string edit is the whole job.
 */
export class SwitchModelActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly host: EngineHost,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, _ctx: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    try {
      const calls = await this.cache.analyze(doc);
      if (token.isCancellationRequested || calls.length === 0) return [];
      const engine = await this.host.engineFor(doc.uri);
      const start = doc.offsetAt(range.start);
      const end = doc.offsetAt(range.end);
      const sameHost: vscode.CodeAction[] = [];
      const otherHost: vscode.CodeAction[] = [];
      for (const call of calls) {
        if (!call.modelLiteral || call.endOffset < start || call.startOffset > end) continue;
        for (const alt of call.advice.alternatives.slice(0, MAX_FIXES)) {
          const plan = planSwitch(call, alt, findModel(engine, alt.modelId), formatUsd);
          const action = new vscode.CodeAction(plan.title, vscode.CodeActionKind.QuickFix);
          action.edit = switchEdit(doc, call, plan.newModelId);
          if (plan.hostChanges) {
            // The string edit alone would send the new id to the old host: say what else must change right after.
            action.command = { title: 'What else must change', command: CommandId.ShowSwitchSteps, arguments: [plan.newModelId, alt.host, plan.steps] };
            otherHost.push(action);
          } else {
            sameHost.push(action);
          }
        }
      }
      if (sameHost[0]) sameHost[0].isPreferred = true;
      const actions = [...sameHost, ...otherHost];
      return actions;
    } catch (e) {
      this.log.error(`code actions in ${doc.uri.toString()}: ${describeError(e)}`);
      return [];
    }
  }
}

/** The edit that rewrites the call's model literal to `newModelId`, keeping its quotes. */
export function switchEdit(doc: vscode.TextDocument, call: AnalyzedCall, newModelId: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const lit = call.modelLiteral;
  if (!lit) return edit;
  const range = new vscode.Range(doc.positionAt(lit.startOffset), doc.positionAt(lit.endOffset));
  edit.replace(doc.uri, range, replaceLiteral(doc.getText(range), newModelId));
  return edit;
}

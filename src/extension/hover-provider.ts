import * as vscode from 'vscode';
import type { AnalysisCache } from './analysis-cache';
import { CommandId } from './command-ids';
import { hoverMarkdown } from './engine-api';
import { callAt } from './lens-utils';
import { describeError } from './output';

/**
 * The full breakdown (tokens, prices with source and date, assumptions, alternatives with evidence and license
 * verdicts) when hovering a call or its model string. The markdown comes from the engine's `hoverMarkdown`, plus two
 * command links ("Set calls per month…", "Compare licenses"); only those commands are enabled, since the markdown
 * quotes workspace text.
 */
export class CostHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    try {
      const calls = await this.cache.get(doc);
      if (token.isCancellationRequested) return undefined;
      const offset = doc.offsetAt(position);
      const call = callAt(calls, offset);
      if (!call) return undefined;
      // Over a long call body only the first line and the model string answer, so hovers elsewhere stay quiet.
      const onModel = call.modelLiteral !== undefined && offset >= call.modelLiteral.startOffset && offset <= call.modelLiteral.endOffset;
      const onHead = doc.positionAt(call.startOffset).line === position.line || doc.positionAt(call.nameStartOffset).line === position.line;
      if (!onModel && !onHead) return undefined;
      const md = new vscode.MarkdownString(hoverMarkdown(call));
      const args = encodeURIComponent(JSON.stringify([doc.uri.toString(), call.id]));
      md.appendMarkdown(`\n\n---\n[Set calls per month…](command:${CommandId.SetUsage}?${args}) · [Compare licenses](command:${CommandId.CompareLicenses})`);
      // Only these two commands may run from the hover; the rest of the markdown quotes workspace text.
      md.isTrusted = { enabledCommands: [CommandId.SetUsage, CommandId.CompareLicenses] };
      md.supportHtml = false;
      const range = onModel && call.modelLiteral ? new vscode.Range(doc.positionAt(call.modelLiteral.startOffset), doc.positionAt(call.modelLiteral.endOffset)) : undefined;
      return new vscode.Hover(md, range);
    } catch (e) {
      this.log.error(`hover in ${doc.uri.toString()}: ${describeError(e)}`);
      return undefined;
    }
  }
}

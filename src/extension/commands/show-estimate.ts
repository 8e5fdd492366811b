import * as vscode from 'vscode';
import type { AnalysisCache } from '../analysis-cache';
import { CommandId } from '../command-ids';
import { formatUsd, lensTitle } from '../engine-api';
import { resolveCallArgs } from './call-args';

interface ActionItem extends vscode.QuickPickItem {
  run?: () => Thenable<unknown>;
}

/**
 * What clicking a lens does: a quick pick titled with the estimate, listing its assumptions and offering the next
 * steps — the full breakdown (hover), "Set calls per month…", a switch to each alternative, the license comparison.
 * Resolves with the label of the chosen action (undefined when dismissed).
 */
export async function showEstimateCommand(cache: AnalysisCache, uriArg?: vscode.Uri | string, callId?: string): Promise<string | undefined> {
  const target = await resolveCallArgs(cache, uriArg, callId);
  if (!target) return undefined;
  const { doc, call } = target;
  const items: ActionItem[] = [];
  const monthly = call.cost.monthlyMicroUsd;
  items.push({ label: 'Estimate', kind: vscode.QuickPickItemKind.Separator });
  items.push({
    label: `$(graph) ${monthly ? `${formatUsd(monthly.low)}–${formatUsd(monthly.high)} per month` : call.cost.status === 'unknown-model' ? 'no price: model not in the catalog' : `no per-token price (${call.cost.status})`}`,
    detail: `${call.cost.callsPerMonth.toLocaleString('en-US')} calls/month (${call.cost.callsSource}) · ${call.tokens.input} input tokens (${call.tokens.exact ? 'exact' : call.tokens.method}) · output ${call.tokens.outputLow}–${call.tokens.outputHigh}`,
    run: () => showHoverAt(doc, call.nameStartOffset),
  });
  for (const a of call.cost.assumptions) items.push({ label: `$(info) ${a}` });
  items.push({ label: 'Actions', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: '$(edit) Set calls per month…', run: () => vscode.commands.executeCommand(CommandId.SetUsage, doc.uri, call.id) });
  if (call.modelLiteral) {
    for (const alt of call.advice.alternatives.slice(0, 3)) {
      items.push({
        label: `$(arrow-swap) Switch to ${alt.name}`,
        description: `${alt.licenseLabel} · ${alt.host} · ~${formatUsd(alt.monthlyMicroUsd.low)}–${formatUsd(alt.monthlyMicroUsd.high)}/mo`,
        run: () => vscode.commands.executeCommand(CommandId.SwitchModel, doc.uri, call.id, alt.modelId),
      });
    }
  }
  items.push({ label: '$(law) Compare licenses', run: () => vscode.commands.executeCommand(CommandId.CompareLicenses) });
  const picked = await vscode.window.showQuickPick(items, { title: lensTitle(call), placeHolder: 'Modelwise estimate — pick an action' });
  if (!picked) return undefined;
  await picked.run?.();
  return picked.label;
}

async function showHoverAt(doc: vscode.TextDocument, offset: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc);
  const pos = doc.positionAt(offset);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos));
  await vscode.commands.executeCommand('editor.action.showHover');
}

import * as vscode from 'vscode';
import type { AnalysisCache } from '../analysis-cache';
import { formatUsd } from '../engine-api';
import type { EngineHost } from '../engine-host';
import { findModel } from '../engine-models';
import { switchEdit } from '../quick-fix-provider';
import { planSwitch } from '../quick-fix-utils';
import { resolveCallArgs } from './call-args';

/**
 * Switches a call to an alternative model. When the host changes too, it first says what else must change (client,
 * base URL, API key) and edits the model string only if the person confirms — or when `confirm` is true (tests).
 * Returns true when the string was changed.
 */
export async function switchModelCommand(
  cache: AnalysisCache,
  host: EngineHost,
  uriArg: vscode.Uri | string | undefined,
  callId: string | undefined,
  modelId: string | undefined,
  confirm = false,
): Promise<boolean> {
  const target = await resolveCallArgs(cache, uriArg, callId);
  if (!target || !target.call.modelLiteral) return false;
  const { doc, call } = target;
  const alt = call.advice.alternatives.find((a) => a.modelId === modelId) ?? (modelId ? undefined : call.advice.alternatives[0]);
  if (!alt) return false;
  const engine = await host.engineFor(doc.uri);
  const plan = planSwitch(call, alt, findModel(engine, alt.modelId), formatUsd);
  if (plan.hostChanges && !confirm) {
    const change = 'Change the model string anyway';
    const picked = await vscode.window.showWarningMessage(
      `Switching to ${alt.name} moves this call from ${call.cost.host ?? call.provider} to ${alt.host}.`,
      { modal: true, detail: `Besides the model string:\n• ${plan.steps.join('\n• ')}` },
      change,
    );
    if (picked !== change) return false;
  }
  const applied = await vscode.workspace.applyEdit(switchEdit(doc, call, plan.newModelId));
  if (applied && plan.hostChanges) void vscode.window.showInformationMessage(`Modelwise: model set to '${plan.newModelId}'. Still to do: ${plan.steps.join(' ')}`);
  return applied;
}

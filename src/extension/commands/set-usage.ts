import * as vscode from 'vscode';
import type { AnalyzedCall } from '../../core/types';
import type { UsageEntry } from '../../core/config/schema';
import type { AnalysisCache } from '../analysis-cache';
import { parseCallsPerMonth, usageEntryFor } from '../config-utils';
import { setUsageEntry } from '../engine-api';
import { CONFIG_FILE } from '../engine-host';
import { describeError } from '../output';
import { resolveCallArgs } from './call-args';

/**
 * "Set usage": asks "calls per month?" for one call and writes the usage entry into the folder's `.modelwise.yaml`
 * through the engine's `setUsageEntry` (comments and other entries are kept). This is the only file the extension
 * ever writes, and only here, when asked. `callsPerMonth` may be passed to skip the input box (tests, other commands).
 * Returns the entry written, or undefined when cancelled.
 */
export async function setUsageCommand(
  cache: AnalysisCache,
  log: vscode.LogOutputChannel,
  uriArg?: vscode.Uri | string,
  callId?: string,
  callsPerMonth?: number,
): Promise<UsageEntry | undefined> {
  const target = await resolveCallArgs(cache, uriArg, callId);
  if (!target) {
    void vscode.window.showInformationMessage('Modelwise: put the cursor on an LLM call to set its usage.');
    return undefined;
  }
  const { doc, call } = target;
  let value = callsPerMonth;
  if (value === undefined) {
    const typed = await vscode.window.showInputBox({
      title: `Modelwise: usage of ${describeCall(call)}`,
      prompt: 'calls per month?',
      value: String(call.cost.callsPerMonth),
      validateInput: (t) => {
        const r = parseCallsPerMonth(t);
        return 'error' in r ? r.error : undefined;
      },
    });
    if (typed === undefined) return undefined;
    const parsed = parseCallsPerMonth(typed);
    if ('error' in parsed) return undefined;
    value = parsed.value;
  }
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) {
    void vscode.window.showWarningMessage(`Modelwise: open a folder to keep usage in ${CONFIG_FILE}.`);
    return undefined;
  }
  const entry = usageEntryFor(call, value);
  const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  try {
    let text = '';
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
    } catch {
      // No config yet: setUsageEntry starts a new one.
    }
    const next = setUsageEntry(text, entry);
    await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(next));
    log.info(`set usage ${JSON.stringify(entry)} in ${configUri.fsPath}`);
    return entry;
  } catch (e) {
    log.error(`could not write ${configUri.fsPath}: ${describeError(e)}`);
    void vscode.window.showErrorMessage(`Modelwise: could not update ${CONFIG_FILE}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

function describeCall(call: AnalyzedCall): string {
  return `${call.model ?? 'call'} at ${call.file}:${call.line}${call.enclosingFunction ? ` in ${call.enclosingFunction}` : ''}`;
}

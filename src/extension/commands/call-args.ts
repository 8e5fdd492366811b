import * as vscode from 'vscode';
import type { AnalyzedCall } from '../../core/types';
import type { AnalysisCache } from '../analysis-cache';
import { callAt } from '../lens-utils';

/**
 * The document and call a command is about: from `(uri, callId)` arguments (lens and code-action commands), else
 * the call under the active editor's cursor. Uses a fresh analysis so offsets match the current text.
 */
export async function resolveCallArgs(
  cache: AnalysisCache,
  uriArg?: vscode.Uri | string,
  callId?: string,
): Promise<{ doc: vscode.TextDocument; call: AnalyzedCall } | undefined> {
  if (uriArg && callId) {
    const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
    const doc = await vscode.workspace.openTextDocument(uri);
    const calls = await cache.analyze(doc);
    const call = calls.find((c) => c.id === callId);
    return call ? { doc, call } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const calls = await cache.analyze(editor.document);
  const call = callAt(calls, editor.document.offsetAt(editor.selection.active));
  return call ? { doc: editor.document, call } : undefined;
}

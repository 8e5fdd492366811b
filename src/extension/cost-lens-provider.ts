import * as vscode from 'vscode';
import type { AnalyzedCall } from '../core/types';
import type { AnalysisCache } from './analysis-cache';
import { CommandId } from './command-ids';
import { lensTitle } from './engine-api';
import type { EngineHost } from './engine-host';
import { passesThreshold } from './lens-utils';
import { describeError } from './output';
import { readSettings } from './settings';

/** A lens that remembers the call it stands for, so resolving needs no lookup. */
class CallLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly call: AnalyzedCall,
  ) {
    super(range);
  }
}

/**
 * One lens above each LLM call. `provideCodeLenses` only places ranges from the cached analysis (or analyses once on
 * a miss); `resolveCodeLens` adds the title from the engine's `lensTitle`. While a re-analysis waits for its
 * debounce the cache hands back the previous calls mapped through the edit, so lenses never blink or jump.
 */
export class CostLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly host: EngineHost,
    private readonly log: vscode.LogOutputChannel,
    /** Called after each resolved lens title (start-up timing); must be cheap. */
    private readonly onResolved: () => void = () => {},
  ) {
    this.disposables.push(
      cache.onDidRefresh(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('modelwise.lens')) this.changed.fire();
      }),
    );
  }

  /** Asks VS Code to re-query lenses (after the toggle command). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    try {
      const settings = readSettings(doc.uri, this.log);
      if (!settings.lens.enabled) return [];
      const calls = await this.cache.get(doc);
      if (token.isCancellationRequested) return [];
      // The user's setting wins when set; else the workspace's `defaults.minMonthlyUsd` from .modelwise.yaml.
      const threshold = settings.lens.minMonthlyUsd > 0 ? settings.lens.minMonthlyUsd : (await this.host.engineFor(doc.uri)).config.defaults.minMonthlyUsd;
      const lenses: vscode.CodeLens[] = [];
      for (const call of calls) {
        if (!passesThreshold(call, threshold)) continue;
        const start = doc.positionAt(call.startOffset);
        const range = new vscode.Range(start, start);
        lenses.push(new CallLens(range, doc.uri, call));
      }
      return lenses;
    } catch (e) {
      this.log.error(`code lenses for ${doc.uri.toString()}: ${describeError(e)}`);
      return [];
    }
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (!(lens instanceof CallLens)) return lens;
    try {
      lens.command = { title: lensTitle(lens.call), command: CommandId.ShowEstimate, arguments: [lens.uri, lens.call.id], tooltip: 'Modelwise: show the estimate and actions' };
      this.onResolved();
    } catch (e) {
      this.log.error(`lens title for ${lens.call.id}: ${describeError(e)}`);
      lens.command = { title: 'Modelwise: estimate unavailable (see Output)', command: CommandId.ShowOutput };
    }
    return lens;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

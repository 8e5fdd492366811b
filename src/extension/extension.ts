import * as vscode from 'vscode';
import type { AnalyzedCall, AuditResult } from '../core/types';
import { AnalysisCache, isAnalyzable, relativeName, DOCUMENT_SELECTOR, type AnalysisEvent } from './analysis-cache';
import { runAudit, type WorkspaceAudit } from './audit/run-audit';
import { CommandId } from './command-ids';
import { auditWorkspaceCommand } from './commands/audit-workspace';
import { exportAuditCommand } from './commands/export-audit';
import { reviewChangesCommand } from './commands/review-changes';
import { setUsageCommand } from './commands/set-usage';
import { showEstimateCommand } from './commands/show-estimate';
import { switchModelCommand } from './commands/switch-model';
import { CostLensProvider } from './cost-lens-provider';
import { CallDiagnostics } from './diagnostics';
import { EngineHost } from './engine-host';
import { CostHoverProvider } from './hover-provider';
import { createOutput, describeError } from './output';
import { SwitchModelActionProvider } from './quick-fix-provider';
import { readSettings } from './settings';
import { SpendStatusBar } from './status-bar';
import { StartupClock, type StartupTimings } from './startup-timings';
import { LicensePanel, licensePanelSerializer, registerLicensePanelSerializer, type LicensePanelDeps } from './webview/license-panel';
import { WorkspaceSpend } from './workspace-spend';

/** What activate() returns: a small, stable API for the integration tests. */
export interface ModelwiseTestApi {
  /** The result of the last workspace audit (command or background), or undefined before any. */
  lastAudit(): AuditResult | undefined;
  /** Fires after each fresh analysis of a document. */
  onDidAnalyze: vscode.Event<AnalysisEvent>;
  /** Analyses a document now (opening it if needed) and resolves with its calls. */
  analyzeDocument(uri: vscode.Uri | string): Promise<AnalyzedCall[]>;
  /** Start-up timings in milliseconds since activate() began (activate itself, first analysis, first lens title). */
  timings(): StartupTimings;
  /** The serializer VS Code calls to restore the license panel after a reload (so tests can drive that path). */
  licensePanelSerializer: vscode.WebviewPanelSerializer;
}

/** Delay before the quiet background audit that feeds the status bar's workspace total, in milliseconds. */
const BACKGROUND_AUDIT_DELAY_MS = 1500;

/**
 * Wiring only: builds the engine host, the analysis cache and the providers, registers the commands, and returns the
 * test API. Nothing heavy happens here — grammars and the catalog index load on first use.
 */
export function activate(context: vscode.ExtensionContext): ModelwiseTestApi {
  const started = Date.now();
  const clock = new StartupClock(performance.now());
  const log = createOutput(context);
  const host = new EngineHost(context.extensionUri, log);
  const cache = new AnalysisCache(host, log);
  const spend = new WorkspaceSpend();
  const lenses = new CostLensProvider(cache, host, log, () => {
    if (clock.has('firstLensMs')) return;
    clock.mark('firstLensMs');
    log.info(`first lens title after ${clock.snapshot().firstLensMs} ms (activation to resolve)`);
  });
  context.subscriptions.push(host, cache, spend, lenses);
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, lenses),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, new CostHoverProvider(cache, log)),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new SwitchModelActionProvider(cache, host, log), {
      providedCodeActionKinds: SwitchModelActionProvider.kinds,
    }),
    new CallDiagnostics(cache, log),
    new SpendStatusBar(cache, spend, log),
    cache.onDidAnalyze((e) => {
      if (!clock.has('firstAnalysisMs')) {
        clock.mark('firstAnalysisMs');
        log.info(`first analysis done after ${clock.snapshot().firstAnalysisMs} ms (grammars, engine and scan)`);
      }
      const uri = vscode.Uri.parse(e.uri);
      if (uri.scheme === 'file') spend.updateFile(relativeName(uri), e);
    }),
  );

  const background = new BackgroundAudit(host, spend, log);
  context.subscriptions.push(background);

  let pendingAudit: Promise<WorkspaceAudit> | undefined;
  const licenseDeps: LicensePanelDeps = {
    extensionUri: context.extensionUri,
    host,
    spend,
    log,
    async workspaceModels() {
      let audit = spend.lastAudit();
      if (!audit && vscode.workspace.workspaceFolders?.length) {
        // One quiet audit even when the panel asks twice (on open and when its script reports ready).
        pendingAudit ??= runAudit(host, log).then((a) => {
          spend.setAudit(a);
          return a;
        });
        audit = await pendingAudit.finally(() => (pendingAudit = undefined));
      }
      const calls = audit?.result.calls ?? [];
      const used = [...new Set(calls.map((c) => c.cost.modelId).filter((id): id is string => id !== null))];
      const suggested = [...new Set(calls.flatMap((c) => c.advice.alternatives.slice(0, 2).map((a) => a.modelId)))];
      return { used, suggested };
    },
  };

  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));
  register(CommandId.AuditWorkspace, (options?: { showReport?: boolean }) => {
    background.cancel();
    return auditWorkspaceCommand(host, spend, context.extensionUri, log, options ?? {});
  });
  register(CommandId.ExportAudit, (format?: 'markdown' | 'csv' | 'json', target?: vscode.Uri | string) => exportAuditCommand(spend, log, format, target));
  register(CommandId.CompareLicenses, () => LicensePanel.show(licenseDeps));
  register(CommandId.ReviewChanges, () => reviewChangesCommand(host, log));
  register(CommandId.ShowEstimate, (uri?: vscode.Uri | string, callId?: string) => showEstimateCommand(cache, uri, callId));
  register(CommandId.SetUsage, (uri?: vscode.Uri | string, callId?: string, callsPerMonth?: number) => setUsageCommand(cache, log, uri, callId, callsPerMonth));
  register(CommandId.SwitchModel, (uri?: vscode.Uri | string, callId?: string, modelId?: string, confirm?: boolean) =>
    switchModelCommand(cache, host, uri, callId, modelId, confirm === true),
  );
  register(CommandId.ShowSwitchSteps, (modelId: string, newHost: string, steps: string[]) =>
    vscode.window.showWarningMessage(`Modelwise: model set to '${modelId}', served by ${newHost}. Still to do: ${steps.join(' ')}`),
  );
  register(CommandId.ToggleLenses, () => toggleLenses(lenses));
  register(CommandId.ShowOutput, () => log.show());
  const serializer = licensePanelSerializer(licenseDeps);
  context.subscriptions.push(registerLicensePanelSerializer(serializer));

  // Analyse what is on screen so diagnostics and the status bar fill in even when lenses are off.
  const analyzeVisible = () => {
    for (const editor of vscode.window.visibleTextEditors) if (isAnalyzable(editor.document)) void cache.get(editor.document);
  };
  context.subscriptions.push(vscode.window.onDidChangeVisibleTextEditors(analyzeVisible));
  analyzeVisible();
  background.schedule();

  clock.mark('activateMs');
  log.info(`activated in ${Date.now() - started} ms (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode'})`);
  return {
    lastAudit: () => spend.lastAudit()?.result,
    onDidAnalyze: cache.onDidAnalyze,
    async analyzeDocument(uri) {
      const doc = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
      return cache.analyze(doc);
    },
    timings: () => clock.snapshot(),
    licensePanelSerializer: serializer,
  };
}

/** Flips `modelwise.lens.enabled` where it is set (workspace or user), then refreshes the lenses. */
async function toggleLenses(lenses: CostLensProvider): Promise<boolean> {
  const resource = vscode.window.activeTextEditor?.document.uri;
  const cfg = vscode.workspace.getConfiguration('modelwise', resource);
  const info = cfg.inspect<boolean>('lens.enabled');
  const next = !cfg.get<boolean>('lens.enabled', true);
  const target = info?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder : info?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await cfg.update('lens.enabled', next, target);
  lenses.refresh();
  return next;
}

/**
 * The quiet audit behind the status bar's workspace total: once shortly after start-up and again after the engine's
 * inputs change (debounced), cancelled by a manual audit. It shows no UI and yields between batches like the command.
 */
class BackgroundAudit implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: vscode.CancellationTokenSource | undefined;
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly host: EngineHost,
    private readonly spend: WorkspaceSpend,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.sub = host.onDidChange(() => this.schedule());
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), BACKGROUND_AUDIT_DELAY_MS);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running?.cancel();
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || !readSettings(folder.uri, this.log).statusBar.workspaceTotal) return;
    this.running?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.running = source;
    try {
      const audit = await runAudit(this.host, this.log, source.token);
      if (!source.token.isCancellationRequested) this.spend.setAudit(audit);
    } catch (e) {
      this.log.warn(`background audit: ${describeError(e)}`);
    } finally {
      source.dispose();
      if (this.running === source) this.running = undefined;
    }
  }

  dispose(): void {
    this.cancel();
    this.sub.dispose();
  }
}

/** Nothing to do: every disposable is in context.subscriptions. */
export function deactivate(): void {
}

import * as vscode from 'vscode';
import { compareLicenses } from '../engine-api';
import type { EngineHost } from '../engine-host';
import { allModels } from '../engine-models';
import { describeError } from '../output';
import type { WorkspaceSpend } from '../workspace-spend';
import { pageAssets, webviewOptions } from './assets';
import { html, renderPage } from './html';
import { chooseColumns, sanitizeState, toLicenseView } from './license-view';
import { isFromWebview, type LicensePanelState, type LicenseView, type ToWebview } from './messages';

/** What the panel needs from the rest of the extension. */
export interface LicensePanelDeps {
  extensionUri: vscode.Uri;
  host: EngineHost;
  spend: WorkspaceSpend;
  log: vscode.LogOutputChannel;
  /** Models used in the workspace and their suggested alternatives (from the last audit, else open files). */
  workspaceModels(): Promise<{ used: string[]; suggested: string[] }>;
}

/**
 * "Modelwise: Compare Licenses": a webview (viewType `modelwise.licenses`) rendering the engine's compareLicenses()
 * for the workspace's models plus their suggested alternatives, with columns the person adds from the catalog.
 * Strict CSP with a nonce, local resources only; the state (added/removed columns) survives reloads through
 * setState and the registered serializer.
 */
export class LicensePanel {
  static readonly viewType = 'modelwise.licenses';
  private static current: LicensePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private lastView: LicenseView | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: LicensePanelDeps,
    private state: LicensePanelState,
  ) {
    panel.webview.options = webviewOptions(deps.extensionUri);
    const body = html`<h1>License comparison</h1>
<p class="note">Terms as the catalog records them, with the clause that decides each one. Not legal advice.</p>
<div id="licenses-root" aria-live="polite"></div>`;
    panel.webview.html = renderPage('Modelwise: Compare Licenses', 'licenses', body, pageAssets(panel.webview, deps.extensionUri));
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => void this.onMessage(m)),
      deps.host.onDidChange(() => void this.post()),
    );
  }

  /** Opens (or reveals) the panel and resolves with the view it shows (tests assert on its columns). */
  static async show(deps: LicensePanelDeps): Promise<LicenseView | undefined> {
    if (LicensePanel.current) {
      LicensePanel.current.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(LicensePanel.viewType, 'Modelwise: Licenses', vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
      LicensePanel.current = new LicensePanel(panel, deps, { added: [], removed: [] });
    }
    return LicensePanel.current.post();
  }

  /** Restores a panel VS Code kept across a reload (called by the serializer with the webview's saved state). */
  static revive(panel: vscode.WebviewPanel, state: unknown, deps: LicensePanelDeps): void {
    LicensePanel.current?.panel.dispose();
    LicensePanel.current = new LicensePanel(panel, deps, sanitizeState(state));
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isFromWebview(m)) return;
    if (m.type === 'ready') await this.post();
    if (m.type === 'addModel') {
      this.state = { added: [...new Set([...this.state.added, m.modelId])], removed: this.state.removed.filter((id) => id !== m.modelId) };
      await this.post();
    }
    if (m.type === 'removeModel') {
      this.state = { added: this.state.added.filter((id) => id !== m.modelId), removed: [...new Set([...this.state.removed, m.modelId])] };
      await this.post();
    }
  }

  /** Recomputes the comparison and sends it to the webview. */
  private async post(): Promise<LicenseView | undefined> {
    try {
      const engine = await this.deps.host.engineFor(vscode.workspace.workspaceFolders?.[0]?.uri);
      const { used, suggested } = await this.deps.workspaceModels();
      const columns = chooseColumns(used, suggested, this.state);
      const comparison = compareLicenses(
        columns.map((c) => c.modelId),
        engine,
      );
      const notes: string[] = [];
      if (!vscode.workspace.isTrusted) notes.push('Restricted Mode: private models and license overrides from .modelwise.yaml are not applied.');
      if (used.length === 0) notes.push('No LLM calls found in the workspace yet: run "Modelwise: Audit Workspace Spend", or add models below.');
      const choices = allModels(engine)
        .map((m) => ({ id: m.id, name: m.name }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const view = toLicenseView(comparison, columns, choices, notes);
      this.lastView = view;
      const message: ToWebview = { type: 'licenses', view, state: this.state };
      await this.panel.webview.postMessage(message);
      return view;
    } catch (e) {
      this.deps.log.error(`license panel: ${describeError(e)}`);
      return this.lastView;
    }
  }

  private dispose(): void {
    if (LicensePanel.current === this) LicensePanel.current = undefined;
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The serializer that brings the panel back after a window reload, with its saved columns (the state the webview
 * stored with setState). Separate from its registration so the real-editor suite can drive the same object.
 */
export function licensePanelSerializer(deps: LicensePanelDeps): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      LicensePanel.revive(panel, state, deps);
    },
  };
}

/** Registers licensePanelSerializer for the panel's view type. */
export function registerLicensePanelSerializer(serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(LicensePanel.viewType, serializer);
}


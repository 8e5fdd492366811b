import catalog from 'modelwise:catalog';
import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog/schema';
import { parseCatalog } from '../core/catalog/parse-catalog';
import type { ConfigSource } from '../core/config/config-source';
import type { Config } from '../core/config/schema';
import type { ParserSet } from '../core/scan/parsers';
import type { InputIssue } from '../core/types';
import { loadParsers } from '../node/load-parsers';
import { engineConfig, ignoredInRestrictedMode, mergeCatalogs } from './config-utils';
import { createEngine, parseConfig, type Engine } from './engine-api';
import { describeError } from './output';
import { readSettings } from './settings';

/** Quiet period before a change of inputs rebuilds the engines, in milliseconds. */
const INVALIDATE_DELAY_MS = 100;

/** Name of the workspace file the extension reads (and writes only on "Set usage"). */
export const CONFIG_FILE = '.modelwise.yaml';

/**
 * Builds and caches one Engine per workspace folder: the bundled catalog (plus `modelwise.catalogPath` when trusted),
 * the folder's `.modelwise.yaml` (restricted to usage volumes in Restricted Mode) and the tree-sitter parsers, which
 * load lazily on first need so activation stays cheap. Any change to those inputs drops the cache and fires
 * `onDidChange` so lenses, diagnostics and the status bar refresh.
 */
export class EngineHost implements vscode.Disposable {
  private readonly engines = new Map<string, Promise<Engine>>();
  private invalidateTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pendingReasons = new Set<string>();
  private parsers: Promise<ParserSet> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection('modelwise-config');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.configDiagnostics];
  /** Fires after the catalog, the config file, trust or a relevant setting changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    this.disposables.push(
      watcher,
      watcher.onDidChange(() => this.invalidate('config file changed')),
      watcher.onDidCreate(() => this.invalidate('config file created')),
      watcher.onDidDelete(() => this.invalidate('config file deleted')),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate('workspace trusted')),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate('workspace folders changed')),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('modelwise.catalogPath')) this.invalidate('modelwise.catalogPath changed');
      }),
    );
  }

  /**
   * Drops every cached engine; the next request rebuilds from current inputs. Bursts (one save raises several
   * watcher events) are coalesced into one rebuild.
   */
  invalidate(reason: string): void {
    this.pendingReasons.add(reason);
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    this.invalidateTimer = setTimeout(() => {
      this.invalidateTimer = undefined;
      this.log.info(`engine inputs changed (${[...this.pendingReasons].join(', ')}); caches cleared`);
      this.pendingReasons.clear();
      this.engines.clear();
      this.changed.fire();
    }, INVALIDATE_DELAY_MS);
  }

  /** The engine for the folder holding `uri` (or the first folder, or no folder). */
  engineFor(uri: vscode.Uri | undefined): Promise<Engine> {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
    const key = folder?.uri.toString() ?? '';
    let engine = this.engines.get(key);
    if (!engine) {
      engine = this.build(folder);
      this.engines.set(key, engine);
      engine.catch(() => this.engines.delete(key));
    }
    return engine;
  }

  /** Parsers for all supported languages, loaded once (the WASM grammars ship in dist/grammars). */
  getParsers(): Promise<ParserSet> {
    if (!this.parsers) {
      const started = Date.now();
      const dir = vscode.Uri.joinPath(this.extensionUri, 'dist', 'grammars').fsPath;
      this.parsers = loadParsers(undefined, dir).then((p) => {
        this.log.info(`tree-sitter grammars loaded in ${Date.now() - started} ms`);
        return p;
      });
      this.parsers.catch((e) => {
        this.log.error(`could not load the tree-sitter grammars: ${describeError(e)}`);
        this.parsers = undefined;
      });
    }
    return this.parsers;
  }

  private async build(folder: vscode.WorkspaceFolder | undefined): Promise<Engine> {
    const started = Date.now();
    const trusted = vscode.workspace.isTrusted;
    const took: Record<string, number> = {};
    const timed = <T>(name: string, p: Promise<T>) => p.then((v) => ((took[name] = Date.now() - started), v));
    const [parsers, cat, cfg] = await Promise.all([timed('grammars', this.getParsers()), timed('catalog', this.loadCatalog(folder, trusted)), timed('config', this.loadConfig(folder, trusted))]);
    const beforeCreate = Date.now();
    // cfg carries parseConfig's source even in Restricted Mode (engineConfig), so the engine places its own config
    // issues (policy license typos) and workspace-level findings at their YAML line/column.
    const { uri: configUri, ...configOptions } = cfg;
    const engine = createEngine({ parsers, catalog: cat, ...configOptions });
    // The engine's issues = parseConfig's issues + those only the engine can find (license entries matching nothing).
    if (configUri) {
      this.configDiagnostics.set(configUri, engine.configIssues.map(issueDiagnostic));
      for (const i of engine.configIssues) this.log.warn(`config ${formatIssue(i)}`);
    }
    const parts = `${Object.entries(took).map(([k, v]) => `${k} ${v}`).join(', ')}, index ${Date.now() - beforeCreate}`;
    this.log.info(`engine ready for ${folder?.name ?? '(no folder)'} in ${Date.now() - started} ms (${parts} ms)${trusted ? '' : ' (Restricted Mode)'}`);
    return engine;
  }

  private async loadCatalog(folder: vscode.WorkspaceFolder | undefined, trusted: boolean): Promise<Catalog> {
    const extra = readSettings(folder?.uri, this.log).catalogPath.trim();
    if (!extra || !trusted) return catalog;
    try {
      const base = folder?.uri ?? vscode.Uri.file('/');
      const target = extra.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(extra) ? vscode.Uri.file(extra) : vscode.Uri.joinPath(base, extra);
      const stat = await vscode.workspace.fs.stat(target);
      const uris =
        stat.type & vscode.FileType.Directory
          ? (await vscode.workspace.fs.readDirectory(target))
              .filter(([name, type]) => type === vscode.FileType.File && /\.ya?ml$/.test(name))
              .map(([name]) => vscode.Uri.joinPath(target, name))
          : [target];
      const files = await Promise.all(
        uris.map(async (u) => ({ name: vscode.workspace.asRelativePath(u, false), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(u)) })),
      );
      const parsed = parseCatalog(files);
      for (const i of parsed.issues) this.log.warn(`catalog ${formatIssue(i)}`);
      return mergeCatalogs(catalog, parsed.catalog);
    } catch (e) {
      this.log.error(`modelwise.catalogPath '${extra}' could not be read; using the bundled catalog: ${describeError(e)}`);
      return catalog;
    }
  }

  private async loadConfig(folder: vscode.WorkspaceFolder | undefined, trusted: boolean): Promise<LoadedConfig> {
    if (!folder) return {};
    const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.configDiagnostics.delete(uri);
      return {};
    }
    const parsed = parseConfig(text, CONFIG_FILE);
    const ignored = trusted ? [] : ignoredInRestrictedMode(parsed.config);
    if (ignored.length > 0) this.log.info(`Restricted Mode: ${CONFIG_FILE} sections ignored until the folder is trusted: ${ignored.join(', ')}`);
    return { ...engineConfig(parsed, trusted), uri };
  }

  dispose(): void {
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** What loadConfig read: the config (restricted in Restricted Mode), parseConfig's issues and source, and the file. */
interface LoadedConfig {
  config?: Config;
  configIssues?: InputIssue[];
  configSource?: ConfigSource;
  /** The `.modelwise.yaml` read; undefined when the folder has none. */
  uri?: vscode.Uri;
}

/** `file:line:column (path): message`. */
export function formatIssue(i: InputIssue): string {
  return `${i.file}${i.line ? `:${i.line}:${i.column ?? 1}` : ''}${i.path ? ` (${i.path})` : ''}: ${i.message}`;
}

function issueDiagnostic(i: InputIssue): vscode.Diagnostic {
  const line = Math.max(0, (i.line ?? 1) - 1);
  const col = Math.max(0, (i.column ?? 1) - 1);
  const d = new vscode.Diagnostic(new vscode.Range(line, col, line, col + 1), i.message, vscode.DiagnosticSeverity.Warning);
  d.source = 'modelwise';
  return d;
}

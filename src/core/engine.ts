import { createModelIndex, type ModelIndex } from './catalog/lookup';
import type { Catalog } from './catalog/schema';
import { positionOf, sourceOf, type ConfigSource } from './config/config-source';
import { ConfigSchema, type Config } from './config/schema';
import { checkPolicyLicenseEntries } from './license/policy-entries';
import { createIncrementalScanner, type IncrementalScanner } from './scan/incremental';
import type { ParserSet } from './scan/parsers';
import type { AnalyzedCall, InputIssue } from './types';

/**
 * Everything an analysis needs, built once per (catalog, config) and reused for every file: the shell's parsers, the
 * catalog and its lookup index, the workspace config and a small per-file cache. Rebuild the engine (createEngine)
 * when the catalog or `.modelwise.yaml` changes; that also drops the caches.
 */
export interface Engine {
  parsers: ParserSet;
  catalog: Catalog;
  /** The workspace config with defaults filled in (what parseConfig returned, or all defaults). */
  config: Config;
  /** Problems found in `.modelwise.yaml` (parse issues plus policy license entries that match nothing); the audit
   * reports them next to its results. */
  configIssues: InputIssue[];
  /** Where the config was read from (file name and key positions), when it came from parseConfig. Reports use it to
   * place workspace-level findings (the budget) at the line of `.modelwise.yaml` that decides them. */
  configSource?: ConfigSource;
  /** Model lookup by id, alias and provider spelling (config private models included). */
  models: ModelIndex;
  /** Per-file caches (see FileCache). */
  cache: EngineCaches;
}

/** Options of createEngine. */
export interface EngineOptions {
  parsers: ParserSet;
  catalog: Catalog;
  config?: Config;
  configIssues?: InputIssue[];
  /** parseConfig's `source`; defaults to the source parseConfig recorded for `config` itself. */
  configSource?: ConfigSource;
}

/** Caches keyed by file name; an entry is reused only when the text is identical to the text it was built from. */
export interface EngineCaches {
  /** analyzeText results. */
  analyzed: FileCache<AnalyzedCall[]>;
  /** Scanner results used by the audit (before cross-file resolution). */
  scanned: FileCache<unknown>;
  /** The editor's per-document state (last syntax tree, scan and analysis) for re-analysis after an edit. */
  incremental: IncrementalScanner<AnalyzedCall>;
}

/**
 * A bounded map from file name to a value computed from that file's text. `get` compares the whole text (a string
 * comparison, which is as strict as a content hash and cheaper than computing one), so an edit always misses.
 */
export interface FileCache<T> {
  get(fileName: string, text: string): T | undefined;
  set(fileName: string, text: string, value: T): void;
  clear(): void;
  readonly size: number;
}

/** Files kept per cache; the oldest entry is dropped beyond this. */
const CACHE_LIMIT = 500;

/** Creates a FileCache holding at most `limit` files (least recently set dropped first). */
export function createFileCache<T>(limit = CACHE_LIMIT): FileCache<T> {
  const entries = new Map<string, { text: string; value: T }>();
  return {
    get(fileName, text) {
      const hit = entries.get(fileName);
      return hit !== undefined && hit.text === text ? hit.value : undefined;
    },
    set(fileName, text, value) {
      entries.delete(fileName);
      entries.set(fileName, { text, value });
      if (entries.size > limit) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/** The config used when a workspace has no `.modelwise.yaml`: every default of ConfigSchema. */
export function defaultConfig(): Config {
  return ConfigSchema.parse({});
}

/**
 * Builds an engine. Cheap (one pass over the catalog's ids and aliases); nothing heavy is loaded here — tokenizer
 * ranks load on the first token count.
 */
export function createEngine(opts: EngineOptions): Engine {
  const config = opts.config ?? defaultConfig();
  const source = opts.configSource ?? (opts.config ? sourceOf(opts.config) : undefined);
  const engine: Engine = {
    parsers: opts.parsers,
    catalog: opts.catalog,
    config,
    configIssues: [...(opts.configIssues ?? []), ...policyEntryIssues(config, opts.catalog, source)],
    models: createModelIndex(opts.catalog, config),
    cache: { analyzed: createFileCache<AnalyzedCall[]>(), scanned: createFileCache<unknown>(), incremental: createIncrementalScanner<AnalyzedCall>() },
  };
  if (source) engine.configSource = source;
  return engine;
}

/**
 * allow/deny license entries that are neither an SPDX expression nor a catalog (or config) license id match nothing —
 * a typo in `denyLicenses` would silently deny nothing — so each becomes a located config issue. This needs the
 * catalog's license ids, which parseConfig does not have; hence it runs here.
 */
function policyEntryIssues(config: Config, catalog: Catalog, source: ConfigSource | undefined): InputIssue[] {
  const known = [...catalog.licenses, ...config.licenses].map((l) => l.id);
  return checkPolicyLicenseEntries(config.policy, known).map((e) => {
    const pos = positionOf(source, e.path);
    const issue: InputIssue = { file: source?.file ?? '.modelwise.yaml', path: e.path, message: `${e.message} — it matches no license, so this entry has no effect` };
    if (pos) {
      issue.line = pos.line;
      issue.column = pos.column;
    }
    return issue;
  });
}

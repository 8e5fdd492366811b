/**
 * The engine's public surface. Shells (the VS Code extension, the CLI, tests) pass text in and get plain data back;
 * nothing here touches files, the network, timers or `vscode`. Money is integer micro-USD until a report turns it
 * into dollars.
 */
import type { Engine } from './engine';
import { analyzeCall } from './estimate/analyze-call';
import { moduleCandidates, resolveCrossFile } from './scan/cross-file';
import { languageForFile } from './scan/languages';
import { scanNotebook } from './scan/notebook';
import { mayContainCalls } from './scan/prefilter';
import { scanText, type ScanResult } from './scan/scan-text';
import type { AnalyzedCall, AuditResult, LanguageId, SkipReason } from './types';

export { createEngine, defaultConfig, type Engine, type EngineOptions } from './engine';

/** Options of an audit: cancellation and progress, both owned by the shell. */
export interface AuditOptions {
  /** When aborted, the audit stops between files and returns what it has, with `partial` set. */
  signal?: AbortSignal;
  /** Called after each file with (files done, files total). */
  onProgress?(done: number, total: number): void;
}

/** Orders calls by file, notebook cell, line and column (the order every report starts from). */
function byPosition(a: AnalyzedCall, b: AnalyzedCall): number {
  return a.file.localeCompare(b.file) || (a.cell ?? -1) - (b.cell ?? -1) || a.line - b.line || a.column - b.column;
}

const EMPTY_SCAN: ScanResult = { calls: [], exports: {}, imports: {} };

/**
 * Scans one file (notebook or source), reusing the engine's cache when the text is unchanged. Unless `force` is set,
 * source files that the scanner's prefilter rules out (no SDK import or API token at all) are not parsed; the audit
 * forces a parse of such a file only when another file imports a model constant from it.
 */
function scanFile(path: string, text: string, language: LanguageId | 'notebook', engine: Engine, force = false): ScanResult {
  if (!force && language !== 'notebook' && !mayContainCalls(text)) return EMPTY_SCAN;
  const cached = engine.cache.scanned.get(path, text) as ScanResult | undefined;
  if (cached) return cached;
  const result =
    language === 'notebook' ? scanNotebook(text, path, engine.parsers) : scanText(text, { languageId: language, fileName: path }, engine.parsers);
  engine.cache.scanned.set(path, text, result);
  return result;
}

/** Workspace paths that calls' unresolved model imports (and re-exports of them) may point at. */
function importTargets(results: Map<string, ScanResult>): Set<string> {
  const wanted = new Set<string>();
  for (const [file, r] of results) {
    for (const c of r.calls) {
      if (c.model === null && c.modelImport) for (const cand of moduleCandidates(file, c.modelImport.module)) wanted.add(cand);
    }
    // A constants file may re-export a name from another module.
    if (r.calls.length === 0) for (const imp of Object.values(r.imports)) for (const cand of moduleCandidates(file, imp.module)) wanted.add(cand);
  }
  return wanted;
}

/** A shallow copy whose calls can be filled in by cross-file resolution without touching the cached scan. */
function forResolution(r: ScanResult): ScanResult {
  return { ...r, calls: r.calls.map((c) => ({ ...c, prompt: { ...c.prompt } })) };
}

/**
 * Audits many files: scan each (cached by content), resolve model constants imported across files, then estimate,
 * classify and check every call. Unsupported or unparsable files are reported in `files.skipped` with a reason,
 * never dropped silently. Cancellation is checked between files; a cancelled audit keeps its results and says how
 * far it got.
 */
function runAudit(files: readonly { path: string; text: string }[], engine: Engine, opts: AuditOptions = {}): AuditResult {
  const skipped: { file: string; reason: SkipReason }[] = [];
  const results = new Map<string, ScanResult>();
  /** Files the prefilter ruled out: parsed later only if a call imports its model from one of them. */
  const deferred = new Map<string, { text: string; language: LanguageId }>();
  let scanned = 0;
  let partial: AuditResult['partial'];
  for (let i = 0; i < files.length; i++) {
    if (opts.signal?.aborted) {
      partial = { done: i, total: files.length };
      break;
    }
    const f = files[i] as { path: string; text: string };
    const language = languageForFile(f.path);
    if (language === undefined) {
      skipped.push({ file: f.path, reason: 'unsupported' });
    } else {
      try {
        if (language !== 'notebook' && !mayContainCalls(f.text)) {
          deferred.set(f.path.replace(/\\/g, '/').replace(/^\.\//, ''), { text: f.text, language });
          scanned++;
          opts.onProgress?.(i + 1, files.length);
          continue;
        }
        // Already through the prefilter just above: don't run it a second time.
        const r = scanFile(f.path, f.text, language, engine, true);
        if (r.error !== undefined) {
          skipped.push({ file: f.path, reason: /no parser/.test(r.error) ? 'unsupported' : 'parse-error' });
        } else {
          scanned++;
          results.set(f.path, forResolution(r));
        }
      } catch {
        skipped.push({ file: f.path, reason: 'parse-error' });
      }
    }
    opts.onProgress?.(i + 1, files.length);
  }
  // Constants files hold no calls, so the prefilter skips them; parse those that calls import a model from (and
  // follow re-exports a few hops).
  for (let round = 0; round < 4 && deferred.size > 0; round++) {
    let added = 0;
    for (const target of importTargets(results)) {
      const d = deferred.get(target);
      if (!d || results.has(target)) continue;
      deferred.delete(target);
      try {
        const r = scanFile(target, d.text, d.language, engine, true);
        if (r.error === undefined) {
          results.set(target, forResolution(r));
          added++;
        }
      } catch {
        // An unparsable constants file only means the import stays unresolved.
      }
    }
    if (added === 0) break;
  }
  resolveCrossFile(results);
  const calls: AnalyzedCall[] = [];
  for (const r of results.values()) for (const c of r.calls) calls.push(analyzeCall(c, engine));
  calls.sort(byPosition);
  const result: AuditResult = { calls, files: { scanned, skipped }, issues: [...engine.configIssues] };
  if (partial) result.partial = partial;
  return result;
}

/**
 * Analyses one document for the editor: finds its LLM calls and estimates tokens, cost per call and per month,
 * routine/frontier class with alternatives, and the license policy verdict. Synchronous. The result is cached per
 * (fileName, text): asking again for an unchanged document returns the same array without re-parsing (a string
 * comparison, microseconds even for a 5,000-line file). Model constants imported from other files are resolved only
 * by auditTexts; here they stay unknown (modelSource 'unknown'), never guessed.
 * @param languageId a VS Code language id, or 'notebook' for `.ipynb` JSON text.
 */
export function analyzeText(text: string, opts: { languageId: LanguageId | 'notebook'; fileName: string }, engine: Engine): AnalyzedCall[] {
  const cached = engine.cache.analyzed.get(opts.fileName, text);
  if (cached) return cached;
  const language = opts.fileName.toLowerCase().endsWith('.ipynb') ? 'notebook' : opts.languageId;
  let calls: AnalyzedCall[];
  try {
    const parser = language === 'notebook' ? undefined : engine.parsers.get(language);
    if (language !== 'notebook' && parser && mayContainCalls(text)) {
      // Editor path: re-parse incrementally from the previous version and reuse what the edit cannot change.
      const run = engine.cache.incremental.run(opts.fileName, text, language, parser, (c) => analyzeCall(c, engine));
      if (run.scan.error === undefined) engine.cache.scanned.set(opts.fileName, text, run.scan);
      calls = run.calls;
    } else {
      engine.cache.incremental.forget(opts.fileName);
      // A notebook, a language without a parser (the scan reports it), or a file the prefilter rules out (no calls).
      const scan = parser ? EMPTY_SCAN : scanFile(opts.fileName, text, language, engine);
      calls = scan.calls.map((c) => analyzeCall(c, engine));
    }
  } catch {
    engine.cache.incremental.forget(opts.fileName);
    calls = [];
  }
  engine.cache.analyzed.set(opts.fileName, text, calls);
  return calls;
}

/**
 * Audits many files (paths relative to the audit root, forward slashes): every call with its estimate, files
 * scanned/skipped with reasons, and config issues. Honours `signal` between files (the result then has `partial`) and
 * reports progress with `onProgress(done, total)`. Re-auditing unchanged files reuses the engine's scan cache.
 */
export function auditTexts(files: readonly { path: string; text: string }[], engine: Engine, opts?: AuditOptions): AuditResult {
  return runAudit(files, engine, opts);
}

/** Parses `.modelwise.yaml` (bad entries dropped with located issues) and edits its usage section preserving comments. */
export { parseConfig, setUsageEntry } from './config/parse-config';
/** Parses and validates catalog YAML files. */
export { parseCatalog, type CatalogText } from './catalog/parse-catalog';
/** Model lookup by id, alias and provider spelling. */
export { createModelIndex, type ModelIndex } from './catalog/lookup';
/** Token counting: exact for o200k_base/cl100k_base (js-tiktoken), a calibrated estimate for other families. */
export { countTokens, chatOverheadTokens } from './estimate/tokens';
/** Offer choice, discounts and prices (integer micro-USD). */
export { chooseOffer, applyDiscounts } from './estimate/offers';
export { offerCostMicroUsd } from './estimate/cost';

/** Reports: the CLI JSON contract, terminal table, Markdown, CSV, and the editor's lens title and hover. */
export { toJsonReport, type JsonReport, type JsonCall } from './report/json-report';
export { formatTable } from './report/table';
export { formatMarkdown } from './report/markdown';
export { formatCsv } from './report/csv';
export { formatUsd, formatUsdRange } from './report/format-usd';
export { lensTitle, MAX_LENS_TITLE } from './report/lens-title';
/** Short display labels: model names without parenthesised details, written model + canonical id, short licenses. */
export { modelCell, shortModelName, truncateMiddle } from './report/labels';
export { shortLicenseLabel } from './license/license-label';
export { hoverMarkdown } from './report/hover';

/** Advice and licenses (helper modules re-exported so shells import from one place). */
export { classifyCall } from './advise/classify';
export { suggestAlternatives } from './advise/alternatives';
export { portfolio, type PortfolioScenario } from './advise/portfolio';
export { evaluatePolicy } from './policy/evaluate';
export { compareLicenses, type LicenseComparison } from './license/compare';
/** The review gate: base vs head audits, and its SARIF / CycloneDX / PR-comment formats. */
export { reviewChange } from './review/diff';
export type { ReviewReport } from './review/types';
export { formatSarif } from './report/sarif';
export { formatCycloneDx } from './report/cyclonedx';
export { formatReviewMarkdown } from './report/review-markdown';

export type * from './types';
export type { Catalog, Model, Offer, License } from './catalog/schema';
export type { Config, UsageEntry } from './config/schema';
export type { ConfigSource, ConfigPosition } from './config/config-source';

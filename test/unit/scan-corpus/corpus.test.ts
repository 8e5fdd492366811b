import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { repoRoot, testParsers } from '../../helpers/engine';
import { bucketForFile, corpusRoot, loadCorpusLabels, sourceExtensions, type CorpusLabels } from './corpus-labels';
import { runAudit, runScanner, type CorpusRun } from './corpus-run';
import { declareCorpusFloors } from './corpus-floors';
import { addTally, emptyTally, formatMiss, ratios, scoreFile, type Miss, type Prediction, type Tally } from './corpus-score';

/**
 * The labelled corpus evaluator: runs the product's audit (and the bare scanner) over test/fixtures/corpus, matches calls to the hand-written
 * labels by (file, cell, line), prints recall / precision / model accuracy per language, writes every disagreement to
 * .test-results/corpus-misses.txt (override with MODELWISE_CORPUS_MISSES) and asserts the floor MODELWISE_CORPUS_MIN
 * (default 0.97, issue 2's target) on recall and precision, and MODELWISE_CORPUS_MODEL_MIN (default min(MIN, 0.95)) on model ids.
 */

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    else if (sourceExtensions.some((e) => name.endsWith(e))) out.push(relative(corpusRoot, full).split('\\').join('/'));
  }
  return out;
}

const minimum = Number(process.env['MODELWISE_CORPUS_MIN'] ?? '0.97');
/** Model ids have their own target (0.95 in issue 2): never stricter than that unless asked. */
const modelMinimum = Number(process.env['MODELWISE_CORPUS_MODEL_MIN'] ?? String(Math.min(minimum, 0.95)));
/** Inside the checkout's ignored test-results folder unless a path is given. */
const missesPath = process.env['MODELWISE_CORPUS_MISSES'] ?? join(repoRoot, '.test-results', 'corpus-misses.txt');

describe('scan corpus (labelled public-style code)', function () {
  this.timeout(120000);
  let labels: CorpusLabels;
  const predsByFile = new Map<string, Prediction[]>();
  const errors = new Map<string, string>();
  const byBucket = new Map<string, Tally>();
  const total = emptyTally();
  const misses: Miss[] = [];

  let auditError: string | undefined;
  const direct: Tally = emptyTally();

  before(async () => {
    labels = loadCorpusLabels();
    const parsers = await testParsers();
    const inputs = labels.files.map((path) => ({ path, text: readFileSync(join(corpusRoot, path), 'utf8') }));
    // Scored on the product path (auditTexts, as `modelwise audit` runs); the bare scanner is scored alongside so a
    // loss in the audit's prefilter or plumbing shows up as the difference between the two.
    const scanner = runScanner(inputs, parsers);
    let primary: CorpusRun = scanner;
    try {
      primary = runAudit(inputs, parsers);
    } catch (e) {
      auditError = e instanceof Error ? e.stack ?? e.message : String(e);
    }
    for (const [f, e] of primary.errors) errors.set(f, e);
    for (const [f, e] of scanner.errors) if (!errors.has(f)) errors.set(f, `scanner threw: ${e}`);
    for (const [f, p] of primary.preds) predsByFile.set(f, p);
    const lost: string[] = [];
    for (const file of labels.files) {
      const fileLabels = labels.calls.filter((l) => l.file === file);
      const { tally, misses: m } = scoreFile(fileLabels, predsByFile.get(file) ?? []);
      const bare = scoreFile(fileLabels, scanner.preds.get(file) ?? []).tally;
      addTally(direct, bare);
      if (bare.truePositives > tally.truePositives) lost.push(`AUDITLOST ${file}  the bare scanner finds ${bare.truePositives - tally.truePositives} more labelled call(s) than the audit`);
      const bucket = bucketForFile(file);
      const t = byBucket.get(bucket) ?? emptyTally();
      addTally(t, tally);
      byBucket.set(bucket, t);
      addTally(total, tally);
      misses.push(...m);
    }
    printTable(byBucket, total, labels.files);
    console.log(`  path: ${auditError ? 'bare scanner (auditTexts threw)' : 'auditTexts'}; bare scanner alone: ${formatTotals(direct)}\n`);
    const header = [
      `# corpus misses ${new Date().toISOString()} — ${auditError ? 'bare scanner' : 'audit'}: ${formatTotals(total)}`,
      `# bare scanner (no prefilter): ${formatTotals(direct)}`,
      ...(auditError ? [`ERROR    auditTexts threw: ${auditError.split('\n').slice(0, 3).join(' | ')}`] : []),
      ...[...errors].map(([f, e]) => `ERROR    ${f}  ${e}`),
      ...lost,
    ];
    mkdirSync(dirname(missesPath), { recursive: true });
    writeFileSync(missesPath, [...header, ...misses.map(formatMiss)].join('\n') + '\n');
  });

  it('runs the audit path (auditTexts) over the corpus without throwing', () => {
    assert.equal(auditError, undefined);
  });

  it('lists every source file of the corpus in labels.json, and nothing else', () => {
    assert.deepEqual([...labels.files].sort(), listSources(corpusRoot).sort());
  });

  it('has a corpus of the agreed size (60+ files, 250+ labelled calls)', () => {
    assert.ok(labels.files.length >= 60, `only ${labels.files.length} files`);
    assert.ok(labels.calls.filter((l) => !l.optional).length >= 250, `only ${labels.calls.length} labels`);
  });

  it('scans every corpus file without throwing or skipping it', () => {
    assert.deepEqual([...errors].map(([f, e]) => `${f}: ${e}`), []);
  });

  declareCorpusFloors({ total, predsByFile, missesPath }, { minimum, modelMinimum });
});

function formatTotals(t: Tally): string {
  const r = ratios(t);
  return `recall ${r.recall.toFixed(3)} precision ${r.precision.toFixed(3)} model ${r.modelAccuracy.toFixed(3)} (strict ${r.modelAccuracyStrict.toFixed(3)}) provider ${r.provider.toFixed(3)} api ${r.api.toFixed(3)} guesses ${t.guesses}`;
}

function printTable(byBucket: Map<string, Tally>, total: Tally, files: string[]): void {
  const rows = [...byBucket.entries()].sort(([a], [b]) => a.localeCompare(b));
  const head = ['bucket', 'files', 'labels', 'TP', 'FN', 'FP', 'recall', 'precision', 'model', 'strict', 'provider', 'api'];
  const line = (name: string, t: Tally, n: number): string[] => {
    const r = ratios(t);
    return [name, String(n), String(t.labels), String(t.truePositives), String(t.falseNegatives), String(t.falsePositives),
      r.recall.toFixed(3), r.precision.toFixed(3), r.modelAccuracy.toFixed(3), r.modelAccuracyStrict.toFixed(3), r.provider.toFixed(3), r.api.toFixed(3)];
  };
  const table = [head, ...rows.map(([b, t]) => line(b, t, files.filter((f) => bucketForFile(f) === b).length)), line('ALL', total, files.length)];
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.log('\n' + table.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n') + '\n');
}

import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, ensureBuilt, fixtures, runCli } from './cli-harness';

interface JsonCall {
  file: string;
  line: number;
  column: number;
  cell?: number;
  language: string;
  provider: string;
  via: string;
  api: string;
  model: string | null;
  modelSource: string;
  inLoop: boolean;
  tokens: { input: number };
  cost: { priced: boolean; status?: string; modelId?: string | null };
}
interface JsonReport {
  calls: JsonCall[];
  files: { scanned: number; skipped: { file: string; reason: string }[] };
}

const sample = join(fixtures, 'sample-workspace');

/** 1-based line and column of `needle` in a fixture file (the CLI must find the same place on its own). */
function position(file: string, needle: string, after?: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  let start = 0;
  if (after) start = lines.findIndex((l) => l.includes(after));
  for (let i = Math.max(0, start); i < lines.length; i++) {
    const col = lines[i]!.indexOf(needle);
    if (col !== -1) return { line: i + 1, column: col + 1 };
  }
  throw new Error(`${needle} not in ${file}`);
}

function callIn(report: JsonReport, file: string): JsonCall {
  const found = report.calls.filter((c) => c.file === file);
  assert.ok(found.length > 0, `no call reported in ${file}; files with calls: ${[...new Set(report.calls.map((c) => c.file))].join(', ')}`);
  return found[0]!;
}

describe('modelwise audit (CLI, child process)', function () {
  before(() => ensureBuilt());

  describe('the sample workspace as JSON', () => {
    let report: JsonReport;
    let stderr: string;
    before(() => {
      const r = runCli(['audit', sample, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      stderr = r.stderr;
      report = JSON.parse(r.stdout) as JsonReport;
    });

    it('prints one JSON object whose call paths are relative to DIR with forward slashes', () => {
      assert.ok(Array.isArray(report.calls));
      for (const c of report.calls) {
        assert.ok(!c.file.startsWith('/') && !c.file.includes('\\') && !c.file.includes('sample-workspace'), c.file);
      }
      assert.equal(stderr, '', 'a valid config prints nothing on stderr');
    });

    it('finds the summarization call at the line and column of `create`', () => {
      const c = callIn(report, 'service/app/summarize.py');
      assert.deepEqual({ line: c.line, column: c.column }, position(join(sample, 'service/app/summarize.py'), 'create('));
      assert.equal(c.language, 'python');
      assert.equal(c.provider, 'openai');
      assert.equal(c.via, 'sdk');
      assert.equal(c.api, 'chat');
      assert.equal(c.model, 'gpt-4o');
      assert.equal(c.modelSource, 'literal');
      assert.equal(c.inLoop, false);
      assert.equal(c.cost.priced, true);
      assert.ok(c.tokens.input > 20, `static prompt counted: ${c.tokens.input}`);
    });

    it('resolves a model constant imported from another file', () => {
      const c = callIn(report, 'service/app/tagging.py');
      assert.equal(c.model, 'gpt-4o-mini');
      assert.equal(c.modelSource, 'import');
    });

    it('flags the embedding call in a loop', () => {
      const c = callIn(report, 'service/app/embeddings.py');
      assert.equal(c.api, 'embedding');
      assert.equal(c.model, 'text-embedding-3-small');
      assert.equal(c.inLoop, true);
    });

    it('reports the dynamic model as unknown and the unknown model as unpriced, never $0', () => {
      const dynamic = callIn(report, 'service/app/router.py');
      assert.equal(dynamic.model, null);
      assert.equal(dynamic.modelSource, 'unknown');
      assert.equal(dynamic.cost.priced, false);
      const unknown = callIn(report, 'service/app/onprem.py');
      assert.equal(unknown.model, 'acme-support-13b');
      assert.equal(unknown.cost.priced, false);
    });

    it('reports the notebook call with its cell index and a line inside that cell', () => {
      const c = callIn(report, 'notebooks/summary_eval.ipynb');
      const nb = JSON.parse(readFileSync(join(sample, 'notebooks/summary_eval.ipynb'), 'utf8')) as { cells: { source: string[] }[] };
      const cell = nb.cells.findIndex((x) => x.source.join('').includes('generate_content'));
      const lineInCell = nb.cells[cell]!.source.join('').split('\n').findIndex((l) => l.includes('generate_content')) + 1;
      assert.equal(c.cell, cell);
      assert.equal(c.line, lineInCell);
      assert.equal(c.provider, 'google');
      assert.equal(c.model, 'gemini-2.5-flash');
      assert.equal(c.inLoop, true);
    });

    it('covers the TypeScript, Vercel AI SDK and LangChain calls', () => {
      const extract = callIn(report, 'web/lib/extract.ts');
      assert.equal(extract.provider, 'anthropic');
      assert.equal(extract.model, 'claude-haiku-4-5');
      assert.equal(extract.language, 'typescript');
      const route = callIn(report, 'web/app/api/chat/route.ts');
      assert.equal(route.via, 'vercel-ai');
      assert.equal(route.model, 'gpt-4o-mini');
      const llama = callIn(report, 'scripts/weekly_report.py');
      assert.equal(llama.via, 'langchain');
      assert.equal(llama.model, 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8');
      assert.equal(llama.cost.priced, true);
    });

    it('counts the scanned files', () => {
      // 10 .py files, 1 notebook, 2 .ts files; README and .modelwise.yaml are not sources.
      assert.equal(report.files.scanned, 13);
      assert.deepEqual(report.files.skipped, []);
    });
  });

  it('gives the same calls when the tree is split across worker threads', () => {
    const single = runCli(['audit', sample, '--format', 'json'], { env: { MODELWISE_WORKERS: '0' } });
    const split = runCli(['audit', sample, '--format', 'json'], { env: { MODELWISE_WORKERS: '1', MODELWISE_PARALLEL_MIN_BYTES: '64' } });
    assert.equal(split.code, 0, split.stderr);
    const a = JSON.parse(single.stdout) as JsonReport;
    const b = JSON.parse(split.stdout) as JsonReport;
    assert.ok(a.calls.length >= 9);
    assert.deepEqual(b.calls, a.calls);
    assert.equal(b.files.scanned, a.files.scanned);
  });

  describe('skipped files', () => {
    let dir: string;
    before(() => {
      dir = copyFixture('workspaces/skips');
      // A huge source file (over the 1 MiB default), generated here rather than committed.
      writeFileSync(join(dir, 'src', 'generated_data.py'), 'ROWS = [\n' + '    ("a", 1),\n'.repeat(100_000) + ']\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('reports the minified, binary, huge and gitignored files with their reasons and scans the rest', () => {
      const r = runCli(['audit', dir, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout) as JsonReport;
      const reasons = Object.fromEntries(report.files.skipped.map((s) => [s.file, s.reason]));
      assert.deepEqual(reasons, {
        'local_experiments.py': 'ignored',
        'src/generated_data.py': 'too-large',
        'src/model.py': 'binary',
        'static/vendor-bundle.js': 'minified',
      });
      assert.equal(report.files.scanned, 1);
      assert.deepEqual(report.calls.map((c) => `${c.file}:${c.model}`), ['src/app.py:gpt-4o-mini']);
    });

    it('scans a huge file when --max-file-size allows it', () => {
      const r = runCli(['audit', dir, '--format', 'json', '--max-file-size', '4m']);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.ok(!report.files.skipped.some((s) => s.file === 'src/generated_data.py'));
      assert.equal(report.files.scanned, 2);
    });
  });

  describe('configuration problems', () => {
    it('warns about a malformed config with file, line and column, falls back to defaults and exits 0', () => {
      const dir = join(fixtures, 'workspaces', 'bad-config');
      const r = runCli(['audit', dir, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /\.modelwise\.yaml:\d+:\d+: /);
      const [, line] = /\.modelwise\.yaml:(\d+):(\d+): /.exec(r.stderr)!;
      assert.ok(Number(line) >= 5, `the error is reported at the broken entry (line ${line})`);
      const report = JSON.parse(r.stdout) as JsonReport & { calls: (JsonCall & { cost: { callsPerMonth: number } })[] };
      assert.equal(report.calls.length, 1);
      assert.equal(report.calls[0]!.cost.callsPerMonth, 1000, 'the documented default, not the broken file\'s 5000');
    });

    it('exits 2 when an explicit --config does not exist', () => {
      const r = runCli(['audit', sample, '--config', 'no/such/file.yaml']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no\/such\/file\.yaml: config file not found/);
      assert.equal(r.stdout, '');
    });

    it('exits 2 on usage errors and names the problem', () => {
      const r = runCli(['audit', '--format', 'xml']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /unknown --format 'xml'/);
      const missing = runCli(['audit', join(fixtures, 'no-such-dir')]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no such file or directory/);
    });
  });

  describe('--output', () => {
    it('writes the report to the file and nothing to stdout', () => {
      const dir = copyFixture('workspaces/bad-config');
      try {
        const out = join(dir, 'reports', 'audit.json');
        const r = runCli(['audit', join(fixtures, 'sample-workspace'), '--format', 'json', '--output', out]);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, '');
        assert.ok((JSON.parse(readFileSync(out, 'utf8')) as JsonReport).calls.length >= 9);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

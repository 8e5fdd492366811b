import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCsv } from '../../../src/core/report/csv';
import { formatUsd, formatUsdRange } from '../../../src/core/report/format-usd';
import { hoverMarkdown } from '../../../src/core/report/hover';
import { toJsonReport } from '../../../src/core/report/json-report';
import { lensTitle } from '../../../src/core/report/lens-title';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { formatTable } from '../../../src/core/report/table';
import type { AnalyzedCall } from '../../../src/core/types';
import { sampleAudit } from './sample-audit';

const goldenDir = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'golden', 'report');

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (then review the diff before committing). */
function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden file ${name} was missing and has been written; review it and run again`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from golden ${name} (UPDATE_GOLDEN=1 to rewrite after review)`);
}

describe('formatUsd', () => {
  it('formats micro-USD for people', () => {
    assert.equal(formatUsd(4_000), '$0.004');
    assert.equal(formatUsd(11_300), '$0.011');
    assert.equal(formatUsd(410_000_000), '$410');
    assert.equal(formatUsd(12_345_678_000), '$12,346');
    assert.equal(formatUsd(9_400_000), '$9.4');
    assert.equal(formatUsd(120), '$0.00012');
    assert.equal(formatUsdRange(4_000, 11_300), '$0.004–0.011');
    assert.equal(formatUsdRange(5_000_000, 5_000_000), '$5');
  });
});

describe('lensTitle', () => {
  const audit = sampleAudit();
  const [routine, frontier, unknown, dynamic, local] = audit.calls as [AnalyzedCall, AnalyzedCall, AnalyzedCall, AnalyzedCall, AnalyzedCall];

  it('shows per-call range, monthly and the routine alternative', () => {
    // 2 messages: 11 prompt tokens + 9 overhead = 20 input; 256–400 output at $2.50/$10 → 2,610–4,050 µ$/call; × 50,000.
    assert.equal(routine.tokens.input, 20);
    assert.deepEqual(routine.cost.perCallMicroUsd, { low: 2610, high: 4050 });
    assert.equal(lensTitle(routine), 'gpt-4o · ~$0.0026–0.004/call · ~$167/mo · routine: Gemma 4 26B A4B (Apache-2.0) ~$4/mo −98%');
  });

  it('flags loops and prices frontier calls without advice', () => {
    assert.match(lensTitle(frontier), /^claude-sonnet-4-5 · ~\$0\.0\d+–0\.12\/call · ~\$\d+\/mo · in a loop$/);
  });

  it('never shows $0 for unknown, run-time or self-hosted models', () => {
    assert.equal(lensTitle(unknown), 'gpt-9-ultra · unpriced model');
    assert.equal(lensTitle(dynamic), 'model unknown — set it in .modelwise.yaml');
    assert.equal(lensTitle(local), 'llama3.1:8b · self-hosted (ollama) · no per-token price');
    for (const c of [unknown, dynamic, local]) assert.ok(!lensTitle(c).includes('$'));
  });
});

describe('hoverMarkdown', () => {
  const [routine, frontier, unknown] = sampleAudit().calls as [AnalyzedCall, AnalyzedCall, AnalyzedCall];
  it('explains tokens, prices with source and date, options and alternatives', () => {
    const md = hoverMarkdown(routine);
    assert.match(md, /input: 20 — exact \(o200k_base/);
    assert.match(md, /only the static prompt text is counted/);
    assert.match(md, /input \$2\.50, output \$10\.00 — \[source\]\(https:\/\/openai\.example\/pricing\), as of 2026-08-01/);
    assert.match(md, /cached input \$1\.25/);
    assert.match(md, /batch \$1\.25 \/ \$5/);
    assert.match(md, /\*\*Gemma 4 26B A4B \(MoE\)\*\* on deepinfra .*license Apache-2\.0 \(Apache License 2\.0\): policy pass.*gpqa-diamond 63\.2 vs 53\.6/);
    assert.match(md, /50,000 calls\/month \(usage for app\/summarize\.py summarize\)/);
  });
  it('shows the YAML that names a run-time model', () => {
    const dynamic = sampleAudit().calls[3] as AnalyzedCall;
    const md = hoverMarkdown(dynamic);
    assert.match(md, /Model unknown — set it in \.modelwise\.yaml/);
    assert.match(md, /usage:\n  - file: app\/router\.py\n    callsPerMonth: 1000\n    model: <model id>/);
  });

  it('says when tokens are estimated and when a model is unpriced', () => {
    assert.match(hoverMarkdown(frontier), /estimated: claude tokenizer ≈ o200k count × a calibrated factor, expected within 92–113%/);
    assert.match(hoverMarkdown(unknown), /Unpriced model \(not in the catalog\)/);
  });
});

describe('toJsonReport', () => {
  const report = toJsonReport(sampleAudit(), '/work/ws');

  it('keeps the CLI contract fields', () => {
    const c = report.calls[0];
    assert.ok(c);
    for (const key of ['file', 'line', 'column', 'language', 'provider', 'via', 'api', 'model', 'modelSource', 'inLoop', 'tokens', 'cost', 'advice', 'policy']) {
      assert.ok(key in c, `missing ${key}`);
    }
    assert.equal('cell' in c, false);
    assert.equal(report.calls[1]?.cell, 3);
    assert.deepEqual(c.cost.perCallUsd, { low: 0.00261, high: 0.00405 });
    assert.deepEqual(c.cost.monthlyUsd, { low: 130.5, high: 202.5 });
    assert.equal(c.cost.source, 'https://openai.example/pricing');
    assert.equal(c.cost.asOf, '2026-08-01');
    assert.equal(c.advice.alternatives[0]?.license, 'Apache-2.0');
  });

  it('reports unpriced calls as null, never 0, and counts them', () => {
    const unknown = report.calls.find((c) => c.model === 'gpt-9-ultra');
    assert.equal(unknown?.cost.priced, false);
    assert.equal(unknown?.cost.perCallUsd, null);
    assert.equal(unknown?.cost.monthlyUsd, null);
    assert.deepEqual(
      [report.totals.calls, report.totals.priced, report.totals.unpriced, report.totals.unknownModel, report.totals.selfHosted],
      [5, 2, 2, 2, 1],
    );
    assert.deepEqual(report.files.skippedByReason, { minified: 2, 'too-large': 1 });
    assert.deepEqual(Object.keys(report.totals.byModel).slice(0, 2), ['gpt-4o', 'claude-sonnet-4-5']);
  });

  it('matches the golden file', () => {
    golden('audit.json', JSON.stringify(report, null, 2) + '\n');
  });
});

describe('formatTable / formatMarkdown / formatCsv', () => {
  const audit = sampleAudit();
  it('ranks by monthly spend and writes unpriced as words', () => {
    const table = formatTable(audit);
    const lines = table.split('\n');
    assert.match(lines[1] ?? '', /gpt-4o .*app\/summarize\.py:12/);
    assert.match(lines[2] ?? '', / …claude-sonnet-4\S* \(claude-sonnet-4-5\) .*notebooks\/research\.ipynb cell 4:4/);
    assert.ok(!/\$0(?![.\d])/.test(table), 'no $0 in the table');
    assert.match(table, /unpriced model/);
    assert.match(table, /Files: 6 scanned, skipped: 2 minified, 1 too-large/);
    golden('audit.txt', table);
  });
  it('markdown', () => {
    golden('audit.md', formatMarkdown(audit));
  });
  it('csv', () => {
    const csv = formatCsv(audit);
    const rows = csv.trimEnd().split('\r\n');
    assert.equal(rows.length, 6);
    assert.equal(rows[0]?.split(',')[0], 'file');
    const unknownRow = rows.find((r) => r.includes('gpt-9-ultra'))?.split(',') ?? [];
    assert.equal(unknownRow[16], 'unknown-model');
    assert.equal(unknownRow[19], '');
    golden('audit.csv', csv);
  });
});

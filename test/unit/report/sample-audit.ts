import type { Catalog } from '../../../src/core/catalog/schema';
import { ConfigSchema } from '../../../src/core/config/schema';
import { createEngine } from '../../../src/core/engine';
import { analyzeCall } from '../../../src/core/estimate/analyze-call';
import type { Alternative, AnalyzedCall, AuditResult } from '../../../src/core/types';
import { offer, sampleCall, sampleModel } from '../estimate/sample-models';

/** A small fixed catalog, so report golden files do not move when the shipped catalog's prices change. */
export const reportCatalog: Catalog = {
  updated: '2026-08-01',
  models: [
    sampleModel({ id: 'gpt-4o', offers: [offer('openai', 2.5, 10, { cachedInputPerMTok: 1.25, batchInputPerMTok: 1.25, batchOutputPerMTok: 5 })] }),
    sampleModel({
      id: 'claude-sonnet-4-5',
      vendor: 'anthropic',
      tokenizer: 'claude',
      maxOutputTokens: 64000,
      license: 'anthropic-terms',
      // A Bedrock-style id as written in code: the reports show it shortened, with the canonical id beside it.
      aliases: ['us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
      offers: [offer('anthropic', 3, 15)],
    }),
    sampleModel({ id: 'llama3.1:8b', vendor: 'meta', openWeights: true, tokenizer: 'llama3', license: 'llama-3.1-community', offers: [] }),
  ],
  licenses: [],
};

const gemma: Alternative = {
  modelId: 'gemma-4-26b-a4b-it',
  name: 'Gemma 4 26B A4B (MoE)',
  licenseId: 'apache-2.0',
  licenseLabel: 'Apache-2.0',
  licenseName: 'Apache License 2.0',
  host: 'deepinfra',
  perCallMicroUsd: { low: 40, high: 120 },
  monthlyMicroUsd: { low: 2_000_000, high: 6_000_000 },
  savingMonthlyMicroUsd: 0,
  savingFraction: 0,
  hostSpread: { hosts: 3, minInputPerMTok: 0.07, maxInputPerMTok: 0.2 },
  evidence: [{ benchmark: 'gpqa-diamond', alternative: 63.2, current: 53.6, source: 'https://example.com/bench' }],
  policy: { modelId: 'gemma-4-26b-a4b-it', licenseId: 'apache-2.0', verdict: 'pass', findings: [] },
};

/** Five calls covering every status: priced routine (with an alternative), priced frontier in a notebook, unknown
 * model, run-time model, self-hosted. */
export function sampleAudit(): AuditResult {
  const config = ConfigSchema.parse({ usage: [{ file: 'app/summarize.py', function: 'summarize', callsPerMonth: 50000 }] });
  const engine = createEngine({ parsers: { get: () => undefined }, catalog: reportCatalog, config });
  const sites = [
    sampleCall({
      id: ':12:33',
      file: 'app/summarize.py',
      line: 12,
      column: 33,
      enclosingFunction: 'summarize',
      maxOutputTokens: 400,
      temperature: 0,
      prompt: { staticText: 'Summarize the following support ticket in two sentences.', hasDynamicParts: true, messageCount: 2 },
    }),
    sampleCall({
      id: '3:4:20',
      file: 'notebooks/research.ipynb',
      cell: 3,
      line: 4,
      column: 20,
      provider: 'anthropic',
      pattern: 'anthropic.messages.create',
      callee: 'client.messages.create',
      model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      maxOutputTokens: 8000,
      hasTools: true,
      toolCount: 6,
      inLoop: true,
      prompt: { staticText: 'You are a research agent. Plan, search and write a report with citations.', hasDynamicParts: true, messageCount: 1 },
    }),
    sampleCall({ id: ':7:14', file: 'app/legacy.ts', language: 'typescript', line: 7, column: 14, model: 'gpt-9-ultra' }),
    sampleCall({ id: ':20:10', file: 'app/router.py', line: 20, column: 10, model: null, modelSource: 'unknown' }),
    sampleCall({ id: ':5:8', file: 'app/local.py', line: 5, column: 8, provider: 'ollama', model: 'llama3.1:8b', pattern: 'ollama.chat' }),
  ];
  const calls: AnalyzedCall[] = sites.map((s) => {
    // Policy verdicts are ADVISE's (tested there); keep the golden files about this module's output only.
    const c = analyzeCall(s, engine);
    const policyFindings = new Set(c.policy?.findings ?? []);
    c.findings = c.findings.filter((f) => !policyFindings.has(f));
    delete c.policy;
    return c;
  });
  const first = calls[0] as AnalyzedCall;
  const nowMid = first.cost.monthlyMicroUsd ? (first.cost.monthlyMicroUsd.low + first.cost.monthlyMicroUsd.high) / 2 : 0;
  const altMid = 4_000_000;
  first.advice = {
    class: 'routine',
    confidence: 0.9,
    reasons: ['prompt: summarize', 'temperature 0'],
    alternatives: [{ ...gemma, savingMonthlyMicroUsd: Math.round(nowMid - altMid), savingFraction: (nowMid - altMid) / nowMid }],
  };
  const second = calls[1] as AnalyzedCall;
  second.advice = { class: 'frontier', confidence: 0.8, reasons: ['agent loop with 6 tools'], alternatives: [] };
  for (const c of calls.slice(2)) c.advice = { class: 'frontier', confidence: 0.5, reasons: [], alternatives: [] };
  return {
    calls,
    files: {
      scanned: 6,
      skipped: [
        { file: 'dist/bundle.min.js', reason: 'minified' },
        { file: 'data/huge.py', reason: 'too-large' },
        { file: 'vendor/x.min.js', reason: 'minified' },
      ],
    },
    issues: [{ file: '.modelwise.yaml', line: 4, column: 20, path: 'usage.1.callsPerMonth', message: 'usage[1].callsPerMonth: expected number — entry ignored' }],
  };
}

import * as assert from 'node:assert/strict';
import { matchCalls } from '../../../src/core/review/match-calls';
import { reviewChange } from '../../../src/core/review/diff';
import { at, audit, baseAudit, headWithGemma, headWithLlama, reviewEngine, SUMMARIZE } from './review-fixture';

describe('reviewChange', () => {
  it('adding a Llama 4 call at 1B MAU fails with the 700M clause at that call', () => {
    const engine = reviewEngine({ monthlyActiveUsers: 1_000_000_000 });
    const report = reviewChange(baseAudit(engine), headWithLlama(engine), engine);
    assert.equal(report.status, 'fail');
    assert.equal(report.exitCode, 1);
    assert.deepEqual(report.models.added.map((m) => [m.model, m.licenseId]), [['llama-4-maverick', 'llama-4-community']]);
    assert.deepEqual(report.calls.added.map((c) => `${c.file}:${c.line}`), ['src/vision.py:30']);
    assert.equal(report.calls.unchanged, 1); // the GPT-4o call moved from line 12 to 16 and is still the same call
    assert.deepEqual(report.calls.removed, []);
    const mau = report.findings.find((f) => f.code === 'LICENSE_MAU_CAP')!;
    assert.equal(mau.file, 'src/vision.py');
    assert.equal(mau.line, 30);
    assert.equal(mau.clause, engine.models.license('llama-4-community')!.terms.mauCap.clause);
    assert.deepEqual(report.failures, ['LICENSE_MAU_CAP llama-4-maverick at src/vision.py:30']);
    assert.equal(report.licenses[0]!.verdict.verdict, 'fail');
  });

  it('the same change at 1M MAU passes', () => {
    const engine = reviewEngine({ monthlyActiveUsers: 1_000_000 });
    const report = reviewChange(baseAudit(engine), headWithLlama(engine), engine);
    assert.equal(report.status, 'pass');
    assert.equal(report.exitCode, 0);
    assert.deepEqual(report.failures, []);
    assert.equal(report.licenses[0]!.verdict.verdict, 'pass');
  });

  it('swapping GPT-4o for Gemma 4 on a summarization call passes and shows the saving', () => {
    const engine = reviewEngine({ monthlyActiveUsers: 1_000_000_000, allowLicenses: ['Apache-2.0', 'MIT', 'openai-api-terms'] });
    const base = baseAudit(engine);
    const head = headWithGemma(engine);
    const report = reviewChange(base, head, engine);
    assert.equal(report.status, 'pass');
    assert.deepEqual(report.models.added.map((m) => m.model), ['gemma-4-31b-it']);
    assert.deepEqual(report.models.removed.map((m) => m.model), ['gpt-4o']);
    assert.equal(report.calls.swapped.length, 1);
    const mid = (r: { low: number; high: number } | null) => (r ? (r.low + r.high) / 2 : NaN);
    const baseUsd = Math.round(mid(base.calls[0]!.cost.monthlyMicroUsd) / 10_000) / 100;
    const headUsd = Math.round(mid(head.calls[0]!.cost.monthlyMicroUsd) / 10_000) / 100;
    assert.ok(headUsd < baseUsd, `${headUsd} >= ${baseUsd}`);
    assert.deepEqual(report.spend, { baseMonthlyUsd: baseUsd, headMonthlyUsd: headUsd, deltaMonthlyUsd: Math.round((headUsd - baseUsd) * 100) / 100 });
    assert.equal(report.calls.swapped[0]!.savingMonthlyUsd, Math.round((baseUsd - headUsd) * 100) / 100);
  });

  it('fails on budget with COST_OVER_BUDGET (no location)', () => {
    const engine = reviewEngine({ monthlyBudgetUsd: 100 });
    const report = reviewChange(baseAudit(engine), headWithLlama(engine), engine);
    assert.ok(report.spend.headMonthlyUsd > 100);
    assert.equal(report.status, 'fail');
    assert.deepEqual(report.budget, { monthlyBudgetUsd: 100, over: true });
    const f = report.findings.find((x) => x.code === 'COST_OVER_BUDGET')!;
    assert.equal(f.file, undefined);
    assert.equal(reviewChange(baseAudit(engine), headWithLlama(engine), reviewEngine({ monthlyBudgetUsd: 100_000 })).status, 'pass');
  });

  it('a failing model on an untouched call still fails, marked as already on the base branch', () => {
    const engine = reviewEngine({ monthlyActiveUsers: 1_000_000_000 });
    const head = headWithLlama(engine);
    const report = reviewChange(head, head, engine);
    assert.equal(report.status, 'fail');
    assert.equal(report.existingFailures, 1);
    assert.deepEqual(report.licenses, []);
    assert.deepEqual(report.failures, ['LICENSE_MAU_CAP llama-4-maverick at src/vision.py:30 (already on the base branch)']);
    assert.equal(report.findings[0]!.introduced, false);
    assert.equal(report.calls.unchanged, 2);
    assert.deepEqual(report.spend.deltaMonthlyUsd, 0);
    const ok = reviewEngine({ monthlyActiveUsers: 1_000_000 });
    assert.equal(reviewChange(headWithLlama(ok), headWithLlama(ok), ok).status, 'pass');
  });
});

describe('matchCalls', () => {
  it('pairs calls of the same key in order, tolerant to line shifts; extra ones are added/removed', () => {
    const engine = reviewEngine();
    const mk = (line: number, model = 'gpt-4o') => at(engine, 'src/support.py', line, { model, prompt: SUMMARIZE });
    const m = matchCalls([mk(10), mk(20), mk(30, 'gpt-4o-mini')], [mk(15), mk(25), mk(35), mk(40, 'gpt-4.1')]);
    assert.deepEqual(m.unchanged.map((p) => [p.base.line, p.head.line]), [[10, 15], [20, 25]]);
    assert.deepEqual(m.added.map((c) => c.line), [35, 40]);
    assert.deepEqual(m.removed.map((c) => c.line), [30]);
    assert.deepEqual(audit([]).calls, []);
  });
});

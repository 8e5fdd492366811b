import * as assert from 'node:assert/strict';
import type { CorpusLabel } from './corpus-labels';
import { ratios, sameModel, scoreFile, type Prediction } from './corpus-score';

/** The evaluator's own arithmetic: a scorer that miscounts would make every corpus number meaningless. */

const label = (line: number, model: string | null, extra: Partial<CorpusLabel> = {}): CorpusLabel => ({
  file: 'a.py', line, anchor: 'create(', provider: 'openai', api: 'chat', model, ...extra,
});
const pred = (line: number, model: string | null, extra: Partial<Prediction> = {}): Prediction => ({
  file: 'a.py', line, provider: 'openai', api: 'chat', model, ...extra,
});

describe('corpus scorer', () => {
  it('counts hits, misses and false positives by line', () => {
    const { tally, misses } = scoreFile([label(3, 'gpt-4o'), label(9, 'gpt-4o-mini')], [pred(3, 'gpt-4o'), pred(12, null)]);
    assert.equal(tally.truePositives, 1);
    assert.equal(tally.falseNegatives, 1);
    assert.equal(tally.falsePositives, 1);
    assert.deepEqual(misses.map((m) => `${m.kind}:${m.line}`).sort(), ['FN:9', 'FP:12']);
    const r = ratios(tally);
    assert.equal(r.recall, 0.5);
    assert.equal(r.precision, 0.5);
  });

  it('pairs two calls on one line by model, and scores a wrong model and a guess', () => {
    const { tally, misses } = scoreFile(
      [label(5, 'gpt-4o'), label(5, 'claude-3-5-haiku-latest', { provider: 'anthropic' }), label(8, 'o3'), label(11, null)],
      [pred(5, 'claude-3-5-haiku-latest', { provider: 'anthropic' }), pred(5, 'gpt-4o'), pred(8, 'o4-mini'), pred(11, 'gpt-4o')],
    );
    assert.equal(tally.truePositives, 4);
    assert.equal(tally.modelLabelled, 3);
    assert.equal(tally.modelCorrect, 2);
    assert.equal(tally.guesses, 1);
    assert.equal(tally.providerCorrect, 4);
    assert.deepEqual(misses.map((m) => m.kind).sort(), ['GUESS', 'MODEL']);
  });

  it('accepts a label altLine only when the exact line has no prediction', () => {
    const { tally } = scoreFile([label(20, 'x', { altLine: 17 })], [pred(17, 'x')]);
    assert.equal(tally.truePositives, 1);
    const other = scoreFile([label(20, 'x', { altLine: 17 })], [pred(18, 'x')]);
    assert.equal(other.tally.falseNegatives, 1);
    assert.equal(other.tally.falsePositives, 1);
  });

  it('ignores optional labels whether found or not, and never calls their match a false positive', () => {
    const found = scoreFile([label(4, 'gpt-4o', { optional: true })], [pred(4, 'gpt-4o')]);
    assert.deepEqual([found.tally.truePositives, found.tally.falsePositives, found.tally.labels], [0, 0, 0]);
    const missed = scoreFile([label(4, 'gpt-4o', { optional: true })], []);
    assert.equal(missed.tally.falseNegatives, 0);
  });

  it('keeps notebook cells apart', () => {
    const { tally } = scoreFile([label(1, 'gpt-4o', { cell: 2 })], [pred(1, 'gpt-4o', { cell: 3 })]);
    assert.deepEqual([tally.truePositives, tally.falseNegatives, tally.falsePositives], [0, 1, 1]);
  });

  it('compares model ids case-insensitively and without a models/ prefix, but not across versions', () => {
    assert.ok(sameModel('models/text-embedding-004', 'text-embedding-004'));
    assert.ok(sameModel('GPT-4o', 'gpt-4o'));
    assert.ok(!sameModel('gpt-4o', 'gpt-4o-mini'));
    assert.ok(!sameModel(null, 'gpt-4o'));
  });
});

import assert from 'node:assert/strict';
import { offerCostMicroUsd, unitCostMicroUsd } from '../../../src/core/estimate/cost';
import { offer } from './sample-models';

describe('offerCostMicroUsd', () => {
  it('prices tokens in integer micro-USD (tokens × USD per 1M)', () => {
    // gpt-4o list price $2.50 in / $10 out: 1,000 in + 500 out = 2,500 + 5,000 micro-USD.
    assert.equal(offerCostMicroUsd(offer('openai', 2.5, 10), 1000, 500), 7500);
    assert.equal(offerCostMicroUsd(offer('openai', 0.15, 0.6), 3, 1), 1);
  });

  it('bills a long Gemini prompt at the whole-request tier', () => {
    // Gemini 2.5 Pro style tiers: $1.25/$10 up to 200k prompt tokens, $2.50/$15 for the whole request above.
    const gemini = offer('google', 1.25, 10, {
      longContext: { thresholdTokens: 200_000, rule: 'whole-request', inputPerMTok: 2.5, outputPerMTok: 15 },
    });
    assert.equal(offerCostMicroUsd(gemini, 200_000, 1000), 200_000 * 1.25 + 1000 * 10);
    assert.equal(offerCostMicroUsd(gemini, 250_000, 1000), 250_000 * 2.5 + 1000 * 15);
  });

  it('bills only the excess at an excess tier', () => {
    const o = offer('x', 1, 2, { longContext: { thresholdTokens: 100, rule: 'excess', inputPerMTok: 3, outputPerMTok: 4 } });
    assert.equal(offerCostMicroUsd(o, 150, 10), 100 * 1 + 50 * 3 + 10 * 2);
  });

  it('uses cached and batch prices when given', () => {
    const o = offer('openai', 2.5, 10, { cachedInputPerMTok: 1.25, batchInputPerMTok: 1.25, batchOutputPerMTok: 5 });
    assert.equal(offerCostMicroUsd(o, 1000, 0, { cachedInputTokens: 600 }), 400 * 2.5 + 600 * 1.25);
    assert.equal(offerCostMicroUsd(o, 1000, 100, { batch: true }), 1000 * 1.25 + 100 * 5);
  });

  it('returns null (never 0) for self-hosted offers and missing prices', () => {
    assert.equal(offerCostMicroUsd({ host: 'ollama', selfHosted: true, source: 'https://ollama.com', asOf: '2026-01-01' }, 100, 100), null);
    const embeddingOnly = { host: 'openai', inputPerMTok: 0.02, source: 'https://x.example', asOf: '2026-01-01' };
    assert.equal(offerCostMicroUsd(embeddingOnly, 1000, 0), 20);
    assert.equal(offerCostMicroUsd(embeddingOnly, 1000, 10), null);
  });

  it('prices units', () => {
    const img = { host: 'openai', unitPrices: [{ unit: 'image' as const, usd: 0.04 }], source: 'https://x.example', asOf: '2026-01-01' };
    assert.equal(unitCostMicroUsd(img, 'image', 2), 80_000);
    assert.equal(unitCostMicroUsd(img, 'audio-minute', 1), null);
  });
});

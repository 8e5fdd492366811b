import assert from 'node:assert/strict';
import type { Model } from '../../../src/core/catalog/schema';
import { ConfigSchema, type Config } from '../../../src/core/config/schema';
import { estimateCost } from '../../../src/core/estimate/estimate-cost';
import { DEFAULT_OUTPUT_CAP, estimateTokens } from '../../../src/core/estimate/estimate-tokens';
import { matchUsage } from '../../../src/core/estimate/usage';
import { offer, sampleCall, sampleModel } from './sample-models';

const config = (over: Record<string, unknown> = {}): Config => ConfigSchema.parse(over);
const gpt = sampleModel({ id: 'gpt-4o', maxOutputTokens: 16384, offers: [offer('openai', 2.5, 10)] });

/** `model: null` = the catalog does not know the call's model. */
function estimate(call = sampleCall(), model: Model | null = gpt, c = config()) {
  const usage = matchUsage(call, c);
  const tokens = estimateTokens(call, model ?? undefined, c, usage);
  return { tokens, cost: estimateCost(call, model ?? undefined, tokens, c, usage) };
}

describe('estimateTokens', () => {
  it('counts the static prompt exactly plus chat overhead', () => {
    const { tokens } = estimate();
    // "hello world" = 2 o200k tokens; 1 message → 3 + 3 overhead.
    assert.equal(tokens.input, 8);
    assert.equal(tokens.exact, true);
    assert.equal(tokens.method, 'tiktoken');
  });

  it('takes the high end from the call, else the model, else a cap', () => {
    assert.deepEqual(pick(estimate(sampleCall({ maxOutputTokens: 500 })).tokens), [256, 500, 'call-max']);
    assert.deepEqual(pick(estimate().tokens), [256, 16384, 'model-max']);
    const noMax = sampleModel({ id: 'x', maxOutputTokens: null, offers: [offer('openai', 1, 1)] });
    assert.deepEqual(pick(estimate(sampleCall(), noMax).tokens), [256, DEFAULT_OUTPUT_CAP, 'default-cap']);
    assert.deepEqual(pick(estimate(sampleCall({ maxOutputTokens: 100 })).tokens), [100, 100, 'call-max']);
  });

  it('uses usage overrides for input and the output prior', () => {
    const c = config({ usage: [{ file: 'app/main.py', callsPerMonth: 10, inputTokens: 1200, outputTokens: 300 }] });
    const { tokens } = estimate(sampleCall(), gpt, c);
    assert.equal(tokens.input, 1200);
    assert.equal(tokens.outputLow, 300);
    assert.equal(tokens.exact, false);
  });

  it('assumes a stated input prior for embeddings whose input is all run-time (never $0)', () => {
    const emb = sampleModel({ id: 'text-embedding-3-small', kind: 'embedding', offers: [{ host: 'openai', inputPerMTok: 0.02, source: 'https://openai.example', asOf: '2026-08-01' }] });
    const call = sampleCall({ api: 'embedding', model: 'text-embedding-3-small', prompt: { staticText: '', hasDynamicParts: true, messageCount: 0 } });
    const { tokens, cost } = estimate(call, emb);
    assert.deepEqual([tokens.input, tokens.method, tokens.exact], [256, 'prior', false]);
    assert.deepEqual(cost.perCallMicroUsd, { low: 5, high: 5 });
    assert.ok(cost.assumptions.some((a) => a.includes('256 tokens per call assumed')));
  });

  it('treats a binding of an embedding model as input-only', () => {
    const emb = sampleModel({ id: 'text-embedding-3-small', kind: 'embedding', offers: [{ host: 'openai', inputPerMTok: 0.02, source: 'https://openai.example', asOf: '2026-08-01' }] });
    const call = sampleCall({ api: 'binding', via: 'langchain', model: 'text-embedding-3-small', prompt: { staticText: '', hasDynamicParts: false, messageCount: 0 } });
    const { tokens, cost } = estimate(call, emb);
    assert.deepEqual([tokens.input, tokens.outputHigh, tokens.outputHighSource], [256, 0, 'none']);
    assert.equal(cost.status, 'priced');
    assert.deepEqual(cost.perCallMicroUsd, { low: 5, high: 5 });
  });

  it('estimates embeddings on input only', () => {
    const { tokens } = estimate(sampleCall({ api: 'embedding', prompt: { staticText: 'hello world', hasDynamicParts: false, messageCount: 0 } }));
    assert.deepEqual([tokens.input, tokens.outputLow, tokens.outputHigh, tokens.outputHighSource], [2, 0, 0, 'none']);
  });
});

describe('estimateCost', () => {
  it('prices a call per call and per month with stated assumptions', () => {
    const { cost } = estimate(sampleCall({ maxOutputTokens: 1000 }));
    assert.equal(cost.status, 'priced');
    assert.deepEqual(cost.perCallMicroUsd, { low: 8 * 2.5 + 256 * 10, high: 8 * 2.5 + 1000 * 10 });
    assert.equal(cost.callsPerMonth, 1000);
    assert.equal(cost.callsSource, 'default');
    assert.deepEqual(cost.monthlyMicroUsd, { low: 2580 * 1000, high: 10020 * 1000 });
    assert.ok(cost.assumptions.some((a) => a.includes('1,000 calls/month (default')));
    assert.equal(cost.offerSource?.asOf, '2026-08-01');
  });

  it('matches usage by id, then file + function, then file', () => {
    const c = config({
      usage: [
        { file: 'app/main.py', callsPerMonth: 5 },
        { file: 'app/main.py', function: 'Bot.reply', callsPerMonth: 50 },
        { id: 'nightly', callsPerMonth: 500 },
      ],
    });
    assert.equal(estimate(sampleCall({ usageId: 'nightly', enclosingFunction: 'Bot.reply' }), gpt, c).cost.callsPerMonth, 500);
    assert.equal(estimate(sampleCall({ enclosingFunction: 'Bot.reply' }), gpt, c).cost.callsSource, 'usage-function');
    assert.equal(estimate(sampleCall({ enclosingFunction: 'other' }), gpt, c).cost.callsPerMonth, 5);
  });

  it('applies discounts from the config', () => {
    const plain = estimate(sampleCall({ maxOutputTokens: 1000 })).cost;
    const disc = estimate(sampleCall({ maxOutputTokens: 1000 }), gpt, config({ discounts: [{ vendor: 'openai', multiplier: 0.5 }] })).cost;
    assert.deepEqual(disc.perCallMicroUsd, { low: Math.round((plain.perCallMicroUsd?.low ?? 0) / 2), high: Math.round((plain.perCallMicroUsd?.high ?? 0) / 2) });
    assert.ok(disc.assumptions.some((a) => a.includes('×0.5')));
  });

  it('never prices an unknown model at $0', () => {
    const unknown = estimate(sampleCall({ model: 'gpt-9-ultra' }), null).cost;
    assert.equal(unknown.priced, false);
    assert.equal(unknown.status, 'unknown-model');
    assert.equal(unknown.perCallMicroUsd, null);
    assert.equal(unknown.monthlyMicroUsd, null);
    const dynamic = estimate(sampleCall({ model: null, modelSource: 'unknown' }), null).cost;
    assert.equal(dynamic.status, 'unknown-model');
    assert.ok(dynamic.assumptions.some((a) => a.includes('.modelwise.yaml')));
  });

  it('reports a known model without a price as unpriced and a local runtime as self-hosted', () => {
    const announced = sampleModel({ id: 'future', offers: [] });
    assert.equal(estimate(sampleCall(), announced).cost.status, 'unpriced');
    const local = estimate(sampleCall({ provider: 'ollama', model: 'my-finetune' }), null).cost;
    assert.equal(local.status, 'self-hosted');
    assert.equal(local.perCallMicroUsd, null);
  });

  it('prices images per image and leaves them unpriced without a unit price', () => {
    const img = sampleModel({ id: 'gpt-image-1', kind: 'image', offers: [{ host: 'openai', unitPrices: [{ unit: 'image', usd: 0.042 }], source: 'https://openai.example', asOf: '2026-08-01' }] });
    const call = sampleCall({ api: 'image', model: 'gpt-image-1' });
    assert.deepEqual(estimate(call, img).cost.perCallMicroUsd, { low: 42_000, high: 42_000 });
    const noUnit = sampleModel({ id: 'img2', kind: 'image', offers: [{ host: 'openai', unitPrices: [{ unit: 'page', usd: 1 }], source: 'https://openai.example', asOf: '2026-08-01' }] });
    const r = estimate(call, noUnit).cost;
    assert.equal(r.status, 'unpriced');
    assert.equal(r.perCallMicroUsd, null);
  });

  it('prices speech per minute or per character, whichever the offer lists', () => {
    const whisper = sampleModel({ id: 'whisper-1', kind: 'audio', offers: [{ host: 'openai', unitPrices: [{ unit: 'audio-minute', usd: 0.006 }], source: 'https://openai.example', asOf: '2026-08-01' }] });
    const tts = sampleModel({ id: 'tts-1', kind: 'audio', offers: [{ host: 'openai', unitPrices: [{ unit: '1k-characters', usd: 0.015 }], source: 'https://openai.example', asOf: '2026-08-01' }] });
    assert.deepEqual(estimate(sampleCall({ api: 'audio', model: 'whisper-1' }), whisper).cost.perCallMicroUsd, { low: 6000, high: 6000 });
    assert.deepEqual(estimate(sampleCall({ api: 'audio', model: 'tts-1' }), tts).cost.perCallMicroUsd, { low: 15000, high: 15000 });
  });

  it('computes monthly spend from the unrounded per-call cost', () => {
    const cheap = sampleModel({ id: 'embed', kind: 'embedding', offers: [{ host: 'openai', inputPerMTok: 0.1, source: 'https://openai.example', asOf: '2026-08-01' }] });
    const c = config({ usage: [{ file: 'app/main.py', callsPerMonth: 1_000_000 }] });
    const call = sampleCall({ api: 'embedding', model: 'embed', prompt: { staticText: 'hello world', hasDynamicParts: false, messageCount: 0 } });
    const { cost } = estimate(call, cheap, c);
    // 2 tokens × $0.10/1M = 0.2 micro-USD per call → rounds to 0 per call, but 200,000 micro-USD ($0.20) a month.
    assert.deepEqual(cost.perCallMicroUsd, { low: 0, high: 0 });
    assert.deepEqual(cost.monthlyMicroUsd, { low: 200_000, high: 200_000 });
  });

  it('does not multiply calls in loops', () => {
    const inLoop = estimate(sampleCall({ inLoop: true, maxOutputTokens: 1000 })).cost;
    const plain = estimate(sampleCall({ maxOutputTokens: 1000 })).cost;
    assert.deepEqual(inLoop.monthlyMicroUsd, plain.monthlyMicroUsd);
    assert.ok(inLoop.assumptions.some((a) => a.includes('loop')));
  });
});

function pick(t: { outputLow: number; outputHigh: number; outputHighSource: string }): [number, number, string] {
  return [t.outputLow, t.outputHigh, t.outputHighSource];
}

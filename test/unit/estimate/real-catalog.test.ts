import assert from 'node:assert/strict';
import { ConfigSchema } from '../../../src/core/config/schema';
import { createEngine } from '../../../src/core/engine';
import { analyzeCall } from '../../../src/core/estimate/analyze-call';
import { testCatalog } from '../../helpers/engine';
import { sampleCall } from './sample-models';

describe('estimates against the shipped catalog', function () {
  this.timeout(20000);
  const engine = () => createEngine({ parsers: { get: () => undefined }, catalog: testCatalog(), config: ConfigSchema.parse({ usage: [{ id: 'big', callsPerMonth: 10, inputTokens: 250_000, outputTokens: 1000 }] }) });

  it('prices a long Gemini 2.5 Pro request at the whole-request tier', () => {
    const e = engine();
    const model = e.models.resolve('gemini-2.5-pro');
    const tier = model?.offers.find((o) => o.host === 'google')?.longContext;
    assert.equal(tier?.rule, 'whole-request');
    const call = analyzeCall(sampleCall({ provider: 'google', model: 'gemini-2.5-pro', usageId: 'big', maxOutputTokens: 1000 }), e);
    assert.equal(call.cost.host, 'google');
    const expected = Math.round(250_000 * (tier?.inputPerMTok ?? NaN) + 1000 * (tier?.outputPerMTok ?? NaN));
    assert.deepEqual(call.cost.perCallMicroUsd, { low: expected, high: expected });
    assert.deepEqual(call.cost.monthlyMicroUsd, { low: expected * 10, high: expected * 10 });
    assert.ok(call.cost.assumptions.some((a) => a.includes('long-context price (whole request)')));
  });

  it('bills a Bedrock call at the Bedrock offer and an unknown model at nothing', () => {
    const e = engine();
    const bedrock = analyzeCall(sampleCall({ provider: 'bedrock', model: 'us.anthropic.claude-3-5-sonnet-20240620-v1:0' }), e);
    assert.equal(bedrock.cost.modelId, 'claude-3-5-sonnet-20240620');
    assert.equal(bedrock.cost.host, 'bedrock');
    assert.equal(bedrock.tokens.exact, false);
    assert.equal(bedrock.tokens.encoding, 'claude');
    const unknown = analyzeCall(sampleCall({ model: 'gpt-4o-ultra-9000' }), e);
    assert.equal(unknown.cost.priced, false);
    assert.equal(unknown.cost.perCallMicroUsd, null);
  });
});

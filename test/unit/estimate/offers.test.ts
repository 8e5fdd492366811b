import assert from 'node:assert/strict';
import { ConfigSchema, type Config } from '../../../src/core/config/schema';
import { applyDiscounts, chooseOffer, effectiveOffers } from '../../../src/core/estimate/offers';
import { offer, sampleModel } from './sample-models';

const config = (over: Record<string, unknown> = {}): Config => ConfigSchema.parse(over);

const llama = sampleModel({
  id: 'llama-3.3-70b-instruct',
  vendor: 'meta',
  openWeights: true,
  tokenizer: 'llama3',
  license: 'llama-3.3-community',
  offers: [offer('together', 0.88, 0.88), offer('groq', 0.59, 0.79), offer('deepinfra', 0.23, 0.4), offer('bedrock', 0.72, 0.72)],
});
const gpt = sampleModel({ id: 'gpt-4o', offers: [offer('openai', 2.5, 10), offer('azure', 2.75, 11), offer('openrouter', 2.5, 10)] });

describe('chooseOffer', () => {
  it('uses the host the call reaches', () => {
    assert.equal(chooseOffer(llama, { provider: 'groq', config: config() })?.host, 'groq');
    assert.equal(chooseOffer(llama, { provider: 'bedrock', config: config() })?.host, 'bedrock');
    assert.equal(chooseOffer(gpt, { provider: 'azure-openai', config: config() })?.host, 'azure');
  });

  it("falls back to the vendor's own API", () => {
    assert.equal(chooseOffer(gpt, { provider: 'unknown', config: config() })?.host, 'openai');
    assert.equal(chooseOffer(gpt, { provider: 'together', config: config() })?.host, 'openai');
  });

  it('uses defaults.openModelHost for open models, else the cheapest host', () => {
    assert.equal(chooseOffer(llama, { config: config({ defaults: { openModelHost: 'together' } }) })?.host, 'together');
    assert.equal(chooseOffer(llama, { config: config() })?.host, 'deepinfra');
  });

  it('gives a self-hosted offer for ollama/vllm even when the catalog lists none', () => {
    const o = chooseOffer(llama, { provider: 'ollama', config: config() });
    assert.equal(o?.host, 'ollama');
    assert.equal(o?.selfHosted, true);
  });
});

describe('price overrides and discounts', () => {
  it('replaces a host price from config.prices', () => {
    const offers = effectiveOffers(gpt, config({ prices: [{ model: 'GPT-4o', host: 'openai', inputPerMTok: 2, outputPerMTok: 8 }] }));
    const openai = offers.find((o) => o.host === 'openai');
    assert.equal(openai?.inputPerMTok, 2);
    assert.equal(openai?.source, '.modelwise.yaml');
    assert.equal(offers.find((o) => o.host === 'azure')?.inputPerMTok, 2.75);
  });

  it('multiplies matching discounts (model × vendor × host)', () => {
    const c = config({
      discounts: [
        { vendor: 'openai', multiplier: 0.8 },
        { model: 'gpt-4o', multiplier: 0.5 },
        { host: 'azure', multiplier: 0.1 },
      ],
    });
    const openai = applyDiscounts(offer('openai', 2.5, 10), gpt, c);
    assert.equal(openai.inputPerMTok, 2.5 * 0.8 * 0.5);
    assert.equal(openai.outputPerMTok, 10 * 0.4);
    const azure = applyDiscounts(offer('azure', 2.75, 11), gpt, c);
    assert.ok(Math.abs((azure.inputPerMTok ?? 0) - 2.75 * 0.04) < 1e-12);
  });
});

import assert from 'node:assert/strict';
import { createModelIndex } from '../../../src/core/catalog/lookup';
import type { Catalog } from '../../../src/core/catalog/schema';
import { ConfigSchema } from '../../../src/core/config/schema';
import { offer, sampleModel } from '../estimate/sample-models';

const catalog: Catalog = {
  updated: '2026-08-01',
  models: [
    sampleModel({ id: 'gpt-4o', aliases: ['gpt-4o-2024-08-06'], offers: [offer('openai', 2.5, 10)] }),
    sampleModel({ id: 'gemini-2.5-flash', vendor: 'google', offers: [offer('google', 0.3, 2.5)] }),
    sampleModel({
      id: 'claude-3-5-sonnet-20240620',
      vendor: 'anthropic',
      aliases: ['anthropic.claude-3-5-sonnet-20240620-v1:0'],
      offers: [offer('anthropic', 3, 15)],
    }),
    sampleModel({ id: 'claude-sonnet-4-5', vendor: 'anthropic', aliases: ['claude-sonnet-4-5-20250929'], offers: [offer('anthropic', 3, 15)] }),
    sampleModel({
      id: 'llama-3.3-70b-instruct',
      vendor: 'meta',
      aliases: ['meta-llama/Llama-3.3-70B-Instruct', 'llama3.3:70b', 'llama3.3'],
      offers: [offer('together', 0.88, 0.88, { hostModelId: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' }), offer('fireworks', 0.9, 0.9)],
    }),
  ],
  licenses: [],
};

describe('createModelIndex', () => {
  const index = createModelIndex(catalog);
  const id = (s: string): string | undefined => index.resolve(s)?.id;

  it('resolves ids and aliases case-insensitively', () => {
    assert.equal(id('gpt-4o'), 'gpt-4o');
    assert.equal(id('GPT-4o-2024-08-06'), 'gpt-4o');
  });

  it('strips provider namespaces', () => {
    assert.equal(id('openai/gpt-4o'), 'gpt-4o');
    assert.equal(id('models/gemini-2.5-flash'), 'gemini-2.5-flash');
    assert.equal(id('together_ai/meta-llama/Llama-3.3-70B-Instruct'), 'llama-3.3-70b-instruct');
    assert.equal(id('accounts/fireworks/models/llama3.3'), 'llama-3.3-70b-instruct');
    assert.equal(id('anthropic/claude-sonnet-4-5-20250929'), 'claude-sonnet-4-5');
  });

  it('understands Bedrock region prefixes and model ids, Vertex @ versions and Ollama tags', () => {
    assert.equal(id('us.anthropic.claude-3-5-sonnet-20240620-v1:0'), 'claude-3-5-sonnet-20240620');
    assert.equal(id('eu.anthropic.claude-sonnet-4-5-20250929-v1:0'), 'claude-sonnet-4-5');
    assert.equal(id('claude-sonnet-4-5@20250929'), 'claude-sonnet-4-5');
    assert.equal(id('llama3.3:latest'), 'llama-3.3-70b-instruct');
    assert.equal(id('meta-llama/Llama-3.3-70B-Instruct-Turbo'), 'llama-3.3-70b-instruct');
  });

  it('never guesses a different model', () => {
    assert.equal(id('gpt-4o-mini'), undefined);
    assert.equal(id('gpt-4'), undefined);
    assert.equal(id('llama3.3:8b'), undefined);
    assert.equal(id('claude-3-5-sonnet'), undefined);
    assert.equal(id('us.anthropic.claude-3-5-sonnet-v2'), undefined);
  });

  it('includes private models from the config, which win on a clash', () => {
    const config = ConfigSchema.parse({
      models: [
        {
          id: 'acme-support-ft',
          name: 'ACME support fine-tune',
          vendor: 'acme',
          family: 'private',
          kind: 'chat',
          openWeights: false,
          contextWindow: 16000,
          maxOutputTokens: 2000,
          modalities: { input: ['text'], output: ['text'] },
          toolUse: false,
          structuredOutput: false,
          tokenizer: 'o200k_base',
          license: 'acme-internal',
          aliases: ['ft:gpt-4o-mini:acme::abc'],
          offers: [{ host: 'openai', inputPerMTok: 0.3, outputPerMTok: 1.2, source: 'https://acme.example/contract', asOf: '2026-01-01' }],
          sources: [{ url: 'https://acme.example', asOf: '2026-01-01' }],
        },
      ],
    });
    const withPrivate = createModelIndex(catalog, config);
    assert.equal(withPrivate.resolve('ft:gpt-4o-mini:acme::abc')?.id, 'acme-support-ft');
    assert.equal(withPrivate.all().length, catalog.models.length + 1);
    assert.equal(withPrivate.get('ACME-SUPPORT-FT')?.name, 'ACME support fine-tune');
  });
});

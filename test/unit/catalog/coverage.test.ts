import { strict as assert } from 'node:assert';
import { createModelIndex, type ModelIndex } from '../../../src/core/catalog/lookup';
import type { Model, Offer } from '../../../src/core/catalog/schema';
import { testCatalog } from '../../helpers/engine';

/**
 * Coverage of the model strings real code passes: each spelling below (vendor ids, dated snapshots, provider prefixes,
 * Bedrock/Fireworks/Groq/Together/Ollama spellings) must resolve through the engine's own ModelIndex to the expected
 * canonical model, and that model must carry a usable offer (a per-token or unit price, or a self-hosted runtime), so an
 * audit never reports these calls as unknown or silently $0. Retired models whose last price no source records are listed
 * apart: they must resolve (so the audit can name them and suggest a replacement) and be marked retired.
 */

/** spelling in code → canonical catalog id. */
const PRICED: Record<string, string> = {
  // OpenAI
  'gpt-4o': 'gpt-4o',
  'gpt-4o-mini': 'gpt-4o-mini',
  'openai/gpt-4o-mini': 'gpt-4o-mini',
  'text-embedding-3-small': 'text-embedding-3-small',
  'gpt-4-turbo-preview': 'gpt-4-turbo',
  'gpt-4-1106-preview': 'gpt-4-turbo',
  'gpt-4-0613': 'gpt-4',
  'gpt-3.5-turbo-0125': 'gpt-3.5-turbo',
  'gpt-3.5-turbo-instruct': 'gpt-3.5-turbo-instruct',
  'gpt-3.5-turbo-16k': 'gpt-3.5-turbo-16k',
  'text-davinci-003': 'text-davinci-003',
  'davinci-002': 'davinci-002',
  'babbage-002': 'babbage-002',
  'o1-mini': 'o1-mini',
  'o1-preview': 'o1-preview',
  'chatgpt-4o-latest': 'chatgpt-4o-latest',
  'dall-e-2': 'dall-e-2',
  'gpt-4o-realtime-preview-2024-12-17': 'gpt-4o-realtime-preview',
  // Anthropic (retired ones priced at their last known rate)
  'claude-3-5-sonnet-latest': 'claude-3-5-sonnet-20241022',
  'claude-3-opus-20240229': 'claude-3-opus-20240229',
  'claude-3-opus-latest': 'claude-3-opus-20240229',
  'claude-3-sonnet-20240229': 'claude-3-sonnet-20240229',
  'anthropic.claude-3-sonnet-20240229-v1:0': 'claude-3-sonnet-20240229',
  'bedrock/anthropic.claude-3-sonnet-20240229-v1:0': 'claude-3-sonnet-20240229',
  'claude-2.1': 'claude-2.1',
  'claude-instant-1.2': 'claude-instant-1.2',
  // Google
  'gemini-1.5-flash': 'gemini-1.5-flash',
  'gemini-1.5-flash-001': 'gemini-1.5-flash',
  'gemini-1.5-flash-002': 'gemini-1.5-flash',
  'gemini-1.5-pro-001': 'gemini-1.5-pro',
  'gemini-1.5-pro-002': 'gemini-1.5-pro',
  'gemini-1.5-flash-8b': 'gemini-1.5-flash-8b',
  'gemini-2.0-flash': 'gemini-2.0-flash',
  'models/gemini-2.0-flash': 'gemini-2.0-flash',
  'gemini-3.8-flash': 'gemini-3.8-flash',
  'text-embedding-004': 'text-embedding-004',
  'models/text-embedding-004': 'text-embedding-004',
  'text-embedding-005': 'text-embedding-005',
  // Amazon Bedrock
  'amazon.nova-micro-v1:0': 'amazon.nova-micro-v1:0',
  'amazon.nova-lite-v1:0': 'amazon.nova-lite-v1:0',
  'us.amazon.nova-pro-v1:0': 'amazon.nova-pro-v1:0',
  'eu.amazon.nova-micro-v1:0': 'amazon.nova-micro-v1:0',
  'us.amazon.nova-premier-v1:0': 'amazon.nova-premier-v1:0',
  'amazon.titan-embed-text-v2:0': 'amazon.titan-embed-text-v2:0',
  'amazon.titan-embed-text-v1': 'amazon.titan-embed-text-v1',
  'amazon.titan-text-express-v1': 'amazon.titan-text-express-v1',
  'amazon.titan-text-premier-v1:0': 'amazon.titan-text-premier-v1:0',
  // Voyage and Jina
  'voyage-3': 'voyage-3',
  'voyage/voyage-3-lite': 'voyage-3-lite',
  'voyage-3-large': 'voyage-3-large',
  'voyage-code-3': 'voyage-code-3',
  'rerank-2': 'rerank-2',
  'rerank-2-lite': 'rerank-2-lite',
  'jina-reranker-v2-base-multilingual': 'jina-reranker-v2-base-multilingual',
  // Llama: hosts and local runtimes
  'meta-llama/Llama-3.3-70B-Instruct-Turbo': 'llama-3.3-70b-instruct',
  'llama-3.3-70b-versatile': 'llama-3.3-70b-instruct',
  'accounts/fireworks/models/llama-v3p1-8b-instruct': 'llama-3.1-8b-instruct',
  'accounts/fireworks/models/llama-v3p1-70b-instruct': 'llama-3.1-70b-instruct',
  'accounts/fireworks/models/llama-v3p3-70b-instruct': 'llama-3.3-70b-instruct',
  'llama-3.1-70b-versatile': 'llama-3.1-70b-instruct',
  'llama3.1:8b': 'llama-3.1-8b-instruct',
  llama3: 'llama-3-8b-instruct',
  'llama3:70b': 'llama-3-70b-instruct',
  'llama3-70b-8192': 'llama-3-70b-instruct',
  'llama3-8b-8192': 'llama-3-8b-instruct',
  'groq/llama3-8b-8192': 'llama-3-8b-instruct',
  'meta.llama3-70b-instruct-v1:0': 'llama-3-70b-instruct',
  'meta-llama/Meta-Llama-3-8B-Instruct': 'llama-3-8b-instruct',
  'meta/llama3-70b-instruct': 'llama-3-70b-instruct',
  'ollama/llama3': 'llama-3-8b-instruct',
  // Ollama default tags
  'llama3.1': 'llama-3.1-8b-instruct',
  'llama3.2': 'llama-3.2-3b-instruct',
  'llama3.3': 'llama-3.3-70b-instruct',
  'llama3.1:latest': 'llama-3.1-8b-instruct',
  mistral: 'open-mistral-7b',
  gemma2: 'gemma-2-9b-it',
  'gemma2:27b': 'gemma-2-27b-it',
  'gemma2-9b-it': 'gemma-2-9b-it',
  'qwen2.5:7b': 'qwen2.5-7b-instruct',
  'qwen2.5': 'qwen2.5-7b-instruct',
  gemma3: 'gemma-3-4b-it',
  phi3: 'phi-3-mini',
  phi4: 'phi-4',
  'Phi-4': 'phi-4',
  'nomic-embed-text': 'nomic-embed-text-v1.5',
  'mxbai-embed-large': 'mxbai-embed-large-v1',
  'deepseek-r1:14b': 'deepseek-r1-distill-qwen-14b',
  'deepseek-r1-distill-llama-70b': 'deepseek-r1-distill-llama-70b',
  // Mistral, Cohere, xAI
  'mistral-large-latest': 'mistral-large-2512',
  'mistral-small-latest': 'mistral-small-2506',
  'open-mistral-7b': 'open-mistral-7b',
  'open-mixtral-8x7b': 'open-mixtral-8x7b',
  'mixtral-8x7b-32768': 'open-mixtral-8x7b',
  'mistral.mistral-large-2402-v1:0': 'mistral-large-2402',
  'command-r-plus-08-2024': 'command-r-plus-08-2024',
  'command-r-08-2024': 'command-r-08-2024',
  command: 'command',
  'command-light': 'command-light',
  'grok-2-latest': 'grok-2-1212',
  'grok-2-1212': 'grok-2-1212',
  'grok-beta': 'grok-beta',
  'Qwen/Qwen2.5-72B-Instruct-Turbo': 'qwen2.5-72b-instruct',
};

/** Shut-down models with no sourced last price: they resolve and say they are retired, and are never priced at $0. */
const RETIRED_UNPRICED: Record<string, string> = {
  'claude-2.0': 'claude-2.0',
  'anthropic.claude-v2': 'claude-2.0',
  'gemini-pro': 'gemini-1.0-pro',
  'models/gemini-pro': 'gemini-1.0-pro',
  'gemini-1.0-pro': 'gemini-1.0-pro',
  'gemini-pro-vision': 'gemini-1.0-pro-vision',
  'embedding-001': 'embedding-001',
  'models/embedding-001': 'embedding-001',
  'gemini-2.0-flash-live-001': 'gemini-2.0-flash-live-001',
};

/** True when an offer lets the estimator say something other than "unpriced": a token/unit price or a local runtime. */
function usable(o: Offer): boolean {
  return o.selfHosted === true || o.inputPerMTok !== undefined || (o.unitPrices?.length ?? 0) > 0;
}

describe('catalog coverage of model strings real code uses', function () {
  let index: ModelIndex;
  before(function () {
    index = createModelIndex(testCatalog());
  });

  it('resolves every common spelling to the expected canonical model', function () {
    const wrong: string[] = [];
    for (const [spelling, expected] of Object.entries({ ...PRICED, ...RETIRED_UNPRICED })) {
      const got = index.resolve(spelling)?.id;
      if (got !== expected) wrong.push(`${spelling} → ${got ?? 'nothing'} (expected ${expected})`);
    }
    assert.deepEqual(wrong, []);
  });

  it('gives each of those models at least one priced or self-hosted offer', function () {
    const unpriced: string[] = [];
    for (const expected of new Set(Object.values(PRICED))) {
      const m = index.get(expected);
      if (!m || !m.offers.some(usable)) unpriced.push(expected);
    }
    assert.deepEqual(unpriced, []);
  });

  it('marks the unpriced shut-down models retired and gives them no $0 offer', function () {
    for (const id of new Set(Object.values(RETIRED_UNPRICED))) {
      const m = index.get(id);
      assert.ok(m, `${id} missing`);
      assert.equal(m.status, 'retired', `${id} status`);
      for (const o of m.offers) assert.ok(usable(o) && o.inputPerMTok !== 0, `${id} @ ${o.host}: a retired model priced at 0`);
    }
  });

  it('prices retired models that code still calls at their last known rate, not zero', function () {
    const expectations: Array<[string, string, number, number]> = [
      ['claude-3-opus-20240229', 'anthropic', 15, 75],
      ['claude-2.1', 'bedrock', 8, 24],
      ['claude-instant-1.2', 'bedrock', 0.8, 2.4],
      ['text-davinci-003', 'openai', 20, 20],
      ['amazon.nova-pro-v1:0', 'bedrock', 0.8, 3.2],
      ['amazon.titan-embed-text-v2:0', 'bedrock', 0.02, Number.NaN],
    ];
    for (const [id, host, input, output] of expectations) {
      const offer = index.get(id)?.offers.find((o) => o.host === host);
      assert.ok(offer, `${id} has no ${host} offer`);
      assert.equal(offer.inputPerMTok, input, `${id} @ ${host} input`);
      if (!Number.isNaN(output)) assert.equal(offer.outputPerMTok, output, `${id} @ ${host} output`);
    }
  });

  it('gives the new vendors sourced license entries: Amazon and Voyage API terms, Jina weights under CC BY-NC 4.0, Llama 3', function () {
    const licenseOf = (id: string): string | undefined => index.get(id)?.license;
    assert.equal(licenseOf('amazon.nova-lite-v1:0'), 'amazon-bedrock-terms');
    assert.equal(licenseOf('voyage-3'), 'voyage-api-terms');
    assert.equal(licenseOf('jina-embeddings-v3'), 'cc-by-nc-4.0');
    assert.equal(licenseOf('llama-3-70b-instruct'), 'llama-3-community');
    assert.equal(licenseOf('phi-4'), 'mit');
    const amazon = index.license('amazon-bedrock-terms');
    assert.ok(amazon && amazon.kind === 'proprietary-api' && amazon.sources.length > 0);
    const llama3 = index.license('llama-3-community');
    assert.equal(llama3?.terms.mauCap.value, 700000000);
    assert.equal(llama3?.terms.outputTraining.value, 'forbidden', 'Llama 3 §1.b.v forbids improving other LLMs with outputs');
  });

  it('has no model whose id is still marked as guessed', function () {
    const guessed = testCatalog().models.filter((m: Model) => /id\b[^.]*\b(was not confirmed|guessed)/i.test(m.notes ?? '')).map((m) => m.id);
    assert.deepEqual(guessed, []);
  });
});

import type { Model, Offer } from '../../../src/core/catalog/schema';
import type { CallSite } from '../../../src/core/types';
import { baseCallSite } from '../../helpers/call-site';

const SRC = { url: 'https://example.com/pricing', asOf: '2026-08-01' };

/** A catalog model for tests, with the fields the estimator reads; override what a test needs. */
export function sampleModel(over: Partial<Model> & { id: string; offers: Offer[] }): Model {
  return {
    name: over.id,
    vendor: 'openai',
    family: 'test',
    kind: 'chat',
    status: 'ga',
    openWeights: false,
    contextWindow: 128000,
    maxOutputTokens: 16384,
    modalities: { input: ['text'], output: ['text'] },
    toolUse: true,
    structuredOutput: true,
    tokenizer: 'o200k_base',
    license: 'openai-terms',
    aliases: [],
    benchmarks: [],
    sources: [SRC],
    ...over,
  };
}

/** An offer at `host` with prices in USD per 1M tokens. */
export function offer(host: string, inputPerMTok: number, outputPerMTok: number, extra: Partial<Offer> = {}): Offer {
  return { host, inputPerMTok, outputPerMTok, source: `https://${host}.example/pricing`, asOf: '2026-08-01', ...extra };
}

/** A call site for tests; override what a test needs. */
export function sampleCall(over: Partial<CallSite> = {}): CallSite {
  return baseCallSite({
    id: ':3:10',
    file: 'app/main.py',
    line: 3,
    column: 10,
    pattern: 'openai.chat.completions.create',
    prompt: { staticText: 'hello world', hasDynamicParts: false, messageCount: 1 },
    ...over,
  });
}

import { strict as assert } from 'node:assert';
import type { Model, Offer } from '../../../src/core/catalog/schema';
import { testCatalog } from '../../helpers/engine';
import {
  comparePrices,
  findLiteLlmEntry,
  isFirstParty,
  loadLiteLlm,
  referenceDir,
  type LiteLlmEntry,
  type PriceDifference,
} from './reference-litellm';

/**
 * Every first-party price in the shipped catalog must equal LiteLLM's (2026-07-24 snapshot) or carry a reviewed
 * `knownDifference` saying which side is wrong and why. LiteLLM has errors of its own, so a disagreement is a reason to
 * look, not proof — but an unexplained one fails here.
 */

/** Fewer comparisons than this means the id mapping broke, not that the catalog is clean. */
const MIN_COMPARED = 100;

interface Row {
  model: Model;
  offer: Offer;
  key: string;
  diffs: PriceDifference[];
}

function describeDiffs(diffs: PriceDifference[]): string {
  return diffs.map((d) => `${d.field}: ours ${d.ours ?? 'none'} vs LiteLLM ${d.reference ?? 'none'}`).join('; ');
}

describe('catalog first-party prices vs LiteLLM reference', function () {
  let table: Record<string, LiteLlmEntry> | undefined;
  const rows: Row[] = [];
  const unmatched: string[] = [];

  before(function () {
    table = loadLiteLlm();
    if (!table) {
      console.log(`    (skipped: litellm_model_prices.json not found in ${referenceDir ?? '../shared/reference or /work/shared/reference'}; set MODELWISE_REFERENCE_DIR to run the price cross-check)`);
      this.skip();
    }
    for (const model of testCatalog().models) {
      for (const offer of model.offers) {
        if (!isFirstParty(model, offer)) continue;
        const hit = findLiteLlmEntry(table, model, offer);
        if (!hit) {
          unmatched.push(`${model.id}@${offer.host}`);
          continue;
        }
        rows.push({ model, offer, key: hit.key, diffs: comparePrices(offer, hit.entry) });
      }
    }
    const explained = rows.filter((r) => r.diffs.length > 0 && r.offer.knownDifference).length;
    console.log(
      `    compared ${rows.length} first-party offers with LiteLLM (${rows.length - explained} equal, ${explained} with a reviewed ` +
        `knownDifference); ${unmatched.length} have no LiteLLM entry: ${unmatched.join(', ')}`,
    );
  });

  it(`compares a real number of offers (at least ${MIN_COMPARED})`, function () {
    assert.ok(rows.length >= MIN_COMPARED, `only ${rows.length} first-party offers matched a LiteLLM entry`);
    const vendors = new Set(rows.map((r) => r.offer.host));
    for (const v of ['openai', 'anthropic', 'google']) assert.ok(vendors.has(v), `no ${v} offer was compared`);
  });

  it('has no unexplained price difference', function () {
    const bad = rows
      .filter((r) => r.diffs.length > 0 && !r.offer.knownDifference)
      .map((r) => `${r.model.id}@${r.offer.host} (LiteLLM '${r.key}'): ${describeDiffs(r.diffs)}`);
    assert.deepEqual(bad, [], `unexplained differences — fix the price or add a reviewed knownDifference:\n${bad.join('\n')}`);
  });

  it('has no stale knownDifference (one that no longer differs)', function () {
    const stale = rows.filter((r) => r.diffs.length === 0 && r.offer.knownDifference).map((r) => `${r.model.id}@${r.offer.host}`);
    assert.deepEqual(stale, [], `knownDifference on offers that now equal LiteLLM: ${stale.join(', ')}`);
  });

  it('explains each known difference by naming the reference and saying which side is wrong', function () {
    const thin = rows
      .filter((r) => r.diffs.length > 0 && r.offer.knownDifference)
      .filter((r) => !/LiteLLM/.test(r.offer.knownDifference ?? '') || (r.offer.knownDifference ?? '').length < 60)
      .map((r) => r.model.id);
    assert.deepEqual(thin, []);
  });
});

describe('first-party long-context tiers', function () {
  it('bill the whole request at the tier rate (Google, Anthropic, OpenAI, xAI all price by prompt size)', function () {
    const tiers = testCatalog().models.flatMap((m) =>
      m.offers.filter((o) => isFirstParty(m, o) && o.longContext).map((o) => ({ id: m.id, tier: o.longContext! })),
    );
    assert.ok(tiers.length >= 10, `only ${tiers.length} first-party long-context tiers`);
    const wrong = tiers.filter((t) => t.tier.rule !== 'whole-request' || t.tier.inputPerMTok <= 0).map((t) => t.id);
    assert.deepEqual(wrong, []);
    const gemini = tiers.find((t) => t.id === 'gemini-2.5-pro');
    assert.deepEqual(gemini?.tier, { thresholdTokens: 200000, rule: 'whole-request', inputPerMTok: 2.5, outputPerMTok: 15, cachedInputPerMTok: 0.25 });
  });
});

describe('LiteLLM comparison mechanics', function () {
  let table: Record<string, LiteLlmEntry> | undefined;
  before(function () {
    table = loadLiteLlm();
    if (!table) this.skip();
  });

  const base = (over: Partial<Model>): Model =>
    ({
      id: 'x', name: 'x', vendor: 'openai', family: 'x', kind: 'chat', status: 'ga', openWeights: false,
      contextWindow: null, maxOutputTokens: null, modalities: { input: ['text'], output: ['text'] }, toolUse: null,
      structuredOutput: null, tokenizer: 'o200k_base', license: 'openai-api-terms', aliases: [], benchmarks: [], offers: [],
      sources: [{ url: 'https://example.com', asOf: '2026-01-01' }], ...over,
    }) as Model;
  const offer = (o: Partial<Offer>): Offer => ({ host: 'openai', source: 'https://example.com', asOf: '2026-01-01', ...o }) as Offer;

  it('reports a wrong input price, and reads LiteLLM per-token values as per-million', function () {
    const hit = findLiteLlmEntry(table!, base({ id: 'gpt-4o' }), offer({ inputPerMTok: 9.99 }));
    assert.equal(hit?.key, 'gpt-4o');
    const diffs = comparePrices(offer({ inputPerMTok: 9.99, outputPerMTok: 10 }), hit!.entry);
    assert.deepEqual(diffs.map((d) => d.field), ['inputPerMTok', 'cachedInputPerMTok', 'batchInputPerMTok', 'batchOutputPerMTok']);
    assert.equal(diffs[0]!.reference, 2.5);
  });

  it('finds Gemini and Mistral keys through their provider prefixes, and aliases when the id is not a key', function () {
    const g = findLiteLlmEntry(table!, base({ id: 'gemini-2.5-flash', vendor: 'google' }), offer({ host: 'google' }));
    assert.equal(g?.key, 'gemini/gemini-2.5-flash');
    const m = findLiteLlmEntry(
      table!,
      base({ id: 'my-large', vendor: 'mistral', aliases: ['mistralai/mistral-large-2411'] }),
      offer({ host: 'mistral' }),
    );
    assert.equal(m?.key, 'mistral/mistral-large-2411');
  });

  it('does not take another provider\'s entry for a first-party offer', function () {
    // 'anthropic.claude-3-5-sonnet-20240620-v1:0' exists in LiteLLM, but as a Bedrock entry.
    const hit = findLiteLlmEntry(
      table!,
      base({ id: 'anthropic.claude-3-5-sonnet-20240620-v1:0', vendor: 'anthropic' }),
      offer({ host: 'anthropic' }),
    );
    assert.equal(hit, undefined);
  });

  it('flags a long-context tier the offer is missing', function () {
    const hit = findLiteLlmEntry(table!, base({ id: 'gemini-2.5-pro', vendor: 'google' }), offer({ host: 'google' }));
    const diffs = comparePrices(offer({ inputPerMTok: 1.25, outputPerMTok: 10, cachedInputPerMTok: 0.125 }), hit!.entry);
    assert.ok(diffs.some((d) => d.field.startsWith('longContext')), describeDiffs(diffs));
  });
});

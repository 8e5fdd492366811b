import { strict as assert } from 'node:assert';
import type { Model } from '../../../src/core/catalog/schema';
import { testCatalog } from '../../helpers/engine';
import { findSpreadOutliers, median, pricedOffers } from './price-spread';

/**
 * One open model is served by many hosts at very different prices. A host more than 5x the median for the same model is
 * either a data error (LiteLLM has some) or a genuinely expensive tier; either way it must carry a reviewed
 * `knownDifference`, or this test fails.
 */

const SRC = 'https://example.org/prices';
function openModel(id: string, prices: Array<[string, number, number, string?]>): Model {
  return {
    id, name: id, vendor: 'test', family: 'test', kind: 'chat', status: 'ga', openWeights: true, contextWindow: null, maxOutputTokens: null,
    modalities: { input: ['text'], output: ['text'] }, toolUse: null, structuredOutput: null, tokenizer: 'other', license: 'apache-2.0',
    aliases: [], benchmarks: [], sources: [{ url: SRC, asOf: '2026-01-01' }],
    offers: prices.map(([host, inputPerMTok, outputPerMTok, knownDifference]) => ({
      host, inputPerMTok, outputPerMTok, source: SRC, asOf: '2026-01-01', ...(knownDifference ? { knownDifference } : {}),
    })),
  };
}

describe('hosts price spread: the rule itself', function () {
  it('median of odd and even lists', function () {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('flags a host above 5x the median and not one at 4x', function () {
    const m = openModel('m', [['a', 0.1, 0.4], ['b', 0.1, 0.4], ['c', 0.1, 0.4], ['x4', 0.4, 0.4], ['d', 0.6, 0.4]]);
    const found = findSpreadOutliers([m]);
    assert.deepEqual(found.map((o) => `${o.host}:${o.field}`), ['d:inputPerMTok']);
    assert.equal(found[0]!.median, 0.1);
  });

  it('keeps the reviewed reason, skips closed models and models with fewer than 3 priced hosts', function () {
    const reviewed = openModel('r', [['a', 0.1, 0.1], ['b', 0.1, 0.1], ['c', 2, 0.1, 'flat enterprise tier']]);
    assert.equal(findSpreadOutliers([reviewed])[0]!.knownDifference, 'flat enterprise tier');
    const closed = { ...openModel('c', [['a', 0.1, 0.1], ['b', 0.1, 0.1], ['c', 9, 0.1]]), openWeights: false };
    const two = openModel('t', [['a', 0.1, 0.1], ['b', 9, 9]]);
    assert.deepEqual(findSpreadOutliers([closed, two]), []);
  });

  it('ignores self-hosted offers when counting priced hosts', function () {
    const m = openModel('s', [['a', 0.1, 0.1], ['b', 0.9, 0.9]]);
    m.offers.push({ host: 'ollama', selfHosted: true, source: SRC, asOf: '2026-01-01' });
    assert.equal(pricedOffers(m).length, 2);
    assert.deepEqual(findSpreadOutliers([m]), []);
  });
});

describe('hosts price spread: the shipped catalog', function () {
  const catalog = testCatalog();
  const checked = catalog.models.filter((m) => m.openWeights && pricedOffers(m).length >= 3);

  it('checks enough open models to mean something', function () {
    // Gemma, Llama, Qwen, DeepSeek, GLM, Kimi and gpt-oss each have several multi-host models.
    assert.ok(checked.length >= 25, `only ${checked.length} open models have >= 3 priced hosts`);
    const hosts = new Set(checked.flatMap((m) => pricedOffers(m).map((o) => o.host)));
    for (const h of ['together', 'fireworks', 'deepinfra', 'groq', 'openrouter', 'bedrock', 'vertex', 'azure', 'cerebras']) {
      assert.ok(hosts.has(h), `no open model is priced on ${h}`);
    }
  });

  it('every host above 5x the median carries a reviewed knownDifference', function () {
    const outliers = findSpreadOutliers(catalog.models);
    const unexplained = outliers.filter((o) => o.knownDifference === undefined || o.knownDifference.trim().length < 20);
    const offers = checked.reduce((n, m) => n + pricedOffers(m).length, 0);
    console.log(`      spread: ${checked.length} open models, ${offers} priced host offers, ${outliers.length} outliers > 5x median (all reviewed: ${unexplained.length === 0})`);
    assert.deepEqual(
      unexplained.map((o) => `${o.modelId} @ ${o.host} ${o.field} ${o.price} vs median ${o.median}`),
      [],
    );
  });

  it('the known LiteLLM slip (Azure Llama 4 Maverick input/output swapped) is caught and explained', function () {
    const maverick = catalog.models.find((m) => m.id === 'llama-4-maverick');
    assert.ok(maverick, 'llama-4-maverick missing');
    const flagged = findSpreadOutliers([maverick]).filter((o) => o.host === 'azure');
    assert.equal(flagged.length, 1);
    assert.equal(flagged[0]!.field, 'inputPerMTok');
    assert.match(flagged[0]!.knownDifference ?? '', /swapped/);
  });
});

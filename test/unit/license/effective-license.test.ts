import * as assert from 'node:assert/strict';
import { effectiveLicense } from '../../../src/core/license/effective-license';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import { catalogEngine } from '../advise/alt-helpers';

describe('effectiveLicense (real catalog)', () => {
  it("the vendor's own API replaces a research-only weights license with its API terms; other hosts keep the weights license", () => {
    const engine = catalogEngine();
    const large = engine.models.all().find((m) => m.license === 'mistral-research' && m.vendor === 'mistral');
    assert.ok(large, 'the catalog has a Mistral model under the research license');
    const viaApi = effectiveLicense(large, 'mistral', engine);
    assert.deepEqual([viaApi.license?.id, viaApi.viaVendorApi], ['mistral-api-terms', true]);
    assert.equal(evaluatePolicy(large, viaApi.license, engine.config.policy).verdict, 'pass');
    const hosted = effectiveLicense(large, 'together', engine);
    assert.deepEqual([hosted.license?.id, hosted.viaVendorApi], ['mistral-research', false]);
    assert.equal(evaluatePolicy(large, hosted.license, engine.config.policy).verdict, 'fail');
    assert.equal(effectiveLicense(large, null, engine).license?.id, 'mistral-research');
  });
  it('a proprietary model keeps its own terms; an open model without vendor API terms keeps its license', () => {
    const engine = catalogEngine();
    assert.equal(effectiveLicense(engine.models.get('gpt-4o')!, 'openai', engine).license?.id, 'openai-api-terms');
    const maverick = engine.models.get('llama-4-maverick')!;
    assert.equal(effectiveLicense(maverick, 'meta', engine).license?.id, 'llama-4-community');
  });
});

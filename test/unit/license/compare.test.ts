import * as assert from 'node:assert/strict';
import { compareLicenses, LICENSE_ROWS } from '../../../src/core/license/compare';
import { catalogEngine } from '../advise/alt-helpers';

describe('compareLicenses (real catalog)', () => {
  it('one column per known model with each term, its clause and link; unknown ids are reported', () => {
    const engine = catalogEngine({ policy: { monthlyActiveUsers: 1_000_000_000, trainOnOutputs: true } });
    const cmp = compareLicenses(['llama-4-maverick', 'gemma-4-31b-it', 'gpt-4o', 'not-a-model', 'llama-4-maverick'], engine);
    assert.deepEqual(cmp.columns.map((c) => c.modelId), ['llama-4-maverick', 'gemma-4-31b-it', 'gpt-4o']);
    assert.deepEqual(cmp.unknownModels, ['not-a-model']);
    assert.equal(cmp.rows.length, LICENSE_ROWS.length);

    const [llama, gemma, gpt] = cmp.columns;
    const llamaLicense = engine.models.license('llama-4-community')!;
    assert.equal(llama!.licenseId, 'llama-4-community');
    assert.equal(llama!.spdx, null);
    assert.equal(llama!.terms.mauCap.clause, llamaLicense.terms.mauCap.clause);
    assert.match(llama!.terms.mauCap.text, /^700,000,000 MAU/);
    assert.equal(llama!.terms.mauCap.tone, 'bad'); // the policy's 1B MAU fails on it
    assert.equal(llama!.policy.verdict, 'fail');
    assert.equal(llama!.terms.attribution.text, 'prominent: "Built with Llama"');
    assert.equal(llama!.terms.regionalLimits.tone, 'caution');
    assert.equal(llama!.terms.regionalLimits.clause, llamaLicense.terms.regionalLimits[0]!.clause);

    assert.equal(gemma!.spdx, 'Apache-2.0');
    assert.equal(gemma!.terms.commercialUse.tone, 'good');
    assert.equal(gemma!.terms.mauCap.text, 'none');
    assert.equal(gemma!.licenseUrl, engine.models.license('apache-2.0')!.url);

    assert.equal(gpt!.terms.outputTraining.text, 'forbidden for competing models');
    assert.equal(gpt!.terms.outputTraining.tone, 'bad'); // trainOnOutputs: true fails on it
    assert.equal(gpt!.terms.outputTraining.clause, engine.models.license('openai-api-terms')!.terms.outputTraining.clause);
  });

  it('without a policy constraint the cap is a caution, not a failure', () => {
    const cmp = compareLicenses(['llama-4-maverick'], catalogEngine());
    assert.equal(cmp.columns[0]!.terms.mauCap.tone, 'caution');
    assert.equal(cmp.columns[0]!.policy.verdict, 'pass');
  });
});

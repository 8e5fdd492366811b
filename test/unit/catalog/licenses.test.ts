import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, License } from '../../../src/core/catalog/schema';
import { referenceDir, testCatalog } from '../../helpers/engine';

/**
 * Key license facts a policy depends on, asserted on the shipped catalog: Llama's 700M MAU cap and EU multimodal limit,
 * Gemma 4 (Apache-2.0) vs Gemma 3 (Gemma Terms of Use), Kimi's revenue cap, the API terms' no-competing-models clauses.
 */

/** The ids CAT-API and the policy code reference; renaming one breaks them. */
const REQUIRED_IDS = [
  'apache-2.0', 'mit', 'llama-3.1-community', 'llama-3.2-community', 'llama-3.3-community', 'llama-4-community', 'gemma-terms',
  'qwen-tongyi', 'qwen-research', 'deepseek-model-license', 'mistral-research', 'mistral-non-production', 'kimi-modified-mit',
  'openrail-m', 'openmdw', 'cc-by-nc-4.0', 'openai-api-terms', 'anthropic-api-terms', 'google-gemini-api-terms', 'mistral-api-terms',
  'cohere-api-terms', 'xai-api-terms', 'deepseek-api-terms',
];

function lic(catalog: Catalog, id: string): License {
  const l = catalog.licenses.find((x) => x.id === id);
  assert.ok(l, `license ${id} missing`);
  return l;
}

describe('license terms', function () {
  const catalog = testCatalog();

  it('defines every license id the other modules reference', function () {
    const ids = new Set(catalog.licenses.map((l) => l.id));
    assert.deepEqual(REQUIRED_IDS.filter((id) => !ids.has(id)), []);
    console.log(`      licenses: ${catalog.licenses.length} defined, ${REQUIRED_IDS.length} required present`);
  });

  it('Llama 4: 700M MAU cap that requires a license from Meta, with the §2 clause', function () {
    const l = lic(catalog, 'llama-4-community');
    assert.equal(l.terms.mauCap.value, 700_000_000);
    assert.equal(l.terms.mauCapEffect, 'license-required');
    assert.match(l.terms.mauCap.section ?? '', /§2/);
    assert.match(l.terms.mauCap.clause ?? '', /greater than 700 million monthly active users/);
    assert.match(l.terms.mauCap.url ?? '', /llama4\/LICENSE$/);
    assert.equal(l.terms.attribution.value, 'prominent');
    assert.equal(l.terms.attribution.text, 'Built with Llama');
    assert.equal(l.terms.naming.value, 'prefix-required');
    assert.equal(l.terms.outputTraining.value, 'inherits');
  });

  it('Llama 3.2 / 3.3 / 4: EU restriction on multimodal models for licensees, from the use policy; none in 3.1', function () {
    for (const id of ['llama-3.2-community', 'llama-3.3-community', 'llama-4-community']) {
      const limits = lic(catalog, id).terms.regionalLimits;
      assert.equal(limits.length, 1, id);
      const [eu] = limits;
      assert.equal(eu!.region, 'EU');
      assert.equal(eu!.scope, 'multimodal');
      assert.equal(eu!.appliesTo, 'licensee');
      assert.match(eu!.clause, /principal place of business in, the European Union/);
      assert.match(eu!.clause, /does not apply to end users/);
      assert.match(eu!.url, /use-policy$/);
    }
    assert.deepEqual(lic(catalog, 'llama-3.1-community').terms.regionalLimits, []);
  });

  it('Llama 4 Scout and Maverick are multimodal (so the EU clause bites) and use the Llama 4 license', function () {
    for (const id of ['llama-4-scout', 'llama-4-maverick']) {
      const m = catalog.models.find((x) => x.id === id);
      assert.ok(m, id);
      assert.equal(m.license, 'llama-4-community');
      assert.ok(m.modalities.input.includes('image'), `${id} input modalities`);
    }
    const behemoth = catalog.models.find((x) => x.id === 'llama-4-behemoth');
    assert.equal(behemoth?.status, 'announced');
    assert.equal(behemoth?.offers.length, 0);
  });

  it('Gemma 4 models are Apache-2.0; Gemma 3 models are under the Gemma Terms of Use', function () {
    const g4 = catalog.models.filter((m) => m.family === 'gemma-4');
    const g3 = catalog.models.filter((m) => m.family === 'gemma-3');
    assert.ok(g4.length >= 2 && g3.length >= 4, `gemma-4: ${g4.length}, gemma-3: ${g3.length}`);
    assert.deepEqual(g4.filter((m) => m.license !== 'apache-2.0').map((m) => m.id), []);
    assert.deepEqual(g3.filter((m) => m.license !== 'gemma-terms').map((m) => m.id), []);
    const moe = catalog.models.find((m) => m.id === 'gemma-4-26b-a4b-it');
    assert.equal(moe?.parameters?.activeB, 3.8);
    const terms = lic(catalog, 'gemma-terms').terms;
    assert.equal(terms.outputTraining.value, 'inherits');
    assert.equal(terms.mauCap.value, null);
    assert.equal(terms.redistribution.value, 'pass-through-restrictions');
  });

  it('Kimi modified MIT: display the name above 100M MAU or US$20M monthly revenue', function () {
    const t = lic(catalog, 'kimi-modified-mit').terms;
    assert.equal(t.revenueCapUsd.value, 20_000_000);
    assert.equal(t.mauCap.value, 100_000_000);
    assert.equal(t.mauCapEffect, 'display-name');
    assert.match(t.revenueCapUsd.clause ?? '', /20 million US dollars .* in monthly revenue/);
    assert.equal(t.naming.value, 'display-required');
    for (const m of catalog.models.filter((x) => x.family === 'kimi-k2')) assert.equal(m.license, 'kimi-modified-mit', m.id);
  });

  it('OpenAI, Anthropic and Google API terms forbid using outputs to build competing models, with the clause', function () {
    for (const id of ['openai-api-terms', 'anthropic-api-terms', 'google-gemini-api-terms', 'xai-api-terms']) {
      const t = lic(catalog, id).terms.outputTraining;
      assert.equal(t.value, 'forbidden-competing', id);
      assert.match(t.clause ?? '', /compet/, `${id} clause`);
      assert.match(t.url ?? '', /^https:\/\//, `${id} url`);
      assert.equal(lic(catalog, id).kind, 'proprietary-api');
    }
  });

  it('output-training rules of the open licenses', function () {
    assert.equal(lic(catalog, 'apache-2.0').terms.outputTraining.value, 'allowed');
    assert.equal(lic(catalog, 'mit').terms.outputTraining.value, 'allowed');
    assert.equal(lic(catalog, 'deepseek-model-license').terms.outputTraining.value, 'inherits');
    assert.equal(lic(catalog, 'qwen-tongyi').terms.outputTraining.value, 'forbidden');
    assert.equal(lic(catalog, 'mistral-research').terms.commercialUse.value, 'no');
    assert.equal(lic(catalog, 'apache-2.0').terms.patentGrant.value, 'yes');
    assert.equal(lic(catalog, 'mit').terms.patentGrant.value, 'no');
    assert.equal(lic(catalog, 'apache-2.0').spdx, 'Apache-2.0');
  });
});

/**
 * Clauses are quoted verbatim. Where the full text is in the shared reference folder (../shared/reference beside the checkout, present in CI),
 * each clause must appear in it after whitespace and quote-mark normalisation.
 */
describe('license clauses are verbatim quotes of the texts', function () {
  const ref = referenceDir();
  const dir = ref ? join(ref, 'license_texts') : '/nonexistent';
  const TEXTS: Record<string, string[]> = {
    'apache-2.0': ['gpt-oss_LICENSE.txt'],
    mit: ['deepseek-r1_LICENSE.txt'],
    'llama-3.1-community': ['llama3.1_LICENSE.txt', 'llama3.1_USE_POLICY.md'],
    'llama-3.2-community': ['llama3.2_LICENSE.txt', 'llama3.2_USE_POLICY.md'],
    'llama-3.3-community': ['llama3.3_LICENSE.txt', 'llama3.3_USE_POLICY.md'],
    'llama-4-community': ['llama4_LICENSE.txt', 'llama4_USE_POLICY.md'],
    'kimi-modified-mit': ['kimi-k2_LICENSE.txt'],
    'qwen-tongyi': ['qwen_tongyi_qianwen_LICENSE.txt'],
    'qwen-research': ['qwen_tongyi_qianwen_RESEARCH_LICENSE.txt'],
    'deepseek-model-license': ['deepseek-v3_LICENSE-MODEL.txt'],
  };
  /** Clauses quoted from a README rather than from the license file. */
  const FROM_README = new Set(['deepseek-model-license.commercialUse']);
  const norm = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\\([_.])/g, '$1').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

  it('every quoted clause of the licenses with a saved text is found in that text', function () {
    if (!existsSync(dir)) this.skip();
    const catalog = testCatalog();
    const missing: string[] = [];
    let found = 0;
    for (const [id, files] of Object.entries(TEXTS)) {
      const text = norm(files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n'));
      const l = lic(catalog, id);
      const clauses: Array<[string, string | undefined]> = Object.entries(l.terms)
        .filter(([, t]) => typeof t === 'object' && t !== null && !Array.isArray(t))
        .map(([k, t]) => [`${id}.${k}`, (t as { clause?: string }).clause]);
      for (const r of l.terms.regionalLimits) clauses.push([`${id}.regionalLimits.${r.region}`, r.clause]);
      for (const [where, clause] of clauses) {
        if (!clause || FROM_README.has(where)) continue;
        if (text.includes(norm(clause))) found++;
        else missing.push(where);
      }
    }
    console.log(`      verbatim clauses found: ${found}, missing: ${missing.length}`);
    assert.deepEqual(missing, []);
    assert.ok(found >= 40, `only ${found} clauses checked`);
  });
});

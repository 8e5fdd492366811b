import * as assert from 'node:assert/strict';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import type { Finding, FindingCode } from '../../../src/core/types';
import * as fx from './fixtures';

function only(findings: Finding[], code: FindingCode): Finding {
  const hits = findings.filter((f) => f.code === code);
  assert.equal(hits.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map((f) => f.code))}`);
  return hits[0]!;
}

describe('evaluatePolicy', () => {
  it('fails Llama 4 above 700M MAU citing §2 verbatim, passes at 1M', () => {
    const over = evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ monthlyActiveUsers: 1_000_000_000 }));
    assert.equal(over.verdict, 'fail');
    const f = only(over.findings, 'LICENSE_MAU_CAP');
    assert.equal(f.severity, 'error');
    assert.equal(f.clause, fx.LLAMA_MAU_CLAUSE);
    assert.equal(f.section, '§2');
    assert.match(f.url ?? '', /llama4\/LICENSE$/);

    const under = evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ monthlyActiveUsers: 1_000_000 }));
    assert.equal(under.verdict, 'pass');
    assert.deepEqual(under.findings, []);
    // Exactly at the cap is not "greater than".
    assert.equal(evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ monthlyActiveUsers: 700_000_000 })).verdict, 'pass');
  });

  it('Kimi display-name cap: warns above 100M MAU or $20M revenue, fails when naming duties are refused', () => {
    const kimi = fx.model({ id: 'kimi-k2', vendor: 'moonshot', license: 'kimi-k2-modified-mit' });
    const mau = evaluatePolicy(kimi, fx.kimiLicense, fx.policy({ monthlyActiveUsers: 150_000_000 }));
    assert.equal(mau.verdict, 'warn');
    assert.equal(only(mau.findings, 'LICENSE_MAU_CAP').clause, fx.KIMI_CLAUSE);
    const rev = evaluatePolicy(kimi, fx.kimiLicense, fx.policy({ monthlyRevenueUsd: 25_000_000 }));
    assert.equal(only(rev.findings, 'LICENSE_REVENUE_CAP').severity, 'warning');
    const refused = evaluatePolicy(kimi, fx.kimiLicense, fx.policy({ monthlyRevenueUsd: 25_000_000, acceptNamingRules: false }));
    assert.equal(refused.verdict, 'fail');
    assert.equal(evaluatePolicy(kimi, fx.kimiLicense, fx.policy({ monthlyRevenueUsd: 19_000_000 })).verdict, 'pass');
  });

  it('training on outputs: forbidden-competing fails citing the API terms; inherits warns', () => {
    const gpt = evaluatePolicy(fx.gpt4o, fx.openaiTerms, fx.policy({ trainOnOutputs: true }));
    assert.equal(gpt.verdict, 'fail');
    const f = only(gpt.findings, 'LICENSE_OUTPUT_TRAINING');
    assert.equal(f.clause, fx.OPENAI_COMPETING_CLAUSE);
    assert.equal(f.section, 'What you cannot do');
    assert.equal(evaluatePolicy(fx.gpt4o, fx.openaiTerms, fx.policy({ trainOnOutputs: false })).verdict, 'pass');

    const gemma = fx.model({ id: 'gemma-3-27b-it', vendor: 'google', license: 'gemma-terms' });
    const g = evaluatePolicy(gemma, fx.gemmaTerms, fx.policy({ trainOnOutputs: true }));
    assert.equal(g.verdict, 'warn');
    assert.equal(only(g.findings, 'LICENSE_OUTPUT_TRAINING').clause, fx.GEMMA_DERIVATIVE_CLAUSE);
  });

  it('EU + multimodal Llama 4: warns with the use-policy clause; text-only models and other regions are not limited', () => {
    const eu = evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ regions: ['EU', 'US'] }));
    assert.equal(eu.verdict, 'warn');
    const f = only(eu.findings, 'LICENSE_REGION');
    assert.equal(f.clause, fx.LLAMA_EU_CLAUSE);
    assert.equal(f.url, 'https://www.llama.com/llama4/use-policy/');
    assert.equal(evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ regions: ['US'] })).verdict, 'pass');
    // The EEA contains the EU: a product offered in the EEA meets an EU limit.
    assert.equal(only(evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ regions: ['EEA'] })).findings, 'LICENSE_REGION').clause, fx.LLAMA_EU_CLAUSE);
    assert.equal(evaluatePolicy(fx.textOnlyLlama, fx.llama4License, fx.policy({ regions: ['eu'] })).verdict, 'pass');
    // A text-only model used with images counts as multimodal use.
    const used = evaluatePolicy(fx.textOnlyLlama, fx.llama4License, fx.policy({ regions: ['EU'] }), { multimodal: true });
    assert.equal(only(used.findings, 'LICENSE_REGION').severity, 'warning');
  });

  it('a regional limit on end users fails', () => {
    const lic = { ...fx.apacheLicense, terms: { ...fx.apacheLicense.terms, regionalLimits: [{ region: 'EEA', scope: 'all' as const, appliesTo: 'end-users' as const, clause: 'Only Paid Services may be offered in the EEA.', url: 'https://ai.google.dev/terms' }] } };
    const v = evaluatePolicy(fx.model({ id: 'x', vendor: 'google', license: 'apache-2.0' }), lic, fx.policy({ regions: ['EEA'] }));
    assert.equal(v.verdict, 'fail');
    assert.equal(only(v.findings, 'LICENSE_REGION').clause, 'Only Paid Services may be offered in the EEA.');
  });

  it('attribution and naming duties: fail/warn only when the policy refuses them', () => {
    const att = evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ acceptAttribution: false }));
    assert.equal(att.verdict, 'fail');
    assert.equal(only(att.findings, 'LICENSE_ATTRIBUTION').clause, fx.LLAMA_ATTRIBUTION_CLAUSE);
    const apache = evaluatePolicy(fx.model({ id: 'g', vendor: 'google', license: 'apache-2.0' }), fx.apacheLicense, fx.policy({ acceptAttribution: false }));
    assert.equal(apache.verdict, 'warn');
    assert.equal(only(apache.findings, 'LICENSE_ATTRIBUTION').section, '§4(a)');

    const naming = evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ acceptNamingRules: false }));
    assert.equal(only(naming.findings, 'LICENSE_NAMING').severity, 'warning');
    const namingTrain = evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ acceptNamingRules: false, trainOnOutputs: true }));
    assert.equal(only(namingTrain.findings, 'LICENSE_NAMING').severity, 'error');
    assert.equal(only(namingTrain.findings, 'LICENSE_NAMING').clause, fx.LLAMA_NAMING_CLAUSE);
  });

  it('research-only licenses fail a commercial product and pass a non-commercial one', () => {
    const m = fx.model({ id: 'mistral-large-2407', vendor: 'mistral', license: 'mistral-research' });
    const v = evaluatePolicy(m, fx.mrlLicense, fx.policy());
    assert.equal(only(v.findings, 'LICENSE_NON_COMMERCIAL').clause, fx.MRL_CLAUSE);
    assert.equal(v.verdict, 'fail');
    assert.equal(evaluatePolicy(m, fx.mrlLicense, fx.policy({ commercial: false })).verdict, 'pass');
  });

  it('allow/deny licenses: SPDX expressions and catalog custom ids', () => {
    const gemma4 = fx.model({ id: 'gemma-4-31b-it', vendor: 'google', license: 'apache-2.0' });
    assert.equal(evaluatePolicy(gemma4, fx.apacheLicense, fx.policy({ allowLicenses: ['Apache-2.0', 'MIT'] })).verdict, 'pass');
    assert.equal(evaluatePolicy(gemma4, fx.apacheLicense, fx.policy({ allowLicenses: ['MIT OR Apache-2.0'] })).verdict, 'pass');
    const notAllowed = evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ allowLicenses: ['Apache-2.0', 'MIT'] }));
    assert.equal(only(notAllowed.findings, 'LICENSE_NOT_ALLOWED').severity, 'error');
    // Custom catalog id, bare or as a LicenseRef.
    assert.equal(evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ allowLicenses: ['llama-4-community'] })).verdict, 'pass');
    assert.equal(evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ allowLicenses: ['LicenseRef-llama-4-community'] })).verdict, 'pass');
    const denied = evaluatePolicy(fx.maverick, fx.llama4License, fx.policy({ denyLicenses: ['llama-4-community'] }));
    assert.equal(only(denied.findings, 'LICENSE_DENIED').severity, 'error');
    assert.equal(only(evaluatePolicy(gemma4, fx.apacheLicense, fx.policy({ denyLicenses: ['Apache-2.0'] })).findings, 'LICENSE_DENIED').url, fx.apacheLicense.url);
    // A dual license is denied only when every choice hits the deny list.
    const dual = { ...fx.mitLicense, id: 'dual', spdx: 'MIT OR GPL-3.0-only' };
    assert.equal(evaluatePolicy(gemma4, dual, fx.policy({ denyLicenses: ['GPL-3.0-only'] })).verdict, 'pass');
    assert.equal(evaluatePolicy(gemma4, dual, fx.policy({ denyLicenses: ['GPL-3.0-only', 'MIT'] })).verdict, 'fail');
    // An unknown license cannot be shown to be allowed.
    const unknown = evaluatePolicy(gemma4, undefined, fx.policy({ allowLicenses: ['Apache-2.0'] }));
    assert.deepEqual(unknown.findings.map((f) => f.code).sort(), ['LICENSE_NOT_ALLOWED', 'LICENSE_UNKNOWN_TERMS']);
  });

  it('deny/allow vendors and models (ids and aliases, case-insensitive)', () => {
    const aliased = { ...fx.gpt4o, aliases: ['gpt-4o-2024-08-06'] };
    assert.equal(only(evaluatePolicy(aliased, fx.openaiTerms, fx.policy({ denyModels: ['GPT-4o-2024-08-06'] })).findings, 'MODEL_DENIED').severity, 'error');
    assert.equal(evaluatePolicy(aliased, fx.openaiTerms, fx.policy({ allowModels: ['gpt-4o'] })).verdict, 'pass');
    assert.equal(evaluatePolicy(aliased, fx.openaiTerms, fx.policy({ allowModels: ['gpt-4.1'] })).verdict, 'fail');
    assert.equal(only(evaluatePolicy(aliased, fx.openaiTerms, fx.policy({ denyVendors: ['OpenAI'] })).findings, 'VENDOR_DENIED').severity, 'error');
    assert.equal(evaluatePolicy(aliased, fx.openaiTerms, fx.policy({ allowVendors: ['meta'] })).verdict, 'fail');
  });

  it('unknown terms warn instead of passing silently', () => {
    const m = fx.model({ id: 'mystery-7b', vendor: 'acme', license: 'mystery' });
    const v = evaluatePolicy(m, fx.unknownTerms, fx.policy({ trainOnOutputs: true }));
    assert.equal(v.verdict, 'warn');
    assert.deepEqual(v.findings.map((f) => f.code), ['LICENSE_UNKNOWN_TERMS', 'LICENSE_UNKNOWN_TERMS']);
    assert.equal(evaluatePolicy(m, undefined, fx.policy()).verdict, 'warn');
  });
});

describe('evaluatePolicy on the shipped catalog', () => {
  it('Llama 4 Maverick at 1B MAU fails with the catalog\'s own 700M clause (§2)', () => {
    // Loaded lazily so the rule tests above do not depend on the catalog files.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { catalogEngine } = require('../advise/alt-helpers') as typeof import('../advise/alt-helpers');
    const engine = catalogEngine();
    const maverick = engine.models.get('llama-4-maverick')!;
    const license = engine.models.license(maverick.license)!;
    const v = evaluatePolicy(maverick, license, fx.policy({ monthlyActiveUsers: 1_000_000_000 }));
    const f = only(v.findings, 'LICENSE_MAU_CAP');
    assert.equal(f.clause, license.terms.mauCap.clause);
    assert.match(f.clause ?? '', /greater than 700 million monthly active users/);
    assert.match(f.section ?? '', /^§2/);
    assert.equal(evaluatePolicy(maverick, license, fx.policy({ monthlyActiveUsers: 1_000_000 })).verdict, 'pass');
    const gemma4 = engine.models.get('gemma-4-31b-it')!;
    assert.equal(evaluatePolicy(gemma4, engine.models.license(gemma4.license), fx.policy({ monthlyActiveUsers: 1_000_000_000, allowLicenses: ['Apache-2.0', 'MIT'] })).verdict, 'pass');
  });
});

describe('evaluatePolicy caching', () => {
  it('returns equal verdicts whose findings can be changed without affecting later calls', () => {
    const p = fx.policy({ monthlyActiveUsers: 1_000_000_000 });
    const a = evaluatePolicy(fx.maverick, fx.llama4License, p);
    a.findings.push({ code: 'MODEL_DENIED', severity: 'error', message: 'added by a caller' });
    a.findings[0]!.message = 'changed';
    const b = evaluatePolicy(fx.maverick, fx.llama4License, p);
    assert.deepEqual(b.findings.map((f) => f.code), ['LICENSE_MAU_CAP']);
    assert.notEqual(b.findings[0]!.message, 'changed');
    // A different use or license is evaluated on its own.
    assert.equal(evaluatePolicy(fx.maverick, undefined, p).verdict, 'warn');
    assert.equal(evaluatePolicy(fx.maverick, fx.llama4License, p, { multimodal: true }).verdict, 'fail');
  });
});

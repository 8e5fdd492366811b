import assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/parse-config';
import { analyzeCall } from '../../../src/core/estimate/analyze-call';
import { auditTexts, createEngine } from '../../../src/core/index';
import { testCatalog, testParsers } from '../../helpers/engine';
import { catalogEngine } from '../advise/alt-helpers';
import { callSite } from '../advise/call-fixture';

describe('analyzeCall: the license as the call uses the model', () => {
  it("Mistral Large 24.11 on Mistral's own API is governed by the API terms, not the research license", () => {
    const engine = catalogEngine();
    const viaApi = analyzeCall(callSite({ provider: 'mistral', model: 'mistral-large-2411', callee: 'client.chat.complete' }), engine);
    assert.equal(viaApi.cost.host, 'mistral');
    assert.equal(viaApi.policy?.licenseId, 'mistral-api-terms');
    assert.equal(viaApi.policy?.verdict, 'pass');
    assert.ok(!viaApi.findings.some((f) => f.code === 'LICENSE_NON_COMMERCIAL'), JSON.stringify(viaApi.findings));
  });

  it('the same weights on another host keep the research license and fail a commercial product', () => {
    const engine = catalogEngine();
    const hosted = analyzeCall(callSite({ provider: 'vertex', model: 'mistral-large-2411' }), engine);
    assert.equal(hosted.cost.host, 'vertex');
    assert.equal(hosted.policy?.licenseId, 'mistral-research');
    assert.equal(hosted.policy?.verdict, 'fail');
  });
});

describe('createEngine: policy license entries that match nothing are located config issues', () => {
  const yaml = [
    'usage:',
    '  - file: app/bot.py',
    '    callsPerMonth: 100',
    'policy:',
    '  monthlyBudgetUsd: 50',
    '  allowLicenses: [Apache-2.0, MIT, llama-4-community]',
    '  denyLicenses:',
    '    - GPL-3.0-only',
    '    - lama-4-comunity',
    '',
  ].join('\n');

  it('a typo in denyLicenses is reported at its line and column', async () => {
    const { config, issues } = parseConfig(yaml, 'conf/.modelwise.yaml');
    assert.deepEqual(issues, [], 'the schema accepts any string; only the catalog can tell a typo');
    const engine = createEngine({ parsers: await testParsers(), catalog: testCatalog(), config, configIssues: issues });
    assert.equal(engine.configIssues.length, 1);
    const [issue] = engine.configIssues;
    assert.equal(issue?.file, 'conf/.modelwise.yaml');
    assert.equal(issue?.path, 'policy.denyLicenses.1');
    assert.equal(issue?.line, 9);
    assert.equal(issue?.column, 7);
    assert.match(issue?.message ?? '', /"lama-4-comunity" is neither a catalog license id nor an SPDX expression/);
    // The audit reports it next to its results.
    const result = auditTexts([{ path: 'app/x.py', text: 'x = 1\n' }], engine);
    assert.deepEqual(result.issues.map((i) => i.path), ['policy.denyLicenses.1']);
  });

  it('flow-style entries are located too, and valid entries give no issue', async () => {
    const typo = yaml.replace('llama-4-community]', 'Apache 2]');
    const { config } = parseConfig(typo, '.modelwise.yaml');
    const engine = createEngine({ parsers: await testParsers(), catalog: testCatalog(), config });
    assert.deepEqual(
      engine.configIssues.map((i) => [i.path, i.line, i.column]),
      [
        ['policy.allowLicenses.2', 6, 36],
        ['policy.denyLicenses.1', 9, 7],
      ],
    );
    const clean = parseConfig(yaml.replace('lama-4-comunity', 'LicenseRef-llama-4-community'), '.modelwise.yaml');
    assert.deepEqual(createEngine({ parsers: await testParsers(), catalog: testCatalog(), config: clean.config }).configIssues, []);
  });

  it('an engine keeps where its config came from (for workspace-level findings)', async () => {
    const { config, source } = parseConfig(yaml, 'conf/.modelwise.yaml');
    assert.deepEqual(source.positions['policy.monthlyBudgetUsd'], { line: 5, column: 3 });
    const engine = createEngine({ parsers: await testParsers(), catalog: testCatalog(), config });
    assert.equal(engine.configSource, source);
    // A config built in code (not parsed from a file) has no source, so nothing is guessed.
    assert.equal(createEngine({ parsers: await testParsers(), catalog: testCatalog(), config: { ...config } }).configSource, undefined);
  });
});

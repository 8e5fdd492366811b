import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { formatCycloneDx } from '../../../src/core/report/cyclonedx';
import { formatReviewMarkdown } from '../../../src/core/report/review-markdown';
import { formatSarif } from '../../../src/core/report/sarif';
import { repoRoot } from '../../helpers/engine';
import { failingReport, MAU_CLAUSE, passingSwapReport } from './report-fixture';
import { audit, baseAudit, headWithLlama, reviewEngine } from './review-fixture';

/**
 * test/fixtures/sarif-2.1.0.schema.json is the SARIF 2.1.0 (rtm.5) JSON schema as shipped in the npm package
 * @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json, MIT; SchemaStore's copy), with its draft-04
 * header (`$schema`, `id`) rewritten to draft-07 (`$id`) so ajv 8 compiles it; no other keyword differs between the two
 * drafts in this file. `unicodeRegExp: false` because one `pattern` in it is not valid under the `u` flag.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sarif-2.1.0.schema.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false });
  return ajv.compile(schema);
}

/** CycloneDX 1.6 validator over the vendored schemas (see test/fixtures/cyclonedx-1.6/README.md). */
function cycloneDxValidator() {
  const dir = join(repoRoot, 'test/fixtures/cyclonedx-1.6');
  const load = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false });
  // bom-1.6 refers to its neighbours by their SNAPSHOT file names; register them under those URLs.
  ajv.addSchema({ ...load('spdx.SNAPSHOT.schema.json'), $id: 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json' });
  ajv.addSchema({ ...load('jsf-0.82.SNAPSHOT.schema.json'), $id: 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json' });
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
}

function golden(name: string, actual: string): void {
  const file = join(repoRoot, 'test/fixtures/golden/review', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(join(repoRoot, 'test/fixtures/golden/review'), { recursive: true });
    writeFileSync(file, actual);
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `golden ${name} differs (UPDATE_GOLDEN=1 to rewrite after checking)`);
}

describe('formatSarif', () => {
  const validate = sarifValidator();

  it('the validator rejects broken logs (the schema is really applied)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  it('a review log is valid SARIF 2.1.0 with a result at the call citing the 700M clause', () => {
    const log = formatSarif(failingReport());
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const run = log.runs[0]!;
    assert.deepEqual(run.tool.driver.rules!.map((r) => r.id), ['CALL_IN_LOOP', 'LICENSE_MAU_CAP']);
    const mau = run.results!.find((r) => r.ruleId === 'LICENSE_MAU_CAP')!;
    assert.equal(mau.level, 'error');
    assert.equal(mau.ruleIndex, 1);
    assert.deepEqual(mau.locations![0]!.physicalLocation, { artifactLocation: { uri: 'src/vision.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 30, startColumn: 9 } });
    assert.ok(mau.message.text!.includes(`Clause (§2 Additional Commercial Terms): "${MAU_CLAUSE}"`));
    assert.match(mau.partialFingerprints!['modelwise/v1']!, /^[0-9a-f]{8}$/);
    // A notebook finding points at the file, with the cell and line-in-cell as properties.
    const nb = run.results!.find((r) => r.ruleId === 'CALL_IN_LOOP')!;
    assert.equal(nb.level, 'warning');
    assert.equal(nb.locations![0]!.physicalLocation!.region, undefined);
    assert.deepEqual([nb.properties!.cell, nb.properties!.lineInCell], [2, 4]);
  });

  it('an audit log (real engine) is valid too, and the budget result has no location', () => {
    const engine = reviewEngine({ monthlyActiveUsers: 1_000_000_000, regions: ['EU'] });
    const auditLog = formatSarif(headWithLlama(engine));
    assert.ok(validate(auditLog), JSON.stringify(validate.errors?.slice(0, 3)));
    const codes = auditLog.runs[0]!.results!.map((r) => r.ruleId).sort();
    assert.ok(codes.includes('LICENSE_MAU_CAP') && codes.includes('LICENSE_REGION'), codes.join());
    const budget = formatSarif({ ...passingSwapReport(), findings: [{ code: 'COST_OVER_BUDGET', severity: 'error', message: 'over' }] });
    assert.ok(validate(budget));
    assert.equal(budget.runs[0]!.results![0]!.locations, undefined);
    assert.equal(formatSarif(audit([])).runs[0]!.results!.length, 0);
  });
});

describe('formatReviewMarkdown (golden files)', () => {
  it('failing change: verdict and summary first, blocking clause, details folded', () => {
    const md = formatReviewMarkdown(failingReport());
    assert.ok(md.startsWith('### ❌ Modelwise check failed\n\n1 call added, 0 removed'));
    golden('failing-llama.md', md);
  });
  it('passing swap: saving shown', () => {
    const md = formatReviewMarkdown(passingSwapReport());
    assert.ok(md.includes('`gpt-4o` → `gemma-4-31b-it` — saves $549.50/month'));
    golden('passing-swap.md', md);
  });
});

describe('formatCycloneDx', () => {
  it('is valid against the CycloneDX 1.6 JSON schema (and the validator rejects a bad component type)', () => {
    const validate = cycloneDxValidator();
    assert.equal(validate({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'model', name: 'x' }] }), false);
    const engine = reviewEngine({ monthlyActiveUsers: 1_000_000_000 });
    const bom = formatCycloneDx(headWithLlama(engine), engine, { timestamp: '2026-11-23T00:00:00Z' });
    assert.ok(validate(bom), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(bom.metadata.timestamp, '2026-11-23T00:00:00Z');
  });

  it('lists each model once as a machine-learning-model component with its license', () => {
    const engine = reviewEngine({ monthlyActiveUsers: 1_000_000_000 });
    const head = headWithLlama(engine);
    const unknown = { ...baseAudit(engine).calls[0]!, model: 'acme-private-1', cost: { ...baseAudit(engine).calls[0]!.cost, modelId: null, monthlyMicroUsd: null } };
    const bom = formatCycloneDx({ ...head, calls: [...head.calls, head.calls[0]!, unknown] }, engine);
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.specVersion, '1.6');
    assert.deepEqual(bom.components.map((c) => c.name), ['acme-private-1', 'gpt-4o', 'llama-4-maverick']);
    for (const c of bom.components) assert.equal(c.type, 'machine-learning-model');
    const llama = bom.components.find((c) => c.name === 'llama-4-maverick')!;
    const lic = engine.models.license('llama-4-community')!;
    assert.deepEqual(llama.licenses, [{ license: { name: lic.name, url: lic.url } }]);
    assert.deepEqual(llama.modelCard!.modelParameters.inputs, [{ format: 'text' }, { format: 'image' }]);
    assert.equal(llama.properties.find((p) => p.name === 'modelwise:policyVerdict')!.value, 'fail');
    const gpt = bom.components.find((c) => c.name === 'gpt-4o')!;
    assert.equal(gpt.properties.find((p) => p.name === 'modelwise:callSites')!.value, '2');
    const unknownComp = bom.components.find((c) => c.name === 'acme-private-1')!;
    assert.equal(unknownComp.properties.find((p) => p.name === 'modelwise:inCatalog')!.value, 'false');
    assert.equal(unknownComp.licenses, undefined);
    // SPDX licenses are written as ids.
    const gemma = engine.models.get('gemma-4-31b-it')!;
    const g = formatCycloneDx(audit([{ ...head.calls[0]!, cost: { ...head.calls[0]!.cost, modelId: gemma.id } }]), engine);
    assert.deepEqual(g.components[0]!.licenses, [{ license: { id: 'Apache-2.0' } }]);
  });
});

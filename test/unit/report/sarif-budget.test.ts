import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseConfig } from '../../../src/core/config/parse-config';
import { createEngine, type Engine } from '../../../src/core/engine';
import { analyzeCall } from '../../../src/core/estimate/analyze-call';
import { formatSarif } from '../../../src/core/report/sarif';
import { reviewChange } from '../../../src/core/review/diff';
import type { ParserSet } from '../../../src/core/scan/parsers';
import type { AuditResult } from '../../../src/core/types';
import { repoRoot, testCatalog } from '../../helpers/engine';
import { callSite } from '../advise/call-fixture';

/** The vendored SARIF 2.1.0 schema (see test/unit/review/formats.test.ts for its provenance). */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sarif-2.1.0.schema.json'), 'utf8'));
  return new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false }).compile(schema);
}

const CONFIG = ['# team budget', 'usage:', '  - file: src/bot.py', '    callsPerMonth: 1000000', 'policy:', '  regions: [EU]', '  monthlyBudgetUsd: 10', ''].join('\n');

function engineFrom(text: string, file: string): Engine {
  const { config, issues } = parseConfig(text, file);
  assert.deepEqual(issues, []);
  return createEngine({ parsers: {} as ParserSet, catalog: testCatalog(), config });
}

function headAudit(engine: Engine): AuditResult {
  const call = analyzeCall(callSite({ file: 'src/bot.py', line: 3, column: 5, model: 'gpt-4o', maxOutputTokens: 500 }), engine);
  return { calls: [call], files: { scanned: 1, skipped: [] }, issues: [] };
}

const empty: AuditResult = { calls: [], files: { scanned: 0, skipped: [] }, issues: [] };

describe('SARIF budget finding located in .modelwise.yaml', () => {
  const validate = sarifValidator();

  it('points at the monthlyBudgetUsd line of the config the engine was built from', () => {
    const engine = engineFrom(CONFIG, '.modelwise.yaml');
    const report = reviewChange(empty, headAudit(engine), engine);
    assert.equal(report.budget.over, true);
    const budget = report.findings.find((f) => f.code === 'COST_OVER_BUDGET');
    assert.deepEqual([budget?.file, budget?.line, budget?.column], ['.modelwise.yaml', 7, 3]);
    const log = formatSarif(report);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const result = log.runs[0]!.results!.find((r) => r.ruleId === 'COST_OVER_BUDGET');
    assert.deepEqual(result?.locations?.[0]?.physicalLocation, {
      artifactLocation: { uri: '.modelwise.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 3 },
    });
  });

  it('a --config file outside the root gets a file: URI, still valid SARIF', () => {
    const engine = engineFrom(CONFIG, '/etc/team/modelwise policy.yaml');
    const log = formatSarif(reviewChange(empty, headAudit(engine), engine));
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const loc = log.runs[0]!.results!.find((r) => r.ruleId === 'COST_OVER_BUDGET')?.locations?.[0]?.physicalLocation;
    assert.deepEqual(loc?.artifactLocation, { uri: 'file:///etc/team/modelwise%20policy.yaml' });
    assert.equal(loc?.region?.startLine, 7);
  });

  it('under budget there is no budget result', () => {
    const engine = engineFrom(CONFIG.replace('monthlyBudgetUsd: 10', 'monthlyBudgetUsd: 100000000'), '.modelwise.yaml');
    const log = formatSarif(reviewChange(empty, headAudit(engine), engine));
    assert.ok(!log.runs[0]!.results!.some((r) => r.ruleId === 'COST_OVER_BUDGET'));
  });
});

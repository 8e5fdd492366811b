import * as assert from 'node:assert/strict';
import type { LicenseComparison } from '../../../src/core/license/compare';
import { chooseColumns, MAX_COLUMNS, sanitizeState, toLicenseView } from '../../../src/extension/webview/license-view';

const cell = (text: string, tone: 'good' | 'caution' | 'bad' | 'unknown', extra = {}) => ({ text, tone, ...extra });
const terms = (tone: 'good' | 'caution') => ({
  commercialUse: cell('yes', 'good'),
  mauCap: cell(tone === 'good' ? 'none' : '700,000,000 MAU', tone, { clause: 'greater than 700 million monthly active users', section: '2' }),
  revenueCap: cell('none', 'good'),
  attribution: cell('none', 'good'),
  naming: cell('none', 'good'),
  usePolicy: cell('none', 'good'),
  regionalLimits: cell('none', 'good'),
  outputTraining: cell('allowed', 'good'),
  patentGrant: cell('yes', 'good'),
  redistribution: cell('permissive', 'good'),
});

const comparison = {
  rows: [
    { key: 'commercialUse', label: 'Commercial use' },
    { key: 'mauCap', label: 'Monthly active user cap' },
  ],
  columns: [
    { modelId: 'gemma-4-26b', modelName: 'Gemma 4 26B', vendor: 'google', openWeights: true, licenseId: 'apache-2.0', licenseName: 'Apache License 2.0', spdx: 'Apache-2.0', licenseKind: 'open-source', licenseUrl: 'https://www.apache.org/licenses/LICENSE-2.0', asOf: '2026-04-01', terms: terms('good'), policy: { modelId: 'gemma-4-26b', licenseId: 'apache-2.0', verdict: 'pass', findings: [] } },
    {
      modelId: 'llama-3.3-70b', modelName: 'Llama 3.3 70B', vendor: 'meta', openWeights: true, licenseId: 'llama3.3', licenseName: 'Llama 3.3 Community License', spdx: null, licenseKind: 'open-weights-custom', terms: terms('caution'),
      policy: { modelId: 'llama-3.3-70b', licenseId: 'llama3.3', verdict: 'fail', findings: [{ code: 'LICENSE_MAU_CAP', severity: 'error', message: 'MAU above the cap', clause: '700 million', section: '2', url: 'https://llama.com/license' }] },
    },
  ],
  unknownModels: ['acme-internal'],
} as unknown as LicenseComparison;

describe('license comparison view', () => {
  it('orders columns used, suggested, added; drops removed and duplicates', () => {
    const cols = chooseColumns(['gpt-4o', 'claude'], ['gemma', 'gpt-4o'], { added: ['qwen'], removed: ['claude'] });
    assert.deepEqual(
      cols.map((c) => `${c.modelId}:${c.origin}`),
      ['gpt-4o:used', 'gemma:suggested', 'qwen:added'],
    );
  });

  it('keeps added columns when the workspace alone would fill the table', () => {
    const used = Array.from({ length: 20 }, (_, i) => `m${i}`);
    const cols = chooseColumns(used, [], { added: ['x'], removed: [] });
    assert.equal(cols.length, MAX_COLUMNS);
    assert.equal(cols[cols.length - 1]!.modelId, 'x');
  });

  it('sanitises saved state from the webview', () => {
    assert.deepEqual(sanitizeState({ added: ['a', 3, null], removed: 'b' }), { added: ['a'], removed: [] });
    assert.deepEqual(sanitizeState(undefined), { added: [], removed: [] });
  });

  it('lays out the engine comparison with license text and policy verdict rows', () => {
    const view = toLicenseView(comparison, [{ modelId: 'gemma-4-26b', origin: 'suggested' }], [{ id: 'x', name: 'X' }], ['note']);
    assert.deepEqual(
      view.columns.map((c) => [c.modelId, c.origin, c.licenseName]),
      [
        ['gemma-4-26b', 'suggested', 'Apache License 2.0 (Apache-2.0)'],
        ['llama-3.3-70b', 'added', 'Llama 3.3 Community License'],
      ],
    );
    assert.deepEqual(
      view.rows.map((r) => r.key),
      ['commercialUse', 'mauCap', 'licenseText', 'policyVerdict'],
    );
    const mau = view.rows[1]!;
    assert.equal(mau.cells[1]!.tone, 'caution');
    assert.equal(mau.cells[1]!.clause, 'greater than 700 million monthly active users');
    const verdict = view.rows[3]!;
    assert.deepEqual(
      verdict.cells.map((c) => c.tone),
      ['good', 'bad'],
    );
    assert.match(verdict.cells[1]!.text, /^fail — MAU above the cap/);
    assert.equal(verdict.cells[1]!.url, 'https://llama.com/license');
    assert.equal(view.rows[2]!.cells[1]!.tone, 'unknown');
    assert.deepEqual(view.notes, ['note', 'Not in the catalog (no license data): acme-internal.']);
  });
});

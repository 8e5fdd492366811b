import assert from 'node:assert/strict';
import { positionOf, sourceOf } from '../../../src/core/config/config-source';
import { parseConfig } from '../../../src/core/config/parse-config';

describe('parseConfig: source positions', () => {
  const text = ['policy:', '  denyLicenses:', '    - GPL-3.0-only', '    - AGPL-3.0-only', '  monthlyBudgetUsd: 5000', 'usage:', '  - id: chat', '    callsPerMonth: 10', ''].join('\n');

  it('records every key and list entry by dotted path (1-based line and column)', () => {
    const { source } = parseConfig(text, 'a/.modelwise.yaml');
    assert.equal(source.file, 'a/.modelwise.yaml');
    assert.deepEqual(source.positions['policy.denyLicenses.1'], { line: 4, column: 7 });
    assert.deepEqual(source.positions['policy.monthlyBudgetUsd'], { line: 5, column: 3 });
    assert.deepEqual(source.positions['usage.0.callsPerMonth'], { line: 8, column: 5 });
    // A path below a recorded one falls back to its nearest parent.
    assert.deepEqual(positionOf(source, 'policy.denyLicenses.9'), { line: 2, column: 3 });
    assert.equal(positionOf(source, 'nothing.here'), undefined);
  });

  it('the returned config object knows its source; a syntax error keeps the file name without positions', () => {
    const ok = parseConfig(text, '.modelwise.yaml');
    assert.equal(sourceOf(ok.config), ok.source);
    assert.equal(sourceOf({ ...ok.config }), undefined);
    const broken = parseConfig('policy: [unclosed\n', 'x.yaml');
    assert.ok(broken.issues.length > 0);
    assert.deepEqual(broken.source, { file: 'x.yaml', positions: {} });
  });
});

import * as assert from 'node:assert/strict';
import { ConfigSchema } from '../../../src/core/config/schema';
import { createEngine, parseConfig } from '../../../src/core';
import { positionOf } from '../../../src/core/config/config-source';
import { engineConfig, ignoredInRestrictedMode, mergeCatalogs, parseCallsPerMonth, restrictConfig, usageEntryFor } from '../../../src/extension/config-utils';
import { testCatalog } from '../../helpers/engine';

describe('extension config helpers', () => {
  const full = ConfigSchema.parse({
    defaults: { callsPerMonth: 5000 },
    usage: [{ file: 'a.py', callsPerMonth: 10 }],
    prices: [{ model: 'gpt-4o', inputPerMTok: 0, outputPerMTok: 0 }],
    discounts: [{ vendor: 'openai', multiplier: 0.5 }],
    policy: { denyLicenses: ['llama3.1'] },
  });

  it('Restricted Mode keeps usage volumes and defaults, drops prices, discounts and policy', () => {
    const r = restrictConfig(full);
    assert.equal(r.defaults.callsPerMonth, 5000);
    assert.deepEqual(r.usage, [{ file: 'a.py', callsPerMonth: 10 }]);
    assert.deepEqual(r.prices, []);
    assert.deepEqual(r.discounts, []);
    assert.deepEqual(r.policy.denyLicenses, []);
    assert.deepEqual(ignoredInRestrictedMode(full), ['prices', 'discounts']);
  });

  it('Restricted Mode keeps the YAML positions: the engine still gets parseConfig\'s source for the copied config', () => {
    const text = '# note\ndefaults:\n  callsPerMonth: 5000\nusage:\n  - file: a.py\n    callsPerMonth: 10\npolicy:\n  denyLicenses: [GPL-3.O]\n';
    const parsed = parseConfig(text, '.modelwise.yaml');
    const parsers = {} as never;
    // Without the source a copied config has no positions (what the engine got before).
    assert.equal(createEngine({ parsers, catalog: testCatalog(), config: restrictConfig(parsed.config) }).configSource, undefined);
    const restricted = createEngine({ parsers, catalog: testCatalog(), ...engineConfig(parsed, false) });
    assert.notEqual(restricted.config, parsed.config);
    assert.deepEqual(restricted.config.policy.denyLicenses, [], 'the policy is still dropped');
    assert.deepEqual(positionOf(restricted.configSource, 'usage.0.callsPerMonth'), { line: 6, column: 5 });
    // Trusted: the typo in the policy becomes a located issue from the engine.
    const trusted = createEngine({ parsers, catalog: testCatalog(), ...engineConfig(parsed, true) });
    const typo = trusted.configIssues.find((i) => i.path === 'policy.denyLicenses.0');
    assert.deepEqual([typo?.line, typo?.column], [8, 18]);
  });

  it('usage entries prefer the id comment, then file + function, then file', () => {
    assert.deepEqual(usageEntryFor({ usageId: 'triage', file: 'a.py', enclosingFunction: 'f' }, 7), { id: 'triage', callsPerMonth: 7 });
    assert.deepEqual(usageEntryFor({ file: 'a.py', enclosingFunction: 'Bot.reply' }, 7), { file: 'a.py', function: 'Bot.reply', callsPerMonth: 7 });
    assert.deepEqual(usageEntryFor({ file: 'a.py', enclosingFunction: null }, 7), { file: 'a.py', callsPerMonth: 7 });
  });

  it('parses what people type for calls per month', () => {
    assert.deepEqual(parseCallsPerMonth('12,000'), { value: 12000 });
    assert.deepEqual(parseCallsPerMonth(' 12k '), { value: 12000 });
    assert.deepEqual(parseCallsPerMonth('1.5m'), { value: 1500000 });
    assert.deepEqual(parseCallsPerMonth('0'), { value: 0 });
    assert.ok('error' in parseCallsPerMonth('-3'));
    assert.ok('error' in parseCallsPerMonth('lots'));
  });

  it('an extra catalog replaces same-id entries and adds new ones', () => {
    const lic = (id: string) => ({ id }) as never;
    const model = (id: string, name: string) => ({ id, name }) as never;
    const merged = mergeCatalogs(
      { updated: '2026-01-01', models: [model('a', 'A'), model('b', 'B')], licenses: [lic('x')] },
      { updated: '2026-03-01', models: [model('b', 'B2'), model('c', 'C')], licenses: [lic('y')] },
    );
    assert.equal(merged.updated, '2026-03-01');
    assert.deepEqual(
      merged.models.map((m) => `${m.id}:${m.name}`),
      ['a:A', 'b:B2', 'c:C'],
    );
    assert.deepEqual(
      merged.licenses.map((l) => l.id),
      ['x', 'y'],
    );
  });
});

import * as assert from 'node:assert/strict';
import { ConfigSchema } from '../../../src/core/config/schema';
import { ignoredInRestrictedMode, mergeCatalogs, parseCallsPerMonth, restrictConfig, usageEntryFor } from '../../../src/extension/config-utils';

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

import * as assert from 'node:assert/strict';
import { renderAuditBody, statusLabel } from '../../../src/extension/audit/audit-html';
import type { WorkspaceAudit } from '../../../src/extension/audit/audit-utils';
import { makeCall } from './call-fixture';

const usd = (micro: number) => `$${(micro / 1_000_000).toFixed(2)}`;
const scenario = { nowMicroUsd: 10_000_000, allRoutineMovedMicroUsd: 1_000_000, aboveThresholdMovedMicroUsd: 5_000_000, routineCalls: 1, movableCalls: 1, thresholdMicroUsd: 100_000_000 };

function audit(over: Partial<WorkspaceAudit['result']> = {}): WorkspaceAudit {
  return {
    result: { calls: [], files: { scanned: 0, skipped: [] }, issues: [], ...over },
    roots: ['ws'],
    rootPath: '/ws',
    finishedAt: '2026-11-23T05:00:00.000Z',
    durationMs: 12,
  };
}

describe('audit report html', () => {
  it('escapes workspace strings (file names, model ids)', () => {
    const evil = makeCall({ file: '<img src=x onerror=alert(1)>.py', model: '"><script>x</script>' });
    const out = renderAuditBody(audit({ calls: [evil], files: { scanned: 1, skipped: [] } }), scenario, usd).value;
    assert.ok(!out.includes('<script>x'));
    assert.ok(!out.includes('<img src=x'));
    assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;.py'));
  });

  it('labels a cancelled audit as partial with file counts', () => {
    const out = renderAuditBody(audit({ partial: { done: 40, total: 100 } }), scenario, usd).value;
    assert.match(out, /cancelled after 40 of 100 files/);
  });

  it('ranks call sites by monthly spend and lists unpriced calls apart', () => {
    const big = makeCall({ file: 'big.py', cost: { ...makeCall().cost, monthlyMicroUsd: { low: 50_000_000, high: 90_000_000 } } });
    const small = makeCall({ file: 'small.py', cost: { ...makeCall().cost, monthlyMicroUsd: { low: 1_000_000, high: 2_000_000 } } });
    const unknown = makeCall({ file: 'u.py', model: 'acme-llm', cost: { ...makeCall().cost, priced: false, status: 'unknown-model', modelId: null, monthlyMicroUsd: null, perCallMicroUsd: null } });
    const out = renderAuditBody(audit({ calls: [small, unknown, big], files: { scanned: 3, skipped: [] } }), scenario, usd).value;
    const calls = out.slice(out.indexOf('id="calls"'), out.indexOf('id="by-file"'));
    assert.ok(calls.indexOf('big.py') < calls.indexOf('small.py'));
    assert.ok(calls.indexOf('small.py') < calls.indexOf('u.py'));
    const unpriced = out.slice(out.indexOf('id="unpriced"'));
    assert.match(unpriced, /acme-llm/);
    assert.match(unpriced, /unpriced model \(not in the catalog\)/);
    assert.match(out, /\$51\.00 – \$92\.00/);
    assert.match(out, /1<\/strong> calls without a price/);
  });

  it('has export buttons for the three formats and the scenario figures', () => {
    const out = renderAuditBody(audit(), scenario, usd).value;
    for (const f of ['markdown', 'csv', 'json']) assert.ok(out.includes(`data-export="${f}"`));
    assert.match(out, /\$10\.00\/mo/);
    assert.match(out, /costing at least \$100\.00\/mo moved/);
  });

  it('says why a call has no figure', () => {
    assert.equal(statusLabel({ model: null, cost: makeCall().cost }), 'model unknown — set it in .modelwise.yaml');
    assert.equal(statusLabel({ model: 'x', cost: { ...makeCall().cost, status: 'self-hosted' } }), 'self-hosted (no per-token price)');
  });
});

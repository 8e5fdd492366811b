import * as assert from 'node:assert/strict';
import { callDiagnostics, type DiagnosticSettings } from '../../../src/extension/diagnostics-utils';
import { makeCall } from './call-fixture';

const settings: DiagnosticSettings = { unpricedSeverity: 'warning', licenseSeverity: 'error', loopSeverity: 'information', loopMaxOutputTokens: 4096 };

describe('call diagnostics', () => {
  it('a priced call outside a loop with a passing license has none', () => {
    assert.deepEqual(callDiagnostics(makeCall({ policy: { modelId: 'gpt-4o', licenseId: 'openai-api', verdict: 'pass', findings: [] } }), settings), []);
  });

  it('an unknown model is reported on its literal, never as $0', () => {
    const call = makeCall({ model: 'my-ft-model', cost: { ...makeCall().cost, priced: false, status: 'unknown-model', modelId: null, monthlyMicroUsd: null, perCallMicroUsd: null } });
    const [d, ...rest] = callDiagnostics(call, settings);
    assert.equal(rest.length, 0);
    assert.equal(d!.code, 'MODEL_NOT_IN_CATALOG');
    assert.equal(d!.severity, 'warning');
    assert.equal(d!.startOffset, 77);
    assert.match(d!.message, /not \$0/);
  });

  it('a dynamic model is not an unpriced-model diagnostic', () => {
    const call = makeCall({ model: null, modelSource: 'unknown', cost: { ...makeCall().cost, priced: false, status: 'unknown-model', monthlyMicroUsd: null, perCallMicroUsd: null } });
    assert.deepEqual(callDiagnostics(call, settings), []);
  });

  it('one diagnostic per failing license finding, quoting the clause', () => {
    const call = makeCall({
      policy: {
        modelId: 'llama-3.3-70b',
        licenseId: 'llama3.3',
        verdict: 'fail',
        findings: [
          { code: 'LICENSE_MAU_CAP', severity: 'error', message: 'MAU above 700M', clause: 'greater than 700 million monthly active users', section: '2' },
          { code: 'LICENSE_ATTRIBUTION', severity: 'warning', message: 'Built with Llama' },
        ],
      },
    });
    const ds = callDiagnostics(call, settings);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity]),
      [
        ['LICENSE_MAU_CAP', 'error'],
        ['LICENSE_ATTRIBUTION', 'error'],
      ],
    );
    assert.match(ds[0]!.message, /"greater than 700 million monthly active users" \(2\)/);
  });

  it('flags a loop call only from the large-output threshold, and respects off', () => {
    const small = makeCall({ inLoop: true, tokens: { ...makeCall().tokens, outputHigh: 512, outputHighSource: 'call-max' } });
    assert.deepEqual(callDiagnostics(small, settings), []);
    const big = makeCall({ inLoop: true });
    const [d] = callDiagnostics(big, settings);
    assert.equal(d!.code, 'CALL_IN_LOOP');
    assert.equal(d!.severity, 'information');
    assert.equal(d!.startOffset, 64);
    assert.deepEqual(callDiagnostics(big, { ...settings, loopSeverity: 'off' }), []);
  });
});

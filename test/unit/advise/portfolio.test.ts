import * as assert from 'node:assert/strict';
import { portfolio } from '../../../src/core/advise/portfolio';
import type { Alternative, AnalyzedCall } from '../../../src/core/types';
import { tokens } from './alt-helpers';
import { callSite } from './call-fixture';

function analyzed(id: string, monthlyUsd: [number, number] | null, cls: 'routine' | 'frontier', altMonthlyUsd?: [number, number]): AnalyzedCall {
  const alt = altMonthlyUsd
    ? ({ modelId: 'alt', monthlyMicroUsd: { low: altMonthlyUsd[0] * 1e6, high: altMonthlyUsd[1] * 1e6 } } as Alternative)
    : undefined;
  return {
    ...callSite({ id }),
    tokens: tokens(100, 10, 20),
    cost: {
      priced: monthlyUsd !== null,
      status: monthlyUsd ? 'priced' : 'unknown-model',
      modelId: monthlyUsd ? 'm' : null,
      host: null,
      perCallMicroUsd: null,
      callsPerMonth: 1000,
      callsSource: 'default',
      monthlyMicroUsd: monthlyUsd ? { low: monthlyUsd[0] * 1e6, high: monthlyUsd[1] * 1e6 } : null,
      assumptions: [],
    },
    advice: { class: cls, confidence: 0.8, reasons: [], alternatives: alt ? [alt] : [] },
    findings: [],
  };
}

describe('portfolio', () => {
  const calls = [
    analyzed('a', [800, 1200], 'routine', [10, 30]), // mid 1000 → 20
    analyzed('b', [40, 60], 'routine', [1, 3]), // mid 50 → 2 (below a $100 threshold)
    analyzed('c', [400, 600], 'frontier', [50, 50]), // frontier: alternatives are not moved by the scenario
    analyzed('d', [90, 110], 'routine'), // routine without an alternative: stays
    analyzed('e', null, 'routine', [1, 1]), // unpriced: counts as zero, never moves
  ];

  it('computes now, all-routine-moved and above-threshold-moved spend (mid of ranges)', () => {
    const p = portfolio(calls, 100);
    assert.equal(p.nowMicroUsd, (1000 + 50 + 500 + 100) * 1e6);
    assert.equal(p.allRoutineMovedMicroUsd, (20 + 2 + 500 + 100) * 1e6);
    assert.equal(p.aboveThresholdMovedMicroUsd, (20 + 50 + 500 + 100) * 1e6);
    assert.equal(p.routineCalls, 4);
    assert.equal(p.movableCalls, 2);
    assert.equal(p.thresholdMicroUsd, 100e6);
  });

  it('threshold 0 moves every routine call; a huge threshold moves none', () => {
    assert.equal(portfolio(calls, 0).aboveThresholdMovedMicroUsd, portfolio(calls, 0).allRoutineMovedMicroUsd);
    assert.equal(portfolio(calls, 1e9).aboveThresholdMovedMicroUsd, portfolio(calls).nowMicroUsd);
  });
});

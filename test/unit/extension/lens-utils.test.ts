import * as assert from 'node:assert/strict';
import { callAt, mapCalls, mapOffset, passesThreshold, touches } from '../../../src/extension/lens-utils';
import { makeCall } from './call-fixture';

describe('lens helpers', () => {
  it('maps offsets after, before and inside an edit', () => {
    const insert = [{ rangeOffset: 10, rangeLength: 0, text: 'abc' }];
    assert.equal(mapOffset(5, insert), 5);
    assert.equal(mapOffset(10, insert), 13);
    assert.equal(mapOffset(20, insert), 23);
    const del = [{ rangeOffset: 10, rangeLength: 5, text: '' }];
    assert.equal(mapOffset(12, del), 10);
    assert.equal(mapOffset(20, del), 15);
  });

  it('applies several changes in order', () => {
    const changes = [
      { rangeOffset: 50, rangeLength: 0, text: 'xx' },
      { rangeOffset: 0, rangeLength: 0, text: 'y' },
    ];
    assert.equal(mapOffset(60, changes), 63);
  });

  it('knows when an edit touches a span', () => {
    assert.equal(touches(10, 20, [{ rangeOffset: 15, rangeLength: 1, text: 'z' }]), true);
    assert.equal(touches(10, 20, [{ rangeOffset: 25, rangeLength: 1, text: 'z' }]), false);
    assert.equal(touches(10, 20, [{ rangeOffset: 12, rangeLength: 0, text: 'z' }]), true);
    assert.equal(touches(10, 20, [{ rangeOffset: 20, rangeLength: 0, text: 'z' }]), false);
  });

  it('keeps lenses in place across an edit above the call and drops a touched model literal', () => {
    const call = makeCall();
    const [moved] = mapCalls([call], [{ rangeOffset: 0, rangeLength: 0, text: '# note\n' }]);
    assert.equal(moved!.startOffset, call.startOffset + 7);
    assert.equal(moved!.modelLiteral!.startOffset, call.modelLiteral!.startOffset + 7);
    const [edited] = mapCalls([call], [{ rangeOffset: 80, rangeLength: 1, text: 'X' }]);
    assert.equal(edited!.modelLiteral, undefined);
    assert.equal(edited!.startOffset, call.startOffset);
  });

  it('hides only priced calls below the monthly threshold', () => {
    const cheap = makeCall({ cost: { ...makeCall().cost, monthlyMicroUsd: { low: 1_000_000, high: 4_000_000 } } });
    assert.equal(passesThreshold(cheap, 5), false);
    assert.equal(passesThreshold(cheap, 4), true);
    assert.equal(passesThreshold(cheap, 0), true);
    const unpriced = makeCall({ cost: { ...makeCall().cost, priced: false, status: 'unknown-model', monthlyMicroUsd: null, perCallMicroUsd: null } });
    assert.equal(passesThreshold(unpriced, 1000), true);
  });

  it('finds the innermost call at an offset, including on its model literal', () => {
    const outer = makeCall({ id: 'outer', startOffset: 0, endOffset: 200, modelLiteral: { startOffset: 150, endOffset: 160 } });
    const inner = makeCall({ id: 'inner', startOffset: 50, endOffset: 100, modelLiteral: { startOffset: 60, endOffset: 70 } });
    assert.equal(callAt([outer, inner], 65)?.id, 'inner');
    assert.equal(callAt([outer, inner], 155)?.id, 'outer');
    assert.equal(callAt([outer, inner], 300), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { StartupClock } from '../../../src/extension/startup-timings';

describe('start-up timings', () => {
  it('records each mark once, relative to the start, rounded to 0.1 ms', () => {
    let now = 1000;
    const clock = new StartupClock(1000, () => now);
    now = 1007.123;
    clock.mark('activateMs');
    assert.deepEqual(clock.snapshot(), { activateMs: 7.1 });
    assert.equal(clock.has('firstLensMs'), false);
    now = 1900;
    clock.mark('firstAnalysisMs');
    now = 2400;
    clock.mark('firstLensMs');
    now = 9000;
    clock.mark('firstLensMs');
    clock.mark('activateMs');
    assert.deepEqual(clock.snapshot(), { activateMs: 7.1, firstAnalysisMs: 900, firstLensMs: 1400 });
  });
});

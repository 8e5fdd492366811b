import * as assert from 'node:assert/strict';
import { defaultSettings, parseSettings } from '../../../src/extension/settings-utils';

describe('extension settings', () => {
  it('fills every default from an empty object', () => {
    const s = defaultSettings();
    assert.equal(s.lens.enabled, true);
    assert.equal(s.lens.minMonthlyUsd, 0);
    assert.equal(s.maxFileSizeKb, 512);
    assert.equal(s.diagnostics.licenseSeverity, 'error');
    assert.equal(s.diagnostics.loopMaxOutputTokens, 4096);
    assert.ok(s.audit.exclude.includes('**/node_modules/**'));
  });

  it('keeps valid values and replaces only the invalid one, with a warning naming it', () => {
    const { settings, warnings } = parseSettings({ lens: { enabled: false, minMonthlyUsd: -5 }, maxFileSizeKb: 64 });
    assert.equal(settings.lens.enabled, false);
    assert.equal(settings.lens.minMonthlyUsd, 0);
    assert.equal(settings.maxFileSizeKb, 64);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /modelwise\.lens\.minMonthlyUsd/);
  });

  it('rejects an unknown severity name and falls back to the default', () => {
    const { settings, warnings } = parseSettings({ diagnostics: { unpricedSeverity: 'loud', loopSeverity: 'off' } });
    assert.equal(settings.diagnostics.unpricedSeverity, 'warning');
    assert.equal(settings.diagnostics.loopSeverity, 'off');
    assert.match(warnings[0]!, /diagnostics\.unpricedSeverity/);
  });
});

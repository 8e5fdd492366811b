import assert from 'node:assert/strict';
import { parseConfig, setUsageEntry } from '../../../src/core/config/parse-config';

describe('parseConfig', () => {
  it('reads a valid file', () => {
    const { config, issues } = parseConfig(
      [
        'defaults:',
        '  callsPerMonth: 20000',
        '  openModelHost: together',
        'usage:',
        '  - file: app/bot.py',
        '    function: Bot.reply',
        '    callsPerMonth: 90000',
        'discounts:',
        '  - vendor: openai',
        '    multiplier: 0.8',
        'policy:',
        '  denyLicenses: [CC-BY-NC-4.0]',
      ].join('\n'),
      '.modelwise.yaml',
    );
    assert.deepEqual(issues, []);
    assert.equal(config.defaults.callsPerMonth, 20000);
    assert.equal(config.defaults.outputTokens, 256);
    assert.equal(config.usage[0]?.callsPerMonth, 90000);
    assert.equal(config.discounts[0]?.multiplier, 0.8);
    assert.deepEqual(config.policy.denyLicenses, ['CC-BY-NC-4.0']);
  });

  it('falls back to defaults on a YAML syntax error, with line and column', () => {
    const { config, issues } = parseConfig('usage:\n  - file: a.py\n    callsPerMonth: [1, 2\n', '.modelwise.yaml');
    assert.equal(config.usage.length, 0);
    assert.equal(config.defaults.callsPerMonth, 1000);
    assert.equal(issues.length >= 1, true);
    assert.equal(issues[0]?.file, '.modelwise.yaml');
    assert.equal(typeof issues[0]?.line, 'number');
    assert.equal(typeof issues[0]?.column, 'number');
    assert.ok((issues[0]?.line ?? 0) >= 3, `line ${issues[0]?.line}`);
  });

  it('drops only the bad usage row, located, and keeps the rest', () => {
    const text = [
      'usage:', //                     1
      '  - file: app/a.py', //         2
      '    callsPerMonth: 100', //     3
      '  - file: app/b.py', //         4
      '    callsPerMonth: lots', //    5
      '  - id: nightly', //            6
      '    callsPerMonth: 30', //      7
      'discounts:', //                 8
      '  - multiplier: 0.5', //        9  (no vendor/host/model)
      '  - model: gpt-4o', //          10
      '    multiplier: 0.9', //        11
    ].join('\n');
    const { config, issues } = parseConfig(text, 'ws/.modelwise.yaml');
    assert.deepEqual(
      config.usage.map((u) => u.callsPerMonth),
      [100, 30],
    );
    assert.deepEqual(config.discounts.map((d) => d.model), ['gpt-4o']);
    const usageIssue = issues.find((i) => i.path === 'usage.1.callsPerMonth');
    assert.ok(usageIssue, JSON.stringify(issues));
    assert.equal(usageIssue.line, 5);
    assert.equal(usageIssue.column, 20);
    const discountIssue = issues.find((i) => i.path?.startsWith('discounts.0'));
    assert.equal(discountIssue?.line, 9);
  });

  it('drops a bad policy key and keeps the others; reports unknown sections', () => {
    const { config, issues } = parseConfig('policy:\n  denyLicenses: [MIT]\n  trainOnOutputs: maybe\nbudget: 3\n', 'c.yaml');
    assert.deepEqual(config.policy.denyLicenses, ['MIT']);
    assert.equal(config.policy.trainOnOutputs, false);
    assert.deepEqual(
      issues.map((i) => [i.path, i.line]),
      [
        ['policy.trainOnOutputs', 3],
        ['budget', 4],
      ],
    );
  });

  it('treats an empty file as defaults', () => {
    const { config, issues } = parseConfig('', 'c.yaml');
    assert.deepEqual(issues, []);
    assert.equal(config.defaults.callsPerMonth, 1000);
  });
});

describe('setUsageEntry', () => {
  it('adds an entry and keeps comments', () => {
    const before = '# team volumes\ndefaults:\n  callsPerMonth: 500 # rough\n';
    const after = setUsageEntry(before, { file: 'app/a.py', function: 'main', callsPerMonth: 1200 });
    assert.ok(after.includes('# team volumes'));
    assert.ok(after.includes('# rough'));
    const { config, issues } = parseConfig(after, 'c.yaml');
    assert.deepEqual(issues, []);
    assert.deepEqual(config.usage, [{ file: 'app/a.py', function: 'main', callsPerMonth: 1200 }]);
    assert.equal(config.defaults.callsPerMonth, 500);
  });

  it('updates the matching entry in place', () => {
    const before = 'usage:\n  # the bot\n  - file: app/a.py\n    function: main\n    callsPerMonth: 10\n  - id: nightly\n    callsPerMonth: 30\n';
    const after = setUsageEntry(setUsageEntry(before, { file: 'app/a.py', function: 'main', callsPerMonth: 99 }), { id: 'nightly', callsPerMonth: 31 });
    assert.ok(after.includes('# the bot'));
    const { config } = parseConfig(after, 'c.yaml');
    assert.deepEqual(
      config.usage.map((u) => u.callsPerMonth),
      [99, 31],
    );
  });

  it('writes into an empty file and refuses to overwrite broken YAML', () => {
    assert.deepEqual(parseConfig(setUsageEntry('', { id: 'x', callsPerMonth: 5 }), 'c').config.usage, [{ id: 'x', callsPerMonth: 5 }]);
    assert.throws(() => setUsageEntry('usage: [1, 2\n', { id: 'x', callsPerMonth: 5 }), /line \d+, column \d+/);
  });
});

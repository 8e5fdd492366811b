import * as assert from 'node:assert/strict';
import { parseCommandLine, UsageError } from '../../src/cli/args';

describe('parseCommandLine', () => {
  it('maps audit options and defaults the path to .', () => {
    assert.deepEqual(parseCommandLine(['audit', '--format', 'json']), {
      kind: 'audit', paths: ['.'], format: 'json', config: undefined, output: undefined, maxFileBytes: undefined,
    });
    const c = parseCommandLine(['audit', 'a', 'b', '-c', 'x.yaml', '--max-file-size', '2m']);
    assert.equal(c.kind, 'audit');
    if (c.kind === 'audit') {
      assert.deepEqual(c.paths, ['a', 'b']);
      assert.equal(c.format, 'table');
      assert.equal(c.config, 'x.yaml');
      assert.equal(c.maxFileBytes, 2 * 1024 * 1024);
    }
  });
  it('maps check, tokens and models', () => {
    assert.deepEqual(parseCommandLine(['check', 'repo', '--base', 'main', '--format', 'sarif']), {
      kind: 'check', path: 'repo', base: 'main', config: undefined, format: 'sarif', output: undefined, maxFileBytes: undefined,
    });
    assert.deepEqual(parseCommandLine(['tokens', '--encoding', 'cl100k_base', '-']), { kind: 'tokens', model: undefined, encoding: 'cl100k_base', file: '-' });
    const m = parseCommandLine(['models', '--open-weights', '--vendor', 'meta']);
    assert.equal(m.kind === 'models' && m.openWeights && m.vendor, 'meta');
  });
  it('rejects what it does not know with a usage error naming it', () => {
    assert.throws(() => parseCommandLine(['audit', '--bogus']), (e: Error) => e instanceof UsageError && /--bogus/.test(e.message));
    assert.throws(() => parseCommandLine(['audit', '--format', 'xml']), (e: Error) => e instanceof UsageError && /xml/.test(e.message));
    assert.throws(() => parseCommandLine(['check', '--format', 'table']), UsageError);
    assert.throws(() => parseCommandLine(['frobnicate']), /unknown command 'frobnicate'/);
    assert.throws(() => parseCommandLine(['tokens', '--model', 'gpt-4o', '--encoding', 'o200k_base']), UsageError);
  });
  it('answers help and version', () => {
    assert.deepEqual(parseCommandLine([]), { kind: 'help' });
    assert.deepEqual(parseCommandLine(['audit', '--help']), { kind: 'help', topic: 'audit' });
    assert.deepEqual(parseCommandLine(['--version']), { kind: 'version' });
  });
});

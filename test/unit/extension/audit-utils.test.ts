import * as assert from 'node:assert/strict';
import { batches, buildExcludeGlob, createGitignoreFilter, mergeAudits, rankCalls, rankGroups, totalSpend } from '../../../src/extension/audit/audit-utils';
import { makeCall } from './call-fixture';

const priced = (file: string, low: number, high: number, model = 'gpt-4o') =>
  makeCall({ file, model, cost: { ...makeCall().cost, modelId: model, monthlyMicroUsd: { low, high } } });
const unpriced = (file: string) => makeCall({ file, model: 'mystery', cost: { ...makeCall().cost, priced: false, status: 'unknown-model', modelId: null, monthlyMicroUsd: null, perCallMicroUsd: null } });

describe('audit helpers', () => {
  it('combines enabled files.exclude patterns with extra globs', () => {
    assert.equal(buildExcludeGlob({ '**/.git': true, '**/build': false, '**/*.js': { when: '$(basename).ts' } }, ['**/node_modules/**']), '{**/.git,**/node_modules/**}');
    assert.equal(buildExcludeGlob({}, ['dist']), '**/dist');
    assert.equal(buildExcludeGlob(undefined, []), undefined);
  });

  it('applies each .gitignore relative to its folder', () => {
    const ignored = createGitignoreFilter([
      { dir: '', text: 'build/\n*.gen.py\n' },
      { dir: 'svc', text: 'scratch.py\n' },
    ]);
    assert.equal(ignored('build/x.py'), true);
    assert.equal(ignored('a/b.gen.py'), true);
    assert.equal(ignored('svc/scratch.py'), true);
    assert.equal(ignored('scratch.py'), false);
    assert.equal(ignored('svc/app.py'), false);
  });

  it('batches in order', () => {
    assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(batches([], 20), []);
  });

  it('sums only priced calls and counts unpriced ones apart', () => {
    const t = totalSpend([priced('a.py', 1, 3), priced('b.py', 10, 30), unpriced('c.py')]);
    assert.deepEqual(t, { lowMicroUsd: 11, highMicroUsd: 33, calls: 3, unpricedCalls: 1 });
  });

  it('ranks files and calls by monthly spend, unpriced last', () => {
    const calls = [priced('a.py', 1, 3), priced('b.py', 10, 30), unpriced('c.py'), priced('a.py', 100, 100)];
    assert.deepEqual(
      rankGroups(calls, (c) => c.file).map((g) => g.key),
      ['a.py', 'b.py', 'c.py'],
    );
    assert.deepEqual(
      rankCalls(calls).map((c) => c.file),
      ['a.py', 'b.py', 'a.py', 'c.py'],
    );
  });

  it('merges batches and de-duplicates input issues', () => {
    const issue = { file: '.modelwise.yaml', line: 2, message: 'bad' };
    const m = mergeAudits([
      { calls: [priced('a.py', 1, 1)], files: { scanned: 20, skipped: [] }, issues: [issue] },
      { calls: [priced('b.py', 1, 1)], files: { scanned: 5, skipped: [{ file: 'big.py', reason: 'too-large' }] }, issues: [issue] },
    ]);
    assert.equal(m.calls.length, 2);
    assert.equal(m.files.scanned, 25);
    assert.equal(m.files.skipped.length, 1);
    assert.equal(m.issues.length, 1);
  });
});

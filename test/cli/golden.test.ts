import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureBuilt, fixtures, runCli } from './cli-harness';
import { assertGolden, normalise, packageVersion } from './golden';

/**
 * One golden file per report format, from an audit of the bundled sample workspace. They pin every number and word
 * the reports print; when the catalog's prices or the report layout change on purpose, refresh them with
 * `UPDATE_GOLDEN=1` and review the diff.
 */
describe('report formats (golden files, CLI child process)', function () {
  before(() => ensureBuilt());
  const sample = join(fixtures, 'sample-workspace');
  const version = packageVersion();
  const formats: [string, string][] = [
    ['table', 'audit.table.txt'],
    ['json', 'audit.json'],
    ['markdown', 'audit.md'],
    ['csv', 'audit.csv'],
    ['sarif', 'audit.sarif.json'],
    ['cyclonedx', 'audit.cdx.json'],
  ];
  for (const [format, file] of formats) {
    it(`audit --format ${format}`, () => {
      const r = runCli(['audit', sample, '--format', format]);
      assert.equal(r.code, 0, r.stderr);
      if (format !== 'table' && format !== 'markdown' && format !== 'csv') JSON.parse(r.stdout);
      assertGolden(file, normalise(r.stdout, version));
    });
  }

  it('check --format markdown on the sample workspace (every call introduced)', () => {
    const r = runCli(['check', sample, '--format', 'markdown']);
    assert.equal(r.code, 0, r.stderr);
    assertGolden('check.md', normalise(r.stdout, version));
  });
});

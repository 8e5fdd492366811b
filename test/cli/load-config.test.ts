import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFileError, formatIssue, loadWorkspaceConfig } from '../../src/node/load-config';

describe('loadWorkspaceConfig', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mw-config-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const show = (abs: string) => abs.slice(dir.length + 1);

  it('uses defaults when the workspace has no .modelwise.yaml', async () => {
    const r = await loadWorkspaceConfig(dir, undefined, show);
    assert.equal(r.config, undefined);
    assert.deepEqual(r.issues, []);
  });

  it('throws ConfigFileError for a missing explicit --config', async () => {
    await assert.rejects(loadWorkspaceConfig(dir, join(dir, 'nope.yaml'), show), ConfigFileError);
  });

  it('keeps the valid parts of a config and locates the bad entry', async () => {
    writeFileSync(join(dir, '.modelwise.yaml'), 'defaults:\n  callsPerMonth: 7\nusage:\n  - file: a.py\n    callsPerMonth: -3\n');
    const r = await loadWorkspaceConfig(dir, undefined, show);
    assert.equal(r.config?.defaults.callsPerMonth, 7);
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0]!.file, '.modelwise.yaml');
    assert.equal(r.issues[0]!.line, 5);
    assert.match(formatIssue(r.issues[0]!), /^\.modelwise\.yaml:5:\d+: /);
  });
});

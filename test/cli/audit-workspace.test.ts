import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { createEngine } from '../../src/core/index';
import { auditWorkspace } from '../../src/node/audit-workspace';
import { loadWorkspaceConfig } from '../../src/node/load-config';
import { testCatalog, testParsers } from '../helpers/engine';
import { fixtures } from './cli-harness';

describe('auditWorkspace (in process)', function () {
  this.timeout(120_000);
  const root = join(fixtures, 'sample-workspace');

  async function engine() {
    const loaded = await loadWorkspaceConfig(root, undefined, (p) => p);
    return createEngine({ parsers: await testParsers(), catalog: testCatalog(), config: loaded.config, configIssues: loaded.issues });
  }

  it('audits a directory with paths relative to the base', async () => {
    const r = await auditWorkspace({ roots: [root], base: root, engine: await engine() });
    assert.equal(r.workersUsed, 0);
    assert.equal(r.result.files.scanned, 13);
    assert.ok(r.result.calls.some((c) => c.file === 'service/app/summarize.py' && c.model === 'gpt-4o'));
    assert.ok(r.bytes > 5000);
  });

  it('audits a single file relative to its directory', async () => {
    const file = join(root, 'service', 'app', 'summarize.py');
    const r = await auditWorkspace({ roots: [file], base: join(root, 'service', 'app'), engine: await engine() });
    assert.deepEqual(r.result.calls.map((c) => `${c.file}:${c.model}`), ['summarize.py:gpt-4o']);
  });

  it('falls back to the main thread when a worker cannot start, with the same answer', async () => {
    const eng = await engine();
    const plain = await auditWorkspace({ roots: [root], base: root, engine: eng });
    const broken = await auditWorkspace({
      roots: [root],
      base: root,
      engine: eng,
      workers: { script: join(root, 'no-such-worker.js'), count: 1, minBytes: 64, catalog: testCatalog() },
    });
    assert.equal(broken.workersUsed, 1);
    assert.deepEqual(broken.result.calls.map((c) => `${c.file}:${c.line}:${c.model}`), plain.result.calls.map((c) => `${c.file}:${c.line}:${c.model}`));
    assert.equal(broken.result.files.scanned, plain.result.files.scanned);
  });
});

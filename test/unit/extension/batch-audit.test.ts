import * as assert from 'node:assert/strict';
import type { AuditResult } from '../../../src/core/types';
import { auditInBatches, type AuditFn, type AuditSource } from '../../../src/extension/audit/batch-audit';
import { makeCall } from './call-fixture';

/**
 * A stand-in for auditTexts: one call per file. `MODEL=x` defines a constant; `from b import MODEL` uses it and
 * resolves only when b.py is in the same run (as the engine's cross-file resolution does). Honours the signal
 * between files like the engine.
 */
const fakeAudit: AuditFn = (files, opts) => {
  const defs = new Map(files.filter((f) => f.text.startsWith('MODEL=')).map((f) => [f.path.replace(/\.py$/, ''), f.text.slice(6)]));
  const result: AuditResult = { calls: [], files: { scanned: 0, skipped: [] }, issues: [] };
  for (let i = 0; i < files.length; i++) {
    if (opts.signal?.aborted) {
      result.partial = { done: i, total: files.length };
      break;
    }
    const f = files[i]!;
    result.files.scanned++;
    const imp = /^from (\w+) import MODEL/.exec(f.text);
    if (imp) {
      const model = defs.get(imp[1]!) ?? null;
      result.calls.push(makeCall({ id: `${f.path}:1`, file: f.path, model, modelSource: model ? 'import' : 'unknown', modelImport: { module: imp[1]!, name: 'MODEL' } }));
    } else if (!f.text.startsWith('MODEL=')) {
      result.calls.push(makeCall({ id: `${f.path}:1`, file: f.path, model: f.text }));
    }
  }
  return result;
};

const source = (path: string, text: string): AuditSource => ({ path, read: async () => ({ text }) });
const many = (n: number) => Array.from({ length: n }, (_, i) => source(`f${String(i).padStart(3, '0')}.py`, 'gpt-4o'));

describe('batched audit', () => {
  it('reads in batches of 20, reports progress after each, and yields between them', async () => {
    const progress: [number, number][] = [];
    let yields = 0;
    const out = await auditInBatches(many(45), fakeAudit, { onProgress: (d, t) => progress.push([d, t]), yieldBetween: async () => void yields++ });
    assert.deepEqual(progress, [
      [0, 45],
      [20, 45],
      [40, 45],
      [45, 45],
    ]);
    assert.equal(yields, 3);
    assert.equal(out.result.calls.length, 45);
    assert.equal(out.result.files.scanned, 45);
    assert.equal(out.result.partial, undefined);
  });

  it('keeps what was done when cancelled between batches and labels it partial', async () => {
    const controller = new AbortController();
    const out = await auditInBatches(many(45), fakeAudit, { signal: controller.signal, yieldBetween: async () => controller.abort() });
    assert.equal(out.cancelled, true);
    assert.deepEqual(out.result.partial, { done: 20, total: 45 });
    assert.equal(out.result.calls.length, 20);
  });

  it('counts only the files the engine reached when cancelled inside a batch', async () => {
    const controller = new AbortController();
    const sources = many(30).map((s, i) => (i === 5 ? { ...s, read: async () => (controller.abort(), { text: 'gpt-4o' }) } : s));
    const out = await auditInBatches(sources, fakeAudit, { signal: controller.signal });
    assert.deepEqual(out.result.partial, { done: 0, total: 30 });
    assert.equal(out.result.calls.length, 0);
  });

  it('resolves a model constant defined in a file of another batch', async () => {
    const sources = [source('a.py', 'from b import MODEL'), ...many(25), source('b.py', 'MODEL=gpt-4o-mini')];
    const out = await auditInBatches(sources, fakeAudit);
    const a = out.result.calls.find((c) => c.file === 'a.py')!;
    assert.equal(a.model, 'gpt-4o-mini');
    assert.equal(out.result.calls.length, 26);
  });

  it('records unreadable and skipped files without stopping', async () => {
    const sources: AuditSource[] = [
      source('ok.py', 'gpt-4o'),
      { path: 'gone.py', read: async () => Promise.reject(new Error('ENOENT')) },
      { path: 'big.py', read: async () => ({ skip: 'too-large' }) },
    ];
    const out = await auditInBatches(sources, fakeAudit);
    assert.deepEqual(out.result.files.skipped, [
      { file: 'gone.py', reason: 'unreadable' },
      { file: 'big.py', reason: 'too-large' },
    ]);
    assert.equal(out.result.calls.length, 1);
  });
});

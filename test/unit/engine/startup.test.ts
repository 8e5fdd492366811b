import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const coreIndex = join(__dirname, '..', '..', '..', 'src', 'core', 'index.js');

describe('engine start-up', () => {
  it('loads no tokenizer ranks until the first token count', function () {
    this.timeout(20000);
    const script = `
      const t0 = process.hrtime.bigint();
      const core = require(${JSON.stringify(coreIndex)});
      core.createEngine({ parsers: { get: () => undefined }, catalog: { updated: '2026-01-01', models: [], licenses: [] } });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const ranks = () => Object.keys(require.cache).filter((k) => /js-tiktoken[\\\\/].*ranks/.test(k)).length;
      const before = ranks();
      const count = core.countTokens('hello world', 'o200k_base').count;
      console.log(JSON.stringify({ ms, before, after: ranks(), count }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { ms: number; before: number; after: number; count: number };
    console.log(`      require(core) + createEngine: ${out.ms.toFixed(1)} ms (unbundled, cold)`);
    assert.equal(out.before, 0);
    assert.equal(out.after, 1);
    assert.equal(out.count, 2);
  });
});

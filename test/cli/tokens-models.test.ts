import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './cli-harness';
import { packageVersion } from './golden';

interface ListedModel {
  id: string;
  name: string;
  vendor: string;
  openWeights: boolean;
  aliases: string[];
  license: { id: string; spdx?: string | null; terms?: { mauCap?: { value: number | null } } };
  sources: { url: string; asOf: string }[];
  offers: { host: string; inputPerMTok?: number; outputPerMTok?: number; source: string; asOf: string }[];
}

describe('modelwise tokens / models / --version (CLI, child process)', function () {
  before(() => ensureBuilt());

  // Counts published from OpenAI's own tiktoken (OpenAI cookbook "How to count tokens with tiktoken").
  it('counts cl100k_base tokens exactly as tiktoken does', () => {
    const r = runCli(['tokens', '--encoding', 'cl100k_base', '-'], { input: 'tiktoken is great!' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '6\n');
  });

  it('uses the model\'s tokenizer with --model (gpt-4 → cl100k_base)', () => {
    const r = runCli(['tokens', '--model', 'gpt-4', '-'], { input: 'The Los Angeles Dodgers won the World Series in 2020.' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '13\n');
  });

  it('reads a FILE argument (o200k_base by default)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-tokens-'));
    try {
      writeFileSync(join(dir, 'prompt.txt'), 'Hello, world!');
      const r = runCli(['tokens', join(dir, 'prompt.txt')]);
      assert.equal(r.code, 0, r.stderr);
      // "Hello" "," " world" "!" in o200k_base as in cl100k_base ([9906, 11, 1917, 0] there).
      assert.equal(r.stdout, '4\n');
      const missing = runCli(['tokens', join(dir, 'nope.txt')]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no such file or directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('labels a non-OpenAI count as an estimate with its band', () => {
    const r = runCli(['tokens', '--model', 'claude-haiku-4-5', '-'], { input: 'Summarize the following meeting notes in three bullet points.' });
    assert.equal(r.code, 0, r.stderr);
    const m = /^(\d+)\t\(estimate for claude: (\d+)–(\d+);/.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.ok(Number(m[2]) <= Number(m[1]) && Number(m[1]) <= Number(m[3]));
  });

  it('refuses an unknown model or encoding with exit 2', () => {
    const r = runCli(['tokens', '--model', 'no-such-model-xyz', '-'], { input: 'x' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no-such-model-xyz/);
    assert.equal(runCli(['tokens', '--encoding', 'p99k', '-'], { input: 'x' }).code, 2);
  });

  it('lists the catalog as { models: [...] } with license terms, sources and offers', () => {
    const r = runCli(['models', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const { models } = JSON.parse(r.stdout) as { models: ListedModel[] };
    assert.ok(models.length > 20, `${models.length} models`);
    for (const m of models) {
      assert.equal(typeof m.id, 'string');
      assert.equal(typeof m.name, 'string');
      assert.equal(typeof m.vendor, 'string');
      assert.equal(typeof m.openWeights, 'boolean');
      assert.ok(Array.isArray(m.aliases));
      assert.equal(typeof m.license.id, 'string');
      assert.ok(m.sources.length > 0, `${m.id} has sources`);
      for (const o of m.offers) assert.ok(o.source.startsWith('http') && /^\d{4}-\d{2}/.test(o.asOf), `${m.id}@${o.host} is sourced`);
    }
    const gpt4o = models.find((m) => m.id === 'gpt-4o');
    assert.ok(gpt4o && gpt4o.vendor === 'openai' && !gpt4o.openWeights);
    assert.ok(gpt4o.offers.some((o) => o.host === 'openai' && o.inputPerMTok === 2.5 && o.outputPerMTok === 10));
    const maverick = models.find((m) => m.id === 'llama-4-maverick');
    assert.equal(maverick?.license.terms?.mauCap?.value, 700_000_000);
  });

  it('filters by open weights, vendor and license', () => {
    const open = JSON.parse(runCli(['models', '--format', 'json', '--open-weights']).stdout) as { models: ListedModel[] };
    assert.ok(open.models.length > 0 && open.models.every((m) => m.openWeights));
    const meta = JSON.parse(runCli(['models', '--format', 'json', '--vendor', 'meta']).stdout) as { models: ListedModel[] };
    assert.ok(meta.models.some((m) => m.id === 'llama-4-maverick') && meta.models.every((m) => m.vendor === 'meta'));
    const apache = JSON.parse(runCli(['models', '--format', 'json', '--license', 'Apache-2.0']).stdout) as { models: ListedModel[] };
    assert.ok(apache.models.some((m) => m.id === 'gemma-4-31b-it'));
    assert.ok(apache.models.every((m) => m.license.spdx === 'Apache-2.0' || m.license.id.toLowerCase() === 'apache-2.0'));
  });

  it('prints a readable table by default', () => {
    const r = runCli(['models', '--vendor', 'meta']);
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^model\s+vendor\s+open\s+license/);
    assert.ok(lines.some((l) => /^llama-4-maverick\s+meta\s+yes\s+llama-4-community/.test(l)), r.stdout);
  });

  it('prints the package version and help', () => {
    assert.equal(runCli(['--version']).stdout, `${packageVersion()}\n`);
    const help = runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /modelwise audit \[PATH\.\.\.\]/);
    assert.match(runCli(['check', '--help']).stdout, /--base REF/);
  });
});

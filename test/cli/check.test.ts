import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuilt, git, runCli } from './cli-harness';

interface SarifLog {
  version: string;
  runs: {
    results: {
      ruleId?: string;
      level?: string;
      message: { text: string };
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
      properties?: Record<string, unknown>;
    }[];
  }[];
}

/** A throwaway repository: `main` holds `base`, branch `change` holds `head` (files by relative path). */
function repo(base: Record<string, string>, head: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mw-check-'));
  const write = (files: Record<string, string | null>) => {
    for (const [rel, text] of Object.entries(files)) {
      const p = join(dir, rel);
      if (text === null) rmSync(p, { force: true });
      else {
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, text);
      }
    }
  };
  git(dir, 'init', '-q', '-b', 'main');
  write(base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'checkout', '-q', '-b', 'change');
  write(head);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'change');
  return dir;
}

const config = (mau: number) => `usage:
  - file: app/digest.py
    callsPerMonth: 30000
  - file: app/summarize.py
    callsPerMonth: 200000
    outputTokens: 200
policy:
  monthlyActiveUsers: ${mau}
  trainOnOutputs: false
`;

const summarizeWith = (client: string, model: string) => `from openai import OpenAI

client = ${client}


def summarize(ticket: str) -> str:
    out = client.chat.completions.create(
        model="${model}",
        temperature=0,
        max_tokens=300,
        messages=[
            {"role": "system", "content": "Summarize the support ticket in two sentences for the on-call engineer."},
            {"role": "user", "content": ticket},
        ],
    )
    return out.choices[0].message.content
`;

const LLAMA_CALL = `from together import Together

client = Together()


def digest(text: str) -> str:
    resp = client.chat.completions.create(
        model="meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
        messages=[{"role": "user", "content": "Write a weekly digest of these notes: " + text}],
    )
    return resp.choices[0].message.content
`;

describe('modelwise check --base (CLI, temporary git repositories)', function () {
  before(() => ensureBuilt());
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe('(a) a change that adds a Llama 4 Maverick call', () => {
    const llamaLine = LLAMA_CALL.split('\n').findIndex((l) => l.includes('completions.create(')) + 1;

    it('fails at 1 billion MAU, with a SARIF result at the call citing the 700M clause', () => {
      const dir = repo({ '.modelwise.yaml': config(1_000_000_000), 'app/__init__.py': '' }, { 'app/digest.py': LLAMA_CALL });
      dirs.push(dir);
      const r = runCli(['check', dir, '--base', 'main', '--format', 'sarif']);
      assert.equal(r.code, 1, `stderr: ${r.stderr}`);
      const sarif = JSON.parse(r.stdout) as SarifLog;
      assert.equal(sarif.version, '2.1.0');
      const at = sarif.runs[0]!.results.filter((res) =>
        res.locations?.some((l) => l.physicalLocation.artifactLocation.uri === 'app/digest.py' && l.physicalLocation.region?.startLine === llamaLine),
      );
      assert.ok(at.length > 0, `no result at app/digest.py:${llamaLine}: ${JSON.stringify(sarif.runs[0]!.results.map((x) => x.locations))}`);
      assert.ok(at.some((res) => /700 million/.test(JSON.stringify(res))), JSON.stringify(at, null, 1));
      assert.match(r.stderr, new RegExp(`app/digest\\.py:${llamaLine}:\\d+: LICENSE_MAU_CAP \\(llama-4-maverick\\)`));
      assert.equal(git(dir, 'worktree', 'list').trim().split('\n').length, 1, 'the temporary base worktree is removed');
    });

    it('passes at 1 million MAU', () => {
      const dir = repo({ '.modelwise.yaml': config(1_000_000), 'app/__init__.py': '' }, { 'app/digest.py': LLAMA_CALL });
      dirs.push(dir);
      const r = runCli(['check', dir, '--base', 'main', '--format', 'sarif']);
      assert.equal(r.code, 0, `stderr: ${r.stderr}`);
      const sarif = JSON.parse(r.stdout) as SarifLog;
      assert.ok(!sarif.runs[0]!.results.some((res) => res.level === 'error'), JSON.stringify(sarif.runs[0]!.results));
    });
  });

  describe('(b) a change that swaps GPT-4o for Gemma 4 on a summarization call', () => {
    let dir: string;
    before(() => {
      dir = repo(
        { '.modelwise.yaml': config(1_000_000), 'app/summarize.py': summarizeWith('OpenAI()', 'gpt-4o') },
        { 'app/summarize.py': summarizeWith('OpenAI(base_url="https://openrouter.ai/api/v1")', 'google/gemma-4-26b-a4b-it') },
      );
      dirs.push(dir);
    });

    it('passes and carries the spend of base and head in JSON, with the saving as a negative delta', () => {
      const r = runCli(['check', dir, '--base', 'main', '--format', 'json']);
      assert.equal(r.code, 0, `stderr: ${r.stderr}`);
      const report = JSON.parse(r.stdout) as { spend: { baseMonthlyUsd: number; headMonthlyUsd: number; deltaMonthlyUsd: number } };
      const { baseMonthlyUsd, headMonthlyUsd, deltaMonthlyUsd } = report.spend;
      assert.ok(baseMonthlyUsd > 0 && headMonthlyUsd > 0, JSON.stringify(report.spend));
      assert.ok(headMonthlyUsd < baseMonthlyUsd / 10, `Gemma 4 on OpenRouter costs far less than GPT-4o: ${JSON.stringify(report.spend)}`);
      assert.ok(Math.abs(deltaMonthlyUsd - (headMonthlyUsd - baseMonthlyUsd)) < 0.01);
    });

    it('prints a Markdown summary that names both models and the saving', () => {
      const r = runCli(['check', dir, '--base', 'main']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /gpt-4o/);
      assert.match(r.stdout, /gemma-4-26b-a4b-it/);
      const saving = /saves \$([\d,.]+)/.exec(r.stdout);
      assert.ok(saving, `the swap shows its saving: ${r.stdout}`);
      const json = JSON.parse(runCli(['check', dir, '--base', 'main', '--format', 'json']).stdout) as { spend: { deltaMonthlyUsd: number } };
      assert.ok(Math.abs(Number(saving[1]!.replace(/,/g, '')) + json.spend.deltaMonthlyUsd) < 0.01, 'the saving shown is the spend delta');
    });

    it('audits the base from git, not from the working tree', () => {
      const before = readFileSync(join(dir, 'app/summarize.py'), 'utf8');
      const r = runCli(['check', dir, '--base', 'change', '--format', 'json']);
      const report = JSON.parse(r.stdout) as { spend: { deltaMonthlyUsd: number } };
      assert.equal(report.spend.deltaMonthlyUsd, 0, 'base == head when the ref is the checked-out commit');
      assert.equal(readFileSync(join(dir, 'app/summarize.py'), 'utf8'), before);
    });
  });

  it('checks a subdirectory against the same subdirectory at the base, and a new directory as all new', () => {
    const dir = repo(
      { 'svc/.modelwise.yaml': config(1_000_000_000), 'svc/app/__init__.py': '', 'other/x.py': LLAMA_CALL },
      { 'svc/app/digest.py': LLAMA_CALL, 'fresh/app/digest.py': LLAMA_CALL },
    );
    dirs.push(dir);
    const sub = runCli(['check', join(dir, 'svc'), '--base', 'main', '--format', 'json']);
    assert.equal(sub.code, 1, sub.stderr);
    const report = JSON.parse(sub.stdout) as { calls: { added: { file: string }[]; removed: unknown[] } };
    assert.deepEqual(report.calls.added.map((c) => c.file), ['app/digest.py'], 'other/x.py is outside the checked path');
    assert.equal(report.calls.removed.length, 0);
    const fresh = runCli(['check', join(dir, 'fresh'), '--base', 'main', '--format', 'json']);
    assert.equal(fresh.code, 0, `no config in fresh/: no MAU policy, so the Llama call passes; stderr: ${fresh.stderr}`);
    assert.deepEqual((JSON.parse(fresh.stdout) as { calls: { added: { file: string }[] } }).calls.added.map((c) => c.file), ['app/digest.py']);
  });

  it('exits 2 for an unknown ref or a directory outside git', () => {
    const dir = repo({ 'a.py': 'x = 1\n' }, {});
    dirs.push(dir);
    const bad = runCli(['check', dir, '--base', 'no-such-branch']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown git ref 'no-such-branch'/);
    const plain = mkdtempSync(join(tmpdir(), 'mw-plain-'));
    dirs.push(plain);
    const outside = runCli(['check', plain, '--base', 'main']);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /not inside a git repository/);
  });

  it('exits 2 when the policy cannot be read', () => {
    const dir = repo({ '.modelwise.yaml': 'policy:\n  monthlyActiveUsers: lots\n', 'a.py': 'x = 1\n' }, {});
    dirs.push(dir);
    const r = runCli(['check', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.modelwise\.yaml:2:\d+: /);
  });
});

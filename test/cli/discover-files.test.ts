import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { classifyContent } from '../../src/node/classify-content';
import { syncFileIo } from '../../src/node/file-io';
import { readWorkspace } from '../../src/node/read-workspace';

const isSource = (rel: string) => /\.(py|ts|tsx|js|jsx|mjs|cjs|ipynb)$/.test(rel);

function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'mw-discover-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

describe('readWorkspace (file discovery)', () => {
  let root: string;
  before(() => {
    const minified = 'a=1;b=f(a);'.repeat(220);
    root = tree({
      'app/main.py': 'print("hi")\n',
      'app/notes.md': '# not a source\n',
      '.gitignore': 'secret.py\ngenerated/\n',
      'secret.py': 'x = 1\n',
      'generated/out.py': 'x = 1\n',
      'web/.gitignore': '*.gen.ts\n!keep.gen.ts\n',
      'web/a.gen.ts': 'export {}\n',
      'web/keep.gen.ts': 'export {}\n',
      'web/page.tsx': 'export default 1\n',
      'node_modules/openai/index.js': 'module.exports = 1\n',
      'env/pyvenv.cfg': 'home = /usr\n',
      'env/lib/x.py': 'x = 1\n',
      'static/app.min.js': 'var a=1;\n',
      'static/bundle.js': minified,
      'data/blob.py': new Uint8Array([120, 0, 1, 2, 3]),
      'big.py': 'x = 1\n'.repeat(600),
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads sources and reports every skipped file with its reason', async () => {
    const r = await readWorkspace(root, { isSource, maxFileBytes: 2500 });
    assert.deepEqual(r.texts.map((t) => t.path).sort(), ['app/main.py', 'web/keep.gen.ts', 'web/page.tsx']);
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.file, s.reason]));
    assert.deepEqual(reasons, {
      'secret.py': 'ignored',
      'generated/': 'ignored',
      'web/a.gen.ts': 'ignored',
      'node_modules/': 'ignored',
      'env/': 'ignored',
      'static/app.min.js': 'minified',
      'static/bundle.js': 'minified',
      'data/blob.py': 'binary',
      'big.py': 'too-large',
    });
    assert.equal(r.texts.find((t) => t.path === 'app/main.py')?.text, 'print("hi")\n');
  });

  it('finds the same files with synchronous file access', async () => {
    const a = await readWorkspace(root, { isSource, maxFileBytes: 2500 });
    const b = await readWorkspace(root, { isSource, maxFileBytes: 2500, io: syncFileIo });
    assert.deepEqual(b.texts, a.texts);
    assert.deepEqual(b.skipped, a.skipped);
  });

  it('reads everything .gitignore hides when gitignore is off', async () => {
    const r = await readWorkspace(root, { isSource, useGitignore: false });
    const paths = r.texts.map((t) => t.path);
    assert.ok(paths.includes('secret.py') && paths.includes('generated/out.py') && paths.includes('web/a.gen.ts'));
    assert.ok(paths.includes('big.py'), 'under the default 1 MiB limit');
  });
});

describe('classifyContent', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('keeps ordinary code, even with one long line', () => {
    const code = Array.from({ length: 200 }, (_, i) => `x${i} = call(${i})`).join('\n') + '\n' + 'y = "' + 'a'.repeat(2500) + '"\n';
    assert.equal(classifyContent('a.py', enc(code)), undefined);
  });
  it('calls dense long-line JavaScript minified, but never Python or a notebook', () => {
    const text = ('var a={' + 'b:1,'.repeat(600) + 'c:2};\n').repeat(10);
    assert.equal(classifyContent('x.js', enc(text)), 'minified');
    assert.equal(classifyContent('x.ts', enc(text)), 'minified');
    assert.equal(classifyContent('x.py', enc(text)), undefined);
    assert.equal(classifyContent('x.ipynb', enc(text)), undefined);
  });
  it('keeps files whose long lines are prompts written on one line', () => {
    const prompt = 'You are a careful assistant that summarizes support tickets for the on-call engineer. '.repeat(40);
    const py = `SYSTEM = "${prompt}"\n\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n`;
    assert.equal(classifyContent('prompts.py', enc(py)), undefined);
    const ts = `const SYSTEM = '${prompt}';\nawait openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }] });\n`;
    assert.equal(classifyContent('route.ts', enc(ts)), undefined);
  });
  it('finds a NUL byte only in the first 8 KiB', () => {
    const late = new Uint8Array(10000).fill(10);
    late[9000] = 0;
    assert.equal(classifyContent('a.py', late), undefined);
    late[10] = 0;
    assert.equal(classifyContent('a.py', late), 'binary');
  });
});

describe('readWorkspace and symlinks', () => {
  it('reads a linked file, and reports a linked directory instead of following it', async () => {
    const root = tree({ 'real/a.py': 'x = 1\n' });
    try {
      symlinkSync(join(root, 'real'), join(root, 'loop'));
      symlinkSync(join(root, 'real', 'a.py'), join(root, 'b.py'));
      const r = await readWorkspace(root, { isSource });
      assert.deepEqual(r.texts.map((t) => t.path).sort(), ['b.py', 'real/a.py']);
      assert.deepEqual(r.skipped, [{ file: 'loop/', reason: 'ignored' }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('readWorkspace inside a repository', () => {
  it('applies the .gitignore files above the audited directory up to the repository top', async () => {
    const root = tree({
      '.git/info/exclude': 'excluded.py\n',
      '.gitignore': 'generated_*.py\n',
      'outside/.gitignore': 'sub/skip.py\n',
      'outside/sub/keep.py': 'x = 1\n',
      'outside/sub/skip.py': 'x = 1\n',
      'outside/sub/generated_a.py': 'x = 1\n',
      'outside/sub/excluded.py': 'x = 1\n',
    });
    try {
      const r = await readWorkspace(join(root, 'outside', 'sub'), { isSource });
      assert.deepEqual(r.texts.map((t) => t.path), ['keep.py']);
      assert.deepEqual(r.skipped.map((s) => s.file).sort(), ['excluded.py', 'generated_a.py', 'skip.py']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import { countTokens } from '../../../src/core/estimate/tokens';

const repo = join(__dirname, '..', '..', '..', '..');
type Ranks = ConstructorParameters<typeof Tiktoken>[0];
const load = (mod: Ranks | { default: Ranks }): Ranks => ('default' in mod ? mod.default : mod);
// CommonJS require: the ranks subpaths are package exports that `moduleResolution: node` cannot type.
const o200k = load(require('js-tiktoken/ranks/o200k_base') as Ranks);
const cl100k = load(require('js-tiktoken/ranks/cl100k_base') as Ranks);

/** Text files under `dir` (recursively), up to `budget` characters in all. */
function corpus(dirs: string[], budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (used > budget) return;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.size < 200_000 && /\.(ts|py|js|tsx|md|yaml|json|ipynb)$/.test(name)) {
        const text = readFileSync(p, 'utf8');
        out.push(text);
        used += text.length;
      }
    }
  };
  for (const d of dirs) walk(join(repo, d));
  return out;
}

const SAMPLES = [
  'hello world',
  '  leading spaces and trailing   \n\n\n\t\ttabs',
  'Mixed CRLF\r\nlines\r\n\r\n',
  '日本語のテキストとカタカナ、ひらがな。漢字も含む。',
  '中文文本测试：模型的价格与许可证。',
  'النص العربي مع أرقام ١٢٣ و 456',
  'Emoji 🦊🚀👩‍💻 and flags 🇪🇺🇺🇸, combining é vs é',
  "Numbers 1234567890 3.14159 -42 1e-9 0xDEADBEEF and contractions don't we'll I'M",
  '<|endoftext|> special-token text counted as text <|fim_prefix|>',
  'a'.repeat(3000),
  ' '.repeat(500) + 'x',
  'supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis',
  '```python\nfor i in range(10):\n    print(f"{i:>4}")\n```',
];

describe('BPE counting (bpe-count.ts) equals js-tiktoken', function () {
  this.timeout(120_000);
  const texts = [...SAMPLES, ...corpus(['src/core', 'catalog', 'test/fixtures/corpus'], 600_000)];

  for (const [name, ranks] of [
    ['o200k_base', o200k],
    ['cl100k_base', cl100k],
  ] as const) {
    it(`counts every text exactly like js-tiktoken (${name})`, () => {
      const ref = new Tiktoken(ranks);
      let tokens = 0;
      const mismatches: string[] = [];
      for (const t of texts) {
        const expected = ref.encode(t, [], []).length;
        const actual = countTokens(t, name).count;
        tokens += expected;
        if (actual !== expected) mismatches.push(`${JSON.stringify(t.slice(0, 40))}: ${actual} vs ${expected}`);
      }
      assert.deepEqual(mismatches, []);
      assert.ok(tokens > 100_000, `only ${tokens} tokens compared`);
    });
  }
});

import { strict as assert } from 'node:assert';
import { analyzeText, createEngine, type Engine } from '../../../src/core/index';
import { analyzeCall } from '../../../src/core/estimate/analyze-call';
import { diffTexts } from '../../../src/core/scan/incremental';
import { slideBlankEdit } from '../../../src/core/scan/trivia-edit';
import type { LanguageId } from '../../../src/core/types';
import { testCatalog, testParsers } from '../../helpers/engine';

const PY = `import os
from openai import OpenAI
import anthropic

# Shared clients.
client = OpenAI()
claude = anthropic.Anthropic()
FAST = "gpt-4o-mini"


def summarize(text):
    # modelwise: routine
    r = client.chat.completions.create(
        model=FAST,  # the cheap one
        messages=[{"role": "user", "content": "Summarize: " + text}],
        max_tokens=200,
    )
    return r.choices[0].message.content


def classify(items):
    out = []
    for item in items:
        m = claude.messages.create(model="claude-sonnet-4-5", max_tokens=50, messages=[{"role": "user", "content": item}])
        out.append(m)
    return out


def embed(texts):
    return client.embeddings.create(model="text-embedding-3-small", input=texts)
`;

const TS = `import OpenAI from 'openai';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const client = new OpenAI();

// A helper.
export async function ask(q: string) {
  const r = await client.chat.completions.create({
    model: 'gpt-4.1', // pinned
    messages: [{ role: 'user', content: 'Answer: ' + q }],
  });
  return r.choices[0].message.content;
}

export async function draft(topic: string) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: 'Draft a post about ' + topic });
  return text;
}
`;

/** mulberry32: deterministic edits. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of a kind an editor produces: comments, blank lines, markers, prompt text, model ids, code. */
function randomEdit(text: string, r: () => number, comment: string): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  const line = lines[i]!;
  switch (Math.floor(r() * 12)) {
    case 11: // delete a line (often breaking the syntax for a while)
      lines.splice(i, 1);
      break;
    case 9: // typing or deleting inside some string literal
    case 10: {
      const strings = [...text.matchAll(/(["'])([^"'\\\n{}$]{3,})\1/g)];
      const m = strings[Math.floor(r() * strings.length)];
      if (!m) break;
      const at = m.index! + 1 + Math.floor(r() * m[2]!.length) + 1;
      return r() < 0.7 ? `${text.slice(0, at)}${'xyz -'[Math.floor(r() * 5)]}${text.slice(at)}` : `${text.slice(0, at - 1)}${text.slice(at)}`;
    }
    case 0: // comment at a line end
      lines[i] = `${line}  ${comment} note ${i}`;
      break;
    case 1: // blank line
      lines.splice(i, 0, '');
      break;
    case 2: // remove a blank line
      {
        const j = lines.findIndex((l, k) => k >= i && l.trim() === '');
        if (j >= 0) lines.splice(j, 1);
      }
      break;
    case 3: // edit inside an existing comment
      {
        const j = lines.findIndex((l, k) => k >= i && l.includes(comment) && !l.includes('modelwise'));
        if (j >= 0) lines[j] = `${lines[j]} more words`;
      }
      break;
    case 4: // a class marker above some line
      lines.splice(i, 0, `${line.match(/^\s*/)![0]}${comment} modelwise: ${r() < 0.5 ? 'frontier' : 'routine'}`);
      break;
    case 5: // prompt text
      return text.replace(/(Summarize|Answer|Draft a post about)/, (m) => `${m} carefully`);
    case 6: // model id
      return text.replace(/gpt-4o-mini|gpt-4\.1|gpt-4o'/, (m) => (m.endsWith("'") ? "gpt-4.1-mini'" : m === 'gpt-4.1' ? 'gpt-4o' : 'gpt-4.1-nano'));
    case 7: // trailing spaces
      lines[i] = `${line}   `;
      break;
    default: // a code line
      lines.splice(i, 0, `${line.match(/^\s*/)![0]}x_${i} = ${i}`);
  }
  return lines.join('\n');
}

async function engines(): Promise<{ warm: Engine; fresh: () => Engine }> {
  const parsers = await testParsers();
  const catalog = testCatalog();
  return { warm: createEngine({ parsers, catalog }), fresh: () => createEngine({ parsers, catalog }) };
}

describe('perf: incremental re-analysis', () => {
  it('diffTexts finds the single edited region', () => {
    assert.deepEqual(diffTexts('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(diffTexts('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(diffTexts('hello world', 'hello'), { start: 5, oldEnd: 11, newEnd: 5 });
    assert.equal(diffTexts('same', 'same'), undefined);
    // Long texts (compared a chunk at a time): the region is still exact, also next to chunk boundaries.
    const long = 'x'.repeat(5000) + 'abc' + 'y'.repeat(3000);
    assert.deepEqual(diffTexts(long, long.replace('abc', 'aXc')), { start: 5001, oldEnd: 5002, newEnd: 5002 });
    assert.deepEqual(diffTexts('q'.repeat(2048) + 'z'.repeat(2048), 'q'.repeat(2048) + '!' + 'z'.repeat(2048)), { start: 2048, oldEnd: 2048, newEnd: 2049 });
    assert.deepEqual(diffTexts('a'.repeat(3000), 'a'.repeat(2000)), { start: 2000, oldEnd: 3000, newEnd: 2000 });
  });

  it('slideBlankEdit moves a blank insertion or deletion left to the line break it repeats', () => {
    const a = 'x = 1\n\n\ndef f(): pass\n';
    const b = 'x = 1\n\n\n\ndef f(): pass\n';
    assert.deepEqual(diffTexts(a, b), { start: 8, oldEnd: 8, newEnd: 9 });
    assert.deepEqual(slideBlankEdit(a, b, diffTexts(a, b)!), { start: 5, oldEnd: 5, newEnd: 6 });
    assert.deepEqual(slideBlankEdit(b, a, diffTexts(b, a)!), { start: 5, oldEnd: 6, newEnd: 5 });
    // Not blank, or a replacement: unchanged.
    assert.deepEqual(slideBlankEdit('aab', 'aaab', { start: 2, oldEnd: 2, newEnd: 3 }), { start: 2, oldEnd: 2, newEnd: 3 });
    assert.deepEqual(slideBlankEdit('a  b', 'a\tb', { start: 1, oldEnd: 3, newEnd: 2 }), { start: 1, oldEnd: 3, newEnd: 2 });
  });

  /** Three copies of the Python sample (functions renamed): more top-level statements to reuse around an edit. */
  const PY3 = [1, 2, 3].map((i) => PY.replace(/def (\w+)/g, `def $1_${i}`)).join('\n');
  for (const [name, lang, file, src, comment] of [
    ['Python', 'python', 'svc/app.py', PY, '#'],
    ['Python (larger)', 'python', 'svc/big.py', PY3, '#'],
    ['TypeScript', 'typescript', 'web/ask.ts', TS, '//'],
  ] as const) {
    it(`${name}: every re-analysis after a random edit equals a cold analysis of the new text`, async () => {
      const { warm, fresh } = await engines();
      const r = rng(name.length * 7919);
      let text: string = src;
      const paths: Record<string, number> = {};
      const run = warm.cache.incremental.run.bind(warm.cache.incremental);
      warm.cache.incremental.run = (...args) => {
        const out = run(...args);
        paths[out.reused] = (paths[out.reused] ?? 0) + 1;
        return out;
      };
      const first = analyzeText(text, { languageId: lang as LanguageId, fileName: file }, warm);
      assert.ok(first.length >= 2, `expected calls in the ${name} sample, got ${first.length}`);
      for (let step = 0; step < 60; step++) {
        text = randomEdit(text, r, comment);
        const incremental = analyzeText(text, { languageId: lang as LanguageId, fileName: file }, warm);
        const cold = analyzeText(text, { languageId: lang as LanguageId, fileName: file }, fresh());
        assert.deepStrictEqual(incremental, cold, `step ${step}: results differ after the edit`);
      }
      // Both the shifted path (trivia edits) and the re-scan path (code edits) were exercised.
      assert.ok((paths['shifted'] ?? 0) >= 5 && (paths['calls'] ?? 0) >= 3 && (paths['copy'] ?? 0) >= 5, JSON.stringify(paths));
    });
  }

  it('comment and blank-line edits reuse the previous scan, shifted; code edits scan again', async () => {
    const { warm } = await engines();
    const parser = warm.parsers.get('python')!;
    const inc = warm.cache.incremental;
    const analyze = (c: Parameters<typeof analyzeCall>[0]) => analyzeCall(c, warm);
    const first = inc.run('a.py', PY, 'python', parser, analyze);
    assert.equal(first.reused, 'none');
    const blank = PY.replace('\n\ndef summarize', '\n\n\n\ndef summarize');
    const b = inc.run('a.py', blank, 'python', parser, analyze);
    assert.equal(b.reused, 'shifted');
    assert.deepEqual(
      b.calls.map((c) => c.line),
      first.calls.map((c) => c.line + 2),
    );
    const commented = blank.replace('# Shared clients.', '# Shared clients, made once.');
    assert.equal(inc.run('a.py', commented, 'python', parser, analyze).reused, 'shifted');
    // A new marker comment above a call changes that call's class: shifted, and the class follows the marker.
    const marked = commented.replace('"content": item}])', '"content": item}])  # modelwise: routine');
    const m = inc.run('a.py', marked, 'python', parser, analyze);
    assert.equal(m.reused, 'shifted');
    assert.equal(m.calls.find((c) => c.callee === 'claude.messages.create')?.classOverride, 'routine');
    // A model id change is not trivia: scanned again; the calls whose sites did not change keep their analysis.
    const code = marked.replace('"text-embedding-3-small"', '"text-embedding-3-large"');
    const c = inc.run('a.py', code, 'python', parser, analyze);
    assert.equal(c.reused, 'calls');
    assert.equal(c.calls.find((x) => x.api === 'embedding')?.model, 'text-embedding-3-large');
    assert.equal(c.calls.find((x) => x.callee === 'client.chat.completions.create')?.advice, m.calls.find((x) => x.callee === 'client.chat.completions.create')?.advice);
    // Typing in the prompt: the copy of the tree is shifted (no parse); the prompt text follows.
    const typed = code.replace('"Summarize: "', '"Summarize briefly: "');
    const t = inc.run('a.py', typed, 'python', parser, analyze);
    assert.equal(t.reused, 'copy');
    assert.match(t.calls.find((x) => x.callee === 'client.chat.completions.create')!.prompt.staticText, /Summarize briefly: /);
    assert.equal(t.calls.find((x) => x.api === 'embedding')?.line, c.calls.find((x) => x.api === 'embedding')?.line);
  });

  it('keeps at most its limit of files and forgets a file on request', async () => {
    const { warm } = await engines();
    const parser = warm.parsers.get('python')!;
    const analyze = (c: Parameters<typeof analyzeCall>[0]) => analyzeCall(c, warm);
    for (let i = 0; i < 20; i++) warm.cache.incremental.run(`f${i}.py`, PY, 'python', parser, analyze);
    assert.equal(warm.cache.incremental.size, 16);
    warm.cache.incremental.forget('f19.py');
    assert.equal(warm.cache.incremental.size, 15);
    assert.equal(warm.cache.incremental.run('f19.py', PY, 'python', parser, analyze).reused, 'none');
  });
});

import assert from 'node:assert/strict';
import { chatOverheadTokens, countTokens, encodeExact } from '../../../src/core/estimate/tokens';
import { TOKEN_FACTORS, tokenizerForModel } from '../../../src/core/estimate/token-factors';

describe('countTokens', () => {
  // Reference ids published independently of this code: OpenAI's tiktoken cookbook ("tiktoken is great!" in
  // cl100k_base) and public examples of tiktoken's gpt-4o encoding ("I can do this all day" in o200k_base).
  it('matches tiktoken ids for cl100k_base', () => {
    assert.deepEqual(encodeExact('tiktoken is great!', 'cl100k_base'), [83, 1609, 5963, 374, 2294, 0]);
    assert.deepEqual(encodeExact('Generative AI is great!', 'cl100k_base'), [5648, 1413, 15592, 374, 2294, 0]);
  });

  it('matches tiktoken ids for o200k_base', () => {
    assert.deepEqual(encodeExact('I can do this all day', 'o200k_base'), [40, 665, 621, 495, 722, 2163]);
    assert.deepEqual(countTokens('hello world', 'o200k_base'), { count: 2, exact: true, band: { low: 1, high: 1 } });
  });

  it('counts special-token text as ordinary text instead of throwing', () => {
    const r = countTokens('before <|endoftext|> after', 'o200k_base');
    assert.equal(r.exact, true);
    assert.ok(r.count > 3, `count ${r.count}`);
  });

  it('estimates other families as o200k × factor with a band around the count', () => {
    const text = 'Summarize the following support ticket in two sentences and list the customer\'s requests.';
    const o200k = countTokens(text, 'o200k_base').count;
    const claude = countTokens(text, 'claude');
    assert.equal(claude.exact, false);
    assert.equal(claude.count, Math.round(o200k * 1.2));
    assert.ok(claude.band.low < 1 && claude.band.high > 1);
    assert.ok(Math.abs(claude.count * claude.band.high - o200k * 1.35) <= 1, `${claude.count} × ${claude.band.high} vs ${o200k} × 1.35`);
  });

  it('treats an unknown tokenizer as "other" with a wide band', () => {
    const r = countTokens('some text here', 'made-up-tokenizer');
    const f = TOKEN_FACTORS.other;
    assert.ok(f);
    assert.equal(r.count, Math.round(countTokens('some text here', 'o200k_base').count * f.factor));
    assert.ok(r.band.high - r.band.low > 0.5);
  });

  it('keys exceptions by exact model version', () => {
    assert.equal(tokenizerForModel('claude-opus-4-7', 'claude'), 'claude-4.7');
    assert.equal(tokenizerForModel('claude-opus-4-6', 'claude'), 'claude');
    assert.equal(tokenizerForModel('claude-sonnet-5', 'claude'), 'claude-4.7');
  });

  it('counts empty text as zero', () => {
    assert.equal(countTokens('', 'claude').count, 0);
  });

  it('adds OpenAI chat overhead of 3 per message + 3', () => {
    assert.equal(chatOverheadTokens(2), 9);
    assert.equal(chatOverheadTokens(0), 0);
  });
});

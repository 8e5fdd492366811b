import assert from 'node:assert/strict';
import { chatOverheadTokens, countTokens, encodeExact } from '../../../src/core/estimate/tokens';
import { claudeVersion, TOKEN_FACTORS, tokenizerForModel } from '../../../src/core/estimate/token-factors';
import { testCatalog } from '../../helpers/engine';

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

  it('Claude 4.7+ is its own family, keyed by the catalog field and by the version in the id', () => {
    assert.equal(tokenizerForModel('claude-opus-4-7', 'claude'), 'claude-4.7');
    assert.equal(tokenizerForModel('claude-opus-4-6', 'claude'), 'claude');
    assert.equal(tokenizerForModel('claude-sonnet-5', 'claude'), 'claude-4.7');
    assert.equal(tokenizerForModel('claude-opus-4-10', 'claude'), 'claude-4.7');
    assert.equal(tokenizerForModel('claude-sonnet-4-20250514', 'claude'), 'claude', 'a date snapshot is not a minor version');
    assert.equal(tokenizerForModel('claude-3-7-sonnet-20250219', 'claude'), 'claude');
    assert.equal(tokenizerForModel('us.anthropic.claude-opus-4-8-v1:0', 'claude'), 'claude-4.7');
    assert.equal(tokenizerForModel('my-private-model', 'claude-4.7'), 'claude-4.7', 'the catalog field decides');
    assert.deepEqual(claudeVersion('claude-3-5-haiku-20241022'), { major: 3, minor: 5 });
    assert.equal(claudeVersion('gpt-4o'), undefined);
  });

  it('the shipped catalog marks Opus 4.7 and later claude-4.7, earlier models claude; the new one counts ~30% more', () => {
    const models = testCatalog().models.filter((m) => m.vendor === 'anthropic');
    const by = (id: string) => models.find((m) => m.id === id)?.tokenizer;
    for (const id of ['claude-opus-4-7', 'claude-opus-4-8', 'claude-opus-5', 'claude-sonnet-5']) assert.equal(by(id), 'claude-4.7', id);
    for (const id of ['claude-opus-4-6', 'claude-sonnet-4-6', 'claude-haiku-4-5', 'claude-sonnet-4-5']) assert.equal(by(id), 'claude', id);
    // Every catalog model agrees with the version rule, so a private model named alike is counted the same way.
    for (const m of models.filter((x) => x.tokenizer.startsWith('claude'))) assert.equal(tokenizerForModel(m.id, 'claude'), m.tokenizer, m.id);
    const text = 'Summarize the following support ticket in two sentences and list every request the customer makes. '.repeat(20);
    const old = countTokens(text, 'claude').count;
    const next = countTokens(text, 'claude-4.7').count;
    assert.ok(next / old > 1.25 && next / old < 1.35, `ratio ${next / old}`);
  });

  it('counts empty text as zero', () => {
    assert.equal(countTokens('', 'claude').count, 0);
  });

  it('adds OpenAI chat overhead of 3 per message + 3', () => {
    assert.equal(chatOverheadTokens(2), 9);
    assert.equal(chatOverheadTokens(0), 0);
  });
});

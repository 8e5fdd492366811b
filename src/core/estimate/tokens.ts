import type { Tiktoken } from 'js-tiktoken/lite';
import { createBpeCounter, type BpeCounter } from './bpe-count';
import { tokenFactor } from './token-factors';

/** Encodings counted exactly (js-tiktoken's rank data; counts identical to OpenAI's tiktoken). */
export type ExactEncoding = 'o200k_base' | 'cl100k_base';

type Ranks = ConstructorParameters<typeof Tiktoken>[0];

/**
 * The rank data of an encoding (js-tiktoken's ranks modules, several MB). Loaded with a `require` inside this function
 * so that importing the engine costs nothing: start-up stays small and only the first token count pays for it.
 */
function ranksFor(encoding: ExactEncoding): Ranks {
  const mod = (encoding === 'o200k_base' ? require('js-tiktoken/ranks/o200k_base') : require('js-tiktoken/ranks/cl100k_base')) as
    | Ranks
    | { default: Ranks };
  return 'default' in mod ? mod.default : mod;
}

const counters = new Map<ExactEncoding, BpeCounter>();
/** The counting index of an encoding, built on first use (see bpe-count.ts for why not js-tiktoken's encoder). */
function counter(encoding: ExactEncoding): BpeCounter {
  let c = counters.get(encoding);
  if (!c) {
    c = createBpeCounter(ranksFor(encoding));
    counters.set(encoding, c);
  }
  return c;
}

const encoders = new Map<ExactEncoding, Tiktoken>();
/** js-tiktoken's full encoder, only for token ids (the CLI's `tokens` command and tests); counting does not need it. */
function encoder(encoding: ExactEncoding): Tiktoken {
  let enc = encoders.get(encoding);
  if (enc) return enc;
  const { Tiktoken: TiktokenClass } = require('js-tiktoken/lite') as typeof import('js-tiktoken/lite');
  enc = new TiktokenClass(ranksFor(encoding));
  encoders.set(encoding, enc);
  return enc;
}

/** Token ids of `text` in an exact encoding (as tiktoken's `encode` with special tokens treated as text). */
export function encodeExact(text: string, encoding: ExactEncoding): number[] {
  return encoder(encoding).encode(text, [], []);
}

/** Prompts repeat across calls and re-analyses; counts of short texts are memoised (bounded). */
const countCache = new Map<string, number>();
const COUNT_CACHE_LIMIT = 4000;
const COUNT_CACHE_MAX_CHARS = 20_000;

function exactCount(text: string, encoding: ExactEncoding): number {
  if (text.length > COUNT_CACHE_MAX_CHARS) return counter(encoding).count(text);
  const key = `${encoding}\u0000${text}`;
  const hit = countCache.get(key);
  if (hit !== undefined) return hit;
  const count = counter(encoding).count(text);
  if (countCache.size >= COUNT_CACHE_LIMIT) countCache.clear();
  countCache.set(key, count);
  return count;
}

/** True when the encoding is counted exactly. */
export function isExactEncoding(tokenizer: string): tokenizer is ExactEncoding {
  return tokenizer === 'o200k_base' || tokenizer === 'cl100k_base';
}

/** Result of counting a text's tokens. */
export interface TokenCount {
  /** Tokens (an integer; for estimated families the o200k count × the family factor, rounded). */
  count: number;
  /** True when counted with the model's own encoding. */
  exact: boolean;
  /** Relative band around `count` (1 = exact): the true count is expected within [count × low, count × high]. */
  band: { low: number; high: number };
}

/**
 * Counts tokens of `text` for a tokenizer family. o200k_base and cl100k_base are exact (special-token text such as
 * `<|endoftext|>` is counted as ordinary text, as OpenAI's API does for user content). Other families are an
 * estimate — see token-factors.ts for each factor and where it comes from.
 */
export function countTokens(text: string, tokenizer: string): TokenCount {
  if (text.length === 0) return { count: 0, exact: isExactEncoding(tokenizer), band: { low: 1, high: 1 } };
  if (isExactEncoding(tokenizer)) {
    return { count: exactCount(text, tokenizer), exact: true, band: { low: 1, high: 1 } };
  }
  const base = exactCount(text, 'o200k_base');
  const f = tokenFactor(tokenizer);
  return { count: Math.round(base * f.factor), exact: false, band: { low: f.band.low / f.factor, high: f.band.high / f.factor } };
}

/**
 * Chat-format overhead of a messages API, in tokens: OpenAI documents 3 tokens per message (role and separators) plus
 * 3 that prime the assistant's reply. Used for every messages API as a stated approximation.
 */
export function chatOverheadTokens(messageCount: number): number {
  return messageCount > 0 ? 3 * messageCount + 3 : 0;
}

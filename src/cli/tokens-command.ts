import type { Catalog } from '../core/catalog/schema';
import { createModelIndex } from '../core/catalog/lookup';
import { TOKEN_FACTORS, tokenFactor, tokenizerForModel } from '../core/estimate/token-factors';
import { countTokens, isExactEncoding } from '../core/estimate/tokens';
import { UsageError } from './args';

/** Tokenizer used when neither --model nor --encoding is given: GPT-4o's and every newer OpenAI model's. */
export const DEFAULT_ENCODING = 'o200k_base';

/**
 * Picks the tokenizer for `modelwise tokens`: the model's own (looked up in the catalog by id or alias), the named
 * encoding, or o200k_base. Unknown models and encodings are usage errors, never a silent fallback.
 */
export function chooseTokenizer(catalog: Catalog, opts: { model?: string; encoding?: string }): string {
  if (opts.model !== undefined) {
    const model = createModelIndex(catalog).resolve(opts.model);
    if (!model) throw new UsageError(`tokens: model '${opts.model}' is not in the catalog (see 'modelwise models'); use --encoding instead`);
    return tokenizerForModel(model.id, model.tokenizer);
  }
  if (opts.encoding !== undefined) {
    if (!isExactEncoding(opts.encoding) && !(opts.encoding in TOKEN_FACTORS)) {
      const known = ['o200k_base', 'cl100k_base', ...Object.keys(TOKEN_FACTORS)].join(', ');
      throw new UsageError(`tokens: unknown encoding '${opts.encoding}' (known: ${known})`);
    }
    return opts.encoding;
  }
  return DEFAULT_ENCODING;
}

/**
 * The line `modelwise tokens` prints: the count alone when exact (so scripts can read it), else the count followed by
 * the band and what the estimate rests on.
 */
export function formatTokenCount(text: string, tokenizer: string): string {
  const r = countTokens(text, tokenizer);
  if (r.exact) return String(r.count);
  const low = Math.floor(r.count * r.band.low);
  const high = Math.ceil(r.count * r.band.high);
  return `${r.count}\t(estimate for ${tokenizer}: ${low}–${high}; ${tokenFactor(tokenizer).basis})`;
}

/**
 * How many tokens a model family's own tokenizer produces for a text, relative to OpenAI's o200k_base count of the
 * same text. Only o200k_base and cl100k_base are counted exactly (js-tiktoken); every other family is an ESTIMATE:
 * o200k count × `factor`, with `band` the relative range the true count is expected to fall in.
 *
 * Where the numbers come from (looked up 2026-11; none of these vendors publishes a factor against o200k):
 * - cl100k vs o200k: measured here with js-tiktoken on English prose (STYLE.md, 13.6k chars) and TypeScript source
 *   (catalog/schema.ts, 8.9k chars): cl100k/o200k = 0.997 and 1.003. The gap opens only for non-Latin scripts.
 * - claude (Claude 3 through Opus 4.6): third-party measurements of Claude 3.5 Sonnet against GPT-4o report 20–30% more
 *   tokens for the same input, ~16% on English prose up to ~30% on code ("Hidden costs in AI deployment: why Claude
 *   models may be 20–30% more expensive than GPT", 2025, widely syndicated). Estimate: 1.2, band 1.1–1.35.
 * - claude-4.7 (Opus 4.7 and later: the catalog's `tokenizer: claude-4.7`): Anthropic's Opus 4.7 notes say the
 *   updated tokenizer yields roughly 1.0–1.35× the tokens of the previous one, varying by content. Independent counts
 *   with Anthropic's count_tokens endpoint (claudecodecamp.com and sol.ava.dev, April 2026) found ~1.3× on real
 *   prompts and code (1.13–1.36× on source code, 1.2–1.46× on English prose, ~1.0× on CJK). Estimate: 1.2 × 1.3 ≈ 1.56,
 *   band 1.25–1.95 (claude band 1.1–1.35 × the measured 1.13–1.45).
 * - gemini, gemma: Google's token docs state "a token is about 4 characters; 100 tokens ≈ 60–80 English words"; o200k
 *   measured here gives 3.85–3.92 characters per token on English and code, so ≈ 1.0. Gemini and Gemma share a 256k
 *   SentencePiece vocabulary. Estimate: 1.0, band 0.85–1.2.
 * - llama3: Llama 3's tokenizer is tiktoken-based, cl100k's 100k tokens plus 28k extra for other languages (Meta's
 *   Llama 3 announcement), so it tracks cl100k ≈ o200k on English and code. Estimate 1.0, band 0.95–1.1.
 * - llama4: a ~200k vocabulary of the same lineage. Estimate 1.0, band 0.9–1.15.
 * - mistral (Tekken, tiktoken-based 131k vocabulary since Mistral NeMo), qwen (151k byte-level BPE), deepseek (128k
 *   BPE), glm (151k), kimi (~160k tiktoken-based), cohere (255k): vocabularies of the same size class as cl100k/o200k,
 *   no published ratio found. Estimate 1.05, band 0.9–1.25.
 * - other (unknown tokenizer): 1.1, band 0.8–1.4 — wide on purpose.
 */
export interface TokenFactor {
  factor: number;
  band: { low: number; high: number };
  /** Short provenance shown in hovers. */
  basis: string;
}

const SAME_CLASS: TokenFactor = {
  factor: 1.05,
  band: { low: 0.9, high: 1.25 },
  basis: 'estimate: vocabulary of the same size class as o200k; no published ratio',
};

/** Factors by tokenizer family (the catalog's `tokenizer` field). */
export const TOKEN_FACTORS: Readonly<Record<string, TokenFactor>> = {
  claude: { factor: 1.2, band: { low: 1.1, high: 1.35 }, basis: 'estimate: measured 20–30% more tokens than GPT-4o (Claude 3.5 Sonnet)' },
  'claude-4.7': {
    factor: 1.56,
    band: { low: 1.25, high: 1.95 },
    basis: 'estimate: Claude tokenizer × ~1.3 (Opus 4.7 tokenizer: Anthropic states 1.0–1.35×; measured ~1.3× on real prompts)',
  },
  gemini: { factor: 1.0, band: { low: 0.85, high: 1.2 }, basis: 'estimate: Google states ~4 characters per token' },
  gemma: { factor: 1.0, band: { low: 0.85, high: 1.2 }, basis: 'estimate: Gemini/Gemma 256k SentencePiece, ~4 characters per token' },
  llama3: { factor: 1.0, band: { low: 0.95, high: 1.1 }, basis: 'estimate: cl100k-based vocabulary (+28k tokens); cl100k ≈ o200k on English' },
  llama4: { factor: 1.0, band: { low: 0.9, high: 1.15 }, basis: 'estimate: ~200k vocabulary' },
  mistral: SAME_CLASS,
  qwen: SAME_CLASS,
  deepseek: SAME_CLASS,
  glm: SAME_CLASS,
  kimi: SAME_CLASS,
  cohere: SAME_CLASS,
  other: { factor: 1.1, band: { low: 0.8, high: 1.4 }, basis: 'estimate: unknown tokenizer' },
};

/** Claude version from which the newer tokenizer applies (Opus 4.7, April 2026). */
const CLAUDE_NEW_TOKENIZER_FROM = { major: 4, minor: 7 };

/**
 * Version of a Claude model id (`claude-opus-4-7` → 4.7, `claude-sonnet-5` → 5.0, `claude-3-5-haiku-20241022` →
 * 3.5); a trailing date snapshot is not a minor version. Undefined when the id names no version.
 */
export function claudeVersion(modelId: string): { major: number; minor: number } | undefined {
  const id = modelId.toLowerCase().replace(/^.*\//, '').replace(/^(?:[a-z]{2}\.)?anthropic\./, '');
  const named = /^claude-(?:opus|sonnet|haiku)-(\d{1,2})(?:[-.](\d{1,2}))?(?![\d])/.exec(id);
  const old = /^claude-(\d{1,2})(?:[-.](\d{1,2}))?-(?:opus|sonnet|haiku)\b/.exec(id);
  const m = named ?? old;
  if (!m) return undefined;
  return { major: Number(m[1]), minor: m[2] !== undefined ? Number(m[2]) : 0 };
}

/**
 * The tokenizer family to count a model with. The catalog's `tokenizer` field decides (Anthropic's models from Opus
 * 4.7 on say `claude-4.7`). A model still marked `claude` whose id names version 4.7 or later — a private model in
 * `.modelwise.yaml`, or a catalog entry not updated yet — is counted with `claude-4.7` too, keyed by the version in
 * its id rather than a list of names.
 */
export function tokenizerForModel(modelId: string, catalogTokenizer: string): string {
  if (catalogTokenizer !== 'claude') return catalogTokenizer;
  const v = claudeVersion(modelId);
  const from = CLAUDE_NEW_TOKENIZER_FROM;
  return v && (v.major > from.major || (v.major === from.major && v.minor >= from.minor)) ? 'claude-4.7' : 'claude';
}

/** The factor for a tokenizer family; unknown names use `other`. */
export function tokenFactor(tokenizer: string): TokenFactor {
  return TOKEN_FACTORS[tokenizer] ?? (TOKEN_FACTORS.other as TokenFactor);
}

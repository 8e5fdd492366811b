import { z } from 'zod';

/**
 * The catalog's schema of record. `catalog/*.yaml` is validated against it at build time (esbuild.mjs) and in the unit
 * tests; `.modelwise.yaml` private models reuse ModelSchema. Every price, term and benchmark carries `source` + `asOf`.
 * Unknown facts are omitted or `null` — never guessed.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected a date YYYY-MM-DD (or YYYY-MM)');
const url = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');

export const SourceSchema = z.object({ url, asOf: isoDate, note: z.string().optional() }).strict();

/** USD per million tokens. */
const perMTok = z.number().nonnegative();

export const LongContextTierSchema = z
  .object({
    /** Prompt size (input tokens) above which the tier applies. */
    thresholdTokens: z.number().int().positive(),
    /** 'whole-request': the whole request is billed at the tier (Google, Anthropic 1M); 'excess': only tokens above. */
    rule: z.enum(['whole-request', 'excess']),
    inputPerMTok: perMTok,
    outputPerMTok: perMTok,
    cachedInputPerMTok: perMTok.optional(),
  })
  .strict();

/** A price for something that is not a token (image, audio minute, search, page). */
export const UnitPriceSchema = z
  .object({
    unit: z.enum(['image', 'audio-minute', 'audio-second', 'search', 'page', '1k-characters', 'request']),
    usd: z.number().nonnegative(),
    note: z.string().optional(),
  })
  .strict();

export const OfferSchema = z
  .object({
    /** openai, anthropic, google, vertex, azure, bedrock, together, fireworks, deepinfra, groq, openrouter, mistral,
     * cohere, xai, deepseek, cerebras, ollama (self-hosted), vllm (self-hosted), … */
    host: z.string().min(1),
    /** The id this host uses for the model when it differs from the canonical id. */
    hostModelId: z.string().optional(),
    /** Self-hosted runtimes have no per-token price: they are 'self-hosted', never 'unpriced'. */
    selfHosted: z.boolean().optional(),
    inputPerMTok: perMTok.optional(),
    outputPerMTok: perMTok.optional(),
    cachedInputPerMTok: perMTok.optional(),
    /** Cache write, 5-minute TTL (Anthropic) or the only cache-write price a host lists. */
    cacheWritePerMTok: perMTok.optional(),
    /** Cache write, 1-hour TTL (Anthropic). */
    cacheWrite1hPerMTok: perMTok.optional(),
    batchInputPerMTok: perMTok.optional(),
    batchOutputPerMTok: perMTok.optional(),
    /** Reasoning tokens when billed apart from output (most hosts bill them as output). */
    reasoningPerMTok: perMTok.optional(),
    longContext: LongContextTierSchema.optional(),
    /** Multiplier for regional / data-zone endpoints (e.g. 1.1 for Bedrock regional, Azure data zones). */
    regionalMultiplier: z.number().positive().optional(),
    unitPrices: z.array(UnitPriceSchema).optional(),
    source: url,
    asOf: isoDate,
    /** Reviewed reason why this price deliberately differs from the reference table (LiteLLM). */
    knownDifference: z.string().optional(),
  })
  .strict()
  .refine((o) => o.selfHosted === true || (o.inputPerMTok !== undefined || (o.unitPrices?.length ?? 0) > 0), {
    message: 'an offer needs inputPerMTok (or unitPrices) unless selfHosted',
  });

export const BenchmarkSchema = z
  .object({
    /** gpqa-diamond, mmlu, mmlu-pro, mmmu, mathvista, arena-rank, swe-bench-verified, aime-2025, livecodebench, … */
    name: z.string().min(1),
    /** Score in percent (0–100), or the rank for *-rank benchmarks. */
    score: z.number(),
    source: url,
    asOf: isoDate,
    note: z.string().optional(),
  })
  .strict();

export const ModalitySchema = z.enum(['text', 'image', 'audio', 'video', 'pdf', 'embedding']);

export const ModelSchema = z
  .object({
    /** Canonical id, as the vendor's API spells it where there is one. */
    id: z.string().min(1),
    name: z.string().min(1),
    /** openai, anthropic, google, mistral, cohere, xai, deepseek, meta, alibaba, zhipu, moonshot, … */
    vendor: z.string().min(1),
    family: z.string().min(1),
    /** What the model does. */
    kind: z.enum(['chat', 'reasoning', 'embedding', 'image', 'audio', 'moderation', 'rerank', 'ocr']),
    releaseDate: isoDate.nullable().optional(),
    status: z.enum(['ga', 'preview', 'deprecated', 'retired', 'announced']).default('ga'),
    openWeights: z.boolean(),
    parameters: z
      .object({ totalB: z.number().positive().nullable(), activeB: z.number().positive().nullable().optional() })
      .strict()
      .optional(),
    /** Max input tokens. */
    contextWindow: z.number().int().positive().nullable(),
    maxOutputTokens: z.number().int().positive().nullable(),
    modalities: z.object({ input: z.array(ModalitySchema).min(1), output: z.array(ModalitySchema).min(1) }).strict(),
    toolUse: z.boolean().nullable(),
    structuredOutput: z.boolean().nullable(),
    /** o200k_base, cl100k_base (exact with js-tiktoken) or a family estimated with a calibrated factor:
     * claude, gemini, llama3, llama4, mistral, qwen, deepseek, gemma, glm, kimi, cohere, other. */
    tokenizer: z.string().min(1),
    /** Id of an entry in licenses.yaml. */
    license: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    benchmarks: z.array(BenchmarkSchema).default([]),
    offers: z.array(OfferSchema).default([]),
    sources: z.array(SourceSchema).min(1),
    notes: z.string().optional(),
  })
  .strict();

/** A structured license term: the value a policy evaluates, the clause that decides it, and where it is written. */
function term<T extends z.ZodTypeAny>(value: T) {
  return z
    .object({ value, clause: z.string().optional(), section: z.string().optional(), url: url.optional() })
    .strict();
}

export const LicenseSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** SPDX id where one exists, else null (use the catalog id, LicenseRef-style, in policies). */
    spdx: z.string().nullable(),
    kind: z.enum(['open-source', 'open-weights-custom', 'research-only', 'proprietary-api']),
    url,
    asOf: isoDate,
    terms: z
      .object({
        commercialUse: term(z.enum(['yes', 'no', 'conditional', 'unknown'])),
        /** Monthly active users above which the license does not apply as-is (Llama: 700,000,000). */
        mauCap: term(z.number().int().positive().nullable()),
        /** What happens above the MAU cap: 'license-required' (Llama), 'display-name' (Kimi), … */
        mauCapEffect: z.enum(['license-required', 'display-name', 'none']).default('none'),
        /** Monthly or annual revenue cap in USD. */
        revenueCapUsd: term(z.number().positive().nullable()),
        attribution: term(z.enum(['none', 'notice', 'prominent'])).extend({ text: z.string().optional() }),
        naming: term(z.enum(['none', 'prefix-required', 'display-required'])).extend({ text: z.string().optional() }),
        redistribution: term(z.enum(['permissive', 'pass-through-restrictions', 'no-weights', 'prohibited', 'unknown'])),
        acceptableUsePolicy: term(z.boolean()).extend({ policyUrl: url.optional() }),
        regionalLimits: z
          .array(
            z
              .object({
                region: z.string().min(1),
                /** What the limit applies to: 'multimodal', 'all'. */
                scope: z.enum(['multimodal', 'all']),
                /** Who is limited: licensees domiciled there (Llama), or end users too. */
                appliesTo: z.enum(['licensee', 'end-users', 'all']),
                clause: z.string(),
                section: z.string().optional(),
                url,
              })
              .strict(),
          )
          .default([]),
        /** May outputs be used to train other models? 'inherits' = allowed, but the trained model is a derivative. */
        outputTraining: term(z.enum(['allowed', 'inherits', 'forbidden-competing', 'forbidden', 'unknown'])),
        patentGrant: term(z.enum(['yes', 'no', 'unknown'])),
        copyleft: term(z.enum(['none', 'weak', 'strong', 'use-restrictions'])),
      })
      .strict(),
    sources: z.array(SourceSchema).min(1),
    notes: z.string().optional(),
  })
  .strict();

/** One catalog YAML file: any of the lists may be present. */
export const CatalogFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    updated: isoDate,
    models: z.array(ModelSchema).optional(),
    licenses: z.array(LicenseSchema).optional(),
  })
  .strict();

export type Source = z.infer<typeof SourceSchema>;
export type Offer = z.infer<typeof OfferSchema>;
export type Benchmark = z.infer<typeof BenchmarkSchema>;
export type Model = z.infer<typeof ModelSchema>;
export type License = z.infer<typeof LicenseSchema>;
export type CatalogFile = z.infer<typeof CatalogFileSchema>;

/** The compiled catalog: all files merged. */
export interface Catalog {
  updated: string;
  models: Model[];
  licenses: License[];
}

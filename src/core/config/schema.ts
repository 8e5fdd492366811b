import { z } from 'zod';
import { LicenseSchema, ModelSchema } from '../catalog/schema';
import { PolicySchema } from '../policy/schema';

/**
 * `.modelwise.yaml` — the workspace's own file: usage volumes, price overrides, private models, default host,
 * classification overrides and the license policy. Validated with zod; a bad entry is reported with file, line and
 * column and the rest still applies (see config/parse-config.ts).
 */

/** How often a call runs. Matched by `id` (a `modelwise: id=NAME` comment at the call), else file + function, else file. */
export const UsageEntrySchema = z
  .object({
    id: z.string().min(1).optional(),
    /** Workspace-relative path, forward slashes. */
    file: z.string().min(1).optional(),
    /** Enclosing function (`Class.method` for methods). */
    function: z.string().min(1).optional(),
    callsPerMonth: z.number().nonnegative(),
    /** Typical output tokens of this call (overrides the prior). */
    outputTokens: z.number().int().nonnegative().optional(),
    /** Typical input tokens (overrides the static count, e.g. when the prompt is built at run time). */
    inputTokens: z.number().int().nonnegative().optional(),
    /** The model this call uses when the code decides it at run time (the code's own model id wins when it has one). */
    model: z.string().min(1).optional(),
  })
  .strict()
  .refine((u) => u.id !== undefined || u.file !== undefined, { message: 'a usage entry needs an id or a file' });

export const DiscountSchema = z
  .object({
    vendor: z.string().min(1).optional(),
    host: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    /** Price multiplier, e.g. 0.8 for a 20% negotiated discount. */
    multiplier: z.number().positive(),
  })
  .strict()
  .refine((d) => d.vendor !== undefined || d.model !== undefined || d.host !== undefined, {
    message: 'a discount needs a vendor, host or model',
  });

export const PriceOverrideSchema = z
  .object({
    model: z.string().min(1),
    host: z.string().min(1).optional(),
    /** USD per million tokens. */
    inputPerMTok: z.number().nonnegative(),
    outputPerMTok: z.number().nonnegative(),
    cachedInputPerMTok: z.number().nonnegative().optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    defaults: z
      .object({
        /** Calls per month assumed for a call with no usage entry. */
        callsPerMonth: z.number().nonnegative().default(1000),
        /** Output tokens assumed at the low end of a range (the "output prior"). */
        outputTokens: z.number().int().nonnegative().default(256),
        /** Host preferred for open-weight models (together, fireworks, deepinfra, groq, …). */
        openModelHost: z.string().min(1).optional(),
        /** Hide lenses and report rows below this monthly spend (USD). */
        minMonthlyUsd: z.number().nonnegative().default(0),
      })
      .strict()
      .default({ callsPerMonth: 1000, outputTokens: 256, minMonthlyUsd: 0 }),
    usage: z.array(UsageEntrySchema).default([]),
    discounts: z.array(DiscountSchema).default([]),
    prices: z.array(PriceOverrideSchema).default([]),
    /** Private or fine-tuned models, in the catalog's own model shape. */
    models: z.array(ModelSchema).default([]),
    licenses: z.array(LicenseSchema).default([]),
    /** Classification overrides by file/function or id. */
    classify: z
      .array(
        z
          .object({
            id: z.string().optional(),
            file: z.string().optional(),
            function: z.string().optional(),
            as: z.enum(['routine', 'frontier']),
          })
          .strict(),
      )
      .default([]),
    policy: PolicySchema.default({ denyLicenses: [], trainOnOutputs: false, regions: [], acceptAttribution: true, acceptNamingRules: true, commercial: true, denyVendors: [], denyModels: [] }),
  })
  .strict();

export type UsageEntry = z.infer<typeof UsageEntrySchema>;
export type Config = z.infer<typeof ConfigSchema>;

import { z } from 'zod';

/**
 * The `policy` section of `.modelwise.yaml` (other checks write these keys — keep them).
 * Absent keys mean "no constraint".
 */
export const PolicySchema = z
  .object({
    /** The product's expected monthly active users, checked against license caps (Llama: 700M). */
    monthlyActiveUsers: z.number().int().nonnegative().optional(),
    /** The product's expected monthly revenue in USD, checked against revenue caps (Kimi: $20M/month). */
    monthlyRevenueUsd: z.number().nonnegative().optional(),
    /** SPDX ids/expressions or catalog license ids; absent = all allowed. */
    allowLicenses: z.array(z.string().min(1)).optional(),
    denyLicenses: z.array(z.string().min(1)).default([]),
    /** Outputs will be used to train or distil other models. */
    trainOnOutputs: z.boolean().default(false),
    /** Regions where the product is offered (EU, US, …). */
    regions: z.array(z.string().min(1)).default([]),
    /** Whether attribution duties ("Built with Llama") are acceptable. */
    acceptAttribution: z.boolean().default(true),
    /** Whether naming duties (derivative names must start with "Llama") are acceptable. */
    acceptNamingRules: z.boolean().default(true),
    /** Is the product commercial (default yes): research-only licenses fail. */
    commercial: z.boolean().default(true),
    allowVendors: z.array(z.string().min(1)).optional(),
    denyVendors: z.array(z.string().min(1)).default([]),
    allowModels: z.array(z.string().min(1)).optional(),
    denyModels: z.array(z.string().min(1)).default([]),
    /** Monthly LLM budget in USD for the whole workspace. */
    monthlyBudgetUsd: z.number().nonnegative().optional(),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;

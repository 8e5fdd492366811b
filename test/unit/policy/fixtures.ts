import type { License, Model } from '../../../src/core/catalog/schema';
import { PolicySchema, type Policy } from '../../../src/core/policy/schema';

/**
 * Hand-built catalog entries for policy tests, with clauses quoted from the public license texts
 * (/work/shared/reference/licenses.md). They let the rules be tested before and independently of catalog/*.yaml.
 */

const LLAMA4 = 'https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE';
export const LLAMA_MAU_CLAUSE =
  "If, on the Llama 4 version release date, the monthly active users of the products or services made available by or for Licensee, or Licensee's affiliates, is greater than 700 million monthly active users in the preceding calendar month, you must request a license from Meta, which Meta may grant to you in its sole discretion";
export const LLAMA_EU_CLAUSE =
  'With respect to any multimodal models included in Llama 4, the rights granted under Section 1(a) of the Llama 4 Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union. This restriction does not apply to end users of a product or service that incorporates any such multimodal models.';
export const LLAMA_ATTRIBUTION_CLAUSE =
  'prominently display "Built with Llama" on a related website, user interface, blogpost, about page, or product documentation.';
export const LLAMA_NAMING_CLAUSE =
  'If you use the Llama Materials or any outputs or results of the Llama Materials to create, train, fine tune, or otherwise improve an AI model, which is distributed or made available, you shall also include "Llama" at the beginning of any such AI model name.';
export const OPENAI_COMPETING_CLAUSE = 'Use Output to develop models that compete with OpenAI.';
export const KIMI_CLAUSE =
  'if the Software (or any derivative works thereof) is used for any of your commercial products or services that have more than 100 million monthly active users, or more than 20 million US dollars (or equivalent in other currencies) in monthly revenue, you shall prominently display "Kimi K2" on the user interface of such product or service.';
export const MRL_CLAUSE = 'You shall only use the Mistral Models, Derivatives (whether or not created by Mistral AI) and Outputs for Research Purposes.';
export const GEMMA_DERIVATIVE_CLAUSE = 'Outputs are not deemed Model Derivatives.';

type Terms = License['terms'];
const none = <T>(value: T) => ({ value });

function license(id: string, name: string, spdx: string | null, kind: License['kind'], url: string, terms: Partial<Terms>): License {
  const base: Terms = {
    commercialUse: none('yes' as const),
    mauCap: none(null),
    mauCapEffect: 'none',
    revenueCapUsd: none(null),
    attribution: none('none' as const),
    naming: none('none' as const),
    redistribution: none('permissive' as const),
    acceptableUsePolicy: none(false),
    regionalLimits: [],
    outputTraining: none('allowed' as const),
    patentGrant: none('unknown' as const),
    copyleft: none('none' as const),
  };
  return { id, name, spdx, kind, url, asOf: '2026-11-01', terms: { ...base, ...terms }, sources: [{ url, asOf: '2026-11-01' }] };
}

export const llama4License = license('llama-4-community', 'Llama 4 Community License', null, 'open-weights-custom', LLAMA4, {
  commercialUse: { value: 'conditional', clause: LLAMA_MAU_CLAUSE, section: '§2', url: LLAMA4 },
  mauCap: { value: 700_000_000, clause: LLAMA_MAU_CLAUSE, section: '§2', url: LLAMA4 },
  mauCapEffect: 'license-required',
  attribution: { value: 'prominent', text: 'Built with Llama', clause: LLAMA_ATTRIBUTION_CLAUSE, section: '§1.b.i', url: LLAMA4 },
  naming: { value: 'prefix-required', text: 'Llama', clause: LLAMA_NAMING_CLAUSE, section: '§1.b.i', url: LLAMA4 },
  outputTraining: { value: 'inherits', clause: LLAMA_NAMING_CLAUSE, section: '§1.b.i', url: LLAMA4 },
  regionalLimits: [
    { region: 'EU', scope: 'multimodal', appliesTo: 'licensee', clause: LLAMA_EU_CLAUSE, section: 'Acceptable Use Policy', url: 'https://www.llama.com/llama4/use-policy/' },
  ],
});

export const openaiTerms = license('openai-api-terms', 'OpenAI Terms of Use', null, 'proprietary-api', 'https://openai.com/policies/terms-of-use/', {
  outputTraining: { value: 'forbidden-competing', clause: OPENAI_COMPETING_CLAUSE, section: 'What you cannot do', url: 'https://openai.com/policies/terms-of-use/' },
});

export const apacheLicense = license('apache-2.0', 'Apache License 2.0', 'Apache-2.0', 'open-source', 'https://www.apache.org/licenses/LICENSE-2.0', {
  attribution: { value: 'notice', clause: 'You must give any other recipients of the Work or Derivative Works a copy of this License', section: '§4(a)' },
  patentGrant: { value: 'yes', section: '§3' },
});

export const mitLicense = license('mit', 'MIT License', 'MIT', 'open-source', 'https://opensource.org/license/mit', {
  attribution: { value: 'notice' },
});

export const kimiLicense = license('kimi-k2-modified-mit', 'Kimi K2 Modified MIT License', null, 'open-weights-custom', 'https://github.com/MoonshotAI/Kimi-K2/blob/main/LICENSE', {
  mauCap: { value: 100_000_000, clause: KIMI_CLAUSE },
  revenueCapUsd: { value: 20_000_000, clause: KIMI_CLAUSE },
  mauCapEffect: 'display-name',
  naming: { value: 'display-required', text: 'Kimi K2', clause: KIMI_CLAUSE },
});

export const mrlLicense = license('mistral-research', 'Mistral AI Research License', null, 'research-only', 'https://mistral.ai/licenses/MRL-0.1.md', {
  commercialUse: { value: 'no', clause: MRL_CLAUSE, section: '§3.2' },
});

export const gemmaTerms = license('gemma-terms', 'Gemma Terms of Use', null, 'open-weights-custom', 'https://ai.google.dev/gemma/terms', {
  outputTraining: { value: 'inherits', clause: GEMMA_DERIVATIVE_CLAUSE, section: '§1' },
});

export const unknownTerms = license('mystery', 'Mystery License', null, 'open-weights-custom', 'https://example.org/license', {
  commercialUse: none('unknown' as const),
  outputTraining: none('unknown' as const),
});

type ModelOpts = Partial<Model> & Pick<Model, 'id' | 'vendor' | 'license'>;
/** A minimal valid model. */
export function model(o: ModelOpts): Model {
  return {
    name: o.id,
    family: o.id,
    kind: 'chat',
    status: 'ga',
    openWeights: false,
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    modalities: { input: ['text'], output: ['text'] },
    toolUse: true,
    structuredOutput: true,
    tokenizer: 'other',
    aliases: [],
    benchmarks: [],
    offers: [],
    sources: [{ url: 'https://example.org', asOf: '2026-11-01' }],
    ...o,
  };
}

export const maverick = model({ id: 'llama-4-maverick', vendor: 'meta', license: 'llama-4-community', openWeights: true, modalities: { input: ['text', 'image'], output: ['text'] } });
export const gpt4o = model({ id: 'gpt-4o', vendor: 'openai', license: 'openai-api-terms', modalities: { input: ['text', 'image'], output: ['text'] } });
export const textOnlyLlama = model({ id: 'llama-3.1-8b-instruct', vendor: 'meta', license: 'llama-4-community', openWeights: true });

/** A policy with the schema's defaults filled in. */
export function policy(p: Partial<Policy> = {}): Policy {
  return PolicySchema.parse(p);
}

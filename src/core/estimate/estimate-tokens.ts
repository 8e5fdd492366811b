import type { Model } from '../catalog/schema';
import type { Config } from '../config/schema';
import type { Api, CallSite, TokenEstimate } from '../types';
import { tokenizerForModel } from './token-factors';
import { chatOverheadTokens, countTokens } from './tokens';
import type { UsageMatch } from './usage';

/** Output tokens assumed at the high end when neither the call nor the catalog gives a maximum. */
export const DEFAULT_OUTPUT_CAP = 4096;

/**
 * Input tokens assumed per call of an input-only API (embeddings, moderation, rerank) whose input is built entirely at
 * run time (no static text): without it such calls would show $0. A stated prior (a typical retrieval chunk); set `usage.inputTokens`
 * for the real figure.
 */
export const DYNAMIC_INPUT_PRIOR_TOKENS = 256;

/** APIs that return no generated tokens (priced on input only, or not per token). */
const NO_OUTPUT_APIS: ReadonlySet<Api> = new Set<Api>(['embedding', 'moderation', 'rerank', 'count-tokens']);
/** Model kinds that return no generated tokens. */
const NO_OUTPUT_KINDS: ReadonlySet<string> = new Set(['embedding', 'moderation', 'rerank']);
/** APIs sent as a list of chat messages (the chat-format overhead applies). */
const MESSAGE_APIS: ReadonlySet<Api> = new Set<Api>(['chat', 'responses', 'binding', 'batch', 'realtime']);

/**
 * Token estimate of one call.
 * - input: tokens of the static prompt text (exact for OpenAI encodings, a calibrated estimate otherwise) plus the
 *   chat-format overhead; a usage entry's `inputTokens` replaces it (for prompts built at run time).
 * - outputLow: the stated prior — the usage entry's `outputTokens`, else `defaults.outputTokens` (256) — never more
 *   than outputHigh.
 * - outputHigh: the call's own max-output parameter, else the model's max output from the catalog, else 4,096.
 * Unknown models are counted with o200k_base scaled as an unknown tokenizer ('other').
 */
export function estimateTokens(call: CallSite, model: Model | undefined, config: Config, usage?: UsageMatch): TokenEstimate {
  const tokenizer = model ? tokenizerForModel(model.id, model.tokenizer) : 'other';
  const counted = countTokens(call.prompt.staticText, tokenizer);
  const overhead = MESSAGE_APIS.has(call.api) ? chatOverheadTokens(call.prompt.messageCount) : 0;
  const override = usage?.entry?.inputTokens;
  const input = override ?? counted.count + overhead;
  const exact = override === undefined && counted.exact;
  const base = {
    input,
    exact,
    encoding: tokenizer,
    method: override !== undefined ? ('none' as const) : counted.exact ? ('tiktoken' as const) : ('calibrated-factor' as const),
    band: override !== undefined ? { low: 1, high: 1 } : counted.band,
  };
  // A binding (LangChain OpenAIEmbeddings(...)) of an embedding/rerank/moderation model is used like its API.
  const noOutput = NO_OUTPUT_APIS.has(call.api) || (call.api === 'binding' && model !== undefined && NO_OUTPUT_KINDS.has(model.kind));
  if (noOutput) {
    // An input-only request always has input; an empty static text means it is all built at run time.
    if (override === undefined && counted.count === 0 && call.api !== 'count-tokens') {
      return { ...base, input: DYNAMIC_INPUT_PRIOR_TOKENS, exact: false, method: 'prior', outputLow: 0, outputHigh: 0, outputHighSource: 'none' };
    }
    return { ...base, outputLow: 0, outputHigh: 0, outputHighSource: 'none' };
  }
  let outputHigh: number;
  let outputHighSource: TokenEstimate['outputHighSource'];
  if (call.maxOutputTokens !== null && call.maxOutputTokens > 0) {
    outputHigh = call.maxOutputTokens;
    outputHighSource = 'call-max';
  } else if (model?.maxOutputTokens != null) {
    outputHigh = model.maxOutputTokens;
    outputHighSource = 'model-max';
  } else {
    outputHigh = DEFAULT_OUTPUT_CAP;
    outputHighSource = 'default-cap';
  }
  const prior = usage?.entry?.outputTokens ?? config.defaults.outputTokens;
  return { ...base, outputLow: Math.min(prior, outputHigh), outputHigh, outputHighSource };
}

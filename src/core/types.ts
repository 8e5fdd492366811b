/**
 * Shared data shapes of the engine. Everything here is plain data: the editor, the CLI and the tests
 * all pass these around. Money is integer micro-USD inside the engine (`...MicroUsd`), dollars only in reports.
 */

/** Languages the scanner understands (VS Code language ids). */
export type LanguageId = 'python' | 'javascript' | 'typescript' | 'javascriptreact' | 'typescriptreact';

/** Who serves the request: openai, azure-openai, anthropic, google, vertex, mistral, cohere, bedrock, groq, together,
 * fireworks, deepinfra, openrouter, ollama, vllm, deepseek, xai, voyage, jina, … or 'unknown'. */
export type ProviderId = string;

/** How the call reaches the provider. */
export type Via = 'sdk' | 'litellm' | 'langchain' | 'llamaindex' | 'vercel-ai' | 'http';

/** What kind of request it is. 'binding' is a framework model object (LangChain ChatOpenAI(...), …). */
export type Api =
  | 'chat'
  | 'responses'
  | 'completion'
  | 'embedding'
  | 'image'
  | 'audio'
  | 'moderation'
  | 'rerank'
  | 'realtime'
  | 'batch'
  | 'ocr'
  | 'count-tokens'
  | 'binding'
  | 'other';

/** Where the model id came from. 'config': the code decides it at run time and a `.modelwise.yaml` usage entry names it. */
export type ModelSource = 'literal' | 'constant' | 'default' | 'env-default' | 'import' | 'config' | 'unknown';

/** A model id that could not be resolved inside the file but names an import (audit mode resolves it across files). */
export interface UnresolvedImport {
  /** Module specifier as written (`./config`, `app.settings`, `.settings`). */
  module: string;
  /** The imported binding's original name. */
  name: string;
}

/** Static facts about the prompt that pricing needs. */
export interface PromptInfo {
  /** Concatenated literal text of system/user/assistant messages and literal parts of f-strings/templates. */
  staticText: string;
  /** True when some part of the prompt is only known at run time (variables, interpolations). */
  hasDynamicParts: boolean;
  /** Number of message objects written in the call (0 when not a messages API). */
  messageCount: number;
}

/** One LLM call site (or binding) found in a file. Offsets are UTF-16 offsets into the text given to the scanner
 * (for notebooks: into the cell's own text). */
export interface CallSite {
  /** Stable id within the file: `${cell ?? ''}:${line}:${column}`. */
  id: string;
  /** Path as given by the shell (relative to the audit root, forward slashes). */
  file: string;
  /** 0-based index into the notebook's `cells` array (only for .ipynb). */
  cell?: number;
  language: LanguageId;
  /** 1-based line of the called method's name (`create` in `client.chat.completions.create(`). */
  line: number;
  /** 1-based column of the called method's name. */
  column: number;
  /** Offsets of the whole call expression. */
  startOffset: number;
  endOffset: number;
  /** Offsets of the method name (what `line`/`column` point at). */
  nameStartOffset: number;
  nameEndOffset: number;
  provider: ProviderId;
  via: Via;
  api: Api;
  /** Id of the SDK pattern row that matched (see scan/sdk-patterns.ts). */
  pattern: string;
  /** The callee as written, normalised (`client.chat.completions.create`). */
  callee: string;
  model: string | null;
  modelSource: ModelSource;
  /** Offsets of the string literal holding the model id, when there is one in this file (for the quick fix). */
  modelLiteral?: { startOffset: number; endOffset: number; cell?: number };
  /** Set when the model is a name imported from another module; the audit resolves it. */
  modelImport?: UnresolvedImport;
  /** Set when the client the call is made on is imported from another module; the audit reads that module's client (its host decides the provider). */
  receiverImport?: UnresolvedImport;
  /** base_url / baseURL / endpoint literal when the client sets one. */
  baseUrl?: string | null;
  prompt: PromptInfo;
  /** max_tokens / max_completion_tokens / max_output_tokens / maxTokens / maxOutputTokens, when literal. */
  maxOutputTokens: number | null;
  temperature: number | null;
  isStreaming: boolean;
  hasTools: boolean;
  toolCount: number;
  hasStructuredOutput: boolean;
  hasImageInput: boolean;
  /** Inside a for/while loop, comprehension, .map/.forEach callback, or Promise.all over a collection. */
  inLoop: boolean;
  /** Name of the enclosing function/method (`Class.method` for methods), null at module level. */
  enclosingFunction: string | null;
  /** From a `modelwise: id=NAME` comment on the call's line or the line above. */
  usageId?: string;
  /** From a `modelwise: routine` / `modelwise: frontier` comment on the call's line or the line above. */
  classOverride?: 'routine' | 'frontier';
}

/** How a file was handled by the audit. */
export type SkipReason = 'too-large' | 'binary' | 'minified' | 'parse-error' | 'unsupported' | 'ignored' | 'unreadable';

/** One problem with user input (config, catalog), with a location when there is one. */
export interface InputIssue {
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Dotted path inside the document, e.g. `usage.3.callsPerMonth`. */
  path?: string;
  message: string;
}

/** Token estimate of one call. */
export interface TokenEstimate {
  /** Input tokens of the static prompt (plus per-message overhead). */
  input: number;
  /** True when counted with the model's own tokenizer (js-tiktoken for OpenAI encodings). */
  exact: boolean;
  /** 'o200k_base', 'cl100k_base', or the family whose factor was used ('claude', 'llama3', …). */
  encoding: string;
  /** How `input` was obtained, for people: counted, estimated, taken from usage.inputTokens ('none'), or a stated
   * prior for input built entirely at run time ('prior'). */
  method: 'tiktoken' | 'calibrated-factor' | 'none' | 'prior';
  /** Relative band of a calibrated estimate, e.g. { low: 0.9, high: 1.15 } (1 = exact). */
  band: { low: number; high: number };
  /** Output tokens assumed for the low end of the range (a stated prior). */
  outputLow: number;
  /** Output tokens for the high end: the call's own max, else the model's max output, else a cap. */
  outputHigh: number;
  outputHighSource: 'call-max' | 'model-max' | 'default-cap' | 'none';
}

export type PriceStatus = 'priced' | 'unpriced' | 'self-hosted' | 'unknown-model';

/** Cost of one call site, per call and per month. */
export interface CostEstimate {
  /** True only when a per-token price was found; unpriced and unknown models are never $0. */
  priced: boolean;
  status: PriceStatus;
  /** Canonical catalog id the call's model resolved to (null when unknown). */
  modelId: string | null;
  /** Host whose offer was used. */
  host: string | null;
  offerSource?: { url: string; asOf: string };
  perCallMicroUsd: { low: number; high: number } | null;
  callsPerMonth: number;
  callsSource: 'usage-id' | 'usage-function' | 'usage-file' | 'default';
  monthlyMicroUsd: { low: number; high: number } | null;
  /** Human-readable assumptions the estimate rests on. */
  assumptions: string[];
  /** Prices used (after discounts and overrides), USD per 1M tokens, for display. */
  prices?: { inputPerMTok?: number; outputPerMTok?: number; cachedInputPerMTok?: number; batchInputPerMTok?: number; batchOutputPerMTok?: number };
  /** What the same call would cost with its whole prompt cached, or as a batch job, where the host prices that. */
  options?: { cachedPerCallMicroUsd?: { low: number; high: number }; batchPerCallMicroUsd?: { low: number; high: number } };
}

/** Severity of a finding. */
export type Severity = 'error' | 'warning' | 'info';

/** Finding codes (stable identifiers; text is produced by core/report). */
export type FindingCode =
  | 'MODEL_NOT_IN_CATALOG'
  | 'DYNAMIC_MODEL_ID'
  | 'LICENSE_NOT_ALLOWED'
  | 'LICENSE_DENIED'
  | 'LICENSE_MAU_CAP'
  | 'LICENSE_REVENUE_CAP'
  | 'LICENSE_ATTRIBUTION'
  | 'LICENSE_NAMING'
  | 'LICENSE_OUTPUT_TRAINING'
  | 'LICENSE_REGION'
  | 'LICENSE_NON_COMMERCIAL'
  | 'LICENSE_UNKNOWN_TERMS'
  | 'VENDOR_DENIED'
  | 'MODEL_DENIED'
  | 'COST_OVER_BUDGET'
  | 'CALL_IN_LOOP'
  | 'ROUTINE_ON_FRONTIER';

/** One policy or review finding. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** The license clause that decides it, quoted, with its section and link. */
  clause?: string;
  section?: string;
  url?: string;
}

/** Policy verdict for one model under the workspace policy. */
export interface PolicyVerdict {
  modelId: string;
  licenseId: string | null;
  verdict: 'pass' | 'warn' | 'fail';
  findings: Finding[];
}

/** A cheaper model that could do a routine call. */
export interface Alternative {
  modelId: string;
  name: string;
  licenseId: string;
  /** Short label for one-line displays: SPDX id, else e.g. `Llama 4 license`, `Gemma terms`, `API terms`. */
  licenseLabel: string;
  /** The license's full name from the catalog (hovers, tables), e.g. `Llama 4 Community License Agreement`. */
  licenseName?: string;
  host: string;
  perCallMicroUsd: { low: number; high: number };
  monthlyMicroUsd: { low: number; high: number };
  /** Saving per month against the current call (mid of the ranges), and as a fraction 0–1. */
  savingMonthlyMicroUsd: number;
  savingFraction: number;
  /** Spread of the model's input price across hosts. */
  hostSpread: { hosts: number; minInputPerMTok: number; maxInputPerMTok: number };
  /** Benchmarks both models have, e.g. GPQA Diamond 69.8 vs 53.6. */
  evidence: { benchmark: string; alternative: number; current: number; source: string }[];
  policy: PolicyVerdict;
}

/** Routine/frontier classification and alternatives. */
export interface Advice {
  class: 'routine' | 'frontier';
  /** 0–1. */
  confidence: number;
  /** Short codes and words shown to users, e.g. 'prompt: summarize', 'structured output', 'temperature 0'. */
  reasons: string[];
  overriddenBy?: 'comment' | 'config';
  alternatives: Alternative[];
}

/** A call site with everything the engine knows about it. */
export interface AnalyzedCall extends CallSite {
  tokens: TokenEstimate;
  cost: CostEstimate;
  advice: Advice;
  /** Policy verdict of the call's model (absent when the model is unknown). */
  policy?: PolicyVerdict;
  findings: Finding[];
}

/** Result of auditing many files. */
export interface AuditResult {
  calls: AnalyzedCall[];
  files: {
    scanned: number;
    skipped: { file: string; reason: SkipReason }[];
  };
  /** Config and catalog issues met on the way. */
  issues: InputIssue[];
  /** Set when the audit was cancelled: how far it got. */
  partial?: { done: number; total: number };
}

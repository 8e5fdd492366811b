import type { Api, ProviderId, Via } from '../types';

/** Where a pattern finds the model id. Looked up in order: keyword / object key, then position. */
export interface ModelArg {
  /** Keyword argument (Python) or key of an object argument (JS), e.g. `model`, `modelId`, `model_name`. */
  keys: string[];
  /** Positional index, when the SDK takes the model positionally (`genai.GenerativeModel("gemini-pro")`). */
  position?: number;
  /** Take the model from the call that made the receiver (`model = genai.GenerativeModel(..)`; `model.generate_content`). */
  fromReceiver?: boolean;
}

/**
 * One row of the SDK table. `callees` are canonical signatures (see values.ts `signature`): a module function
 * (`litellm.completion`), a constructor (`langchain.ChatOpenAI`) or a method on an object made by a constructor
 * (`openai.OpenAI().chat.completions.create`). `?.` rows match any receiver whose origin is unknown.
 */
export interface SdkPattern {
  id: string;
  lang: 'py' | 'js' | 'both';
  provider: ProviderId;
  via: Via;
  api: Api;
  callees: string[];
  model: ModelArg;
  /** For `?.` callees: match only when the model argument is present. */
  needsModel?: boolean;
  streaming?: boolean;
  structured?: boolean;
  /** Binding rows: methods that call the model (`llm.invoke`), with their api. */
  invokes?: Record<string, Api>;
  /** Bedrock JS: the command class passed to `client.send(...)`. */
  command?: string[];
}

const M: ModelArg = { keys: ['model'] };
const MID: ModelArg = { keys: ['modelId', 'model_id', 'ModelId'] };

/** `receivers` × `chains` → `recv().chain`, plus `?.chain` when `unknown` is set. */
function on(receivers: string[], chains: string[], unknown = true): string[] {
  const out: string[] = [];
  for (const c of chains) {
    for (const r of receivers) out.push(`${r}().${c}`);
    if (unknown) out.push(`?.${c}`);
  }
  return out;
}

const OPENAI_PY = ['openai.OpenAI', 'openai.AsyncOpenAI', 'openai.Client', 'openai.AsyncClient'];
const OPENAI_JS = ['openai.OpenAI', 'openai.default', 'openai', 'openai.default.OpenAI'];
const OPENAI = [...new Set([...OPENAI_PY, ...OPENAI_JS])];
const AZURE = ['openai.AzureOpenAI', 'openai.AsyncAzureOpenAI'];
const ANTHROPIC = ['anthropic.Anthropic', 'anthropic.AsyncAnthropic', 'anthropic.Client', 'anthropic.AsyncClient', 'anthropic.default', 'anthropic'];
const ANTHROPIC_BEDROCK = ['anthropic.AnthropicBedrock', 'anthropic.AsyncAnthropicBedrock', 'anthropic-bedrock.AnthropicBedrock', 'anthropic-bedrock.default', 'anthropic-bedrock'];
const ANTHROPIC_VERTEX = ['anthropic.AnthropicVertex', 'anthropic.AsyncAnthropicVertex', 'anthropic-vertex.AnthropicVertex', 'anthropic-vertex.default', 'anthropic-vertex'];

/** Builds the OpenAI-shaped rows for one set of receivers. */
function openaiRows(prefix: string, provider: ProviderId, receivers: string[], unknown: boolean): SdkPattern[] {
  const row = (id: string, api: Api, chains: string[], extra: Partial<SdkPattern> = {}): SdkPattern => ({
    id: `${prefix}.${id}`, lang: 'both', provider, via: 'sdk', api, callees: on(receivers, chains, unknown), model: M, ...extra,
  });
  return [
    row('chat', 'chat', ['chat.completions.create', 'beta.chat.completions.create', 'chat.completions.with_raw_response.create']),
    row('chat-parse', 'chat', ['beta.chat.completions.parse', 'chat.completions.parse'], { structured: true }),
    row('chat-stream', 'chat', ['beta.chat.completions.stream', 'chat.completions.stream', 'chat.completions.runTools', 'beta.chat.completions.runTools', 'beta.chat.completions.run_tools'], { streaming: true }),
    row('responses', 'responses', ['responses.create', 'beta.responses.create']),
    row('responses-parse', 'responses', ['responses.parse'], { structured: true }),
    row('responses-stream', 'responses', ['responses.stream'], { streaming: true }),
    row('completion', 'completion', ['completions.create']),
    row('embedding', 'embedding', ['embeddings.create']),
    row('image', 'image', ['images.generate', 'images.edit', 'images.create_variation', 'images.createVariation']),
    row('audio', 'audio', ['audio.speech.create', 'audio.transcriptions.create', 'audio.translations.create', 'audio.speech.with_streaming_response.create']),
    row('moderation', 'moderation', ['moderations.create']),
    row('realtime', 'realtime', ['beta.realtime.connect', 'realtime.connect']),
    row('batch', 'batch', ['batches.create'], { model: { keys: [] } }),
  ];
}

/** The SDK table. Order matters only for documentation; lookup is by signature. */
export const SDK_PATTERNS: SdkPattern[] = [
  ...openaiRows('openai', 'openai', OPENAI, true),
  ...openaiRows('azure', 'azure-openai', AZURE, false),
  {
    id: 'openai.module-v1', lang: 'py', provider: 'openai', via: 'sdk', api: 'chat', model: M,
    callees: ['openai.chat.completions.create', 'openai.beta.chat.completions.parse', 'openai.chat.completions.parse'],
  },
  { id: 'openai.module-responses', lang: 'py', provider: 'openai', via: 'sdk', api: 'responses', model: M, callees: ['openai.responses.create'] },
  { id: 'openai.module-embedding', lang: 'py', provider: 'openai', via: 'sdk', api: 'embedding', model: M, callees: ['openai.embeddings.create'] },
  { id: 'openai.module-image', lang: 'py', provider: 'openai', via: 'sdk', api: 'image', model: M, callees: ['openai.images.generate'] },
  { id: 'openai.v0-chat', lang: 'py', provider: 'openai', via: 'sdk', api: 'chat', model: { keys: ['model', 'engine', 'deployment_id'] }, callees: ['openai.ChatCompletion.create', 'openai.ChatCompletion.acreate'] },
  { id: 'openai.v0-completion', lang: 'py', provider: 'openai', via: 'sdk', api: 'completion', model: { keys: ['model', 'engine', 'deployment_id'] }, callees: ['openai.Completion.create', 'openai.Completion.acreate'] },
  { id: 'openai.v0-embedding', lang: 'py', provider: 'openai', via: 'sdk', api: 'embedding', model: { keys: ['model', 'engine', 'deployment_id'] }, callees: ['openai.Embedding.create', 'openai.Embedding.acreate'] },
  { id: 'openai.v0-image', lang: 'py', provider: 'openai', via: 'sdk', api: 'image', model: M, callees: ['openai.Image.create'] },
  { id: 'openai.v0-moderation', lang: 'py', provider: 'openai', via: 'sdk', api: 'moderation', model: M, callees: ['openai.Moderation.create'] },
  { id: 'openai.v0-js', lang: 'js', provider: 'openai', via: 'sdk', api: 'chat', model: M, callees: on(['openai.OpenAIApi'], ['createChatCompletion'], false) },
  { id: 'openai.v0-js-completion', lang: 'js', provider: 'openai', via: 'sdk', api: 'completion', model: M, callees: on(['openai.OpenAIApi'], ['createCompletion'], false) },

  // Anthropic
  ...anthropicRows('anthropic', 'anthropic', ANTHROPIC, true),
  ...anthropicRows('anthropic-bedrock', 'bedrock', ANTHROPIC_BEDROCK, false),
  ...anthropicRows('anthropic-vertex', 'vertex', ANTHROPIC_VERTEX, false),
  { id: 'anthropic.legacy-completion', lang: 'both', provider: 'anthropic', via: 'sdk', api: 'completion', model: M, callees: on(ANTHROPIC, ['completions.create'], false) },
];

function anthropicRows(prefix: string, provider: ProviderId, receivers: string[], unknown: boolean): SdkPattern[] {
  const row = (id: string, api: Api, chains: string[], extra: Partial<SdkPattern> = {}): SdkPattern => ({
    id: `${prefix}.${id}`, lang: 'both', provider, via: 'sdk', api, callees: on(receivers, chains, unknown), model: M, needsModel: true, ...extra,
  });
  return [
    row('messages', 'chat', ['messages.create', 'beta.messages.create', 'messages.with_raw_response.create']),
    row('messages-stream', 'chat', ['messages.stream', 'beta.messages.stream'], { streaming: true }),
    row('messages-parse', 'chat', ['messages.parse', 'beta.messages.parse'], { structured: true }),
    row('count-tokens', 'count-tokens', ['messages.count_tokens', 'messages.countTokens', 'beta.messages.count_tokens', 'beta.messages.countTokens']),
    row('batch', 'batch', ['messages.batches.create', 'beta.messages.batches.create'], { model: { keys: [] }, needsModel: false }),
  ];
}

/** Index of the table by signature, built once. */
export interface PatternIndex {
  bySignature: Map<string, SdkPattern>;
}

/** Indexes patterns by callee signature for one language family. Later rows never override earlier ones. */
export function indexPatterns(patterns: readonly SdkPattern[], family: 'py' | 'js'): PatternIndex {
  const bySignature = new Map<string, SdkPattern>();
  for (const p of patterns) {
    if (p.lang !== 'both' && p.lang !== family) continue;
    for (const c of p.callees) if (!bySignature.has(c)) bySignature.set(c, p);
  }
  return { bySignature };
}

export { MID };

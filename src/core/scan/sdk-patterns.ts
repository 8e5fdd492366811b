import type { Api, ProviderId } from '../types';
import { M, on, type SdkPattern } from './pattern-types';

export type { ModelArg, SdkPattern } from './pattern-types';
import { FRAMEWORK_PATTERNS } from './sdk-patterns-frameworks';
import { VENDOR_PATTERNS } from './sdk-patterns-vendors';

const OPENAI_PY = ['openai.OpenAI', 'openai.AsyncOpenAI', 'openai.Client', 'openai.AsyncClient'];
const OPENAI_JS = ['openai.OpenAI', 'openai.default', 'openai', 'openai.default.OpenAI'];
const OPENAI = [...new Set([...OPENAI_PY, ...OPENAI_JS])];
const AZURE = ['openai.AzureOpenAI', 'openai.AsyncAzureOpenAI'];
const ANTHROPIC = ['anthropic.Anthropic', 'anthropic.AsyncAnthropic', 'anthropic.Client', 'anthropic.AsyncClient', 'anthropic.default', 'anthropic'];
const ANTHROPIC_BEDROCK = ['anthropic.AnthropicBedrock', 'anthropic.AsyncAnthropicBedrock', 'anthropic-bedrock.AnthropicBedrock', 'anthropic-bedrock.default', 'anthropic-bedrock'];
const ANTHROPIC_VERTEX = ['anthropic.AnthropicVertex', 'anthropic.AsyncAnthropicVertex', 'anthropic-vertex.AnthropicVertex', 'anthropic-vertex.default', 'anthropic-vertex'];

/** Builds the OpenAI-shaped rows for one set of receivers. */
function openaiRows(prefix: string, provider: ProviderId, receivers: string[], unknown: boolean): SdkPattern[] {
  // Azure clients may fix the deployment on the client: AzureOpenAI(azure_deployment="gpt-4o") (read from the receiver).
  const model = prefix === 'azure' ? { keys: ['model', 'azure_deployment', 'deployment'] } : M;
  // The v1 Python module works as a client too: `import openai; openai.chat.completions.create(...)`.
  const moduleClient = prefix === 'openai';
  // On a receiver of unknown origin only `chat.completions` is distinctive; `responses.create`, `images.generate`, …
  // could be a database table or an ORM model, so they also need the `model` argument (see unknownOk).
  const row = (id: string, api: Api, chains: string[], extra: Partial<SdkPattern> = {}): SdkPattern => ({
    id: `${prefix}.${id}`, lang: 'both', provider, via: 'sdk', api, model, ...(id.startsWith('chat') ? {} : { needsModel: true }), ...extra,
    callees: [...on(receivers, chains, unknown), ...(moduleClient ? chains.map((c) => `openai.${c}`) : [])],
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
    row('image', 'image', ['images.generate', 'images.edit', 'images.create_variation', 'images.createVariation', 'images.create']),
    row('audio', 'audio', ['audio.speech.create', 'audio.transcriptions.create', 'audio.translations.create', 'audio.speech.with_streaming_response.create']),
    row('moderation', 'moderation', ['moderations.create']),
    row('count-tokens', 'count-tokens', ['responses.input_tokens.count', 'responses.inputTokens.count']),
    row('realtime', 'realtime', ['beta.realtime.connect', 'realtime.connect']),
    row('batch', 'batch', ['batches.create'], { model: { keys: [] }, needsModel: false, unknownNeeds: ['input_file_id', 'completion_window'] }),
    row('assistants-run', 'other', ['beta.threads.runs.create', 'beta.threads.runs.create_and_poll', 'beta.threads.runs.createAndPoll', 'beta.threads.runs.stream', 'beta.threads.create_and_run', 'beta.threads.createAndRun', 'beta.threads.create_and_run_poll', 'beta.threads.createAndRunPoll', 'beta.threads.runs.createAndStream', 'beta.threads.runs.stream'], { needsModel: false, unknownNeeds: ['assistant_id'] }),
  ];
}

/** The SDK table. Order matters only for documentation; lookup is by signature. */
export const SDK_PATTERNS: SdkPattern[] = [
  ...openaiRows('openai', 'openai', OPENAI, true),
  ...openaiRows('azure', 'azure-openai', AZURE, false),
  ...openaiRows('together', 'together', ['together.Together', 'together.AsyncTogether', 'together.default'], false),
  { id: 'together.rerank', lang: 'both', provider: 'together', via: 'sdk', api: 'rerank', model: M, callees: on(['together.Together', 'together.AsyncTogether', 'together.default'], ['rerank.create'], false) },
  ...openaiRows('groq', 'groq', ['groq.Groq', 'groq.AsyncGroq', 'groq.default'], false),
  ...openaiRows('fireworks', 'fireworks', ['fireworks.Fireworks', 'fireworks.AsyncFireworks'], false),
  ...openaiRows('cerebras', 'cerebras', ['cerebras.Cerebras', 'cerebras.AsyncCerebras', '@cerebras/cerebras_cloud_sdk.default'], false),
  ...openaiRows('huggingface', 'huggingface', ['huggingface_hub.InferenceClient', 'huggingface_hub.AsyncInferenceClient'], false),
  { id: 'openai.v0-chat', lang: 'py', provider: 'openai', via: 'sdk', api: 'chat', model: { keys: ['model', 'engine', 'deployment_id'] }, callees: ['openai.ChatCompletion.create', 'openai.ChatCompletion.acreate'] },
  { id: 'openai.v0-completion', lang: 'py', provider: 'openai', via: 'sdk', api: 'completion', model: { keys: ['model', 'engine', 'deployment_id'] }, callees: ['openai.Completion.create', 'openai.Completion.acreate'] },
  { id: 'openai.v0-embedding', lang: 'py', provider: 'openai', via: 'sdk', api: 'embedding', model: { keys: ['model', 'engine', 'deployment_id'] }, callees: ['openai.Embedding.create', 'openai.Embedding.acreate'] },
  { id: 'openai.v0-audio', lang: 'py', provider: 'openai', via: 'sdk', api: 'audio', model: { keys: ['model'], position: 0 }, callees: ['openai.Audio.transcribe', 'openai.Audio.translate', 'openai.Audio.atranscribe', 'openai.Audio.atranslate'] },
  { id: 'openai.v0-edit', lang: 'py', provider: 'openai', via: 'sdk', api: 'completion', model: { keys: ['model', 'engine'] }, callees: ['openai.Edit.create', 'openai.Edit.acreate'] },
  { id: 'openai.v0-image-edit', lang: 'py', provider: 'openai', via: 'sdk', api: 'image', model: M, callees: ['openai.Image.create_edit', 'openai.Image.create_variation'] },
  { id: 'openai.v0-image', lang: 'py', provider: 'openai', via: 'sdk', api: 'image', model: M, callees: ['openai.Image.create'] },
  { id: 'openai.v0-moderation', lang: 'py', provider: 'openai', via: 'sdk', api: 'moderation', model: M, callees: ['openai.Moderation.create'] },
  { id: 'openai.v0-js', lang: 'js', provider: 'openai', via: 'sdk', api: 'chat', model: M, callees: on(['openai.OpenAIApi'], ['createChatCompletion'], false) },
  { id: 'openai.v0-js-embedding', lang: 'js', provider: 'openai', via: 'sdk', api: 'embedding', model: M, callees: on(['openai.OpenAIApi'], ['createEmbedding'], false) },
  { id: 'openai.v0-js-image', lang: 'js', provider: 'openai', via: 'sdk', api: 'image', model: M, callees: on(['openai.OpenAIApi'], ['createImage'], false) },
  { id: 'openai.v0-js-audio', lang: 'js', provider: 'openai', via: 'sdk', api: 'audio', model: { keys: ['model'], position: 1 }, callees: on(['openai.OpenAIApi'], ['createTranscription', 'createTranslation'], false) },
  { id: 'openai.v0-js-moderation', lang: 'js', provider: 'openai', via: 'sdk', api: 'moderation', model: M, callees: on(['openai.OpenAIApi'], ['createModeration'], false) },
  { id: 'openai.realtime-ws', lang: 'js', provider: 'openai', via: 'sdk', api: 'realtime', model: M, callees: ['openai.OpenAIRealtimeWS', 'openai.OpenAIRealtimeWebSocket', 'openai.OpenAIRealtimeWS.create', 'openai.OpenAIRealtimeWebSocket.create'] },
  { id: 'openai.v0-js-completion', lang: 'js', provider: 'openai', via: 'sdk', api: 'completion', model: M, callees: on(['openai.OpenAIApi'], ['createCompletion'], false) },

  // Anthropic
  ...anthropicRows('anthropic', 'anthropic', ANTHROPIC, true),
  ...anthropicRows('anthropic-bedrock', 'bedrock', ANTHROPIC_BEDROCK, false),
  ...anthropicRows('anthropic-vertex', 'vertex', ANTHROPIC_VERTEX, false),
  { id: 'anthropic.legacy-completion', lang: 'both', provider: 'anthropic', via: 'sdk', api: 'completion', model: M, callees: on(ANTHROPIC, ['completions.create'], false) },
  ...VENDOR_PATTERNS,
  ...FRAMEWORK_PATTERNS,
];

function anthropicRows(prefix: string, provider: ProviderId, receivers: string[], unknown: boolean): SdkPattern[] {
  const row = (id: string, api: Api, chains: string[], extra: Partial<SdkPattern> = {}): SdkPattern => ({
    id: `${prefix}.${id}`, lang: 'both', provider, via: 'sdk', api, callees: on(receivers, chains, unknown), model: M, needsModel: true, ...extra,
  });
  return [
    row('messages', 'chat', ['messages.create', 'beta.messages.create', 'messages.with_raw_response.create', 'beta.messages.tool_runner', 'beta.messages.toolRunner', 'beta.tools.messages.create'], { unknownNeeds: ['messages'] }),
    row('messages-stream', 'chat', ['messages.stream', 'beta.messages.stream'], { streaming: true, unknownNeeds: ['messages'] }),
    row('messages-parse', 'chat', ['messages.parse', 'beta.messages.parse'], { structured: true, unknownNeeds: ['messages'] }),
    row('count-tokens', 'count-tokens', ['messages.count_tokens', 'messages.countTokens', 'beta.messages.count_tokens', 'beta.messages.countTokens']),
    row('batch', 'batch', ['messages.batches.create', 'beta.messages.batches.create'], { model: { keys: [] }, needsModel: false, unknownNeeds: ['requests'] }),
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


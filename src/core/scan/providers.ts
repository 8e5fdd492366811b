import type { ProviderId } from '../types';

/**
 * Hosts of OpenAI-compatible and native endpoints. The host of a client's base URL decides who serves the request
 * (an OpenAI client pointed at api.groq.com is a Groq call). First match wins.
 */
export const HOSTS: [RegExp, ProviderId][] = [
  [/\.openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com|models\.inference\.ai\.azure\.com/i, 'azure-openai'],
  [/api\.openai\.com/i, 'openai'],
  [/api\.groq\.com/i, 'groq'],
  [/api\.together\.(xyz|ai)/i, 'together'],
  [/api\.fireworks\.ai/i, 'fireworks'],
  [/api\.deepinfra\.com/i, 'deepinfra'],
  [/openrouter\.ai/i, 'openrouter'],
  [/(localhost|127\.0\.0\.1|0\.0\.0\.0|ollama)(:11434)|:11434\b/i, 'ollama'],
  [/api\.deepseek\.com/i, 'deepseek'],
  [/api\.x\.ai/i, 'xai'],
  [/api\.mistral\.ai/i, 'mistral'],
  [/generativelanguage\.googleapis\.com/i, 'google'],
  [/aiplatform\.googleapis\.com/i, 'vertex'],
  [/api\.anthropic\.com/i, 'anthropic'],
  [/api\.perplexity\.ai/i, 'perplexity'],
  [/api\.cerebras\.ai/i, 'cerebras'],
  [/api\.sambanova\.ai/i, 'sambanova'],
  [/api\.hyperbolic\.xyz/i, 'hyperbolic'],
  [/integrate\.api\.nvidia\.com/i, 'nvidia'],
  [/huggingface\.co/i, 'huggingface'],
  [/api\.moonshot\.(ai|cn)/i, 'moonshot'],
  [/dashscope/i, 'alibaba'],
  [/api\.novita\.ai/i, 'novita'],
  [/api\.lambdalabs\.com|api\.lambda\.ai/i, 'lambda'],
  [/api\.cohere\.(ai|com)/i, 'cohere'],
  [/api\.voyageai\.com/i, 'voyage'],
  [/api\.jina\.ai/i, 'jina'],
  [/bedrock-runtime/i, 'bedrock'],
  [/api\.endpoints\.anyscale\.com/i, 'anyscale'],
  [/(localhost|127\.0\.0\.1):1234\b/i, 'lmstudio'],
  [/(localhost|127\.0\.0\.1|0\.0\.0\.0):8000\b/i, 'vllm'],
];

/** Provider of a URL (or URL prefix), or undefined when the host is not a known one. */
export function providerForUrl(url: string): ProviderId | undefined {
  for (const [re, p] of HOSTS) if (re.test(url)) return p;
  return undefined;
}

/**
 * Vercel AI SDK provider factories (`openai('gpt-4o')`) and provider creators (`createOpenAI({...})`), by signature.
 * Method forms (`openai.chat('..')`, `openai.embedding('..')`) are handled by stripping the method name.
 */
export const MODEL_FACTORIES: Record<string, ProviderId> = {
  '@ai-sdk/openai.openai': 'openai',
  '@ai-sdk/openai.createOpenAI()': 'openai',
  '@ai-sdk/anthropic.anthropic': 'anthropic',
  '@ai-sdk/anthropic.createAnthropic()': 'anthropic',
  '@ai-sdk/google.google': 'google',
  '@ai-sdk/google.createGoogleGenerativeAI()': 'google',
  '@ai-sdk/google-vertex.vertex': 'vertex',
  '@ai-sdk/google-vertex.createVertex()': 'vertex',
  '@ai-sdk/google-vertex/anthropic.vertexAnthropic': 'vertex',
  '@ai-sdk/mistral.mistral': 'mistral',
  '@ai-sdk/mistral.createMistral()': 'mistral',
  '@ai-sdk/groq.groq': 'groq',
  '@ai-sdk/groq.createGroq()': 'groq',
  '@ai-sdk/xai.xai': 'xai',
  '@ai-sdk/xai.createXai()': 'xai',
  '@ai-sdk/deepseek.deepseek': 'deepseek',
  '@ai-sdk/deepseek.createDeepSeek()': 'deepseek',
  '@ai-sdk/togetherai.togetherai': 'together',
  '@ai-sdk/togetherai.createTogetherAI()': 'together',
  '@ai-sdk/fireworks.fireworks': 'fireworks',
  '@ai-sdk/fireworks.createFireworks()': 'fireworks',
  '@ai-sdk/deepinfra.deepinfra': 'deepinfra',
  '@ai-sdk/deepinfra.createDeepInfra()': 'deepinfra',
  '@ai-sdk/cohere.cohere': 'cohere',
  '@ai-sdk/cohere.createCohere()': 'cohere',
  '@ai-sdk/amazon-bedrock.bedrock': 'bedrock',
  '@ai-sdk/amazon-bedrock.createAmazonBedrock()': 'bedrock',
  '@ai-sdk/azure.azure': 'azure-openai',
  '@ai-sdk/azure.createAzure()': 'azure-openai',
  '@ai-sdk/perplexity.perplexity': 'perplexity',
  '@ai-sdk/perplexity.createPerplexity()': 'perplexity',
  '@ai-sdk/cerebras.cerebras': 'cerebras',
  '@ai-sdk/cerebras.createCerebras()': 'cerebras',
  '@ai-sdk/openai-compatible.createOpenAICompatible()': 'unknown',
  '@openrouter/ai-sdk-provider.openrouter': 'openrouter',
  '@openrouter/ai-sdk-provider.createOpenRouter()': 'openrouter',
  'ollama-ai-provider.ollama': 'ollama',
  'ollama-ai-provider.createOllama()': 'ollama',
  'ollama-ai-provider-v2.ollama': 'ollama',
  'ollama-ai-provider-v2.createOllama()': 'ollama',
  'ai-sdk-ollama.ollama': 'ollama',
  '@ai-sdk/gateway.gateway': 'from-model',
  '@ai-sdk/gateway.createGateway()': 'from-model',
  'ai.gateway': 'from-model',
};

/** Method names of provider objects that return a model (`openai.chat('gpt-4o')`). */
export const FACTORY_METHODS = new Set([
  'chat', 'languageModel', 'chatModel', 'responses', 'completion', 'embedding', 'textEmbeddingModel', 'textEmbedding',
  'embeddingModel', 'image', 'imageModel', 'transcription', 'speech', 'messages',
]);

/** Provider implied by a `provider/model` (LiteLLM, AI gateway) or `provider:model` (registry) prefix. */
const PREFIXES: Record<string, ProviderId> = {
  openai: 'openai', azure: 'azure-openai', azure_ai: 'azure-openai', anthropic: 'anthropic', gemini: 'google', google: 'google',
  vertex_ai: 'vertex', 'vertex_ai_beta': 'vertex', vertex: 'vertex', bedrock: 'bedrock', bedrock_converse: 'bedrock', mistral: 'mistral', cohere: 'cohere',
  cohere_chat: 'cohere', groq: 'groq', together_ai: 'together', togetherai: 'together', together: 'together', fireworks_ai: 'fireworks', fireworks: 'fireworks',
  deepinfra: 'deepinfra', openrouter: 'openrouter', ollama: 'ollama', ollama_chat: 'ollama', deepseek: 'deepseek', xai: 'xai',
  perplexity: 'perplexity', huggingface: 'huggingface', cerebras: 'cerebras', voyage: 'voyage', jina_ai: 'jina', hosted_vllm: 'vllm', vllm: 'vllm',
  sambanova: 'sambanova', nvidia_nim: 'nvidia', replicate: 'replicate', 'text-completion-openai': 'openai',
};

/** Provider from a model string's prefix, or from a well-known model family name (LiteLLM's own inference). */
export function providerFromModelString(model: string, inferFamily: boolean): ProviderId | undefined {
  const m = /^([a-z_\-]+)[/:]/i.exec(model);
  if (m && PREFIXES[m[1]!.toLowerCase()]) return PREFIXES[m[1]!.toLowerCase()];
  if (!inferFamily) return undefined;
  if (/^(gpt-|o[1-9]|chatgpt|text-embedding|dall-e|whisper|tts-|davinci|babbage|omni-moderation|text-moderation|gpt)/i.test(model)) return 'openai';
  if (/^claude/i.test(model)) return 'anthropic';
  if (/^gemini|^text-bison|^chat-bison/i.test(model)) return 'google';
  if (/^command|^embed-(english|multilingual)|^rerank-/i.test(model)) return 'cohere';
  if (/^(mistral|mixtral|codestral|open-mistral|pixtral|ministral)/i.test(model)) return 'mistral';
  if (/^voyage-/i.test(model)) return 'voyage';
  return undefined;
}

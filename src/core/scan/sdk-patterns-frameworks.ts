import type { Api } from '../types';
import type { ModelArg, SdkPattern } from './pattern-types';

/** Model keys of framework constructors (Python keywords and JS option keys). */
const FRAMEWORK_MODEL: ModelArg = {
  keys: ['model', 'model_name', 'modelName', 'model_id', 'modelId', 'deployment_name', 'azure_deployment', 'deploymentName', 'azureOpenAIApiDeploymentName', 'engine', 'repo_id', 'endpoint'],
};

const CHAT_INVOKES: Record<string, Api> = {
  invoke: 'chat', ainvoke: 'chat', stream: 'chat', astream: 'chat', batch: 'chat', abatch: 'chat', predict: 'chat', apredict: 'chat',
  predict_messages: 'chat', generate: 'chat', agenerate: 'chat', astream_events: 'chat', streamEvents: 'chat', call: 'chat',
};
const EMBED_INVOKES: Record<string, Api> = {
  embed_query: 'embedding', embed_documents: 'embedding', aembed_query: 'embedding', aembed_documents: 'embedding', embedQuery: 'embedding', embedDocuments: 'embedding',
};
const LLAMA_INVOKES: Record<string, Api> = {
  complete: 'completion', acomplete: 'completion', stream_complete: 'completion', astream_complete: 'completion', chat: 'chat', achat: 'chat',
  stream_chat: 'chat', astream_chat: 'chat', predict: 'completion', apredict: 'completion', structured_predict: 'chat', astructured_predict: 'chat',
  get_text_embedding: 'embedding', get_query_embedding: 'embedding', get_text_embedding_batch: 'embedding', aget_text_embedding: 'embedding',
  aget_query_embedding: 'embedding', get_agg_embedding_from_queries: 'embedding',
};

/** LangChain chat/LLM classes (Python and JS share names) → provider. `from-model` reads the provider off the model id. */
const LANGCHAIN_CHAT: Record<string, string> = {
  ChatOpenAI: 'openai', OpenAI: 'openai', AzureChatOpenAI: 'azure-openai', AzureOpenAI: 'azure-openai', ChatAnthropic: 'anthropic', Anthropic: 'anthropic',
  ChatAnthropicMessages: 'anthropic', ChatGoogleGenerativeAI: 'google', GoogleGenerativeAI: 'google', ChatVertexAI: 'vertex', VertexAI: 'vertex',
  ChatAnthropicVertex: 'vertex', ChatMistralAI: 'mistral', ChatGroq: 'groq', ChatOllama: 'ollama', Ollama: 'ollama', OllamaLLM: 'ollama',
  ChatBedrock: 'bedrock', ChatBedrockConverse: 'bedrock', BedrockChat: 'bedrock', Bedrock: 'bedrock', BedrockLLM: 'bedrock', ChatCohere: 'cohere', Cohere: 'cohere',
  ChatFireworks: 'fireworks', Fireworks: 'fireworks', ChatTogether: 'together', TogetherLLM: 'together', ChatTogetherAI: 'together', ChatDeepSeek: 'deepseek', ChatXAI: 'xai',
  ChatPerplexity: 'perplexity', ChatCerebras: 'cerebras', ChatNVIDIA: 'nvidia', ChatDeepInfra: 'deepinfra', ChatLiteLLM: 'from-model', ChatOpenRouter: 'openrouter',
  ChatHuggingFace: 'huggingface', HuggingFaceEndpoint: 'huggingface', ChatWatsonx: 'ibm', ChatSambaNovaCloud: 'sambanova', ChatMoonshot: 'moonshot',
};
const LANGCHAIN_EMBED: Record<string, string> = {
  OpenAIEmbeddings: 'openai', AzureOpenAIEmbeddings: 'azure-openai', GoogleGenerativeAIEmbeddings: 'google', VertexAIEmbeddings: 'vertex',
  CohereEmbeddings: 'cohere', MistralAIEmbeddings: 'mistral', OllamaEmbeddings: 'ollama', BedrockEmbeddings: 'bedrock', VoyageAIEmbeddings: 'voyage',
  VoyageEmbeddings: 'voyage', TogetherEmbeddings: 'together', FireworksEmbeddings: 'fireworks', JinaEmbeddings: 'jina', NVIDIAEmbeddings: 'nvidia',
};
/** LlamaIndex LLM and embedding classes. */
const LLAMA: Record<string, string> = {
  OpenAI: 'openai', AzureOpenAI: 'azure-openai', Anthropic: 'anthropic', Gemini: 'google', GoogleGenAI: 'google', Vertex: 'vertex', Ollama: 'ollama',
  Groq: 'groq', MistralAI: 'mistral', Bedrock: 'bedrock', BedrockConverse: 'bedrock', Cohere: 'cohere', TogetherLLM: 'together', Fireworks: 'fireworks',
  DeepSeek: 'deepseek', OpenRouter: 'openrouter', LiteLLM: 'from-model', OpenAILike: 'unknown', Perplexity: 'perplexity', DeepInfraLLM: 'deepinfra', Cerebras: 'cerebras',
  OpenAIEmbedding: 'openai', AzureOpenAIEmbedding: 'azure-openai', GeminiEmbedding: 'google', GoogleGenAIEmbedding: 'google', CohereEmbedding: 'cohere',
  MistralAIEmbedding: 'mistral', OllamaEmbedding: 'ollama', BedrockEmbedding: 'bedrock', VoyageEmbedding: 'voyage', JinaEmbedding: 'jina',
  OpenAIResponses: 'openai',
};

/** LangChain text-completion LLM classes (not chat models): invoking them is a completion. */
const LANGCHAIN_LLMS = new Set(['OpenAI', 'AzureOpenAI', 'Ollama', 'OllamaLLM', 'Bedrock', 'BedrockLLM', 'Cohere', 'Fireworks', 'TogetherLLM', 'VertexAI', 'HuggingFaceEndpoint', 'GoogleGenerativeAI', 'Anthropic']);
const COMPLETION_INVOKES: Record<string, Api> = Object.fromEntries(Object.keys(CHAT_INVOKES).map((k) => [k, 'completion' as Api]));

function langchainRows(): SdkPattern[] {
  const out: SdkPattern[] = [];
  for (const [cls, provider] of Object.entries(LANGCHAIN_CHAT))
    out.push({ id: `langchain.${cls}`, lang: 'both', provider, via: 'langchain', api: 'binding', model: FRAMEWORK_MODEL, callees: [`langchain.${cls}`], invokes: LANGCHAIN_LLMS.has(cls) ? COMPLETION_INVOKES : CHAT_INVOKES });
  for (const [cls, provider] of Object.entries(LANGCHAIN_EMBED))
    out.push({ id: `langchain.${cls}`, lang: 'both', provider, via: 'langchain', api: 'binding', model: FRAMEWORK_MODEL, callees: [`langchain.${cls}`], invokes: EMBED_INVOKES });
  out.push({
    id: 'langchain.init_chat_model', lang: 'both', provider: 'from-model', via: 'langchain', api: 'binding', model: { keys: ['model'], position: 0 },
    callees: ['langchain.init_chat_model', 'langchain.initChatModel'], invokes: CHAT_INVOKES,
  });
  out.push({
    id: 'langchain.init_embeddings', lang: 'py', provider: 'from-model', via: 'langchain', api: 'binding', model: { keys: ['model'], position: 0 },
    callees: ['langchain.init_embeddings'], invokes: EMBED_INVOKES,
  });
  return out;
}

function llamaRows(): SdkPattern[] {
  return Object.entries(LLAMA).map(([cls, provider]) => ({
    id: `llamaindex.${cls}`, lang: 'both', provider, via: 'llamaindex', api: 'binding', model: FRAMEWORK_MODEL, callees: [`llama_index.${cls}`], invokes: LLAMA_INVOKES,
  }));
}

/** Vercel AI SDK entry points; the provider comes from the model factory (`openai('gpt-4o')`). */
const VERCEL: Record<string, Api> = {
  generateText: 'chat', streamText: 'chat', generateObject: 'chat', streamObject: 'chat', embed: 'embedding', embedMany: 'embedding',
  generateImage: 'image', experimental_generateImage: 'image', transcribe: 'audio', experimental_transcribe: 'audio',
  generateSpeech: 'audio', experimental_generateSpeech: 'audio', streamUI: 'chat', render: 'chat',
};

function vercelRows(): SdkPattern[] {
  const agents = ['ai.Experimental_Agent', 'ai.Agent', 'ai.ToolLoopAgent'];
  const agentRows: SdkPattern[] = [
    { id: 'vercel-ai.agent', lang: 'js', provider: 'from-model', via: 'vercel-ai', api: 'binding', silent: true, model: { keys: ['model'] }, callees: agents },
    { id: 'vercel-ai.agent-generate', lang: 'js', provider: 'from-model', via: 'vercel-ai', api: 'chat', model: { keys: ['model'], fromReceiver: true }, callees: agents.map((a) => `${a}().generate`) },
    { id: 'vercel-ai.agent-stream', lang: 'js', provider: 'from-model', via: 'vercel-ai', api: 'chat', streaming: true, model: { keys: ['model'], fromReceiver: true }, callees: agents.map((a) => `${a}().stream`) },
  ];
  return [...agentRows, ...Object.entries(VERCEL).map(([fn, api]): SdkPattern => ({
    id: `vercel-ai.${fn}`, lang: 'js', provider: 'from-model', via: 'vercel-ai', api, model: { keys: ['model'] },
    callees: [`ai.${fn}`, `ai/rsc.${fn}`, `@ai-sdk/rsc.${fn}`],
    ...(/stream/i.test(fn) ? { streaming: true } : {}), ...(/Object/.test(fn) ? { structured: true } : {}),
  }))];
}

/** LiteLLM functions (provider from the `provider/model` prefix) and its Router. */
const LITELLM: Record<string, Api> = {
  completion: 'chat', acompletion: 'chat', text_completion: 'completion', atext_completion: 'completion', embedding: 'embedding', aembedding: 'embedding',
  image_generation: 'image', aimage_generation: 'image', transcription: 'audio', atranscription: 'audio', speech: 'audio', aspeech: 'audio',
  moderation: 'moderation', rerank: 'rerank', arerank: 'rerank', responses: 'responses', aresponses: 'responses',
};

function litellmRows(): SdkPattern[] {
  return Object.entries(LITELLM).flatMap(([fn, api]): SdkPattern[] => [
    { id: `litellm.${fn}`, lang: 'py', provider: 'from-model', via: 'litellm', api, model: { keys: ['model'], position: 0 }, callees: [`litellm.${fn}`] },
    // A Router's model is an alias from its model_list: the serving provider is not knowable from the call.
    { id: `litellm.router.${fn}`, lang: 'py', provider: 'unknown', via: 'litellm', api, model: { keys: ['model'], position: 0 }, callees: [`litellm.Router().${fn}`] },
  ]);
}

/** Framework rows: LangChain, LlamaIndex, Vercel AI SDK, LiteLLM. */
export const FRAMEWORK_PATTERNS: SdkPattern[] = [...langchainRows(), ...llamaRows(), ...vercelRows(), ...litellmRows()];

import type { Api } from '../types';
import { M, on, type ModelArg, type SdkPattern } from './pattern-types';

const MID: ModelArg = { keys: ['modelId', 'model_id', 'ModelId'] };
const RECV: ModelArg = { keys: ['model'], fromReceiver: true };

/** Rows of `receivers` × `{chain: api}`; `streaming` chains are marked by name. */
function rows(prefix: string, provider: string, receivers: string[], chains: Record<string, Api>, model: ModelArg, unknown: boolean, needsModel = true): SdkPattern[] {
  return Object.entries(chains).map(([chain, api]) => ({
    id: `${prefix}.${chain}`, lang: 'both', provider, via: 'sdk', api, model, needsModel,
    callees: on(receivers, [chain], unknown), ...(/stream/i.test(chain) ? { streaming: true } : {}),
  }));
}

const GENAI = ['google.genai.Client', 'google.genai.GoogleGenAI'];
const GENAI_CHAINS: Record<string, Api> = {
  'models.generate_content': 'chat', 'models.generate_content_stream': 'chat', 'models.embed_content': 'embedding',
  'models.generate_images': 'image', 'models.edit_image': 'image', 'models.count_tokens': 'count-tokens', 'models.compute_tokens': 'count-tokens',
  'models.generateContent': 'chat', 'models.generateContentStream': 'chat', 'models.embedContent': 'embedding',
  'models.generateImages': 'image', 'models.countTokens': 'count-tokens', 'models.generate_videos': 'other', 'models.generateVideos': 'other',
  'live.connect': 'realtime', 'batches.create': 'batch',
};
/** Objects that carry a model and are called later (`GenerativeModel(...)`, `client.chats.create(model=...)`). */
const MODEL_HOLDERS = [
  'google.generativeai.GenerativeModel', 'vertexai.GenerativeModel', 'google.genai.Client().chats.create', 'google.genai.GoogleGenAI().chats.create',
  'google.generativeai.GoogleGenerativeAI().getGenerativeModel', 'vertexai.VertexAI().getGenerativeModel', 'vertexai.VertexAI().preview.getGenerativeModel',
  'vertexai.TextGenerationModel.from_pretrained', 'vertexai.ChatModel.from_pretrained', 'vertexai.TextEmbeddingModel.from_pretrained',
  'vertexai.ImageGenerationModel.from_pretrained',
];
const HOLDER_METHODS: Record<string, Api> = {
  generate_content: 'chat', generate_content_async: 'chat', generateContent: 'chat', generateContentStream: 'chat', count_tokens: 'count-tokens',
  countTokens: 'count-tokens', embedContent: 'embedding', batchEmbedContents: 'embedding', send_message: 'chat', send_message_stream: 'chat',
  send_message_async: 'chat', sendMessage: 'chat', sendMessageStream: 'chat', predict: 'completion', get_embeddings: 'embedding', generate_images: 'image',
  'start_chat().send_message': 'chat', 'start_chat().send_message_async': 'chat', 'startChat().sendMessage': 'chat', 'startChat().sendMessageStream': 'chat',
};

function holderRows(): SdkPattern[] {
  const out: SdkPattern[] = [];
  for (const h of MODEL_HOLDERS) {
    const vertex = h.startsWith('vertexai');
    out.push({ id: `holder.${h}`, lang: 'both', provider: vertex ? 'vertex' : 'google', via: 'sdk', api: 'binding', silent: true, model: { keys: ['model', 'model_name'], position: 0 }, callees: [h] });
    for (const [method, api] of Object.entries(HOLDER_METHODS)) {
      // Holders made by a method (`client.chats.create(...)`) also match when the client itself came from elsewhere.
      const tail = h.includes('().') ? h.slice(h.lastIndexOf('().') + 3) : undefined;
      out.push({
        id: `${vertex ? 'vertex' : 'google'}.${method.replace(/\(\)/g, '')}`, lang: 'both', provider: vertex ? 'vertex' : 'google', via: 'sdk', api, model: RECV,
        callees: [`${h}().${method}`, ...(tail ? [`?.${tail}().${method}`] : [])], ...(/stream/i.test(method) ? { streaming: true } : {}),
      });
    }
  }
  return out;
}

const BEDROCK_PY = ['boto3.client(bedrock-runtime)', 'boto3.Session().client(bedrock-runtime)', 'aioboto3.Session().client(bedrock-runtime)', 'boto3.session.Session().client(bedrock-runtime)'];
const BEDROCK_COMMANDS: Record<string, Api> = { InvokeModelCommand: 'chat', InvokeModelWithResponseStreamCommand: 'chat', ConverseCommand: 'chat', ConverseStreamCommand: 'chat' };

/** Native SDKs of model vendors other than OpenAI and Anthropic. */
export const VENDOR_PATTERNS: SdkPattern[] = [
  ...rows('google', 'google', GENAI, GENAI_CHAINS, M, true),
  ...holderRows(),
  { id: 'google.legacy-embed', lang: 'py', provider: 'google', via: 'sdk', api: 'embedding', model: M, callees: ['google.generativeai.embed_content', 'google.generativeai.embed_content_async'] },
  { id: 'google.legacy-palm', lang: 'py', provider: 'google', via: 'sdk', api: 'completion', model: M, callees: ['google.generativeai.generate_text', 'google.generativeai.chat'] },
  // Mistral (v1 client, legacy MistralClient, JS)
  ...rows('mistral', 'mistral', ['mistralai.Mistral', 'mistralai.default.Mistral'], {
    'chat.complete': 'chat', 'chat.complete_async': 'chat', 'chat.stream': 'chat', 'chat.stream_async': 'chat', 'chat.parse': 'chat',
    'embeddings.create': 'embedding', 'embeddings.create_async': 'embedding', 'ocr.process': 'ocr', 'ocr.process_async': 'ocr', 'fim.complete': 'completion',
    'agents.complete': 'chat', 'beta.conversations.start': 'chat', 'classifiers.moderate': 'moderation', 'classifiers.moderate_chat': 'moderation', 'batch.jobs.create': 'batch',
  }, M, true),
  ...rows('mistral-legacy', 'mistral', ['mistralai.MistralClient', 'mistralai.MistralAsyncClient', 'mistralai.default', 'mistralai'], { chat: 'chat', chat_stream: 'chat', chatStream: 'chat', embeddings: 'embedding' }, M, false),
  // Cohere
  ...rows('cohere', 'cohere', ['cohere.Client', 'cohere.ClientV2', 'cohere.AsyncClient', 'cohere.AsyncClientV2', 'cohere.CohereClient', 'cohere.CohereClientV2'], {
    chat: 'chat', chat_stream: 'chat', chatStream: 'chat', embed: 'embedding', generate: 'completion', generate_stream: 'completion', rerank: 'rerank',
  }, M, false, false),
  // AWS Bedrock
  ...rows('bedrock', 'bedrock', BEDROCK_PY, { invoke_model: 'chat', invoke_model_with_response_stream: 'chat', converse: 'chat', converse_stream: 'chat', count_tokens: 'count-tokens' }, MID, true),
  { id: 'bedrock.send', lang: 'js', provider: 'bedrock', via: 'sdk', api: 'chat', model: MID, callees: ['bedrock-runtime.BedrockRuntimeClient().send', 'bedrock-runtime.BedrockRuntime().send', '?.send'], command: BEDROCK_COMMANDS },
  ...rows('bedrock-js', 'bedrock', ['bedrock-runtime.BedrockRuntime'], { invokeModel: 'chat', converse: 'chat', converseStream: 'chat' }, MID, false),
  // Voyage
  { id: 'voyage.embed', lang: 'py', provider: 'voyage', via: 'sdk', api: 'embedding', model: { keys: ['model'], position: 1 }, callees: on(['voyageai.Client', 'voyageai.AsyncClient'], ['embed', 'multimodal_embed', 'contextualized_embed'], false) },
  { id: 'voyage.rerank', lang: 'py', provider: 'voyage', via: 'sdk', api: 'rerank', model: { keys: ['model'], position: 2 }, callees: on(['voyageai.Client', 'voyageai.AsyncClient'], ['rerank'], false) },
  { id: 'voyage.js', lang: 'js', provider: 'voyage', via: 'sdk', api: 'embedding', model: M, callees: on(['voyageai.VoyageAIClient'], ['embed'], false) },
  // Ollama
  ...rows('ollama', 'ollama', ['ollama.Client', 'ollama.AsyncClient', 'ollama.Ollama'], { chat: 'chat', generate: 'completion', embed: 'embedding', embeddings: 'embedding' }, M, false),
  {
    id: 'ollama.module', lang: 'both', provider: 'ollama', via: 'sdk', api: 'chat', model: M,
    callees: ['ollama.chat', 'ollama.default.chat', 'ollama.browser.chat'],
  },
  { id: 'ollama.module-generate', lang: 'both', provider: 'ollama', via: 'sdk', api: 'completion', model: M, callees: ['ollama.generate', 'ollama.default.generate'] },
  { id: 'ollama.module-embed', lang: 'both', provider: 'ollama', via: 'sdk', api: 'embedding', model: M, callees: ['ollama.embed', 'ollama.embeddings', 'ollama.default.embed', 'ollama.default.embeddings'] },
  // Azure AI Inference and the older @azure/openai client
  ...rows('azure-inference', 'azure', ['azure.ChatCompletionsClient', 'azure.EmbeddingsClient'], { complete: 'chat', embed: 'embedding' }, M, false, false),
  {
    id: 'azure-openai.js-v1', lang: 'js', provider: 'azure-openai', via: 'sdk', api: 'chat', model: { keys: [], position: 0 },
    callees: on(['@azure/openai.OpenAIClient'], ['getChatCompletions', 'streamChatCompletions', 'getCompletions'], false),
  },
  { id: 'azure-openai.js-v1-embed', lang: 'js', provider: 'azure-openai', via: 'sdk', api: 'embedding', model: { keys: [], position: 0 }, callees: on(['@azure/openai.OpenAIClient'], ['getEmbeddings'], false) },
  ...rows('huggingface-js', 'huggingface', ['huggingface_hub.HfInference', 'huggingface_hub.InferenceClient'], {
    chatCompletion: 'chat', chatCompletionStream: 'chat', textGeneration: 'completion', textGenerationStream: 'completion', featureExtraction: 'embedding',
  }, M, false, false),
  // Replicate-style and other hosted SDKs with a model argument.
  { id: 'huggingface.text-generation', lang: 'py', provider: 'huggingface', via: 'sdk', api: 'completion', model: M, callees: on(['huggingface_hub.InferenceClient', 'huggingface_hub.AsyncInferenceClient'], ['text_generation'], false) },
  { id: 'huggingface.chat-completion', lang: 'py', provider: 'huggingface', via: 'sdk', api: 'chat', model: M, callees: on(['huggingface_hub.InferenceClient', 'huggingface_hub.AsyncInferenceClient'], ['chat_completion'], false) },
  { id: 'huggingface.feature-extraction', lang: 'py', provider: 'huggingface', via: 'sdk', api: 'embedding', model: M, callees: on(['huggingface_hub.InferenceClient', 'huggingface_hub.AsyncInferenceClient'], ['feature_extraction'], false) },
];

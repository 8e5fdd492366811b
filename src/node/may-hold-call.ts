/**
 * A cheap text test run before parsing: can this file hold an LLM call the scanner would report? Every row of the SDK
 * table needs either an SDK or framework name in the file (the import, a client class, a provider host in a URL) or a
 * method chain only LLM SDKs use (`chat.completions`, `messages.create`, `generate_content`, …), so a file with none
 * of these cannot produce a call. Parsing is the expensive step (tree-sitter runs at a few MB/s), and in a real
 * repository most files fail this test, which keeps a cold audit close to grep speed.
 *
 * Broad on purpose (a false positive costs one parse, a false negative loses calls), but case-sensitive literals only:
 * one alternation of ASCII literals runs at several hundred MB/s in V8. Files that fail the test are still read when
 * another file imports a model constant from them (see audit-workspace.ts).
 */
const HINT_WORDS: readonly string[] = [
  // SDK and framework packages, client classes, provider hosts
  'openai', 'OpenAI', 'anthropic', 'Anthropic', 'genai', 'generativeai', 'generative-ai', 'generativelanguage', 'vertexai',
  'aiplatform', 'mistral', 'Mistral', 'cohere', 'Cohere', 'bedrock', 'Bedrock', 'boto3', 'litellm', 'langchain',
  'llama_index', 'llamaindex', 'LlamaIndex', '@ai-sdk', "from 'ai'", 'from "ai"', "require('ai')", 'require("ai")',
  'from together', 'import together', 'together-ai', 'together_ai', 'togetherai', 'together.xyz', 'Together(', 'ChatTogether',
  'groq', 'Groq', 'fireworks', 'Fireworks', 'deepinfra', 'DeepInfra', 'openrouter', 'OpenRouter', 'ollama', 'Ollama',
  'voyageai', 'jina.ai', 'jinaai', 'deepseek', 'DeepSeek', 'x.ai', 'xai_sdk', 'ChatXAI', 'replicate', 'huggingface_hub',
  'InferenceClient', 'dashscope', 'zhipuai', 'moonshot',
  // method chains and functions only LLM SDKs use
  'completions', 'ChatCompletion', 'Completion.create', 'Embedding.create', 'messages.create', 'messages.stream',
  'messages.parse', 'messages.count', 'messages.batches', 'responses.create', 'responses.stream', 'responses.parse',
  'generate_content', 'generateContent', 'embeddings.create', 'embed_content', 'embedContent', 'invoke_model', 'InvokeModel',
  'converse', 'Converse', 'init_chat_model', 'initChatModel', 'generateText', 'streamText', 'generateObject', 'streamObject',
  'embedMany', 'generateImage', 'live.connect', 'realtime',
];

const HINTS = new RegExp(HINT_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** True when `text` mentions anything an LLM call needs (see HINT_WORDS); false means the file cannot hold a call. */
export function mayHoldCall(text: string): boolean {
  return HINTS.test(text);
}

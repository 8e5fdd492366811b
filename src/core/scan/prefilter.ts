/**
 * Cheap test on raw text, run before parsing: can this file hold an LLM call? A file matches when it names an SDK
 * package or endpoint host, or contains one of the method chains an SDK call needs (`completions.create`,
 * `generate_content`, `invoke_model`, …), which also catches files that only use a client imported from elsewhere.
 * False positives only cost a parse; false negatives lose calls. Case-sensitive on purpose (spelled-out variants
 * below): a case-insensitive alternation is several times slower on large trees.
 */
const TOKENS = [
  // Packages, classes and hosts.
  'openai', 'OpenAI', 'Openai', 'anthropic', 'Anthropic', 'genai', 'GenAI', 'generativeai', 'generative-ai', 'GenerativeAI', 'GenerativeModel',
  'vertexai', 'VertexAI', 'mistral', 'Mistral', 'cohere.', 'cohere-ai', 'cohere_', 'import cohere', 'from cohere', 'Cohere', 'bedrock', 'Bedrock',
  'litellm', 'LiteLLM', 'langchain', 'LangChain', 'llama_index', 'llamaindex', 'LlamaIndex', '@ai-sdk', 'ai-sdk', 'ai/rsc', "from 'ai'",
  'from "ai"', "require('ai')", 'require("ai")', 'groq', 'Groq', "'together'", '"together"', 'from together', 'import together',
  'together.ai', 'together.xyz', 'together-ai', 'togetherai', 'TogetherAI', 'fireworks', 'Fireworks', 'deepinfra', 'DeepInfra', 'openrouter',
  'OpenRouter', 'ollama', 'Ollama', 'deepseek', 'DeepSeek', 'voyageai', 'VoyageAI', 'voyage-', 'jina.ai', 'Jina', 'huggingface', 'HuggingFace',
  'HfInference', 'InferenceClient', 'cerebras', 'Cerebras', 'api.x.ai', 'perplexity.ai', 'Perplexity', 'azure_endpoint', 'azure-ai-inference',
  'azure.ai.inference', 'googleapis', ':11434', 'localhost:1234', 'dashscope', 'api.moonshot', 'novita', 'sambanova', 'SambaNova',
  'api.hyperbolic', 'api.nvidia', 'init_chat_model', 'initChatModel',
  // Method chains of SDK calls on clients whose origin is not visible in the file (an imported client). Specific on
  // purpose: `completions.` or `sendMessage` alone also match compilers and chat widgets and cost megabytes of parsing.
  'chat.completions', 'completions.create', 'completions.parse', 'completions.stream', 'completions.with_', 'completions.runTools',
  'completions.run_tools', 'ChatCompletion', 'Completion.create', 'messages.create', 'messages.stream', 'messages.parse', 'messages.batches',
  'messages.count', 'messages.tool', 'responses.create', 'responses.parse', 'responses.stream', 'embeddings.create', 'images.generate',
  'images.edit', 'audio.speech', 'audio.transcriptions', 'audio.translations', 'moderations.create', 'models.generate', 'models.embed',
  'models.count', 'generate_content', 'generateContent', 'chats.create', 'start_chat', 'startChat', 'getGenerativeModel', 'invoke_model',
  'InvokeModel', '.converse(', 'converse_stream', 'ConverseCommand', 'ConverseStream', 'chat.complete', 'chat.stream', 'ocr.process',
  'realtime.connect', 'live.connect', 'batches.create', 'embed_content', 'embedContent', 'generate_images', 'generateImages', 'runs.create',
  'create_and_poll', 'createAndPoll',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Trie {
  end?: boolean;
  next: Map<string, Trie>;
}

/** One regex with shared prefixes factored out (`open(?:ai|AI)`): V8 runs it ~25% faster than a flat alternation. */
function trieRegex(words: readonly string[]): RegExp {
  const root: Trie = { next: new Map() };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let n = node.next.get(ch);
      if (!n) node.next.set(ch, (n = { next: new Map() }));
      node = n;
    }
    node.end = true;
  }
  const build = (node: Trie): string => {
    if (node.end || node.next.size === 0) return '';
    const alts = [...node.next].map(([ch, n]) => escape(ch) + build(n));
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return new RegExp(build(root));
}

const TOKEN_RE = trieRegex(TOKENS);

/** True when the text may contain an LLM call (see TOKENS). */
export function mayContainCalls(text: string): boolean {
  return TOKEN_RE.test(text);
}

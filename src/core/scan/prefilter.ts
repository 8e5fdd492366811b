/**
 * Cheap test on raw text, run before parsing: can this file hold an LLM call? It looks for the import names and API
 * tokens every SDK row needs (a file with none of them cannot match), so the audit parses only candidate files.
 * False positives only cost a parse; false negatives would lose calls, so the token list is generous.
 */
const TOKENS = new RegExp(
  [
    'openai', 'anthropic', 'genai', 'generativeai', 'vertexai', 'mistral', 'cohere', 'bedrock', 'litellm', 'langchain', 'llama_index', 'llamaindex',
    "from ['\"]ai['\"]", "require\\(['\"]ai['\"]\\)", 'ai/rsc', '@ai-sdk', 'ai-sdk', 'groq', 'together', 'fireworks', 'deepinfra', 'openrouter', 'ollama', 'deepseek',
    'voyage', 'jina', 'huggingface', 'cerebras', 'x\\.ai', 'perplexity', 'azure', 'generateText', 'streamText', 'generateObject', 'ChatCompletion',
    'completions', 'messages\\.create', 'invoke_model', 'converse', 'Command\\b', 'googleapis', ':11434', 'init_chat_model', 'initChatModel',
    'GenerativeModel', 'generate_content', 'generateContent', 'embed', 'rerank',
  ].join('|'),
  'i',
);

/** True when the text may contain an LLM call (see TOKENS). */
export function mayContainCalls(text: string): boolean {
  return TOKENS.test(text);
}

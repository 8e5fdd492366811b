import { SDK_PATTERNS } from './sdk-patterns';

/**
 * Cheap test on raw text, run before parsing: can this file hold an LLM call? A file matches when it names an SDK
 * package or contains a method chain from the SDK table (`completions.create`, `generate_content`, …), which also
 * catches files that only use a client imported from elsewhere. False positives only cost a parse; false negatives
 * lose calls, so the token list is generous.
 */
const PACKAGE_TOKENS = [
  'openai', 'anthropic', 'genai', 'generativeai', 'generative-ai', 'vertexai', 'mistral', 'cohere', 'bedrock', 'litellm', 'langchain', 'llama_index',
  'llamaindex', "from ['\"]ai['\"]", "require\\(['\"]ai['\"]\\)", 'ai/rsc', '@ai-sdk', 'ai-sdk', 'groq', 'together', 'fireworks', 'deepinfra',
  'openrouter', 'ollama', 'deepseek', 'voyage', 'jina', 'huggingface', 'cerebras', 'x\\.ai', 'perplexity', 'azure', 'googleapis', ':11434',
  'generateText', 'streamText', 'generateObject', 'streamObject', 'embedMany', 'init_chat_model', 'initChatModel', 'GenerativeModel', 'InferenceClient',
];

let compiled: RegExp | undefined;

/** Method chains of the SDK table: two-segment tails, and single method names distinctive enough on their own. */
function tableTokens(): string[] {
  const out = new Set<string>();
  for (const row of SDK_PATTERNS) {
    for (const callee of row.callees) {
      const path = callee.replace(/^.*\)\./, '').replace(/^\?\./, '').split('.');
      const last = path[path.length - 1]!;
      if (path.length >= 2) out.add(`${path[path.length - 2]}.${last}`);
      else if (last.length >= 9 || last.includes('_')) out.add(last);
    }
    for (const method of Object.keys(row.invokes ?? {})) if (method.length >= 9 || method.includes('_')) out.add(method);
  }
  return [...out].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** True when the text may contain an LLM call (see PACKAGE_TOKENS and the SDK table). */
export function mayContainCalls(text: string): boolean {
  compiled ??= new RegExp([...PACKAGE_TOKENS, ...tableTokens()].join('|'), 'i');
  return compiled.test(text);
}

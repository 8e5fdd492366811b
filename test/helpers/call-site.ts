import type { CallSite } from '../../src/core/types';

/** A call site with neutral defaults (an OpenAI chat call on gpt-4o at 1:1); tests override only what they are about. */
export function baseCallSite(over: Partial<CallSite> = {}): CallSite {
  return {
    id: ':1:1',
    file: 'src/app.py',
    language: 'python',
    line: 1,
    column: 1,
    startOffset: 0,
    endOffset: 10,
    nameStartOffset: 0,
    nameEndOffset: 6,
    provider: 'openai',
    via: 'sdk',
    api: 'chat',
    pattern: 'openai-chat',
    callee: 'client.chat.completions.create',
    model: 'gpt-4o',
    modelSource: 'literal',
    prompt: { staticText: '', hasDynamicParts: true, messageCount: 1 },
    maxOutputTokens: null,
    temperature: null,
    isStreaming: false,
    hasTools: false,
    toolCount: 0,
    hasStructuredOutput: false,
    hasImageInput: false,
    inLoop: false,
    enclosingFunction: null,
    ...over,
  };
}

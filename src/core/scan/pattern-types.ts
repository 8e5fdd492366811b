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
  /** For `?.` callees: arguments that must all be present (Anthropic's `messages.create` always has `messages`). */
  unknownNeeds?: string[];
  streaming?: boolean;
  structured?: boolean;
  /** Binding rows: methods that call the model (`llm.invoke`), with their api. */
  invokes?: Record<string, Api>;
  /** Bedrock JS: command classes accepted as `client.send(...)`'s argument, with the api each one means. */
  command?: Record<string, Api>;
  /** Rows that only describe how a receiver is made (`genai.GenerativeModel(...)`): never reported themselves. */
  silent?: boolean;
}


/** `receivers` × `chains` → `recv().chain`, plus `?.chain` when `unknown` is set. */
export function on(receivers: string[], chains: string[], unknown = true): string[] {
  const out: string[] = [];
  for (const c of chains) {
    for (const r of receivers) out.push(r.endsWith(")") ? `${r}.${c}` : `${r}().${c}`);
    if (unknown) out.push(`?.${c}`);
  }
  return out;
}

/** The common case: the model is the `model` keyword / object key. */
export const M: ModelArg = { keys: ['model'] };

import type { CallSite } from '../types';
import { objectEntries, subBag, type CallArgs } from './call-args';
import type { Evaluator } from './evaluate';
import { named, type SNode } from './syntax-tree';

/** What pricing needs besides the model, read from a call's arguments (and its receiver's constructor). */
export type CallFacts = Pick<
  CallSite,
  'prompt' | 'maxOutputTokens' | 'temperature' | 'isStreaming' | 'hasTools' | 'toolCount' | 'hasStructuredOutput' | 'hasImageInput'
>;

/** Argument names that carry prompt text. */
const PROMPT_KEYS = [
  'system', 'instructions', 'preamble', 'system_instruction', 'systemInstruction', 'system_prompt', 'systemPrompt',
  'messages', 'input', 'inputs', 'prompt', 'contents', 'message', 'content', 'text', 'texts', 'query', 'documents', 'chat_history', 'question',
];
const MAX_KEYS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'maxTokens', 'maxOutputTokens', 'maxCompletionTokens', 'max_new_tokens', 'num_predict', 'max_tokens_to_sample', 'maxTokensToSample', 'max_gen_len'];
const TEMP_KEYS = ['temperature'];
/** Nested option objects that may hold the limits above. */
const CONFIG_KEYS = ['generation_config', 'generationConfig', 'config', 'inferenceConfig', 'inference_config', 'options', 'model_kwargs', 'modelKwargs', 'extra_body', 'parameters', 'body', 'settings', 'callSettings'];
/** Keys inside message objects that are not prompt text. */
const SKIP_KEYS = new Set(['role', 'type', 'model', 'name', 'id', 'tool_call_id', 'cache_control', 'detail', 'mime_type', 'mimeType', 'media_type', 'url', 'image_url', 'source', 'format', 'file_id', 'stream', 'max_tokens', 'temperature']);
const ROLES = new Set(['system', 'user', 'human', 'ai', 'assistant', 'developer', 'placeholder', 'tool']);
const IMAGE_TYPES = new Set(['image_url', 'image', 'input_image']);

interface TextAcc {
  text: string[];
  dynamic: boolean;
  image: boolean;
  seen: Set<SNode>;
}

/** Collects literal text under `node`, marking dynamic parts and image parts. */
function collect(ev: Evaluator, node: SNode, acc: TextAcc, depth: number): void {
  if (depth > 12 || acc.seen.has(node)) return;
  acc.seen.add(node);
  const v = ev.eval(node);
  switch (v.k) {
    case 'str':
      if (v.value.startsWith('data:image/')) acc.image = true;
      else acc.text.push(v.value);
      return;
    case 'partial':
      acc.text.push(v.text);
      acc.dynamic = true;
      return;
    case 'list': {
      // A list held in a variable and grown later (`messages.append(...)`, `history.push(...)`) has parts not written here.
      if (node.type === 'identifier' && isGrown(ev, node)) acc.dynamic = true;
      const items = named(v.node).filter((n) => n.type !== 'comment');
      if (items.length === 2) {
        // LangChain message tuples: ("system", "You are …").
        const role = ev.eval(items[0]!);
        if (role.k === 'str' && ROLES.has(role.value)) {
          collect(ev, items[1]!, acc, depth + 1);
          return;
        }
      }
      for (const item of items) {
        if (item.type === 'list_splat' || item.type === 'spread_element') acc.dynamic = true;
        else if (item.type === 'comment') continue;
        else collect(ev, item, acc, depth + 1);
      }
      return;
    }
    case 'obj': {
      const entries = objectEntries(ev, v);
      const typeNode = entries.get('type');
      const type = typeNode ? ev.eval(typeNode) : undefined;
      if ((type?.k === 'str' && IMAGE_TYPES.has(type.value)) || entries.has('image_url') || entries.has('inline_data') || entries.has('inlineData') || entries.has('image')) acc.image = true;
      const mime = entries.get('mime_type') ?? entries.get('mimeType') ?? entries.get('media_type');
      const mv = mime ? ev.eval(mime) : undefined;
      if (mv?.k === 'str' && mv.value.startsWith('image/')) acc.image = true;
      for (const [k, n] of entries) if (!SKIP_KEYS.has(k)) collect(ev, n, acc, depth + 1);
      return;
    }
    case 'ref':
      if (v.root.k === 'inst' && v.path.length === 0) {
        // Message constructors: SystemMessage("..."), HumanMessage(content=...), types.Part.from_text(text=...).
        const call = v.root.call;
        const args = call.kids.find((k) => k.field === 'arguments');
        const ctorText = ev.t(call.kids.find((k) => k.field === 'function' || k.field === 'constructor') ?? call);
        if (/image|from_bytes|from_uri|Blob/i.test(ctorText)) acc.image = true;
        if (args) for (const a of named(args)) {
          if (a.type === 'keyword_argument') {
            const name = a.kids.find((k) => k.field === 'name');
            const val = a.kids.find((k) => k.field === 'value');
            if (name && val && !SKIP_KEYS.has(ev.t(name))) collect(ev, val, acc, depth + 1);
            else if (name && val && /mime/.test(ev.t(name))) {
              const m = ev.eval(val);
              if (m.k === 'str' && m.value.startsWith('image/')) acc.image = true;
            }
          } else collect(ev, a, acc, depth + 1);
        }
        return;
      }
      acc.dynamic = true;
      return;
    default:
      acc.dynamic = true;
  }
}

function isGrown(ev: Evaluator, id: SNode): boolean {
  const scope = ev.scopeAt(id).node;
  const name = ev.t(id).replace(/[$]/g, '\\$');
  const re = new RegExp(`\\b${name}\\s*(\\.\\s*(append|extend|insert|push|unshift|splice)\\s*\\(|\\+=|\\[[^\\]]*\\]\\s*=(?!=))`);
  return re.test(ev.index.text.slice(scope.start, scope.end));
}

function num(ev: Evaluator, bags: Map<string, SNode>[], keys: string[]): number | null {
  for (const bag of bags)
    for (const k of keys) {
      const n = bag.get(k);
      if (!n) continue;
      const v = ev.eval(n);
      if (v.k === 'num') return v.value;
    }
  return null;
}

function withConfigs(ev: Evaluator, bag: Map<string, SNode>): Map<string, SNode>[] {
  const out = [bag];
  for (const k of CONFIG_KEYS) {
    const sub = subBag(ev, bag, k);
    if (sub) {
      out.push(sub);
      for (const k2 of CONFIG_KEYS) {
        const sub2 = subBag(ev, sub, k2);
        if (sub2) out.push(sub2);
      }
    }
  }
  return out;
}

function truthy(ev: Evaluator, bags: Map<string, SNode>[], key: string): boolean {
  for (const bag of bags) {
    const n = bag.get(key);
    if (!n) continue;
    const v = ev.eval(n);
    if (v.k === 'bool' ? v.value : v.k !== 'unknown') return true;
  }
  return false;
}

/** Reads the facts of one call. `receiver` is the constructor call of a binding (LangChain `ChatOpenAI(...)`). */
export function extractFacts(
  ev: Evaluator,
  args: CallArgs,
  opts: { skip?: SNode; receiver?: CallArgs; methodName: string; streaming: boolean; structured: boolean; mods: string[]; isMessagesApi: boolean },
): CallFacts {
  const bags = withConfigs(ev, args.bag);
  const recvBags = opts.receiver ? withConfigs(ev, opts.receiver.bag) : [];
  const all = [...bags, ...recvBags];
  const acc: TextAcc = { text: [], dynamic: false, image: false, seen: new Set() };
  const promptBags = [args.bag, ...bags.slice(1).filter((b) => ['messages', 'system', 'prompt', 'system_instruction', 'systemInstruction'].some((k) => b.has(k)))];
  for (const bag of promptBags) for (const k of PROMPT_KEYS) {
    const n = bag.get(k);
    if (n && n !== opts.skip) collect(ev, n, acc, 0);
  }
  if (opts.receiver) for (const k of ['system_instruction', 'systemInstruction', 'system', 'instructions', 'system_prompt']) {
    const n = opts.receiver.bag.get(k);
    if (n) collect(ev, n, acc, 0);
  }
  const positionalIsBag = ev.index.family === 'js' && args.positional[0] && ev.eval(args.positional[0]).k === 'obj';
  args.positional.forEach((p, i) => {
    if (p === opts.skip || (i === 0 && positionalIsBag)) return;
    collect(ev, p, acc, 0);
  });
  let messageCount = 0;
  const messages = args.bag.get('messages') ?? (opts.isMessagesApi ? args.positional.find((p) => ev.eval(p).k === 'list') : undefined);
  if (messages) {
    const mv = ev.eval(messages);
    if (mv.k === 'list') messageCount = named(mv.node).filter((n) => n.type !== 'comment').length;
  }
  let toolCount = 0;
  let hasTools = false;
  for (const bag of all)
    for (const k of ['tools', 'functions']) {
      const n = bag.get(k);
      if (!n) continue;
      hasTools = true;
      const v = ev.eval(n);
      if (v.k === 'list') toolCount = named(v.node).filter((x) => x.type !== 'comment' && x.type !== 'list_splat' && x.type !== 'spread_element').length;
      else if (v.k === 'obj') toolCount = objectEntries(ev, v).size;
    }
  for (const m of opts.mods) {
    const bound = /^(bind_tools|bindTools)(?::(\d+))?$/.exec(m);
    if (!bound) continue;
    hasTools = true;
    if (bound[2]) toolCount = Number(bound[2]);
  }
  const mime = all.map((b) => b.get('response_mime_type') ?? b.get('responseMimeType')).find(Boolean);
  const mimeVal = mime ? ev.eval(mime) : undefined;
  const hasStructuredOutput =
    opts.structured ||
    opts.mods.some((m) => m === 'with_structured_output' || m === 'withStructuredOutput' || m === 'as_structured_llm') ||
    all.some((b) => ['response_format', 'response_schema', 'responseSchema', 'json_schema', 'output_format', 'schema', 'output', 'experimental_output', 'response_model'].some((k) => b.has(k))) ||
    (mimeVal?.k === 'str' && mimeVal.value.includes('json')) ||
    hasTextFormat(ev, args.bag);
  return {
    prompt: { staticText: acc.text.filter((s) => s.length > 0).join('\n'), hasDynamicParts: acc.dynamic, messageCount },
    maxOutputTokens: num(ev, all, MAX_KEYS),
    temperature: num(ev, all, TEMP_KEYS),
    isStreaming: opts.streaming || /stream/i.test(opts.methodName) || truthy(ev, all, 'stream') || truthy(ev, recvBags, 'streaming'),
    hasTools,
    toolCount,
    hasStructuredOutput,
    hasImageInput: acc.image,
  };
}

/** Responses API: `text={"format": {...}}`. */
function hasTextFormat(ev: Evaluator, bag: Map<string, SNode>): boolean {
  const sub = subBag(ev, bag, 'text');
  return !!sub && sub.has('format');
}

import type { ModelSource } from '../types';
import type { ClassInfo, Def, Scope } from './program-index';
import type { SNode } from './syntax-tree';

/** Where a reference starts: an imported module (or a global used like one), an object made by a call, or unknown. */
export type Root =
  | { k: 'module'; module: string; names: string[] }
  | { k: 'inst'; ctor: Val; call: SNode; scope: Scope }
  | { k: 'unknown'; name: string; type?: Val; nullable?: boolean };

/**
 * The static value of an expression, as far as the scanner can tell without running anything. `ref` is a dotted
 * reference (module attribute, client method, …); `mods` lists pass-through calls met on the way
 * (`with_structured_output`, `bind_tools`, `with_options`).
 */
export type Val =
  | { k: 'str'; value: string; source: ModelSource; lit?: SNode }
  | { k: 'partial'; prefix: string; text: string }
  | { k: 'num'; value: number }
  | { k: 'bool'; value: boolean }
  | { k: 'ref'; root: Root; path: string[]; mods?: string[] }
  | { k: 'obj'; node: SNode; scope: Scope }
  | { k: 'list'; node: SNode; scope: Scope }
  | { k: 'func'; def: Extract<Def, { k: 'func' }> }
  | { k: 'class'; cls: ClassInfo }
  | { k: 'self'; cls: ClassInfo }
  | { k: 'env' }
  | { k: 'unknown' };

/** The value of an expression the scanner cannot know statically. */
export const UNKNOWN: Val = { k: 'unknown' };

/** Families of Python packages / npm modules, so `langchain_openai.chat_models.ChatOpenAI` and `@langchain/openai`
 * both read as `langchain.ChatOpenAI`. */
const JS_FAMILIES: [RegExp, string][] = [
  [/^(@langchain\/|langchain(\/|$))/, 'langchain'],
  [/^(llamaindex|@llamaindex\/)/, 'llama_index'],
  [/^@anthropic-ai\/sdk/, 'anthropic'],
  [/^@anthropic-ai\/bedrock-sdk/, 'anthropic-bedrock'],
  [/^@anthropic-ai\/vertex-sdk/, 'anthropic-vertex'],
  [/^@google\/genai/, 'google.genai'],
  [/^@google\/generative-ai/, 'google.generativeai'],
  [/^@google-cloud\/vertexai/, 'vertexai'],
  [/^@mistralai\/mistralai/, 'mistralai'],
  [/^cohere-ai/, 'cohere'],
  [/^groq-sdk/, 'groq'],
  [/^together-ai/, 'together'],
  [/^@aws-sdk\/client-bedrock-runtime/, 'bedrock-runtime'],
  [/^openai(\/|$)|^openai-edge$/, 'openai'],
  [/^@huggingface\/inference/, 'huggingface_hub'],
  [/^node-fetch$|^cross-fetch$|^undici$/, 'fetch'],
];

/** `npm:openai@4.2.0`, `https://esm.sh/openai@4`, `jsr:@std/x` → the package name as written in package.json. */
export function normalizeSpecifier(spec: string): string {
  let s = spec.replace(/^npm:/, '').replace(/^https?:\/\/(esm\.sh|cdn\.skypack\.dev|cdn\.jsdelivr\.net\/npm|unpkg\.com)\//, '');
  const m = /^(@[^/@]+\/[^/@]+|[^/@][^/@]*)(@[^/]*)?(\/.*)?$/.exec(s);
  if (m && m[2]) s = m[1]! + (m[3] ?? '');
  return s;
}

/** Canonical dotted name of `module` + `names` (see JS_FAMILIES; Python drops sub-module segments before a class). */
export function canonicalName(family: 'py' | 'js', module: string, names: string[]): string {
  let fam: string;
  let rest: string[];
  if (family === 'js') {
    fam = normalizeSpecifier(module);
    module = fam;
    for (const [re, f] of JS_FAMILIES)
      if (re.test(module)) {
        fam = f;
        break;
      }
    rest = names;
  } else {
    const segs = [...module.split('.'), ...names].filter((s) => s !== '');
    if (module.startsWith('.')) return `.${segs.join('.')}`;
    if (segs[0] === 'google' && segs.length > 1 && segs[1] !== 'cloud') {
      fam = `google.${segs[1]}`;
      rest = segs.slice(2);
    } else if (/(^|_)langchain(_|$)/.test(segs[0] ?? '') || /^llama_index/.test(segs[0] ?? '')) {
      fam = /langchain/.test(segs[0]!) ? 'langchain' : 'llama_index';
      rest = segs.slice(1);
      // Framework sub-modules move between releases: keep only the symbol (`langchain.chat_models.init_chat_model`).
      if (rest.length > 1 && !rest.some((s) => /^[A-Z]/.test(s))) rest = rest.slice(-1);
    } else {
      fam = segs[0] ?? '';
      rest = segs.slice(1);
    }
  }
  const cap = rest.findIndex((s) => /^[A-Z]/.test(s));
  if (cap > 0 && rest.slice(0, cap).every((s) => /^[a-z_0-9]+$/.test(s))) rest = rest.slice(cap);
  return [fam, ...rest].join('.');
}

/** Signature used to look a callee up in the SDK table, e.g. `openai.OpenAI().chat.completions.create`; `?` marks an
 * unknown root. */
export function signature(family: 'py' | 'js', v: Val, text: string, depth = 0): string | null {
  if (v.k !== 'ref') return null;
  if (depth > 12) return '?';
  return rootSignature(family, v.root, v.path, text, depth);
}

function rootSignature(family: 'py' | 'js', root: Root, path: string[], text: string, depth: number): string {
  if (root.k === 'module') return canonicalName(family, root.module, [...root.names, ...path]);
  const tail = path.length > 0 ? `.${path.join('.')}` : '';
  if (root.k === 'unknown') {
    if (root.type) {
      const typeSig = signature(family, root.type, text, depth + 1);
      if (typeSig) return `${typeSig}()${tail}`;
    }
    return `?${tail}`;
  }
  const ctorSig = signature(family, root.ctor, text, depth + 1);
  if (!ctorSig) return `?${tail}`;
  return `${ctorSig}(${ctorTag(ctorSig, root, text)})${tail}`;
}

/** boto3-style factories take the service name as an argument: `boto3.client("bedrock-runtime")`. */
function ctorTag(ctorSig: string, root: Extract<Root, { k: 'inst' }>, text: string): string {
  if (!/(^|\.)client$/.test(ctorSig)) return '';
  const args = root.call.kids.find((k) => k.field === 'arguments');
  const named = args?.kids.filter((k) => k.named && k.type !== 'comment') ?? [];
  // The service name: first positional argument, or service_name= anywhere.
  const kw = named.find((k) => k.type === 'keyword_argument' && text.slice(k.start, k.end).replace(/\s+/g, '').startsWith('service_name='));
  const first = kw ?? (named[0]?.type === 'keyword_argument' ? undefined : named[0]);
  if (!first) return '';
  const lit = first.type === 'keyword_argument' ? first.kids.find((k) => k.field === 'value') : first;
  if (!lit || lit.type !== 'string') return '';
  const content = lit.kids.find((k) => k.type === 'string_content' || k.type === 'string_fragment');
  return content ? text.slice(content.start, content.end) : '';
}

import type { Api, CallSite, LanguageId } from '../types';
import { callArgs, objectEntries } from './call-args';
import { siteFrame } from './call-context';
import type { Evaluator } from './evaluate';
import { extractFacts } from './extract-facts';
import { calleeName } from './match-call';
import { providerForUrl } from './providers';
import { baseUrlOf, modelFromNode, NO_MODEL, type ModelInfo } from './resolve-model';
import type { SNode } from './syntax-tree';

/** HTTP client functions that send a request; the URL decides whether it is an LLM call. */
export const SENDERS = new Set(['post', 'fetch', 'request', 'axios', '$fetch', 'ofetch', 'got', 'ky', 'urlopen', 'Request', 'apost']);

/** HTTP mocking libraries: their `post(url, handler)` declares a fake endpoint, it sends nothing. */
const HTTP_MOCKS = /^(msw|respx|nock|responses|aioresponses|httpretty|requests_mock|pytest_httpx|fetch-mock|fetchMock|undici\.MockAgent)\b/;

function isHttpMock(ev: Evaluator, call: SNode): boolean {
  const fn = call.kids.find((k) => k.field === 'function');
  const v = fn ? ev.eval(fn) : undefined;
  if (v?.k === 'ref' && v.root.k === 'module' && HTTP_MOCKS.test(v.root.module)) return true;
  if (v?.k === 'ref' && v.root.k === 'unknown' && /mock|fake|stub/i.test(v.root.name)) return true;
  const args = call.kids.find((k) => k.field === 'arguments');
  return !!args?.kids.some((a) => a.type === 'arrow_function' || a.type === 'function_expression' || a.type === 'function' || a.type === 'lambda');
}

/** Endpoint paths of provider APIs (checked after the host is known), most specific first. */
const ENDPOINTS: [RegExp, Api][] = [
  [/count_?tokens|:countTokens/i, 'count-tokens'],
  [/\/chat\/completions/i, 'chat'],
  [/\/responses\b/i, 'responses'],
  [/\/completions\b/i, 'completion'],
  [/\/messages\b/i, 'chat'],
  [/:(stream)?generateContent|:generateMessage|:generateText/i, 'chat'],
  [/:(batch)?embedContents?|\/embeddings?\b|\/embed\b|\/multimodalembeddings/i, 'embedding'],
  [/\/images\/|:predict\b|\/text-to-image/i, 'image'],
  [/\/audio\//i, 'audio'],
  [/\/moderations/i, 'moderation'],
  [/\/rerank/i, 'rerank'],
  [/\/api\/chat\b|\/v[12]\/chat\b|\/converse(-stream)?\b|\/invoke(-with-response-stream)?\b/i, 'chat'],
  [/\/api\/generate\b|\/v1\/generate\b/i, 'completion'],
  [/\/ocr\b/i, 'ocr'],
  [/\/batches\b/i, 'batch'],
];

/** Model ids carried in the URL itself (Gemini, Azure deployments, Bedrock). */
const URL_MODEL: RegExp[] = [/\/models\/([\w.\-]+):/, /\/deployments\/([\w.\-]+)\//, /\/model\/([\w.:\-]+)\/(invoke|converse)/];

/**
 * Raw HTTP to a known provider endpoint: `requests.post`, `httpx` clients, `fetch`, `axios.post`, … Only URLs whose
 * host and path are a known provider endpoint count; anything else is not an LLM call.
 */
export function matchHttp(ev: Evaluator, call: SNode, ctx: { fileName: string; language: LanguageId; lines: readonly string[] }): CallSite | null {
  const nameNode = calleeName(call);
  if (!nameNode) return null;
  const name = ev.t(nameNode);
  if (!SENDERS.has(name)) return null;
  if (isHttpMock(ev, call)) return null;
  const args = callArgs(ev, call);
  let urlNode = args.bag.get('url') ?? args.positional[0];
  if (name === 'request' && args.positional.length > 1) {
    const method = ev.eval(args.positional[0]!);
    if (method.k === 'str' && /^[A-Z]+$/.test(method.value)) urlNode = args.positional[1];
  }
  if (!urlNode) return null;
  const urlVal = ev.eval(urlNode);
  let url = urlVal.k === 'str' ? urlVal.value : urlVal.k === 'partial' ? urlVal.text : undefined;
  if (!url) return null;
  let host = urlVal.k === 'partial' ? urlVal.prefix : url;
  if (!/^[a-z]+:\/\//i.test(url)) {
    // A relative path on a client made with a base URL: httpx.Client(base_url=...), axios.create({ baseURL }).
    const fn = call.kids.find((k) => k.field === 'function');
    const recv = fn ? ev.eval(fn) : undefined;
    if (recv?.k === 'ref' && recv.root.k === 'inst') {
      const base = baseUrlOf(ev, callArgs(ev, recv.root.call));
      if (base) {
        url = base.replace(/\/$/, '') + (url.startsWith('/') ? url : `/${url}`);
        host = base;
      }
    }
  }
  const provider = providerForUrl(host);
  if (!provider) return null;
  const api = ENDPOINTS.find(([re]) => re.test(url))?.[1];
  if (!api) return null;
  // The request body: json= / data= / content= (Python), the second argument or its `body` / `data` (JS).
  const bodyNode = args.bag.get('json') ?? args.bag.get('data') ?? args.bag.get('content') ?? args.bag.get('body') ?? (ev.index.family === 'js' ? args.positional[1] : undefined);
  let body = bodyNode ? ev.eval(bodyNode) : undefined;
  if (body?.k === 'obj' && ev.index.family === 'js' && (name === 'fetch' || name === '$fetch' || name === 'ofetch' || name === 'ky' || name === 'got')) {
    const entries = objectEntries(ev, body);
    const inner = entries.get('body') ?? entries.get('json') ?? entries.get('data');
    if (inner) body = ev.eval(inner);
  }
  if (name === 'axios' && args.positional[0]) {
    const cfg = ev.eval(args.positional[0]);
    if (cfg.k === 'obj') {
      const d = ev.entry(cfg, 'data');
      body = d ? ev.eval(d) : body;
    }
  }
  const bodyArgs = body?.k === 'obj' ? { bag: objectEntries(ev, body), positional: [] as SNode[] } : { bag: new Map<string, SNode>(), positional: [] as SNode[] };
  let model: ModelInfo = NO_MODEL;
  const modelNode = bodyArgs.bag.get('model') ?? bodyArgs.bag.get('modelId');
  if (modelNode) model = modelFromNode(ev, modelNode);
  if (model.model === null && !model.modelImport) {
    for (const re of URL_MODEL) {
      const m = re.exec(url);
      if (m && !m[1]!.includes('{')) {
        model = { model: m[1]!, source: urlVal.k === 'str' && urlVal.source === 'literal' ? 'literal' : 'constant' };
        break;
      }
    }
  }
  const facts = extractFacts(ev, bodyArgs, { skip: model.node, methodName: '', streaming: /stream/i.test(url), structured: false, mods: [], isMessagesApi: api === 'chat' });
  return {
    ...siteFrame(ev, call, nameNode, ctx),
    provider,
    via: 'http',
    api,
    pattern: `http.${provider}`,
    callee: ev.t(call.kids.find((k) => k.field === 'function') ?? nameNode).replace(/\s+/g, ''),
    model: model.model,
    modelSource: model.model !== null ? model.source : 'unknown',
    ...(model.lit && model.model !== null ? { modelLiteral: { startOffset: model.lit.start, endOffset: model.lit.end } } : {}),
    ...(model.modelImport ? { modelImport: model.modelImport } : {}),
    baseUrl: host,
    ...facts,
  };
}

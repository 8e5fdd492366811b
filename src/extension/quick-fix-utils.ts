import type { Model } from '../core/catalog/schema';
import { shortModelName } from '../core';
import type { Alternative, CallSite, CostEstimate } from '../core/types';

/**
 * OpenAI-compatible endpoints of hosts that serve open-weight models, so the quick fix can say exactly what else
 * must change when a switch moves a call to another host. Public base URLs from each host's API documentation.
 */
export const OPENAI_COMPATIBLE_BASE_URLS: Readonly<Record<string, string>> = {
  openai: 'https://api.openai.com/v1',
  together: 'https://api.together.xyz/v1',
  fireworks: 'https://api.fireworks.ai/inference/v1',
  deepinfra: 'https://api.deepinfra.com/v1/openai',
  groq: 'https://api.groq.com/openai/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  mistral: 'https://api.mistral.ai/v1',
  deepseek: 'https://api.deepseek.com',
  xai: 'https://api.x.ai/v1',
  cerebras: 'https://api.cerebras.ai/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta/openai/',
};

/** LiteLLM's provider prefixes: with LiteLLM the host is part of the model string, so a switch is one edit. */
export const LITELLM_PREFIXES: Readonly<Record<string, string>> = {
  openai: '',
  anthropic: 'anthropic/',
  google: 'gemini/',
  vertex: 'vertex_ai/',
  bedrock: 'bedrock/',
  together: 'together_ai/',
  fireworks: 'fireworks_ai/',
  deepinfra: 'deepinfra/',
  groq: 'groq/',
  openrouter: 'openrouter/',
  mistral: 'mistral/',
  deepseek: 'deepseek/',
  xai: 'xai/',
  cerebras: 'cerebras/',
  cohere: 'cohere/',
  ollama: 'ollama/',
};

/** What a switch to an alternative involves. */
export interface SwitchPlan {
  /** Title of the code action. */
  title: string;
  /** The model id to write into the string literal. */
  newModelId: string;
  /** True when the call would have to reach another host: editing the string alone would break the call. */
  hostChanges: boolean;
  /** What else must change, in order, for people. Empty when the string edit is all. */
  steps: string[];
}

/** The model id a host expects for a catalog model (its own id when the offer names one). */
export function hostModelId(model: Pick<Model, 'id' | 'offers'> | undefined, fallbackId: string, host: string): string {
  const offer = model?.offers.find((o) => o.host === host);
  return offer?.hostModelId ?? model?.id ?? fallbackId;
}

/**
 * Plans switching `call` to `alt`. The call's current host is the one its estimate was priced at (else its SDK's
 * provider). With LiteLLM the new host goes into the model string's prefix. Otherwise a host change is reported
 * with the client and base URL to change instead of silently rewriting the string.
 */
export function planSwitch(
  call: Pick<CallSite, 'provider' | 'via' | 'baseUrl'> & { cost: Pick<CostEstimate, 'host'> },
  alt: Pick<Alternative, 'modelId' | 'name' | 'host' | 'licenseLabel' | 'savingMonthlyMicroUsd' | 'savingFraction'>,
  target: Pick<Model, 'id' | 'offers'> | undefined,
  formatUsd: (microUsd: number) => string,
): SwitchPlan {
  const currentHost = call.cost.host ?? call.provider;
  const id = hostModelId(target, alt.modelId, alt.host);
  const saving = alt.savingMonthlyMicroUsd > 0 ? ` — saves ~${formatUsd(alt.savingMonthlyMicroUsd)}/mo (${Math.round(alt.savingFraction * 100)}%)` : '';
  // One-line title: the short model name (no parenthesised details) and the short license label; the hover has the rest.
  const label = `${shortModelName(alt.name, alt.modelId)} (${alt.licenseLabel})`;
  if (call.via === 'litellm') {
    const prefix = LITELLM_PREFIXES[alt.host];
    const steps = alt.host !== currentHost ? [`Set the API key LiteLLM reads for ${alt.host} in the environment.`] : [];
    if (prefix !== undefined) return { title: `Switch to ${label}${alt.host !== currentHost ? ` on ${alt.host}` : ''}${saving}`, newModelId: prefix + id, hostChanges: false, steps };
  }
  if (alt.host === currentHost) return { title: `Switch to ${label}${saving}`, newModelId: id, hostChanges: false, steps: [] };
  const steps: string[] = [];
  const base = OPENAI_COMPATIBLE_BASE_URLS[alt.host];
  if (base) {
    steps.push(`Point the client at ${alt.host}: base URL ${base}${call.baseUrl ? ` (it is ${call.baseUrl} now)` : ''}.`);
    steps.push(`Use an API key for ${alt.host} (e.g. ${alt.host.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY) instead of the ${currentHost} key.`);
  } else {
    steps.push(`Create a client for ${alt.host} (its SDK or endpoint) instead of the ${currentHost} client.`);
  }
  steps.push(`Use the model id '${id}'.`);
  return { title: `Switch to ${label} on ${alt.host} — also change the client/base URL${saving}`, newModelId: id, hostChanges: true, steps };
}

/**
 * The new text of a model string literal: quotes (and a Python string prefix) are kept, only the id changes.
 * `literal` is the source text the scanner's `modelLiteral` offsets cover.
 */
export function replaceLiteral(literal: string, newId: string): string {
  const m = /^([rRbBuU]{0,2})(["'`])([\s\S]*)\2$/.exec(literal);
  if (!m) return newId;
  const quote = m[2] as string;
  const escaped = newId.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
  return `${m[1]}${quote}${escaped}${quote}`;
}

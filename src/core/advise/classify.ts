import type { Model } from '../catalog/schema';
import type { Config } from '../config/schema';
import type { CallSite } from '../types';
import { matchPromptSignals } from './prompt-signals';

/** Result of classifying one call. */
export interface Classification {
  class: 'routine' | 'frontier';
  /** 0–1: how sure the signals are (1 for overrides and always-routine APIs). */
  confidence: number;
  /** Short words shown to people: 'prompt: summarize', 'structured output', 'reasoning model', … */
  reasons: string[];
  overriddenBy?: 'comment' | 'config';
}

/** APIs whose calls are routine whatever model serves them (no generation quality at stake beyond the model's own). */
const ALWAYS_ROUTINE_APIS = new Set(['embedding', 'moderation', 'rerank', 'count-tokens', 'ocr']);
const ALWAYS_ROUTINE_KINDS = new Set(['embedding', 'moderation', 'rerank', 'ocr']);

/** Model ids of reasoning models when the catalog does not say (o-series, *-thinking, R1, QwQ, reasoner). */
const REASONING_ID = /(^|[/.:])(o[1-9](-mini|-pro|-preview)?)([-:@]|$)|thinking|(^|[-/])r1([-:]|$)|reasoner|qwq|magistral/i;

/** Output caps at or under this many tokens point at a short transformation (a label, a title, a JSON object). */
const SMALL_OUTPUT = 512;
/** Output caps at or above this point at long generation (reports, code files, reasoning). */
const LARGE_OUTPUT = 4000;
/** Tool counts at or above this look like an agent rather than a single function call. */
const AGENT_TOOLS = 4;

/** Glob-lite match of a config path against the call's file: exact, or `*` as a wildcard within the path. */
function pathMatches(pattern: string, file: string): boolean {
  if (!pattern.includes('*')) return pattern === file || file.endsWith(`/${pattern}`);
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(file);
}

/** The config entry that classifies this call, if any: by usage id first, then file + function, then file alone. */
function configOverride(call: CallSite, config: Config): 'routine' | 'frontier' | undefined {
  const entries = config.classify;
  if (call.usageId) {
    const byId = entries.find((e) => e.id === call.usageId);
    if (byId) return byId.as;
  }
  const byFunction = entries.find(
    (e) => e.id === undefined && e.function !== undefined && e.function === call.enclosingFunction && (e.file === undefined || pathMatches(e.file, call.file)),
  );
  if (byFunction) return byFunction.as;
  const byFile = entries.find((e) => e.id === undefined && e.function === undefined && e.file !== undefined && pathMatches(e.file, call.file));
  return byFile?.as;
}

/**
 * 'explicit': a dedicated reasoning model by id (o-series, *-thinking, R1, reasoner, QwQ) — chosen for hard problems.
 * 'hybrid': the catalog says reasoning but the id does not (GPT-5, Gemini 2.5 Flash) — general defaults that think
 * optionally, so the choice says little about the task. null otherwise.
 */
export function reasoningKind(model: Model | undefined, modelId: string | null): 'explicit' | 'hybrid' | null {
  if (REASONING_ID.test(model?.id ?? '') || REASONING_ID.test(modelId ?? '')) return 'explicit';
  return model?.kind === 'reasoning' ? 'hybrid' : null;
}

/** A visible prompt this short, with no frontier wording, is a specific small task (a greeting, a fact, a list). */
const SHORT_PROMPT_CHARS = 300;

/**
 * Classifies a call as routine (an open-weight or smaller model would do) or frontier (keep the best model).
 *
 * Overrides win: a `modelwise: routine|frontier` comment at the call, then a `.modelwise.yaml` `classify` entry.
 * Embeddings, moderation, rerank and OCR are always routine. Otherwise weighted signals vote: prompt wording,
 * structured output, a small output cap, temperature 0 and bulk loops for routine; reasoning models, code generation,
 * long reasoning, agents with many tools, image input and large output caps for frontier. With no evidence either
 * way the call is frontier at confidence 0.5: advice on a call we cannot read is more likely to be wrong than useful.
 */
export function classifyCall(call: CallSite, model: Model | undefined, config: Config): Classification {
  if (call.classOverride) {
    return { class: call.classOverride, confidence: 1, reasons: [`comment: modelwise: ${call.classOverride}`], overriddenBy: 'comment' };
  }
  const fromConfig = configOverride(call, config);
  if (fromConfig) return { class: fromConfig, confidence: 1, reasons: [`.modelwise.yaml classify: ${fromConfig}`], overriddenBy: 'config' };

  if (ALWAYS_ROUTINE_APIS.has(call.api)) return { class: 'routine', confidence: 0.99, reasons: [`${call.api}: always routine`] };
  if (model && ALWAYS_ROUTINE_KINDS.has(model.kind)) return { class: 'routine', confidence: 0.99, reasons: [`${model.kind} model: always routine`] };

  let score = 0; // < 0 routine, > 0 frontier
  const reasons: string[] = [];
  const vote = (weight: number, reason: string): void => {
    score += weight;
    reasons.push(reason);
  };

  const reasoning = reasoningKind(model, call.model);
  if (reasoning === 'explicit') vote(1.5, 'reasoning model');
  else if (reasoning === 'hybrid') vote(0.5, 'hybrid reasoning model');

  const text = call.prompt.staticText.trim();
  const signals = matchPromptSignals(text);
  const routine = signals.filter((s) => s.side === 'routine');
  const frontier = signals.filter((s) => s.side === 'frontier');
  // The first matching word carries the most weight; more words of the same side add a little.
  routine.forEach((s, i) => vote(i === 0 ? -(s.weight ?? 2) : -0.5, `prompt: ${s.label}`));
  frontier.forEach((s, i) => vote(i === 0 ? (s.weight ?? 2.5) : 1, `prompt: ${s.label}`));
  const words = text.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length;
  if (frontier.length === 0 && words >= 1 && text.length < SHORT_PROMPT_CHARS) vote(-0.75, 'short, specific prompt');

  if (call.hasStructuredOutput) vote(-1, 'structured output');
  const maxOut = call.maxOutputTokens;
  if (maxOut !== null && maxOut <= SMALL_OUTPUT) vote(maxOut <= 64 ? -1.5 : -1, `small max output (${maxOut} tokens)`);
  if (maxOut !== null && maxOut >= LARGE_OUTPUT) vote(1, `large max output (${maxOut} tokens)`);
  if (call.temperature === 0) vote(-0.5, 'temperature 0');
  if (call.temperature !== null && call.temperature >= 1) vote(0.5, `temperature ${call.temperature}`);

  if (call.hasTools && call.toolCount >= AGENT_TOOLS) vote(2, `agent with ${call.toolCount} tools`);
  else if (call.hasTools && call.inLoop) vote(1.5, 'tool loop (agent)');
  else if (call.hasTools) vote(0.25, call.toolCount > 0 ? `${call.toolCount} tool${call.toolCount === 1 ? '' : 's'}` : 'tools');
  else if (call.inLoop) vote(-0.5, 'bulk loop over items');

  if (call.hasImageInput) vote(0.75, 'image input');
  if (call.api === 'image' || call.api === 'audio' || call.api === 'realtime') vote(1, `${call.api} API`);

  if (reasons.length === 0) {
    const why = text === '' ? 'prompt not visible' : 'no signal in the prompt';
    return { class: 'frontier', confidence: 0.5, reasons: [`no routine signals (${why})`] };
  }
  const cls = score < 0 ? 'routine' : 'frontier';
  const confidence = Math.round((0.5 + 0.5 * (1 - Math.exp(-Math.abs(score) / 2))) * 100) / 100;
  return { class: cls, confidence, reasons };
}

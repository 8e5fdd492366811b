import type { AnalyzedCall } from '../types';

/**
 * A model's display name without parenthesised details: `Llama 4 Maverick (17B active, 128 experts)` → `Llama 4
 * Maverick`. One-line displays (lens, tables) use it; the hover keeps the full name. Falls back to `fallback` (the id)
 * when nothing is left.
 */
export function shortModelName(name: string, fallback = name): string {
  const short = name.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  return short.length > 0 ? short : fallback;
}

/** A Bedrock-style namespace in front of a model id: `us.anthropic.`, `mistral.`, `meta.` (letters only, so version
 * dots such as `gpt-4.1` or `claude-3.5` never match). */
const DOTTED_NAMESPACE = /^(?:[a-z]{2}\.)?[a-z]+\.(?=[a-z])/;

/** Characters that separate the words of a model id or name; cuts prefer to fall on them. */
const SEPARATOR = /[-_.:\s]/;

/**
 * Shortens text to at most `max` characters, keeping both ends (the start names the family, the end the variant). A
 * path-like id first drops its leading segments (`meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8` →
 * `…/Llama-4-Maverick-17B-128E-Instruct-FP8`), and a Bedrock namespace likewise (`us.anthropic.claude-…` →
 * `…claude-…`); then the middle gives way to "…", cutting between words where the id
 * has separators (`…/Llama-4-Maverick…FP8`, not `…/Llama-4-Maverick…struct-FP8`).
 */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const slash = text.lastIndexOf('/');
  if (slash > 0 && max > 8) return `…/${truncateMiddle(text.slice(slash + 1), max - 2)}`;
  const namespace = DOTTED_NAMESPACE.exec(text);
  if (namespace && max > 8) return `…${truncateMiddle(text.slice(namespace[0].length), max - 1)}`;
  if (max < 5) return text.slice(0, Math.max(0, max - 1)) + '…';
  const headBudget = Math.ceil((max - 1) * 0.6);
  let head = text.slice(0, headBudget);
  if (!SEPARATOR.test(text.charAt(headBudget))) {
    const lastSep = Math.max(...[...head].map((ch, k) => (SEPARATOR.test(ch) ? k : -1)));
    if (lastSep > 0) head = head.slice(0, lastSep);
  }
  const tailBudget = max - 1 - head.length;
  let tail = text.slice(text.length - tailBudget);
  if (!SEPARATOR.test(text.charAt(text.length - tailBudget - 1))) {
    const firstSep = [...tail].findIndex((ch) => SEPARATOR.test(ch));
    if (firstSep >= 0 && firstSep < tail.length - 1) tail = tail.slice(firstSep + 1);
  }
  return `${head}…${tail}`;
}

/** True when the string as written is not simply the canonical id (ignoring case). */
function differsFromId(written: string, id: string | null): id is string {
  return id !== null && written.toLowerCase() !== id.toLowerCase();
}

/**
 * The model of a call for report tables: the string as written, followed by the canonical catalog id in parentheses
 * when it differs — `…/Llama-4-Maverick…struct-FP8 (llama-4-maverick)` reads as what the code says and what Modelwise
 * priced. The written part is shortened so the whole cell fits `max` characters (the id is never cut). A run-time
 * model reads `(run time)`.
 */
export function modelCell(call: AnalyzedCall, max = 48): string {
  if (call.model === null) return '(run time)';
  const id = call.cost.modelId;
  if (!differsFromId(call.model, id)) return truncateMiddle(call.model, max);
  return `${truncateMiddle(call.model, Math.max(16, max - id.length - 3))} (${id})`;
}

/**
 * The model of a call for a code lens, where width is scarce: the string as written when it is short, else the
 * canonical id, else the written string shortened.
 */
export function lensModelLabel(call: AnalyzedCall, max = 28): string {
  if (call.model === null) return '(run time)';
  if (call.model.length <= max) return call.model;
  const id = call.cost.modelId;
  if (id !== null && id.length <= max) return id;
  return truncateMiddle(call.model, max);
}

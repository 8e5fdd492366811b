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

/**
 * Shortens text to at most `max` characters, keeping both ends (the start names the family, the end the variant). A
 * path-like id first drops its leading segments (`meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8` →
 * `…/Llama-4-Maverick-17B-128E-Instruct-FP8`), then the middle of what is left gives way to "…"
 * (`…/Llama-4-Maverick…struct-FP8`).
 */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const slash = text.lastIndexOf('/');
  if (slash > 0 && max > 8) return `…/${truncateMiddle(text.slice(slash + 1), max - 2)}`;
  if (max < 5) return text.slice(0, Math.max(0, max - 1)) + '…';
  const head = Math.ceil((max - 1) * 0.6);
  const tailLen = max - 1 - head;
  return `${text.slice(0, head)}…${text.slice(text.length - tailLen)}`;
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

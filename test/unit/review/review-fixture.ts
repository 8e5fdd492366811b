import { analyzeCall } from '../../../src/core/estimate/analyze-call';
import type { Engine } from '../../../src/core/engine';
import type { AnalyzedCall, AuditResult, CallSite } from '../../../src/core/types';
import { catalogEngine } from '../advise/alt-helpers';
import { callSite } from '../advise/call-fixture';

export const SUMMARIZE = { staticText: 'Summarize the support ticket below in three bullet points for the on-call engineer.', hasDynamicParts: true, messageCount: 2 };

/** An engine over the shipped catalog with a usage volume for src/ and the given policy. */
export function reviewEngine(policy: Record<string, unknown> = {}): Engine {
  return catalogEngine({ usage: [{ file: 'src/support.py', callsPerMonth: 200_000 }, { file: 'src/vision.py', callsPerMonth: 50_000 }], policy });
}

/** A call at a place in a file, analysed by the real engine. */
export function at(engine: Engine, file: string, line: number, o: Partial<CallSite>): AnalyzedCall {
  return analyzeCall(callSite({ id: `:${line}:9`, file, line, column: 9, maxOutputTokens: 300, temperature: 0, ...o }), engine);
}

export function audit(calls: AnalyzedCall[]): AuditResult {
  return { calls, files: { scanned: new Set(calls.map((c) => c.file)).size, skipped: [] }, issues: [] };
}

/** Base: one GPT-4o summarization call. */
export function baseAudit(engine: Engine): AuditResult {
  return audit([at(engine, 'src/support.py', 12, { model: 'gpt-4o', enclosingFunction: 'summarize_ticket', prompt: SUMMARIZE })]);
}

/** Head that keeps the base call (shifted 4 lines) and adds a Llama 4 Maverick call with image input. */
export function headWithLlama(engine: Engine): AuditResult {
  return audit([
    at(engine, 'src/support.py', 16, { model: 'gpt-4o', enclosingFunction: 'summarize_ticket', prompt: SUMMARIZE }),
    at(engine, 'src/vision.py', 30, {
      model: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
      provider: 'together',
      enclosingFunction: 'describe_photo',
      hasImageInput: true,
      prompt: { staticText: 'Describe the product in this photo for the catalogue.', hasDynamicParts: true, messageCount: 1 },
    }),
  ]);
}

/** Head that swaps the base call's model for Gemma 4 31B (served by OpenRouter). */
export function headWithGemma(engine: Engine): AuditResult {
  return audit([at(engine, 'src/support.py', 12, { model: 'google/gemma-4-31b-it', provider: 'openrouter', enclosingFunction: 'summarize_ticket', prompt: SUMMARIZE })]);
}

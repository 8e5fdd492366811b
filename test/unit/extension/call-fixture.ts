import type { AnalyzedCall } from '../../../src/core/types';
import { baseCallSite } from '../../helpers/call-site';

/** A complete AnalyzedCall with plain values; tests override what they check. */
export function makeCall(over: Partial<AnalyzedCall> = {}): AnalyzedCall {
  return {
    ...baseCallSite({
      id: ':3:20',
      file: 'app/main.py',
      line: 3,
      column: 20,
      startOffset: 40,
      endOffset: 120,
      nameStartOffset: 64,
      nameEndOffset: 70,
      modelLiteral: { startOffset: 77, endOffset: 85 },
      prompt: { staticText: 'Summarize', hasDynamicParts: true, messageCount: 1 },
      temperature: 0,
      enclosingFunction: 'summarize',
    }),
    tokens: { input: 12, exact: true, encoding: 'o200k_base', method: 'tiktoken', band: { low: 1, high: 1 }, outputLow: 256, outputHigh: 16384, outputHighSource: 'model-max' },
    cost: {
      priced: true,
      status: 'priced',
      modelId: 'gpt-4o',
      host: 'openai',
      perCallMicroUsd: { low: 2_590, high: 163_870 },
      callsPerMonth: 1000,
      callsSource: 'default',
      monthlyMicroUsd: { low: 2_590_000, high: 163_870_000 },
      assumptions: ['1,000 calls/month (default)'],
    },
    advice: { class: 'routine', confidence: 0.8, reasons: ['prompt: summarize'], alternatives: [] },
    findings: [],
    ...over,
  };
}

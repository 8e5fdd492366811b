import type { ReviewCall, ReviewReport } from '../../../src/core/review/types';

/** Hand-built review reports (plain data) so formatter output depends on the formatter only. */
const call = (o: Partial<ReviewCall> & Pick<ReviewCall, 'file' | 'line' | 'modelId'>): ReviewCall => ({
  id: `:${o.line}:9`,
  column: 9,
  callee: 'client.chat.completions.create',
  provider: 'openai',
  model: o.modelId,
  enclosingFunction: null,
  class: 'routine',
  monthlyUsd: 100,
  ...o,
});

export const MAU_CLAUSE =
  'If, on the Llama 4 version release date, the monthly active users of the products or services made available by or for Licensee, or Licensee’s affiliates, is greater than 700 million monthly active users in the preceding calendar month, you must request a license from Meta';
const LLAMA_URL = 'https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE';

const llamaCall = call({ file: 'src/vision.py', line: 30, modelId: 'llama-4-maverick', model: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8', provider: 'together', class: 'frontier', monthlyUsd: 12.03 });
const mauFinding = { code: 'LICENSE_MAU_CAP' as const, severity: 'error' as const, message: '1,000,000,000 monthly active users exceeds the 700,000,000 cap of Llama 4 Community License Agreement: a separate license from the licensor is required.', clause: MAU_CLAUSE, section: '§2 Additional Commercial Terms', url: LLAMA_URL };

/** A change that adds a Llama 4 Maverick call in a product at 1B MAU. */
export function failingReport(): ReviewReport {
  return {
    schemaVersion: 1,
    status: 'fail',
    exitCode: 1,
    failures: ['LICENSE_MAU_CAP llama-4-maverick at src/vision.py:30', 'LICENSE_MAU_CAP llama-3.3-70b-instruct at src/legacy.py:7 (already on the base branch)'],
    existingFailures: 1,
    models: { added: [{ model: 'llama-4-maverick', known: true, calls: 1, licenseId: 'llama-4-community' }], removed: [] },
    calls: { added: [llamaCall], removed: [], unchanged: 1, swapped: [] },
    licenses: [{ verdict: { modelId: 'llama-4-maverick', licenseId: 'llama-4-community', verdict: 'fail', findings: [mauFinding] }, calls: [llamaCall] }],
    spend: { baseMonthlyUsd: 569, headMonthlyUsd: 581.03, deltaMonthlyUsd: 12.03 },
    unpricedCalls: { base: 0, head: 0 },
    budget: { monthlyBudgetUsd: null, over: false },
    findings: [
      { ...mauFinding, file: 'src/vision.py', line: 30, column: 9, modelId: 'llama-4-maverick', callId: ':30:9' },
      { ...mauFinding, clause: undefined, section: undefined, url: undefined, file: 'src/legacy.py', line: 7, column: 5, modelId: 'llama-3.3-70b-instruct', callId: ':7:5', introduced: false },
      { code: 'CALL_IN_LOOP', severity: 'warning', message: 'Called inside a loop with up to 8,192 output tokens per call; every iteration is billed.', file: 'notebooks/eval.ipynb', cell: 2, line: 4, column: 5, modelId: 'gpt-4o', callId: '2:4:5' },
    ],
    issues: [],
  };
}

/** A change that swaps GPT-4o for Gemma 4 31B on a summarization call, under a budget. */
export function passingSwapReport(): ReviewReport {
  const from = call({ file: 'src/support.py', line: 12, modelId: 'gpt-4o', monthlyUsd: 569 });
  const to = call({ file: 'src/support.py', line: 12, modelId: 'gemma-4-31b-it', model: 'google/gemma-4-31b-it', provider: 'openrouter', monthlyUsd: 19.5 });
  return {
    schemaVersion: 1,
    status: 'pass',
    exitCode: 0,
    failures: [],
    existingFailures: 0,
    models: { added: [{ model: 'gemma-4-31b-it', known: true, calls: 1, licenseId: 'apache-2.0' }], removed: [{ model: 'gpt-4o', known: true, calls: 1, licenseId: 'openai-api-terms' }] },
    calls: { added: [to], removed: [from], unchanged: 3, swapped: [{ from, to, savingMonthlyUsd: 549.5 }] },
    licenses: [{ verdict: { modelId: 'gemma-4-31b-it', licenseId: 'apache-2.0', verdict: 'pass', findings: [] }, calls: [to] }],
    spend: { baseMonthlyUsd: 1234.5, headMonthlyUsd: 685, deltaMonthlyUsd: -549.5 },
    unpricedCalls: { base: 1, head: 1 },
    budget: { monthlyBudgetUsd: 5000, over: false },
    findings: [],
    issues: [],
  };
}

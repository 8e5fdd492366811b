import type { CorpusLabel } from './corpus-labels';

/** What the evaluator needs from one scanner prediction (a subset of CallSite). */
export interface Prediction {
  file: string;
  cell?: number;
  line: number;
  provider: string;
  api: string;
  model: string | null;
  modelSource?: string;
  pattern?: string;
  callee?: string;
}

/** One disagreement between labels and scanner, for the misses file. */
export interface Miss {
  kind: 'FN' | 'FP' | 'MODEL' | 'GUESS' | 'PROVIDER' | 'API';
  file: string;
  cell?: number;
  line: number;
  detail: string;
}

/** Counts for one bucket (a language, or everything). Ratios are computed by `ratios`. */
export interface Tally {
  labels: number;
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  /** Matched labels with a knowable, unambiguous model, and how many of them the scanner got right. */
  modelLabelled: number;
  modelCorrect: number;
  /** Labels with a knowable model, matched or not (strict model accuracy denominator). */
  modelLabelledAll: number;
  /** Matched labels whose model is null but the scanner reported one (a guess). */
  guesses: number;
  providerCorrect: number;
  apiCorrect: number;
}

/** A fresh all-zero tally. */
export function emptyTally(): Tally {
  return {
    labels: 0, truePositives: 0, falseNegatives: 0, falsePositives: 0, modelLabelled: 0, modelCorrect: 0,
    modelLabelledAll: 0, guesses: 0, providerCorrect: 0, apiCorrect: 0,
  };
}

/** Adds b into a. */
export function addTally(a: Tally, b: Tally): void {
  for (const k of Object.keys(a) as (keyof Tally)[]) a[k] += b[k];
}

/** Recall, precision, model accuracy (matched / strict), provider and api agreement; 1 when the denominator is 0. */
export function ratios(t: Tally): { recall: number; precision: number; modelAccuracy: number; modelAccuracyStrict: number; provider: number; api: number } {
  const div = (n: number, d: number): number => (d === 0 ? 1 : n / d);
  return {
    recall: div(t.truePositives, t.truePositives + t.falseNegatives),
    precision: div(t.truePositives, t.truePositives + t.falsePositives),
    modelAccuracy: div(t.modelCorrect, t.modelLabelled),
    modelAccuracyStrict: div(t.modelCorrect, t.modelLabelledAll),
    provider: div(t.providerCorrect, t.truePositives),
    api: div(t.apiCorrect, t.truePositives),
  };
}

/** Model ids compare case-insensitively and without a leading `models/` (Gemini's resource prefix). */
export function sameModel(a: string | null, b: string | null): boolean {
  const norm = (s: string | null): string | null => (s === null ? null : s.trim().toLowerCase().replace(/^models\//, ''));
  return norm(a) === norm(b);
}

function describe(p: { provider: string; api: string; model: string | null }): string {
  return `${p.provider}/${p.api} model=${p.model ?? 'null'}`;
}

/**
 * Scores one file: pairs labels with predictions on the same (cell, line) — or a label's `altLine` — preferring pairs
 * that agree on the model, then counts. Optional labels never count as found or missed, and a prediction paired with
 * one is not a false positive.
 */
export function scoreFile(labels: CorpusLabel[], preds: Prediction[]): { tally: Tally; misses: Miss[] } {
  const tally = emptyTally();
  const misses: Miss[] = [];
  const free = new Set(preds.map((_, i) => i));
  const pairs: [CorpusLabel, Prediction][] = [];
  const unmatched: CorpusLabel[] = [];
  const key = (cell: number | undefined, line: number): string => `${cell ?? ''}:${line}`;
  const take = (label: CorpusLabel, line: number): Prediction | undefined => {
    let best: number | undefined;
    for (const i of free) {
      const p = preds[i]!;
      if (key(p.cell, p.line) !== key(label.cell, line)) continue;
      if (best === undefined || (sameModel(p.model, label.model) && !sameModel(preds[best]!.model, label.model))) best = i;
    }
    if (best === undefined) return undefined;
    free.delete(best);
    return preds[best];
  };
  // Exact lines first, so an altLine never steals a prediction another label sits on.
  const pending: CorpusLabel[] = [];
  for (const l of labels) {
    const p = take(l, l.line);
    if (p) pairs.push([l, p]);
    else pending.push(l);
  }
  for (const l of pending) {
    const p = l.altLine !== undefined ? take(l, l.altLine) : undefined;
    if (p) pairs.push([l, p]);
    else unmatched.push(l);
  }
  for (const l of unmatched) {
    if (l.optional) continue;
    tally.labels++;
    tally.falseNegatives++;
    if (l.model !== null && !l.modelAmbiguous) tally.modelLabelledAll++;
    misses.push({ kind: 'FN', file: l.file, cell: l.cell, line: l.line, detail: `expected ${describe(l)} (${l.anchor.trim()})${l.note ? ` — ${l.note}` : ''}` });
  }
  for (const [l, p] of pairs) {
    if (l.optional) continue;
    tally.labels++;
    tally.truePositives++;
    const at = { file: l.file, cell: l.cell, line: l.line };
    if (p.provider === l.provider) tally.providerCorrect++;
    else misses.push({ kind: 'PROVIDER', ...at, detail: `expected ${l.provider} found ${p.provider}` });
    if (p.api === l.api) tally.apiCorrect++;
    else misses.push({ kind: 'API', ...at, detail: `expected ${l.api} found ${p.api}` });
    if (l.model !== null && !l.modelAmbiguous) {
      tally.modelLabelled++;
      tally.modelLabelledAll++;
      if (sameModel(p.model, l.model)) tally.modelCorrect++;
      else misses.push({ kind: 'MODEL', ...at, detail: `expected ${l.model} found ${p.model ?? 'null'} (${p.modelSource ?? '?'})` });
    } else if (l.model === null && !l.modelAmbiguous && p.model !== null) {
      tally.guesses++;
      misses.push({ kind: 'GUESS', ...at, detail: `expected null found ${p.model} (${p.modelSource ?? '?'})` });
    }
  }
  for (const i of free) {
    const p = preds[i]!;
    tally.falsePositives++;
    misses.push({ kind: 'FP', file: p.file, cell: p.cell, line: p.line, detail: `found ${describe(p)} pattern=${p.pattern ?? '?'} callee=${p.callee ?? '?'}` });
  }
  return { tally, misses };
}

/** One line per miss: `KIND file[#cell]:line  detail`. */
export function formatMiss(m: Miss): string {
  return `${m.kind.padEnd(8)} ${m.file}${m.cell !== undefined ? `#${m.cell}` : ''}:${m.line}  ${m.detail}`;
}

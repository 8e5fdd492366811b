import type { Model } from '../catalog/schema';
import type { Alternative } from '../types';

/**
 * Capability evidence: how a candidate model compares with the current one on the benchmarks both have in the catalog.
 * Only shared benchmarks count — a score with nothing to compare against says little about whether the candidate
 * can do *this* call as well as the model it already uses.
 */

/** How much weaker a candidate may be, as a ratio candidate / current, averaged and at worst over shared benchmarks. */
export interface AdequacyBar {
  /** Mean of candidate/current over shared score benchmarks must be at least this. */
  mean: number;
  /** No single shared score benchmark may fall below this ratio. */
  min: number;
}

/**
 * Routine tasks (summaries, labels, extraction) tolerate a somewhat weaker model: within 15% on average and never
 * below 70% of the current model on any shared benchmark.
 */
export const ROUTINE_BAR: AdequacyBar = { mean: 0.85, min: 0.7 };
/** Frontier tasks only move to a model that is practically as strong: within 3% on average, 10% at worst. */
export const FRONTIER_BAR: AdequacyBar = { mean: 0.97, min: 0.9 };

/** Rank benchmarks (lower is better) are shown as evidence but not used in the ratio. */
const isRank = (name: string): boolean => name.endsWith('-rank');

/** Benchmarks shown first when present (the ones people recognise). */
const DISPLAY_ORDER = ['gpqa-diamond', 'mmlu-pro', 'mmlu', 'mmmu', 'mathvista', 'livecodebench', 'arena-rank', 'aa-intelligence-index'];

/** Result of comparing a candidate with the current model. */
export interface EvidenceResult {
  adequate: boolean;
  /** Shared benchmarks, best-known first. */
  evidence: Alternative['evidence'];
  /** Mean candidate/current ratio over shared score benchmarks (null when there is none). */
  meanRatio: number | null;
}

/** Compares `candidate` with `current` on their shared benchmarks against a bar. No shared score benchmark → not adequate. */
export function compareCapability(candidate: Model, current: Model, bar: AdequacyBar): EvidenceResult {
  const evidence: Alternative['evidence'] = [];
  const ratios: number[] = [];
  for (const b of candidate.benchmarks) {
    const mine = current.benchmarks.find((c) => c.name === b.name);
    if (!mine) continue;
    evidence.push({ benchmark: b.name, alternative: b.score, current: mine.score, source: b.source });
    if (!isRank(b.name) && mine.score > 0) ratios.push(b.score / mine.score);
  }
  evidence.sort((a, b) => rankOf(a.benchmark) - rankOf(b.benchmark));
  if (ratios.length === 0) return { adequate: false, evidence, meanRatio: null };
  const mean = ratios.reduce((s, r) => s + r, 0) / ratios.length;
  const adequate = mean >= bar.mean && Math.min(...ratios) >= bar.min;
  return { adequate, evidence, meanRatio: Math.round(mean * 1000) / 1000 };
}

function rankOf(name: string): number {
  const i = DISPLAY_ORDER.indexOf(name);
  return i === -1 ? DISPLAY_ORDER.length : i;
}

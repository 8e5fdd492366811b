import type { AnalyzedCall } from '../types';

/** The workspace spend scenarios, in integer micro-USD per month (mid of each call's low–high range). */
export interface PortfolioScenario {
  /** Spend of every priced call as it is now. */
  nowMicroUsd: number;
  /** Spend if every routine call with an alternative moves to its best (first) alternative. */
  allRoutineMovedMicroUsd: number;
  /** Spend if only routine calls costing at least the threshold per month move. */
  aboveThresholdMovedMicroUsd: number;
  /** Calls classified routine (with or without an alternative). */
  routineCalls: number;
  /** Routine calls that have an alternative (the ones the scenarios move). */
  movableCalls: number;
  /** The threshold used, micro-USD per month. */
  thresholdMicroUsd: number;
}

/** Calls cheaper than this per month are not worth a migration in the threshold scenario (USD). */
export const DEFAULT_THRESHOLD_MONTHLY_USD = 100;

const mid = (r: { low: number; high: number }): number => (r.low + r.high) / 2;

/**
 * The portfolio view the product argues for: routine work on cheaper (often open-weight) models, frontier APIs for the
 * rest. Unpriced calls (unknown, self-hosted) count as zero in every scenario — they are neither spend we can state
 * nor a saving; frontier calls keep their model. Each scenario uses the mid of the monthly range.
 */
export function portfolio(calls: AnalyzedCall[], thresholdMonthlyUsd: number = DEFAULT_THRESHOLD_MONTHLY_USD): PortfolioScenario {
  const threshold = Math.round(thresholdMonthlyUsd * 1_000_000);
  let now = 0;
  let allMoved = 0;
  let someMoved = 0;
  let routineCalls = 0;
  let movableCalls = 0;
  for (const call of calls) {
    const monthly = call.cost.monthlyMicroUsd;
    const current = monthly ? mid(monthly) : 0;
    now += current;
    const isRoutine = call.advice.class === 'routine';
    if (isRoutine) routineCalls++;
    const best = isRoutine ? call.advice.alternatives[0] : undefined;
    if (best && monthly) {
      movableCalls++;
      const moved = mid(best.monthlyMicroUsd);
      allMoved += moved;
      someMoved += current >= threshold ? moved : current;
    } else {
      allMoved += current;
      someMoved += current;
    }
  }
  return {
    nowMicroUsd: Math.round(now),
    allRoutineMovedMicroUsd: Math.round(allMoved),
    aboveThresholdMovedMicroUsd: Math.round(someMoved),
    routineCalls,
    movableCalls,
    thresholdMicroUsd: threshold,
  };
}

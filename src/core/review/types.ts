import type { Finding, InputIssue, PolicyVerdict } from '../types';

/** A call as the review shows it: where it is, what it calls, what it costs per month (mid of the range, USD). */
export interface ReviewCall {
  id: string;
  file: string;
  cell?: number;
  line: number;
  column: number;
  callee: string;
  provider: string;
  /** The model string as written (null when decided at run time). */
  model: string | null;
  /** Canonical catalog id (null when unknown). */
  modelId: string | null;
  enclosingFunction: string | null;
  class: 'routine' | 'frontier';
  /** Mid of the monthly range in USD (null when unpriced). */
  monthlyUsd: number | null;
}

/** A model that appears in (or disappears from) the code with this change. */
export interface ModelChange {
  /** Canonical id, or the model string as written when the catalog does not know it. */
  model: string;
  known: boolean;
  calls: number;
  licenseId: string | null;
}

/** A call whose model was swapped in place (same file, callee and function). */
export interface ModelSwap {
  from: ReviewCall;
  to: ReviewCall;
  /** Monthly saving in USD (positive = cheaper), null when either side is unpriced. */
  savingMonthlyUsd: number | null;
}

/** The policy verdict of a model the change introduces, with the calls that introduce it. */
export interface IntroducedVerdict {
  verdict: PolicyVerdict;
  calls: ReviewCall[];
}

/** A finding placed at a call (what SARIF and the PR comment list). */
export interface LocatedFinding extends Finding {
  file?: string;
  cell?: number;
  line?: number;
  column?: number;
  modelId?: string | null;
  callId?: string;
  /** False for a policy failure on a call the change did not touch (it is already on the base branch). */
  introduced?: boolean;
}

/** What `modelwise check --base REF` reports. Plain data: the JSON output is this object. */
export interface ReviewReport {
  schemaVersion: 1;
  /**
   * 'fail' when any call of the head fails the policy — introduced by the change or already on the base branch (the
   * policy describes the product as it ships; the CLI gate exits 1 on either) — or the head exceeds the budget.
   */
  status: 'pass' | 'fail';
  exitCode: 0 | 1;
  /** Why it fails (finding codes with their subject), empty on pass. */
  failures: string[];
  /** Policy failures on calls the change did not add (already on the base branch). */
  existingFailures: number;
  models: { added: ModelChange[]; removed: ModelChange[] };
  calls: { added: ReviewCall[]; removed: ReviewCall[]; unchanged: number; swapped: ModelSwap[] };
  /** Policy verdicts of the models on added calls (whether or not the model was already used elsewhere). */
  licenses: IntroducedVerdict[];
  /** Monthly spend (mid of ranges) in USD, rounded to cents. Unpriced calls are not counted (see `unpricedCalls`). */
  spend: { baseMonthlyUsd: number; headMonthlyUsd: number; deltaMonthlyUsd: number };
  unpricedCalls: { base: number; head: number };
  budget: { monthlyBudgetUsd: number | null; over: boolean };
  /** Findings of the added calls and the budget, located where they can be. */
  findings: LocatedFinding[];
  /** Config/catalog problems met while auditing the head. */
  issues: InputIssue[];
}

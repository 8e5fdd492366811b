/**
 * Start-up timings of the extension host side, in milliseconds since activate() began: how long activate() itself
 * took, when the first document analysis finished (grammars + engine + scan) and when the first code lens got its
 * title. The test API exposes them so the real-editor suite can report (and bound) the cost of starting up; each
 * mark is taken once, so later work does not overwrite it.
 */
export interface StartupTimings {
  /** activate() from entry to return. */
  activateMs: number;
  /** From activate() entry to the end of the first fresh analysis of a document; undefined until one happened. */
  firstAnalysisMs?: number;
  /** From activate() entry to the first resolved lens title; undefined until one was resolved. */
  firstLensMs?: number;
}

/** Records the first occurrence of each start-up mark against a clock (performance.now by default). */
export class StartupClock {
  private readonly marks: Partial<Record<keyof StartupTimings, number>> = {};

  constructor(
    private readonly startedAt: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Sets `name` to the time elapsed since start, unless it was set before. */
  mark(name: keyof StartupTimings): void {
    if (this.marks[name] === undefined) this.marks[name] = Math.round((this.now() - this.startedAt) * 10) / 10;
  }

  /** Whether `name` has been marked. */
  has(name: keyof StartupTimings): boolean {
    return this.marks[name] !== undefined;
  }

  /** A copy of the marks so far (activateMs is 0 until activate() marked it). */
  snapshot(): StartupTimings {
    return { activateMs: this.marks.activateMs ?? 0, ...this.pick('firstAnalysisMs'), ...this.pick('firstLensMs') };
  }

  private pick(name: 'firstAnalysisMs' | 'firstLensMs'): Partial<StartupTimings> {
    const v = this.marks[name];
    return v === undefined ? {} : { [name]: v };
  }
}

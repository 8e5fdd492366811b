import type { AnalyzedCall } from '../core/types';

/** One text change as VS Code reports it: `rangeLength` characters at `rangeOffset` replaced by `text`. */
export interface OffsetChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Where an offset of the old text lands after the changes (applied in the order given, as VS Code lists them).
 * An offset inside a replaced range moves to the start of the replacement, so a lens never jumps past an edit.
 */
export function mapOffset(offset: number, changes: readonly OffsetChange[]): number {
  let o = offset;
  for (const c of changes) {
    const end = c.rangeOffset + c.rangeLength;
    if (o >= end) o += c.text.length - c.rangeLength;
    else if (o > c.rangeOffset) o = c.rangeOffset;
  }
  return o;
}

/** True when any change touches [start, end) (an insertion exactly at `start` or `end` does not count). */
export function touches(start: number, end: number, changes: readonly OffsetChange[]): boolean {
  let s = start;
  let e = end;
  for (const c of changes) {
    const cEnd = c.rangeOffset + c.rangeLength;
    if (c.rangeOffset < e && cEnd > s) return true;
    if (c.rangeLength === 0 && c.rangeOffset > s && c.rangeOffset < e) return true;
    s = mapOffset(s, [c]);
    e = mapOffset(e, [c]);
  }
  return false;
}

/**
 * The previous analysis carried over an edit while the re-analysis waits for its debounce: every offset is mapped
 * through the changes, so lenses keep their place instead of blinking. A model literal the edit touched is dropped
 * (a quick fix must never rewrite a range that no longer holds the model id).
 */
export function mapCalls(calls: readonly AnalyzedCall[], changes: readonly OffsetChange[]): AnalyzedCall[] {
  return calls.map((c) => {
    const mapped: AnalyzedCall = {
      ...c,
      startOffset: mapOffset(c.startOffset, changes),
      endOffset: mapOffset(c.endOffset, changes),
      nameStartOffset: mapOffset(c.nameStartOffset, changes),
      nameEndOffset: mapOffset(c.nameEndOffset, changes),
    };
    if (c.modelLiteral) {
      if (touches(c.modelLiteral.startOffset, c.modelLiteral.endOffset, changes)) delete mapped.modelLiteral;
      else mapped.modelLiteral = { ...c.modelLiteral, startOffset: mapOffset(c.modelLiteral.startOffset, changes), endOffset: mapOffset(c.modelLiteral.endOffset, changes) };
    }
    return mapped;
  });
}

/**
 * Whether a call's lens is shown under a "hide below $X per month" threshold (USD per month). Calls without a
 * price (unknown, unpriced, self-hosted, dynamic model) are always shown: hiding them would read as "$0".
 */
export function passesThreshold(call: Pick<AnalyzedCall, 'cost'>, minMonthlyUsd: number): boolean {
  if (minMonthlyUsd <= 0) return true;
  const monthly = call.cost.monthlyMicroUsd;
  if (!call.cost.priced || !monthly) return true;
  return monthly.high >= minMonthlyUsd * 1_000_000;
}

/** The innermost call whose expression or model literal contains `offset` (for hovers and code actions). */
export function callAt<T extends Pick<AnalyzedCall, 'startOffset' | 'endOffset' | 'modelLiteral'>>(calls: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const c of calls) {
    const inLiteral = c.modelLiteral !== undefined && offset >= c.modelLiteral.startOffset && offset <= c.modelLiteral.endOffset;
    const inCall = offset >= c.startOffset && offset <= c.endOffset;
    if (!inLiteral && !inCall) continue;
    if (!best || c.endOffset - c.startOffset < best.endOffset - best.startOffset) best = c;
  }
  return best;
}

import type { Config, UsageEntry } from '../config/schema';
import type { CallSite, CostEstimate } from '../types';

/** The usage entry that applies to a call, and how it matched. */
export interface UsageMatch {
  entry?: UsageEntry;
  callsPerMonth: number;
  source: CostEstimate['callsSource'];
}

/** Paths compare with forward slashes and without a leading `./`. */
function samePath(a: string, b: string): boolean {
  const norm = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\//, '');
  return norm(a) === norm(b);
}

/**
 * Finds how often a call runs, most specific first: a usage entry whose `id` equals the call's `modelwise: id=NAME`
 * comment; else an entry for the call's file and enclosing function; else an entry for the file with no function;
 * else `defaults.callsPerMonth` (1,000 unless configured).
 */
export function matchUsage(call: Pick<CallSite, 'usageId' | 'file' | 'enclosingFunction'>, config: Config): UsageMatch {
  const usage = config.usage;
  if (call.usageId !== undefined) {
    const byId = usage.find((u) => u.id === call.usageId);
    if (byId) return { entry: byId, callsPerMonth: byId.callsPerMonth, source: 'usage-id' };
  }
  if (call.enclosingFunction !== null) {
    const byFunction = usage.find((u) => u.file !== undefined && samePath(u.file, call.file) && u.function === call.enclosingFunction);
    if (byFunction) return { entry: byFunction, callsPerMonth: byFunction.callsPerMonth, source: 'usage-function' };
  }
  const byFile = usage.find((u) => u.file !== undefined && samePath(u.file, call.file) && u.function === undefined && u.id === undefined);
  if (byFile) return { entry: byFile, callsPerMonth: byFile.callsPerMonth, source: 'usage-file' };
  return { callsPerMonth: config.defaults.callsPerMonth, source: 'default' };
}

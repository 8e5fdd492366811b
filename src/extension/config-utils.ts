import type { Catalog } from '../core/catalog/schema';
import { ConfigSchema, type Config, type UsageEntry } from '../core/config/schema';
import type { ConfigSource } from '../core/config/config-source';
import type { CallSite, InputIssue } from '../core/types';

/**
 * What Restricted Mode keeps of `.modelwise.yaml`: usage volumes and the defaults (calls per month, output prior,
 * thresholds). Price overrides, discounts, private models and licenses, classification overrides and the policy
 * are dropped until the workspace is trusted, so an untrusted repository cannot change what a price or a license
 * verdict looks like.
 */
export function restrictConfig(config: Config): Config {
  return ConfigSchema.parse({ defaults: config.defaults, usage: config.usage });
}

/**
 * The config part of createEngine's options for a parsed `.modelwise.yaml`: as parsed when the folder is trusted,
 * else restricted (restrictConfig). restrictConfig makes a copy, and the engine finds a config's YAML positions by
 * object identity, so the parse's `source` is always passed on explicitly; without it the engine could not place
 * its own config issues and workspace-level findings at their line and column.
 */
export function engineConfig(parsed: { config: Config; issues: InputIssue[]; source: ConfigSource }, trusted: boolean): { config: Config; configIssues: InputIssue[]; configSource: ConfigSource } {
  return { config: trusted ? parsed.config : restrictConfig(parsed.config), configIssues: parsed.issues, configSource: parsed.source };
}

/** Names of the `.modelwise.yaml` sections Restricted Mode ignored because they were present. */
export function ignoredInRestrictedMode(config: Config): string[] {
  const out: string[] = [];
  if (config.prices.length > 0) out.push('prices');
  if (config.discounts.length > 0) out.push('discounts');
  if (config.models.length > 0) out.push('models');
  if (config.licenses.length > 0) out.push('licenses');
  if (config.classify.length > 0) out.push('classify');
  return out;
}

/**
 * Merges an extra catalog over the bundled one: a model or license with the same id replaces the bundled entry,
 * new ones are added. `updated` is the later of the two dates.
 */
export function mergeCatalogs(base: Catalog, extra: Catalog): Catalog {
  const models = new Map(base.models.map((m) => [m.id, m]));
  for (const m of extra.models) models.set(m.id, m);
  const licenses = new Map(base.licenses.map((l) => [l.id, l]));
  for (const l of extra.licenses) licenses.set(l.id, l);
  return {
    updated: extra.updated > base.updated ? extra.updated : base.updated,
    models: [...models.values()],
    licenses: [...licenses.values()],
  };
}

/**
 * The usage entry "Set usage" writes for a call: keyed by its `modelwise: id=` comment when it has one, else by file
 * and enclosing function, else by file alone (the matching order the engine uses).
 */
export function usageEntryFor(call: Pick<CallSite, 'usageId' | 'file' | 'enclosingFunction'>, callsPerMonth: number): UsageEntry {
  if (call.usageId) return { id: call.usageId, callsPerMonth };
  if (call.enclosingFunction) return { file: call.file, function: call.enclosingFunction, callsPerMonth };
  return { file: call.file, callsPerMonth };
}

/**
 * Parses what a person typed into "calls per month?". Accepts `12000`, `12,000`, `12_000`, `12k`, `1.5m`.
 * Returns a message instead of a number when the text is not a non-negative amount.
 */
export function parseCallsPerMonth(text: string): { value: number } | { error: string } {
  const t = text.trim().toLowerCase().replace(/[,_\s]/g, '');
  const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(t);
  if (!m) return { error: 'Enter a number of calls per month, e.g. 12000 or 12k.' };
  const mult = m[2] === 'k' ? 1_000 : m[2] === 'm' ? 1_000_000 : 1;
  const value = Math.round(Number(m[1]) * mult);
  if (!Number.isFinite(value)) return { error: 'That number is too large.' };
  return { value };
}

import { isMap, isScalar, isSeq } from 'yaml';
import type { Config } from './schema';
import type { LocatedYaml } from '../yaml-issues';

/** A 1-based line and column in `.modelwise.yaml`. */
export interface ConfigPosition {
  line: number;
  column: number;
}

/**
 * Where a config came from: its file name as the shell gave it to parseConfig, and the position of every key and list
 * entry by dotted path (`policy.monthlyBudgetUsd`, `policy.denyLicenses.1`, `usage.0.callsPerMonth`). Plain data, so it
 * survives a worker thread; it lets checks that run after parsing (policy license entries, the review's budget
 * finding) point at the line that decides them instead of at the file.
 */
export interface ConfigSource {
  file: string;
  positions: Record<string, ConfigPosition>;
}

/** Paths deeper than this are not recorded (nothing points below `models.N.offers.M.field`). */
const MAX_DEPTH = 5;
/** Bound on recorded paths, so a huge generated config cannot make this map large. */
const MAX_PATHS = 5000;

/** Positions of every key (the key's own start) and list entry in a parsed YAML document. */
export function collectPositions(yaml: LocatedYaml): Record<string, ConfigPosition> {
  const out: Record<string, ConfigPosition> = {};
  let count = 0;
  const at = (node: unknown): ConfigPosition | undefined => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (!range) return undefined;
    const p = yaml.lines.linePos(range[0]);
    return { line: p.line, column: p.col };
  };
  const visit = (node: unknown, prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH || count >= MAX_PATHS) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        const path = prefix ? `${prefix}.${key}` : key;
        const pos = at(pair.key);
        if (pos && !(path in out)) {
          out[path] = pos;
          count++;
        }
        visit(pair.value, path, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const path = `${prefix}.${i}`;
        const pos = at(item);
        if (pos) {
          out[path] = pos;
          count++;
        }
        visit(item, path, depth + 1);
      });
    }
  };
  visit(yaml.doc.contents, '', 0);
  return out;
}

/**
 * Position of `path`, or of its nearest recorded parent (`policy.denyLicenses.7` → `policy.denyLicenses`), so a
 * message is placed as close as the file allows.
 */
export function positionOf(source: ConfigSource | undefined, path: string): ConfigPosition | undefined {
  if (!source) return undefined;
  let p = path;
  for (;;) {
    const hit = source.positions[p];
    if (hit) return hit;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return undefined;
    p = p.slice(0, dot);
  }
}

/**
 * The source of each config object parseConfig returned. Shells hand the config object itself to createEngine; this
 * lets the engine find the file and positions without every shell threading a third value through (a shell that
 * copies or rebuilds the config can pass `configSource` to createEngine explicitly).
 */
const sources = new WeakMap<Config, ConfigSource>();

/** Records where a parsed config came from (called by parseConfig). */
export function rememberSource(config: Config, source: ConfigSource): void {
  sources.set(config, source);
}

/** Where parseConfig read this exact config object from, if it did. */
export function sourceOf(config: Config): ConfigSource | undefined {
  return sources.get(config);
}

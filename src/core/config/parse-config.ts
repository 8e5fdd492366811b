import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { InputIssue } from '../types';
import { locate, parseYamlLocated, type LocatedYaml } from '../yaml-issues';
import { collectPositions, rememberSource, type ConfigSource } from './config-source';
import { ConfigSchema, type Config, type UsageEntry } from './schema';

/** Sections that are lists: each entry is validated on its own, and a bad entry is dropped alone. */
const LIST_SECTIONS = ['usage', 'discounts', 'prices', 'models', 'licenses', 'classify'] as const;
/** Sections that are objects: a bad key is dropped alone, the section's other keys still apply. */
const OBJECT_SECTIONS = ['defaults', 'policy'] as const;

type Section = (typeof LIST_SECTIONS)[number] | (typeof OBJECT_SECTIONS)[number];
const KNOWN: ReadonlySet<string> = new Set<string>([...LIST_SECTIONS, ...OBJECT_SECTIONS]);

/**
 * Parses `.modelwise.yaml`. Never throws. A YAML syntax error gives the defaults plus an issue with line and column;
 * a schema error drops only the offending entry (one usage row, one discount, one policy key…) with a located issue,
 * and the rest of the file still applies. An empty file is the defaults. `source` is the file name with the position
 * of every key, for checks that run later (createEngine finds it from the returned config object too).
 */
export function parseConfig(text: string, fileName: string): { config: Config; issues: InputIssue[]; source: ConfigSource } {
  const parsed = parseYamlLocated(text, fileName);
  const source: ConfigSource = { file: fileName, positions: parsed.yaml ? collectPositions(parsed.yaml) : {} };
  const { config, issues } = parseValidated(parsed, fileName);
  rememberSource(config, source);
  return { config, issues, source };
}

function parseValidated(parsed: ReturnType<typeof parseYamlLocated>, fileName: string): { config: Config; issues: InputIssue[] } {
  const defaults = ConfigSchema.parse({});
  if (!parsed.yaml) return { config: defaults, issues: parsed.issues };
  const value = parsed.value;
  if (value === null || value === undefined) return { config: defaults, issues: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { config: defaults, issues: [{ file: fileName, line: 1, column: 1, message: 'expected a mapping of sections (usage, defaults, discounts, prices, models, licenses, classify, policy)' }] };
  }
  const issues: InputIssue[] = [];
  const at = (path: PropertyKey[], message: string): InputIssue => {
    const pos = locate(parsed.yaml as LocatedYaml, path);
    return { file: fileName, line: pos?.line, column: pos?.column, path: path.map(String).join('.'), message };
  };
  const input: Partial<Record<Section, unknown>> = {};
  for (const [key, section] of Object.entries(value as Record<string, unknown>)) {
    if (!KNOWN.has(key)) {
      issues.push(at([key], `unknown section '${key}' (expected one of: ${[...KNOWN].join(', ')})`));
      continue;
    }
    if (section === null || section === undefined) continue;
    if ((LIST_SECTIONS as readonly string[]).includes(key)) {
      input[key as Section] = validList(key as (typeof LIST_SECTIONS)[number], section, at, issues);
    } else {
      input[key as Section] = validObject(key as (typeof OBJECT_SECTIONS)[number], section, at, issues);
    }
  }
  const result = ConfigSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) issues.push(at(issue.path as PropertyKey[], issue.message));
    return { config: defaults, issues };
  }
  return { config: result.data, issues };
}

type At = (path: PropertyKey[], message: string) => InputIssue;

function validList(key: (typeof LIST_SECTIONS)[number], section: unknown, at: At, issues: InputIssue[]): unknown[] | undefined {
  if (!Array.isArray(section)) {
    issues.push(at([key], `'${key}' must be a list`));
    return undefined;
  }
  const schema = ConfigSchema.shape[key];
  const kept: unknown[] = [];
  section.forEach((entry, i) => {
    const r = schema.safeParse([entry]);
    if (r.success) {
      kept.push(entry);
      return;
    }
    for (const issue of r.error.issues) {
      const rest = issue.path.slice(1) as PropertyKey[];
      const detail = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}` : issue.message;
      issues.push(at([key, i, ...rest], `${key}[${i}]${rest.length > 0 ? '.' + rest.join('.') : ''}: ${detail} — entry ignored`));
    }
  });
  return kept;
}

function validObject(key: (typeof OBJECT_SECTIONS)[number], section: unknown, at: At, issues: InputIssue[]): unknown {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    issues.push(at([key], `'${key}' must be a mapping`));
    return undefined;
  }
  const schema = ConfigSchema.shape[key];
  const obj: Record<string, unknown> = { ...(section as Record<string, unknown>) };
  for (let attempt = 0; attempt < 50; attempt++) {
    const r = schema.safeParse(obj);
    if (r.success) return obj;
    let removed = false;
    for (const issue of r.error.issues) {
      const names = issue.code === 'unrecognized_keys' ? issue.keys : issue.path.length > 0 ? [String(issue.path[0])] : [];
      for (const name of names) {
        if (!(name in obj)) continue;
        const detail = issue.code === 'unrecognized_keys' ? `unknown key '${name}'` : issue.message;
        issues.push(at([key, name, ...(issue.path.slice(1) as PropertyKey[])], `${key}.${name}: ${detail} — ignored`));
        delete obj[name];
        removed = true;
      }
    }
    if (!removed) break;
  }
  issues.push(at([key], `'${key}' is invalid — defaults used`));
  return undefined;
}

/**
 * Returns `.modelwise.yaml` text with a usage entry added, or updated when an entry for the same id (or the same
 * file + function) exists — the editor's "Set usage" action. Comments, key order and formatting of the rest of the
 * file are preserved (yaml Document API). Throws an Error naming line and column when the existing text is not valid
 * YAML, so a broken file is never overwritten.
 */
export function setUsageEntry(text: string, entry: UsageEntry): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e?.linePos?.[0];
    throw new Error(`cannot update .modelwise.yaml: ${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${e?.message.split('\n')[0] ?? 'invalid YAML'}`);
  }
  const fields = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as Record<string, unknown>;
  if (doc.contents === null || (isMap(doc.contents) && doc.contents.items.length === 0)) {
    doc.contents = doc.createNode({ usage: [fields] }) as unknown as typeof doc.contents;
    return doc.toString();
  }
  if (!isMap(doc.contents)) throw new Error('cannot update .modelwise.yaml: the file is not a mapping of sections');
  const root = doc.contents as YAMLMap;
  const usage = root.get('usage', true);
  if (!isSeq(usage)) {
    root.set('usage', doc.createNode([fields]));
    return doc.toString();
  }
  const same = usage.items.find((item) => {
    if (!isMap(item)) return false;
    const id = item.get('id');
    if (entry.id !== undefined) return id === entry.id;
    return id === undefined && item.get('file') === entry.file && (item.get('function') ?? undefined) === entry.function;
  });
  if (isMap(same)) {
    for (const [k, v] of Object.entries(fields)) same.set(k, v);
  } else {
    usage.add(doc.createNode(fields));
  }
  return doc.toString();
}

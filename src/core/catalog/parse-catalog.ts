import type { InputIssue } from '../types';
import { parseYamlLocated, zodIssuesAt } from '../yaml-issues';
import { CatalogFileSchema, type Catalog, type License, type Model } from './schema';

/** One catalog source file. */
export interface CatalogText {
  name: string;
  text: string;
}

/**
 * Parses and validates catalog YAML files and merges them. Issues (syntax, schema, duplicate ids or aliases,
 * unknown license ids) come back with file, line and column; they are never thrown.
 */
export function parseCatalog(files: readonly CatalogText[]): { catalog: Catalog; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const models: Model[] = [];
  const licenses: License[] = [];
  let updated = '0000-00-00';
  for (const f of files) {
    const parsed = parseYamlLocated(f.text, f.name);
    issues.push(...parsed.issues);
    if (!parsed.yaml) continue;
    const result = CatalogFileSchema.safeParse(parsed.value);
    if (!result.success) {
      issues.push(...zodIssuesAt(parsed.yaml, f.name, result.error.issues));
      continue;
    }
    if (result.data.updated > updated) updated = result.data.updated;
    models.push(...(result.data.models ?? []));
    licenses.push(...(result.data.licenses ?? []));
  }
  const catalog: Catalog = { updated, models, licenses };
  issues.push(...checkCatalogIntegrity(catalog));
  return { catalog, issues };
}

/** Cross-file rules: unique model ids, every alias claimed once, every license id known. */
export function checkCatalogIntegrity(catalog: Catalog): InputIssue[] {
  const issues: InputIssue[] = [];
  const licenseIds = new Set(catalog.licenses.map((l) => l.id));
  const claimed = new Map<string, string>();
  const seenLicenses = new Set<string>();
  for (const l of catalog.licenses) {
    if (seenLicenses.has(l.id)) issues.push({ file: 'catalog', path: `licenses.${l.id}`, message: `license id '${l.id}' is defined twice` });
    seenLicenses.add(l.id);
  }
  for (const m of catalog.models) {
    for (const name of [m.id, ...m.aliases]) {
      const key = name.toLowerCase();
      const owner = claimed.get(key);
      if (owner !== undefined && owner !== m.id) {
        issues.push({ file: 'catalog', path: `models.${m.id}`, message: `'${name}' is claimed by both '${owner}' and '${m.id}'` });
      } else if (owner === m.id && name !== m.id) {
        issues.push({ file: 'catalog', path: `models.${m.id}`, message: `'${name}' is listed twice for '${m.id}'` });
      } else if (owner === m.id) {
        issues.push({ file: 'catalog', path: `models.${m.id}`, message: `model id '${m.id}' is defined twice` });
      }
      claimed.set(key, m.id);
    }
    if (!licenseIds.has(m.license)) {
      issues.push({ file: 'catalog', path: `models.${m.id}.license`, message: `model '${m.id}' references unknown license '${m.license}'` });
    }
  }
  return issues;
}

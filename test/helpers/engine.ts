import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../../src/core/catalog/parse-catalog';
import type { Catalog } from '../../src/core/catalog/schema';
import type { ParserSet } from '../../src/core/scan/parsers';
import { loadParsers } from '../../src/node/load-parsers';

/** Repository root (tests run from out/test/…). */
export const repoRoot = join(__dirname, '..', '..', '..');

let parsers: Promise<ParserSet> | undefined;
/** Parsers for every supported language, loaded once per test process. */
export function testParsers(): Promise<ParserSet> {
  parsers ??= loadParsers();
  return parsers;
}

let catalog: Catalog | undefined;
/** The shipped catalog, parsed from catalog/*.yaml with the engine's own parser; throws on any issue. */
export function testCatalog(): Catalog {
  if (catalog) return catalog;
  const dir = join(repoRoot, 'catalog');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: `catalog/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const result = parseCatalog(files);
  if (result.issues.length > 0) throw new Error(`catalog issues: ${JSON.stringify(result.issues.slice(0, 5))}`);
  catalog = result.catalog;
  return catalog;
}

/**
 * The public reference data (../shared/reference beside the checkout, as in CI), or undefined when absent.
 * Test-only input: the product never reads it.
 */
export function referenceDir(): string | undefined {
  const { existsSync } = require('node:fs') as typeof import('node:fs');
  const candidates = [process.env.MODELWISE_REFERENCE_DIR, join(repoRoot, '..', 'shared', 'reference'), '/work/shared/reference'];
  return candidates.find((c): c is string => c !== undefined && existsSync(c));
}

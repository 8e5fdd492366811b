import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtures, repoRoot } from './cli-harness';

/** Golden files of the CLI's reports live here, one per format. */
export const goldenDir = join(fixtures, 'golden', 'cli');

/**
 * Makes a report comparable across machines and releases: the package version, absolute paths of the checkout and of
 * temporary directories, UUIDs and timestamps become placeholders. Nothing else is touched, so every number and word
 * the report prints is compared.
 */
export function normalise(text: string, version: string): string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text
    .replace(new RegExp(esc(repoRoot), 'g'), '<repo>')
    .replace(/\/tmp\/mw-[A-Za-z0-9-]+/g, '<tmp>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<timestamp>')
    .replace(new RegExp(`(["' v@])${esc(version)}(?![.\\d])`, 'g'), '$1<version>');
}

/**
 * Compares `actual` with the golden file `name`. With UPDATE_GOLDEN=1 the file is (re)written instead — review the
 * diff before committing it. A missing golden file is a failure, not a silent pass.
 */
export function assertGolden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file ${name} is missing (run with UPDATE_GOLDEN=1 to create it, then review it)`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from golden file ${name}`);
}

/** The package version the CLI reports. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

import parseSpdx from 'spdx-expression-parse';
import satisfies from 'spdx-satisfies';
import type { License } from '../catalog/schema';

/**
 * Matching of a catalog license against the policy's `allowLicenses` / `denyLicenses` entries.
 *
 * An entry is either a catalog license id (`llama-4-community`, also written `LicenseRef-llama-4-community`) or an
 * SPDX expression (`Apache-2.0`, `MIT OR Apache-2.0`, `GPL-2.0+`). SPDX entries are evaluated with the kept libraries
 * `spdx-expression-parse` and `spdx-satisfies`; a license with `spdx: null` can only match by its catalog id, because
 * custom licenses have no SPDX identity to compare.
 */

/** One policy entry, classified. */
export type LicenseEntry =
  | { kind: 'catalog-id'; entry: string; id: string }
  | { kind: 'spdx'; entry: string; leaves: string[] }
  | { kind: 'invalid'; entry: string; message: string };

/** Leaf licenses of an SPDX expression, written back as simple ids (`GPL-2.0+`, `Apache-2.0 WITH LLVM-exception`). */
function leavesOf(node: parseSpdx.SpdxNode): string[] {
  if ('license' in node) {
    const base = node.plus ? `${node.license}+` : node.license;
    return [node.exception ? `${base} WITH ${node.exception}` : base];
  }
  return [...leavesOf(node.left), ...leavesOf(node.right)];
}

/** Classifies a policy entry against the catalog's license ids (case-insensitive). */
export function classifyLicenseEntry(entry: string, catalogLicenseIds: readonly string[]): LicenseEntry {
  const trimmed = entry.trim();
  const bare = trimmed.replace(/^LicenseRef-/i, '').toLowerCase();
  const custom = catalogLicenseIds.find((id) => id.toLowerCase() === bare);
  if (custom !== undefined && !isSpdxIdOf(trimmed)) return { kind: 'catalog-id', entry, id: custom };
  try {
    return { kind: 'spdx', entry, leaves: leavesOf(parseSpdx(trimmed)) };
  } catch (err) {
    if (custom !== undefined) return { kind: 'catalog-id', entry, id: custom };
    const why = err instanceof Error ? err.message : String(err);
    return { kind: 'invalid', entry, message: `"${entry}" is neither a catalog license id nor an SPDX expression (${why})` };
  }
}

/** True when the text parses as one plain SPDX id (then `Apache-2.0` means the SPDX license, even if a catalog entry is named alike). */
function isSpdxIdOf(text: string): boolean {
  try {
    const node = parseSpdx(text);
    return 'license' in node && !node.license.startsWith('LicenseRef-');
  } catch {
    return false;
  }
}

/** Does this license satisfy (fit inside) the set of allowed entries? */
export function licenseAllowedBy(license: License, entries: readonly LicenseEntry[]): LicenseEntry | undefined {
  for (const e of entries) if (e.kind === 'catalog-id' && e.id.toLowerCase() === license.id.toLowerCase()) return e;
  if (!license.spdx) return undefined;
  const spdxEntries = entries.filter((e): e is Extract<LicenseEntry, { kind: 'spdx' }> => e.kind === 'spdx');
  const allowed = spdxEntries.flatMap((e) => e.leaves);
  if (allowed.length === 0) return undefined;
  try {
    if (!satisfies(license.spdx, allowed)) return undefined;
  } catch {
    return undefined;
  }
  return spdxEntries.find((e) => safeSatisfies(license.spdx as string, e.leaves)) ?? spdxEntries[0];
}

/**
 * Is this license denied? A compound license (`MIT OR GPL-3.0`) is denied only when no choice of its leaves avoids
 * the denied ones. Returns the deciding entry.
 */
export function licenseDeniedBy(license: License, entries: readonly LicenseEntry[]): LicenseEntry | undefined {
  for (const e of entries) if (e.kind === 'catalog-id' && e.id.toLowerCase() === license.id.toLowerCase()) return e;
  if (!license.spdx) return undefined;
  let own: string[];
  try {
    own = leavesOf(parseSpdx(license.spdx));
  } catch {
    return undefined;
  }
  const spdxEntries = entries.filter((e): e is Extract<LicenseEntry, { kind: 'spdx' }> => e.kind === 'spdx');
  const deniedLeaves = spdxEntries.flatMap((e) => e.leaves);
  const remaining = own.filter((leaf) => !safeSatisfies(leaf, deniedLeaves));
  if (remaining.length === own.length || safeSatisfies(license.spdx, remaining)) return undefined;
  return spdxEntries.find((e) => own.some((leaf) => safeSatisfies(leaf, e.leaves)));
}

function safeSatisfies(expression: string, allowed: string[]): boolean {
  if (allowed.length === 0) return false;
  try {
    return satisfies(expression, allowed);
  } catch {
    return false;
  }
}

/** Short label for people: the SPDX id when there is one, else the license's name. */
export function licenseLabel(license: License | undefined): string {
  if (!license) return 'unknown license';
  return license.spdx ?? license.name;
}

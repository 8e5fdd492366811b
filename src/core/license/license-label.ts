import type { License } from '../catalog/schema';

/** Longest derived label kept; a longer one falls back to the license's catalog id (short by convention). */
export const MAX_LICENSE_LABEL = 24;

/** Words that say what kind of document it is, not which one. */
const FILLER = new Set(['Community', 'Agreement', 'AI']);

/**
 * A short license label for one-line displays (code lens, tables): the SPDX id when there is one (`Apache-2.0`);
 * `API terms` for a vendor's API terms (the vendor is already in the model's name); otherwise derived from the
 * catalog's name — the words before "License"/"Terms", without parenthesised details, versions and filler words,
 * plus "license" or "terms" (`Llama 4 Community License Agreement` → `Llama 4 license`, `Gemma Terms of Use (…)` →
 * `Gemma terms`). A derived label longer than MAX_LICENSE_LABEL falls back to the catalog id (`kimi-modified-mit`).
 * The full name belongs in hovers and license tables.
 */
export function shortLicenseLabel(license: License | undefined): string {
  if (!license) return 'unknown license';
  if (license.spdx) return license.spdx;
  if (license.kind === 'proprietary-api') return 'API terms';
  const bare = license.name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s*\/\s*\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /\b(License|Licence|Terms)\b/.exec(bare);
  let label: string;
  if (m) {
    const head = bare
      .slice(0, m.index)
      .split(' ')
      .filter((w) => w !== '' && !FILLER.has(w) && !/^v\d/i.test(w));
    label = head.length > 0 ? `${head.join(' ')} ${m[1] === 'Terms' ? 'terms' : 'license'}` : license.id;
  } else {
    label = bare;
  }
  return label.length > 0 && label.length <= MAX_LICENSE_LABEL ? label : license.id;
}

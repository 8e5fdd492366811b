import type { Policy } from '../policy/schema';
import { classifyLicenseEntry } from './license-match';

/** A policy entry that cannot match anything, with its dotted path in `.modelwise.yaml` (for a located message). */
export interface PolicyEntryIssue {
  /** e.g. `policy.allowLicenses.1` — feed it to the YAML location helper to get line and column. */
  path: string;
  message: string;
}

/**
 * Finds allow/deny license entries that are neither an SPDX expression nor a known catalog license id. Such an entry
 * matches nothing: in `denyLicenses` it silently allows what it meant to deny, and in `allowLicenses` it fails models
 * for a confusing reason — so the shells report it next to the other config issues. `knownLicenseIds` are the catalog's
 * (and the config's) license ids.
 */
export function checkPolicyLicenseEntries(policy: Policy, knownLicenseIds: readonly string[]): PolicyEntryIssue[] {
  const issues: PolicyEntryIssue[] = [];
  const lists: [string, readonly string[] | undefined][] = [
    ['allowLicenses', policy.allowLicenses],
    ['denyLicenses', policy.denyLicenses],
  ];
  for (const [key, entries] of lists) {
    (entries ?? []).forEach((entry, i) => {
      const c = classifyLicenseEntry(entry, knownLicenseIds);
      if (c.kind === 'invalid') issues.push({ path: `policy.${key}.${i}`, message: c.message });
    });
  }
  return issues;
}

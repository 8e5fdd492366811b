import type { LicenseComparison } from '../../core/license/compare';
import type { LicenseColumn, LicensePanelState, LicenseRow, LicenseView, TermCell } from './messages';

/** Most columns the panel shows (wider tables stop being readable). */
export const MAX_COLUMNS = 12;

/** A column to request, with why it is there. */
export interface ColumnChoice {
  modelId: string;
  origin: LicenseColumn['origin'];
}

/**
 * Which models become columns: those used in the workspace, then their suggested alternatives, then the ones the
 * person added — minus the ones they removed, without duplicates, at most MAX_COLUMNS (added ones are kept first
 * when cutting, since someone asked for them).
 */
export function chooseColumns(used: readonly string[], suggested: readonly string[], state: LicensePanelState): ColumnChoice[] {
  const removed = new Set(state.removed);
  const seen = new Set<string>();
  const pick = (ids: readonly string[], origin: ColumnChoice['origin']) =>
    ids.filter((id) => !removed.has(id) && !seen.has(id) && seen.add(id)).map((modelId) => ({ modelId, origin }));
  const added = pick(state.added, 'added');
  const fromWorkspace = [...pick(used, 'used'), ...pick(suggested, 'suggested')];
  return [...fromWorkspace.slice(0, Math.max(0, MAX_COLUMNS - added.length)), ...added];
}

/** Keeps only string ids from a saved state (it comes back from the webview, so its shape is not trusted). */
export function sanitizeState(state: unknown): LicensePanelState {
  const s = (state ?? {}) as { added?: unknown; removed?: unknown };
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 50) : []);
  return { added: ids(s.added), removed: ids(s.removed) };
}

const VERDICT_TONE = { pass: 'good', warn: 'caution', fail: 'bad' } as const;

/**
 * Lays the engine's LicenseComparison out for the webview: its columns (tagged used/suggested/added) and rows, plus a
 * "License text" row and the workspace policy's verdict with its findings. Presentation only: every value and tone
 * comes from compareLicenses.
 */
export function toLicenseView(comparison: LicenseComparison, requested: readonly ColumnChoice[], choices: LicenseView['choices'], notes: readonly string[]): LicenseView {
  const origin = new Map(requested.map((c) => [c.modelId, c.origin]));
  const columns: LicenseColumn[] = comparison.columns.map((c) => ({
    modelId: c.modelId,
    modelName: c.modelName,
    origin: origin.get(c.modelId) ?? 'added',
    licenseName: c.spdx && c.spdx !== c.licenseName ? `${c.licenseName} (${c.spdx})` : c.licenseName,
    ...(c.licenseUrl ? { licenseUrl: c.licenseUrl } : {}),
  }));
  const rows: LicenseRow[] = comparison.rows.map((r) => ({
    key: r.key,
    label: r.label,
    cells: comparison.columns.map((c) => toCell(c.terms[r.key])),
  }));
  rows.push({
    key: 'licenseText',
    label: 'License text',
    cells: comparison.columns.map((c) => ({
      text: c.asOf ? `${c.licenseName} (as of ${c.asOf})` : c.licenseName,
      tone: c.licenseUrl ? 'good' : 'unknown',
      ...(c.licenseUrl ? { url: c.licenseUrl } : {}),
    })),
  });
  rows.push({
    key: 'policyVerdict',
    label: 'Verdict under this workspace’s policy',
    cells: comparison.columns.map((c) => {
      const first = c.policy.findings.find((f) => f.clause);
      const text = [c.policy.verdict, ...c.policy.findings.map((f) => f.message)].join(' — ');
      return {
        text,
        tone: VERDICT_TONE[c.policy.verdict],
        ...(first?.clause ? { clause: first.clause } : {}),
        ...(first?.section ? { section: first.section } : {}),
        ...(first?.url ? { url: first.url } : {}),
      };
    }),
  });
  const allNotes = [...notes];
  if (comparison.unknownModels.length > 0) allNotes.push(`Not in the catalog (no license data): ${comparison.unknownModels.join(', ')}.`);
  return { columns, rows, choices: [...choices], notes: allNotes };
}

function toCell(c: { text: string; tone: TermCell['tone']; clause?: string; section?: string; url?: string } | undefined): TermCell {
  if (!c) return { text: 'unknown', tone: 'unknown' };
  return { text: c.text, tone: c.tone, ...(c.clause ? { clause: c.clause } : {}), ...(c.section ? { section: c.section } : {}), ...(c.url ? { url: c.url } : {}) };
}

import type { License, Model } from '../catalog/schema';
import type { Engine } from '../engine';
import { evaluatePolicy } from '../policy/evaluate';
import type { FindingCode, PolicyVerdict } from '../types';

/** The terms compared, in display order. */
export type LicenseTermKey =
  | 'commercialUse'
  | 'mauCap'
  | 'revenueCap'
  | 'attribution'
  | 'naming'
  | 'usePolicy'
  | 'regionalLimits'
  | 'outputTraining'
  | 'patentGrant'
  | 'redistribution';

/** One cell: the value in words, a tone for colouring, and the clause that says it (quoted, with section and link). */
export interface LicenseTermCell {
  text: string;
  /** good: no duty/limit; caution: a duty or limit applies; bad: the workspace policy fails on it; unknown: not known. */
  tone: 'good' | 'caution' | 'bad' | 'unknown';
  clause?: string;
  section?: string;
  url?: string;
}

/** One model's column. */
export interface LicenseComparisonColumn {
  modelId: string;
  modelName: string;
  vendor: string;
  openWeights: boolean;
  licenseId: string | null;
  licenseName: string;
  spdx: string | null;
  licenseKind: License['kind'] | 'unknown';
  /** Link to the license text. */
  licenseUrl?: string;
  asOf?: string;
  terms: Record<LicenseTermKey, LicenseTermCell>;
  /** The workspace policy's verdict for this model, with findings and their clauses. */
  policy: PolicyVerdict;
}

/** The payload the license webview renders (plain data, no UI text beyond the cell texts and row labels). */
export interface LicenseComparison {
  rows: { key: LicenseTermKey; label: string }[];
  columns: LicenseComparisonColumn[];
  /** Requested ids the catalog (and config) do not know. */
  unknownModels: string[];
}

export const LICENSE_ROWS: LicenseComparison['rows'] = [
  { key: 'commercialUse', label: 'Commercial use' },
  { key: 'mauCap', label: 'Monthly active user cap' },
  { key: 'revenueCap', label: 'Revenue cap' },
  { key: 'attribution', label: 'Attribution' },
  { key: 'naming', label: 'Naming rule' },
  { key: 'usePolicy', label: 'Use policy' },
  { key: 'regionalLimits', label: 'Regional limits' },
  { key: 'outputTraining', label: 'Training on outputs' },
  { key: 'patentGrant', label: 'Patent grant' },
  { key: 'redistribution', label: 'Redistribution' },
];

/** Which policy finding codes belong to which row (a finding turns its row's tone to bad/caution). */
const ROW_CODES: Partial<Record<LicenseTermKey, FindingCode[]>> = {
  commercialUse: ['LICENSE_NON_COMMERCIAL'],
  mauCap: ['LICENSE_MAU_CAP'],
  revenueCap: ['LICENSE_REVENUE_CAP'],
  attribution: ['LICENSE_ATTRIBUTION'],
  naming: ['LICENSE_NAMING'],
  regionalLimits: ['LICENSE_REGION'],
  outputTraining: ['LICENSE_OUTPUT_TRAINING'],
};

const UNKNOWN: LicenseTermCell = { text: 'unknown', tone: 'unknown' };
const int = (n: number): string => n.toLocaleString('en-US');

/**
 * Compares the licenses of the given models side by side, term by term, each cell with the clause that decides it,
 * plus the workspace policy's verdict per model. Unknown ids are listed in `unknownModels`, not dropped silently.
 */
export function compareLicenses(modelIds: string[], engine: Engine): LicenseComparison {
  const columns: LicenseComparisonColumn[] = [];
  const unknownModels: string[] = [];
  const seen = new Set<string>();
  for (const id of modelIds) {
    const model = engine.models.get(id) ?? engine.models.resolve(id);
    if (!model) {
      unknownModels.push(id);
      continue;
    }
    if (seen.has(model.id)) continue;
    seen.add(model.id);
    columns.push(column(model, engine.models.license(model.license), engine));
  }
  return { rows: LICENSE_ROWS, columns, unknownModels };
}

function column(model: Model, license: License | undefined, engine: Engine): LicenseComparisonColumn {
  const policy = evaluatePolicy(model, license, engine.config.policy);
  const terms = license ? termCells(license) : Object.fromEntries(LICENSE_ROWS.map((r) => [r.key, UNKNOWN]));
  for (const [key, codes] of Object.entries(ROW_CODES) as [LicenseTermKey, FindingCode[]][]) {
    const hit = policy.findings.filter((f) => codes.includes(f.code));
    if (hit.some((f) => f.severity === 'error')) terms[key] = { ...terms[key]!, tone: 'bad' };
    else if (hit.length > 0 && terms[key]!.tone === 'good') terms[key] = { ...terms[key]!, tone: 'caution' };
  }
  const col: LicenseComparisonColumn = {
    modelId: model.id,
    modelName: model.name,
    vendor: model.vendor,
    openWeights: model.openWeights,
    licenseId: license?.id ?? null,
    licenseName: license?.name ?? `${model.license} (not in the catalog)`,
    spdx: license?.spdx ?? null,
    licenseKind: license?.kind ?? 'unknown',
    terms: terms as Record<LicenseTermKey, LicenseTermCell>,
    policy,
  };
  if (license) {
    col.licenseUrl = license.url;
    col.asOf = license.asOf;
  }
  return col;
}

type Term = { clause?: string; section?: string; url?: string };
function cell(text: string, tone: LicenseTermCell['tone'], t: Term, fallbackUrl: string): LicenseTermCell {
  const c: LicenseTermCell = { text, tone };
  if (t.clause) c.clause = t.clause;
  if (t.section) c.section = t.section;
  c.url = t.url ?? fallbackUrl;
  return c;
}

function termCells(l: License): Record<LicenseTermKey, LicenseTermCell> {
  const t = l.terms;
  const u = l.url;
  const commercial = { yes: ['yes', 'good'], no: ['no', 'bad'], conditional: ['yes, with conditions', 'caution'], unknown: ['unknown', 'unknown'] } as const;
  const [cText, cTone] = commercial[t.commercialUse.value];
  const effect = t.mauCapEffect === 'license-required' ? 'a separate license is needed above it' : t.mauCapEffect === 'display-name' ? 'the model name must be displayed above it' : '';
  const mau = t.mauCap.value === null ? cell('none', 'good', t.mauCap, u) : cell(`${int(t.mauCap.value)} MAU${effect ? `: ${effect}` : ''}`, 'caution', t.mauCap, u);
  const rev = t.revenueCapUsd.value === null ? cell('none', 'good', t.revenueCapUsd, u) : cell(`$${int(t.revenueCapUsd.value)}${effect ? `: ${effect}` : ''}`, 'caution', t.revenueCapUsd, u);
  const att = t.attribution;
  const attText = att.value === 'none' ? 'none' : `${att.value === 'prominent' ? 'prominent' : 'notice'}${att.text ? `: "${att.text}"` : ''}`;
  const nam = t.naming;
  const namText = nam.value === 'none' ? 'none' : `${nam.value === 'prefix-required' ? 'name must start with' : 'must display'}${nam.text ? ` "${nam.text}"` : ''}`;
  const aup = t.acceptableUsePolicy;
  const aupCell = cell(aup.value ? 'acceptable use policy applies' : 'none', aup.value ? 'caution' : 'good', { ...aup, url: aup.policyUrl ?? aup.url }, u);
  const regions = t.regionalLimits;
  const regionCell: LicenseTermCell =
    regions.length === 0
      ? { text: 'none', tone: 'good', url: u }
      : {
          text: regions.map((r) => `${r.region} (${r.scope === 'multimodal' ? 'multimodal models' : 'all use'}, ${r.appliesTo})`).join('; '),
          tone: 'caution',
          clause: regions.map((r) => r.clause).join('\n\n'),
          url: regions[0]!.url,
          ...(regions[0]!.section ? { section: regions[0]!.section } : {}),
        };
  const training = {
    allowed: ['allowed', 'good'],
    inherits: ['allowed; the trained model inherits the terms', 'caution'],
    'forbidden-competing': ['forbidden for competing models', 'caution'],
    forbidden: ['forbidden', 'bad'],
    unknown: ['unknown', 'unknown'],
  } as const;
  const [trText, trTone] = training[t.outputTraining.value];
  const patent = { yes: ['yes', 'good'], no: ['no', 'caution'], unknown: ['not stated', 'unknown'] } as const;
  const [pText, pTone] = patent[t.patentGrant.value];
  const redis = {
    permissive: ['permissive', 'good'],
    'pass-through-restrictions': ['restrictions pass to recipients', 'caution'],
    'no-weights': ['no weights (API only)', 'caution'],
    prohibited: ['prohibited', 'bad'],
    unknown: ['unknown', 'unknown'],
  } as const;
  const [rText, rTone] = redis[t.redistribution.value];
  return {
    commercialUse: cell(cText, cTone, t.commercialUse, u),
    mauCap: mau,
    revenueCap: rev,
    attribution: cell(attText, att.value === 'none' ? 'good' : 'caution', att, u),
    naming: cell(namText, nam.value === 'none' ? 'good' : 'caution', nam, u),
    usePolicy: aupCell,
    regionalLimits: regionCell,
    outputTraining: cell(trText, trTone, t.outputTraining, u),
    patentGrant: cell(pText, pTone, t.patentGrant, u),
    redistribution: cell(rText, rTone, t.redistribution, u),
  };
}

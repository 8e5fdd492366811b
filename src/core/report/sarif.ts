import type * as Sarif from 'sarif';
import { locatedFindings } from '../review/diff';
import type { LocatedFinding, ReviewReport } from '../review/types';
import type { AuditResult, FindingCode, Severity } from '../types';

/** Tool identity written into every SARIF log. */
export const SARIF_TOOL = { name: 'Modelwise', informationUri: 'https://example.invalid/modelwise', version: '0.1.0' };

/** One line per finding code: what the rule checks (rule metadata, shown by code-scanning UIs). */
const RULE_TEXT: Record<FindingCode, string> = {
  MODEL_NOT_IN_CATALOG: 'The model is not in the catalog, so the call cannot be priced or its license checked.',
  DYNAMIC_MODEL_ID: 'The model is chosen at run time and cannot be identified statically.',
  LICENSE_NOT_ALLOWED: "The model's license is not on the policy's allowLicenses list.",
  LICENSE_DENIED: "The model's license is on the policy's denyLicenses list.",
  LICENSE_MAU_CAP: "The product's monthly active users exceed the license's cap.",
  LICENSE_REVENUE_CAP: "The product's monthly revenue exceeds the license's cap.",
  LICENSE_ATTRIBUTION: 'The license requires attribution that the policy does not accept.',
  LICENSE_NAMING: 'The license imposes a naming rule that the policy does not accept.',
  LICENSE_OUTPUT_TRAINING: "The terms restrict training models on the model's outputs, which the policy says will happen.",
  LICENSE_REGION: 'The license or its use policy limits rights in a region where the product is offered.',
  LICENSE_NON_COMMERCIAL: 'The license does not allow (or only conditionally allows) commercial use.',
  LICENSE_UNKNOWN_TERMS: "The license's terms are not known for this check.",
  VENDOR_DENIED: "The model's vendor is denied (or not allowed) by the policy.",
  MODEL_DENIED: 'The model is denied (or not allowed) by the policy.',
  COST_OVER_BUDGET: "The workspace's monthly LLM spend is over policy.monthlyBudgetUsd.",
  CALL_IN_LOOP: 'An LLM call runs inside a loop with a large output allowance.',
  ROUTINE_ON_FRONTIER: 'A routine call runs on a frontier model; a cheaper model would do.',
};

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

const pascal = (code: string): string => code.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

/** FNV-1a 32-bit hash as hex: a stable fingerprint without Node's crypto (core stays runtime-neutral). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The message of a result: the finding's message, then the deciding clause quoted with its section and link. */
export function sarifMessage(f: LocatedFinding): string {
  const parts = [f.message];
  if (f.clause) parts.push(`Clause${f.section ? ` (${f.section})` : ''}: "${f.clause}"`);
  else if (f.section) parts.push(`See ${f.section}.`);
  if (f.url) parts.push(f.url);
  return parts.join(' ');
}

/**
 * A file relative to the audited root becomes a %SRCROOT%-relative URI; an absolute path (a `--config` file outside
 * the root) becomes a `file:` URI of its own, since it cannot be expressed relative to the root.
 */
function artifactLocation(file: string): Sarif.ArtifactLocation {
  const posix = file.replace(/\\/g, '/');
  if (posix.startsWith('/')) return { uri: `file://${encodeURI(posix)}` };
  if (/^[A-Za-z]:\//.test(posix)) return { uri: `file:///${encodeURI(posix)}` };
  return { uri: encodeURI(posix), uriBaseId: '%SRCROOT%' };
}

function isReview(input: ReviewReport | AuditResult): input is ReviewReport {
  return (input as ReviewReport).schemaVersion === 1 && Array.isArray((input as ReviewReport).findings);
}

/**
 * SARIF 2.1.0 log of the findings: for a review, those of the calls the change adds (plus the budget); for an audit,
 * every call's findings. One rule per finding code present; each result has the file (relative to %SRCROOT%) and the
 * call's line and column, and its message quotes the license clause that decides it. Notebook findings point at the
 * .ipynb file with the cell in `properties` (a line inside a cell is not a line of the file). The budget finding points
 * at `.modelwise.yaml` (the `monthlyBudgetUsd` line) when the review knows where the config was read from.
 */
export function formatSarif(input: ReviewReport | AuditResult): Sarif.Log {
  const findings = isReview(input) ? input.findings : input.calls.flatMap(locatedFindings);
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const rules: Sarif.ReportingDescriptor[] = codes.map((code) => ({
    id: code,
    name: pascal(code),
    shortDescription: { text: RULE_TEXT[code] },
    defaultConfiguration: { level: LEVEL[findings.find((f) => f.code === code)!.severity] },
  }));
  const results: Sarif.Result[] = findings.map((f) => {
    const r: Sarif.Result = {
      ruleId: f.code,
      ruleIndex: codes.indexOf(f.code),
      level: LEVEL[f.severity],
      message: { text: sarifMessage(f) },
    };
    if (f.file !== undefined) {
      const physical: Sarif.PhysicalLocation = { artifactLocation: artifactLocation(f.file) };
      if (f.cell === undefined && f.line !== undefined) {
        physical.region = { startLine: f.line, ...(f.column !== undefined ? { startColumn: f.column } : {}) };
      }
      r.locations = [{ physicalLocation: physical }];
      r.partialFingerprints = { 'modelwise/v1': fnv1a([f.code, f.file, f.cell ?? '', f.modelId ?? '', f.callId ?? ''].join('|')) };
    }
    const props: Record<string, unknown> = {};
    if (f.modelId) props.modelId = f.modelId;
    if (f.cell !== undefined) props.cell = f.cell;
    if (f.cell !== undefined && f.line !== undefined) props.lineInCell = f.line;
    if (f.clause) props.clause = f.clause;
    if (f.section) props.section = f.section;
    if (f.url) props.url = f.url;
    if (f.introduced === false) props.introduced = false;
    if (Object.keys(props).length > 0) r.properties = props;
    return r;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { ...SARIF_TOOL, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The audited workspace root.' } } },
        results,
      },
    ],
  };
}

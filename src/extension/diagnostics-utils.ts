import type { AnalyzedCall, FindingCode } from '../core/types';
import type { SeverityName } from './settings-utils';

/** The three kinds of diagnostic the extension reports, each with its own severity setting. */
export type DiagnosticKind = 'unpriced' | 'license' | 'loop';

/** One diagnostic before it becomes a vscode.Diagnostic: offsets into the document, a stable code. */
export interface CallDiagnostic {
  kind: DiagnosticKind;
  code: FindingCode;
  message: string;
  severity: Exclude<SeverityName, 'off'>;
  startOffset: number;
  endOffset: number;
}

/** Settings that decide which diagnostics appear and how loud they are. */
export interface DiagnosticSettings {
  unpricedSeverity: SeverityName;
  licenseSeverity: SeverityName;
  loopSeverity: SeverityName;
  /** Max output (tokens) from which a call inside a loop is flagged. */
  loopMaxOutputTokens: number;
}

const LICENSE_CODES = new Set<FindingCode>([
  'LICENSE_NOT_ALLOWED',
  'LICENSE_DENIED',
  'LICENSE_MAU_CAP',
  'LICENSE_REVENUE_CAP',
  'LICENSE_ATTRIBUTION',
  'LICENSE_NAMING',
  'LICENSE_OUTPUT_TRAINING',
  'LICENSE_REGION',
  'LICENSE_NON_COMMERCIAL',
  'LICENSE_UNKNOWN_TERMS',
  'VENDOR_DENIED',
  'MODEL_DENIED',
]);

/**
 * What a reviewer must see about one call: an unpriced or unknown model (never shown as $0), a model whose license
 * fails the workspace policy (one diagnostic per failing finding, with the clause), and a call inside a loop whose
 * max output is large. Kinds set to 'off' are skipped. Ranges: the model literal when there is one, else the
 * method name.
 */
export function callDiagnostics(call: AnalyzedCall, settings: DiagnosticSettings): CallDiagnostic[] {
  const out: CallDiagnostic[] = [];
  const onModel = call.modelLiteral ?? { startOffset: call.nameStartOffset, endOffset: call.nameEndOffset };
  const onName = { startOffset: call.nameStartOffset, endOffset: call.nameEndOffset };
  const push = (kind: DiagnosticKind, code: FindingCode, message: string, at: { startOffset: number; endOffset: number }) => {
    const severity = settings[`${kind}Severity`];
    if (severity === 'off') return;
    out.push({ kind, code, message, severity, startOffset: at.startOffset, endOffset: at.endOffset });
  };
  if (call.model !== null && (call.cost.status === 'unknown-model' || call.cost.status === 'unpriced')) {
    const why = call.cost.status === 'unknown-model' ? `'${call.model}' is not in the Modelwise catalog` : `'${call.model}' has no per-token price in the catalog`;
    push('unpriced', 'MODEL_NOT_IN_CATALOG', `${why}: its cost is unknown (not $0). Add it under models/prices in .modelwise.yaml.`, onModel);
  }
  if (call.policy?.verdict === 'fail') {
    const failing = call.policy.findings.filter((f) => f.severity === 'error' || LICENSE_CODES.has(f.code));
    const findings = failing.length > 0 ? failing : call.policy.findings;
    for (const f of findings) {
      const clause = f.clause ? ` — "${f.clause}"${f.section ? ` (${f.section})` : ''}` : '';
      push('license', f.code, `${f.message}${clause}`, onModel);
    }
    if (findings.length === 0) push('license', 'LICENSE_NOT_ALLOWED', `The license of '${call.model}' fails the workspace policy.`, onModel);
  }
  if (call.inLoop && call.tokens.outputHigh >= settings.loopMaxOutputTokens) {
    const source = call.tokens.outputHighSource === 'call-max' ? 'max output' : 'no max output set; up to';
    push('loop', 'CALL_IN_LOOP', `LLM call inside a loop (${source} ${call.tokens.outputHigh.toLocaleString('en-US')} tokens per call): cost grows with the collection. Consider batching or a lower max output.`, onName);
  }
  return out;
}

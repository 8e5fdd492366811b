import type { Engine } from '../core/engine';
import { formatCsv, formatMarkdown, formatTable, toJsonReport } from '../core/index';
import { formatCycloneDx } from '../core/report/cyclonedx';
import { formatSarif } from '../core/report/sarif';
import { version } from '../../package.json';
import type { AuditResult } from '../core/types';
import type { AuditFormat } from './args';

/** Report modules may return text or a JSON-ready object; the CLI prints both as text. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/**
 * Renders an audit in the requested format. All wording comes from core/report (one module per format); the CLI only
 * picks the module. Output is plain text without colour codes, so NO_COLOR and pipes need no special case. JSON paths are relative to `root` with forward slashes (they already are: the CLI hands the engine
 * relative paths).
 */
export function renderAudit(result: AuditResult, format: AuditFormat, opts: { root: string; engine: Engine }): string {
  switch (format) {
    case 'json':
      return asText(toJsonReport(result, opts.root));
    case 'markdown':
      return asText(formatMarkdown(result));
    case 'csv':
      return asText(formatCsv(result));
    case 'sarif':
      return asText(formatSarif(result));
    case 'cyclonedx':
      return asText(formatCycloneDx(result, opts.engine, { toolVersion: version }));
    default:
      return asText(formatTable(result));
  }
}

/**
 * The engine surface the extension consumes, in one place. Everything here comes from src/core (the pure engine);
 * the extension never re-implements engine logic, it only feeds text in and renders what comes back.
 */
export {
  analyzeText,
  auditTexts,
  createEngine,
  parseConfig,
  setUsageEntry,
  lensTitle,
  hoverMarkdown,
  toJsonReport,
  formatMarkdown,
  formatCsv,
  formatUsd,
  formatUsdRange,
  compareLicenses,
  portfolio,
} from '../core';
export type { Engine, LicenseComparison } from '../core';
export { reviewChange } from '../core/review/diff';
export { formatReviewMarkdown } from '../core/report/review-markdown';

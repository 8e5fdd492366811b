/**
 * Every command id the extension registers. Stable: the integration and UI suites call these, and package.json
 * contributes them with "Modelwise: …" titles.
 */
export const CommandId = {
  AuditWorkspace: 'modelwise.auditWorkspace',
  CompareLicenses: 'modelwise.compareLicenses',
  ReviewChanges: 'modelwise.reviewChanges',
  ToggleLenses: 'modelwise.toggleLenses',
  ShowEstimate: 'modelwise.showEstimate',
  SetUsage: 'modelwise.setUsage',
  SwitchModel: 'modelwise.switchModel',
  ExportAudit: 'modelwise.exportAudit',
  ShowOutput: 'modelwise.showOutput',
  /** Internal: the notice after a quick fix that moved a call to another host. */
  ShowSwitchSteps: 'modelwise.showSwitchSteps',
} as const;

/** Any registered command id. */
export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];

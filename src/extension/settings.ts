import * as vscode from 'vscode';
import { parseSettings, type Settings } from './settings-utils';

const warned = new Set<string>();

/**
 * Reads the `modelwise.*` settings for a resource (per folder / language), validated. Never cached: callers ask
 * each time they need a value. Invalid values fall back to the default and are logged once per message.
 */
export function readSettings(resource: vscode.Uri | undefined, log?: vscode.LogOutputChannel): Settings {
  const cfg = vscode.workspace.getConfiguration('modelwise', resource);
  const raw = {
    lens: { enabled: cfg.get('lens.enabled'), minMonthlyUsd: cfg.get('lens.minMonthlyUsd') },
    maxFileSizeKb: cfg.get('maxFileSizeKb'),
    diagnostics: {
      unpricedSeverity: cfg.get('diagnostics.unpricedSeverity'),
      licenseSeverity: cfg.get('diagnostics.licenseSeverity'),
      loopSeverity: cfg.get('diagnostics.loopSeverity'),
      loopMaxOutputTokens: cfg.get('diagnostics.loopMaxOutputTokens'),
    },
    catalogPath: cfg.get('catalogPath'),
    audit: { maxFiles: cfg.get('audit.maxFiles'), exclude: cfg.get('audit.exclude') },
    statusBar: { enabled: cfg.get('statusBar.enabled'), workspaceTotal: cfg.get('statusBar.workspaceTotal') },
    review: { baseBranch: cfg.get('review.baseBranch') },
  };
  const { settings, warnings } = parseSettings(stripUndefined(raw));
  for (const w of warnings) {
    if (warned.has(w)) continue;
    warned.add(w);
    log?.warn(w);
  }
  return settings;
}

/** zod defaults apply only to absent keys, so drop the undefined ones `get` returns for unknown settings. */
function stripUndefined(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
  return out;
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig } from '../core/config/parse-config';
import type { Config } from '../core/config/schema';
import type { InputIssue } from '../core/types';

/** Name of the workspace config file, looked up at the root of the audited PATH. */
export const CONFIG_FILE_NAME = '.modelwise.yaml';

/** A config file that was asked for explicitly but cannot be read: a usage error (exit 2). */
export class ConfigFileError extends Error {}

/** The workspace config as loaded: undefined config means "no file, all defaults". */
export interface LoadedConfig {
  config?: Config;
  issues: InputIssue[];
  /** The file read (as displayed in messages), when there was one. */
  file?: string;
  /** Its raw text, so worker threads can parse the same config. */
  text?: string;
}

/**
 * Loads `.modelwise.yaml` from `root`, or `explicit` when given (`--config`). A missing explicit file throws
 * ConfigFileError; a missing default file is fine (defaults apply). A malformed file never throws: parseConfig drops
 * the bad entries (or everything, on a syntax error) and returns located issues. `displayName` turns the absolute
 * path into what messages show.
 */
export async function loadWorkspaceConfig(root: string, explicit: string | undefined, displayName: (abs: string) => string): Promise<LoadedConfig> {
  const path = explicit ?? join(root, CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    if (explicit !== undefined) throw new ConfigFileError(`${explicit}: config file not found`);
    return { issues: [] };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ConfigFileError(`${displayName(path)}: cannot read config file (${(e as Error).message})`);
  }
  const file = displayName(path);
  const parsed = parseConfig(text, file);
  return { config: parsed.config, issues: parsed.issues, file, text };
}

/** `file:line:col: message` — the form editors and CI logs turn into links. */
export function formatIssue(issue: InputIssue): string {
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  const path = issue.path ? ` (${issue.path})` : '';
  return `${where}: ${issue.message}${path}`;
}

import { z } from 'zod';

/**
 * The extension's settings, mirrored from `contributes.configuration` in package.json (the schema of record).
 * vscode-free so unit tests can check defaults and fallbacks. Units are in the field names and comments.
 */

/** Severity names as the settings spell them; 'off' hides that kind of diagnostic. */
export const SeveritySetting = z.enum(['error', 'warning', 'information', 'hint', 'off']);
/** A severity setting value. */
export type SeverityName = z.infer<typeof SeveritySetting>;

/** zod mirror of `contributes.configuration` (nested by setting area). */
export const SettingsSchema = z.object({
  lens: z
    .object({
      /** Show the cost lens above each LLM call. */
      enabled: z.boolean().default(true),
      /** Hide lenses of priced calls whose monthly estimate (high end) is below this many USD per month. */
      minMonthlyUsd: z.number().nonnegative().default(0),
    })
    .default({ enabled: true, minMonthlyUsd: 0 }),
  /** Files larger than this many KiB are not analysed (lenses, hovers, audit). */
  maxFileSizeKb: z.number().positive().default(512),
  diagnostics: z
    .object({
      /** Severity for calls whose model has no price in the catalog. */
      unpricedSeverity: SeveritySetting.default('warning'),
      /** Severity for calls whose model's license fails the workspace policy. */
      licenseSeverity: SeveritySetting.default('error'),
      /** Severity for calls inside loops whose max output is large. */
      loopSeverity: SeveritySetting.default('warning'),
      /** "Large" max output for the loop diagnostic, in tokens. */
      loopMaxOutputTokens: z.number().int().positive().default(4096),
    })
    .default({ unpricedSeverity: 'warning', licenseSeverity: 'error', loopSeverity: 'warning', loopMaxOutputTokens: 4096 }),
  /** Extra catalog YAML file or folder (merged over the bundled catalog). Ignored in Restricted Mode. */
  catalogPath: z.string().default(''),
  audit: z
    .object({
      /** Upper bound on files read by the workspace audit. */
      maxFiles: z.number().int().positive().default(5000),
      /** Globs excluded from the audit in addition to files.exclude and .gitignore. */
      exclude: z.array(z.string()).default(['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**']),
    })
    .default({ maxFiles: 5000, exclude: ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**'] }),
  statusBar: z
    .object({
      /** Show the monthly spend of the active file and the workspace in the status bar. */
      enabled: z.boolean().default(true),
      /** Compute the workspace total in the background (a quiet audit shortly after start-up). */
      workspaceTotal: z.boolean().default(true),
    })
    .default({ enabled: true, workspaceTotal: true }),
  review: z
    .object({
      /** Branch (or any commit-ish) to compare against; empty = origin/HEAD, then main, then master. */
      baseBranch: z.string().default(''),
    })
    .default({ baseBranch: '' }),
});

/** Validated settings with defaults filled in. */
export type Settings = z.infer<typeof SettingsSchema>;

/** The defaults, as the schema gives them. */
export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

/**
 * Validates raw setting values (a nested object as `getConfiguration('modelwise')` exposes them). Each invalid
 * field falls back to its default and yields one warning naming the setting; valid fields are kept.
 */
export function parseSettings(raw: unknown): { settings: Settings; warnings: string[] } {
  const whole = SettingsSchema.safeParse(raw ?? {});
  if (whole.success) return { settings: whole.data, warnings: [] };
  const warnings: string[] = [];
  const cleaned = structuredClone((raw ?? {}) as Record<string, unknown>);
  for (const issue of whole.error.issues) {
    const path = issue.path.map(String);
    warnings.push(`setting modelwise.${path.join('.')} is invalid (${issue.message}); using the default`);
    deletePath(cleaned, path);
  }
  const retry = SettingsSchema.safeParse(cleaned);
  return { settings: retry.success ? retry.data : defaultSettings(), warnings };
}

function deletePath(obj: Record<string, unknown>, path: string[]): void {
  let node: unknown = obj;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string, unknown>)[path[i] as string];
  }
  if (node !== null && typeof node === 'object' && path.length > 0) delete (node as Record<string, unknown>)[path[path.length - 1] as string];
}

import type { Catalog } from './schema';

/** Scope given to known model ids inside string literals. */
export const MODEL_ID_SCOPE = 'support.constant.model-id.modelwise';

/**
 * A TextMate injection grammar that scopes every catalog id and alias inside string literals of Python, JavaScript
 * and TypeScript, so themes colour them before the extension activates. Generated at build time (esbuild.mjs).
 */
export function buildGrammar(catalog: Catalog): Record<string, unknown> {
  const names = new Set<string>();
  for (const m of catalog.models) {
    names.add(m.id);
    for (const a of m.aliases) names.add(a);
  }
  // Longest first so a dated snapshot wins over its prefix.
  const alternatives = [...names].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegex);
  return {
    scopeName: 'modelwise.model-ids.injection',
    injectionSelector: 'L:string.quoted -comment, L:string.template -comment',
    patterns: [
      {
        name: MODEL_ID_SCOPE,
        match: `(?<![\\w./:-])(?:${alternatives.join('|')})(?![\\w./:-])`,
      },
    ],
  };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

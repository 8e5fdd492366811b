import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { ParserSet } from '../core/scan/parsers';
import type { LanguageId } from '../core/types';

const GRAMMAR_FILES: Record<LanguageId, string> = {
  python: 'tree-sitter-python.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  javascriptreact: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  typescriptreact: 'tree-sitter-tsx.wasm',
};

/** Where the WASM files are: dist/grammars next to the bundle, or node_modules when running from tsc output. */
function wasmPath(file: string, grammarsDir?: string): string {
  const candidates = [
    ...(grammarsDir ? [join(grammarsDir, file)] : []),
    join(__dirname, 'grammars', file),
    join(__dirname, '..', 'dist', 'grammars', file),
  ];
  for (const c of candidates) if (existsSync(c)) return c;
  const pkg: Record<string, string> = {
    'web-tree-sitter.wasm': 'web-tree-sitter/web-tree-sitter.wasm',
    'tree-sitter-python.wasm': 'tree-sitter-python/tree-sitter-python.wasm',
    'tree-sitter-javascript.wasm': 'tree-sitter-javascript/tree-sitter-javascript.wasm',
    'tree-sitter-typescript.wasm': 'tree-sitter-typescript/tree-sitter-typescript.wasm',
    'tree-sitter-tsx.wasm': 'tree-sitter-typescript/tree-sitter-tsx.wasm',
  };
  return require.resolve(pkg[file] ?? file);
}

let initOnce: Promise<void> | undefined;

/**
 * Initialises web-tree-sitter and loads the grammars for the given languages (all by default). Grammars load once per
 * process; each call returns fresh Parser objects bound to them.
 */
export async function loadParsers(languages: readonly LanguageId[] = Object.keys(GRAMMAR_FILES) as LanguageId[], grammarsDir?: string): Promise<ParserSet> {
  initOnce ??= Parser.init({ locateFile: (name: string) => wasmPath(name, grammarsDir) });
  await initOnce;
  const parsers = new Map<LanguageId, Parser>();
  const byFile = new Map<string, Parser>();
  for (const lang of languages) {
    const file = GRAMMAR_FILES[lang];
    let parser = byFile.get(file);
    if (!parser) {
      const language = await loadLanguage(file, grammarsDir);
      parser = new Parser();
      parser.setLanguage(language);
      byFile.set(file, parser);
    }
    parsers.set(lang, parser);
  }
  return { get: (lang) => parsers.get(lang) };
}

const languages = new Map<string, Promise<Language>>();
function loadLanguage(file: string, grammarsDir?: string): Promise<Language> {
  let p = languages.get(file);
  if (!p) {
    p = Language.load(wasmPath(file, grammarsDir));
    languages.set(file, p);
  }
  return p;
}

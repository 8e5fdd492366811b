import type { LanguageId } from '../types';

/**
 * Maps a file name to the language the scanner parses it as. Type declaration files (`.d.ts`, `.pyi`) hold no calls,
 * so they map to undefined like any unsupported file.
 */
export function languageForFile(fileName: string): LanguageId | 'notebook' | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.ipynb')) return 'notebook';
  if (name.endsWith('.py')) return 'python';
  if (/\.d\.[mc]?ts$/.test(name)) return undefined;
  if (/\.[mc]?ts$/.test(name)) return 'typescript';
  if (name.endsWith('.tsx')) return 'typescriptreact';
  if (/\.[mc]?js$/.test(name)) return 'javascript';
  if (name.endsWith('.jsx')) return 'javascriptreact';
  return undefined;
}

/** Python or one of the JavaScript family (which share one scanner). */
export function languageFamily(language: LanguageId): 'py' | 'js' {
  return language === 'python' ? 'py' : 'js';
}

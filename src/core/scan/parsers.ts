import type { Parser } from 'web-tree-sitter';
import type { LanguageId } from '../types';

/**
 * Parsers handed to the engine by a shell (CLI, extension, tests). The engine never loads WASM itself: the shell
 * initialises web-tree-sitter and the grammars (src/node/load-parsers.ts) and passes one parser per language.
 */
export interface ParserSet {
  /** A parser for the language, or undefined when that grammar is not loaded. */
  get(language: LanguageId): Parser | undefined;
}

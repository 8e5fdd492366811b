// Entry used by esbuild.mjs at build time only: validates catalog/*.yaml and generates the grammar.
export { parseCatalog } from './parse-catalog';
export { buildGrammar } from './grammar';
